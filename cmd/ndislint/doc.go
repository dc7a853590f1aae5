// Command ndislint checks Go-modelled Windows NDIS drivers (CoNDIS clients
// and call managers written against the ndis and wdm packages) for the NDIS
// contract: callback roles, IRQL, spin locks, and the lifetime of VC and
// call handles.
//
// Standalone:
//
//	ndislint [-flag] [package...]
//
// runs every pass with the command's own driver (internal/driver: packages
// that use the runtime from source, everything else from export data).
// Exit status: 0 when clean; 1 when a flag is bad, a pattern matches
// nothing, a package cannot be loaded or type-checked, or a pass fails (one
// line each; the other packages are still checked and their findings
// printed); 3 when there are findings of rules -fail selects and no error.
// -checks selects rules (staticcheck's syntax: all,-role-undeclared,
// vc-*), -show-ignored reports suppressed findings too, -summary gives each
// rule's class (defect N, pass, not applicable) and the roles per package,
// -f text|json|sarif chooses the output (SARIF 2.1.0 for code scanning),
// -json prints go/analysis's JSON (findings alone then leave the status 0),
// -fix applies the suggested fixes and prints what is left, -version prints
// the module version and commit. docs/command.md documents every flag.
//
// Under go vet:
//
//	go vet -vettool=$(which ndislint) [-vet] [package...]
//
// runs the same passes per package, with facts passed between packages by
// the go command. A vet tool replaces go vet's own analyzers; -vet (default
// false) adds them back, so that one go vet run gives ndislint plus the
// standard vet suite. go vet asks the tool for its flags (ndislint -flags)
// and passes -vet, -checks and -show-ignored through to it.
//
// Every finding names its rule by a stable ID, appended to the message in
// parentheses and set as the diagnostic's category, e.g.
//
//	client.go:15:3: NdisCoDeleteVc on a VC the call manager created ... (vc-delete-cm-vc)
//
// Help:
//
//	ndislint help             the passes, each with its rules, then the flags
//	ndislint help RULE        what RULE checks, its NDIS page, wrong and right code
//	ndislint help PASS        a pass's documentation
//
// A report that is wrong or accepted is suppressed in the source with
// //ndislint:ignore RULE reason, on the reported line or the line above.
package main
