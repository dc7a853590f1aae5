// Package driver runs go/analysis passes over packages for the ndislint
// command, at the cost the passes' own design promises: full price only
// for the packages that use the NDIS runtime.
//
// go/analysis's own drivers (multichecker, checker) load every package of
// the import graph from source, the standard library included, as soon as
// one analyzer has facts, and keep all of them (syntax, type information,
// results) until the end of the run. This driver instead:
//
//  1. asks the go command for the import graph and the export data of
//     every package (go list -deps -export, as a no-op multichecker does);
//  2. picks the packages to analyse from source: the packages named on the
//     command line, and the dependencies that matter to them, those that
//     import the runtime (ndis, wdm) directly or not, or carry an //ndis:
//     directive. Every other dependency (the standard library, ordinary
//     modules, the runtime itself) is read from its export data: no
//     parsing, no type-checking of bodies, no analysis, no facts;
//  3. type-checks and analyses those packages in dependency order on a
//     bounded number of workers, in an order that finishes a package's
//     importers soon after it, and drops each package's syntax, type
//     information and analyzer results as soon as it is done. A package's
//     types and facts are kept only while a package that imports it,
//     directly or not, is still to be analysed.
//
// Facts flow between the packages analysed from source exactly as under
// go vet. A dependency read from export data has no facts: for ndislint's
// passes that loses nothing (such a package is not analysed by them
// anyway); for go vet's suite run with -vet it means, for instance, that
// printf does not learn of print wrappers declared in dependencies that do
// not use the runtime (go vet -vettool=ndislint -vet does).
package driver
