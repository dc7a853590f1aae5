// Package nogocheck checks what Bazel's nogo needs of ndislint's pass
// packages (docs/bazel.md): nogo generates a program that imports each
// analyzer package and refers to its exported variable Analyzer, keys its
// configuration by Analyzer.Name, and runs in the compiler's action, so a
// pass package must export Analyzer of type *analysis.Analyzer, and
// importing it must not change global state.
//
// The checks, all run by this package's test:
//
//   - AnalyzerPackages finds the packages under analyzers/ (direct
//     children) whose non-test files declare a package-level variable
//     Analyzer, by parsing them. Every pass analyzers/suite/suite.go lists
//     must be among them, and every one of them must be a pass or a
//     dependency of cmd/ndislint (an analyzer package nobody runs is a pass
//     forgotten in suite.go).
//   - The test builds a program of nogo's shape (one import per package, a
//     []*analysis.Analyzer of their Analyzer variables, which fails to
//     compile unless each is an *analysis.Analyzer), runs analysis.Validate
//     on the list (names are identifiers and unique, docs are set, no
//     Requires cycles), and checks that each Name is the package's name and
//     has rules in the catalogue (rules.RuleIDs).
//   - Effects reports, in the non-test files of each pass package and of
//     every package of this module it imports, directly or not:
//     every func init; and, in package-level variable initialisers
//     (following the calls they make to functions of the same package, and
//     function literals called in place), writes to another package's
//     variables, calls of package flag's top-level functions (they register
//     on flag.CommandLine), method calls on another package's variables
//     (flag.CommandLine.Bool, http.DefaultServeMux.Handle), go statements,
//     and calls to another package's functions whose results are thrown
//     away (var _ = pkg.F()). Building a value (a composite literal, a
//     FlagSet of the analyzer's own, a regexp) is not an effect.
//
// The check is syntactic: another package's variable is a selector whose
// root is the name of one of the file's imports.
package nogocheck
