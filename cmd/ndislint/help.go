package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ndislint/ndislint/rules"

	"golang.org/x/tools/go/analysis"
)

// help handles "ndislint help [NAME...]". Rule IDs are explained here; pass
// names are left to multichecker's help, which keeps its behaviour. done is
// true when the command should exit with code now; otherwise multichecker
// runs on the command line helpArgs returns (with no names it prints its
// own summary and the flags after the overview printed here).
func help(stdout, stderr io.Writer, progname string, analyzers []*analysis.Analyzer, withVet bool, names []string) (code int, done bool) {
	if len(names) == 0 {
		overview(stdout, progname, analyzers, withVet)
		return 0, false
	}
	var found []*rules.Rule
	var passNames []string
	for _, n := range names {
		if r := rules.LookupRule(n); r != nil {
			found = append(found, r)
		} else if findAnalyzer(analyzers, n) != nil {
			passNames = append(passNames, n)
		} else {
			fmt.Fprintf(stderr, "%s: %s\n", progname, unknownName(progname, n, withVet))
			return 1, true
		}
	}
	for i, r := range found {
		if i > 0 {
			fmt.Fprintln(stdout, strings.Repeat("-", 72))
		}
		fmt.Fprint(stdout, r.Explain())
	}
	if len(passNames) == 0 {
		return 0, true
	}
	if len(found) > 0 {
		fmt.Fprintln(stdout, strings.Repeat("-", 72))
	}
	return 0, false
}

// helpArgs returns the command line for multichecker's help: the program,
// its flags, "help" and the pass names among names.
func helpArgs(argv0 string, flags, names []string, analyzers []*analysis.Analyzer) []string {
	out := append([]string{argv0}, flags...)
	out = append(out, "help")
	for _, n := range names {
		if rules.LookupRule(n) == nil && findAnalyzer(analyzers, n) != nil {
			out = append(out, n)
		}
	}
	return out
}

// unknownName explains why name is neither a rule nor a pass.
func unknownName(progname, name string, withVet bool) string {
	if !withVet && findAnalyzer(vetSuite(), name) != nil {
		return fmt.Sprintf("%q is a go vet analyzer, run only with -vet: '%s -vet help %s'", name, progname, name)
	}
	return fmt.Sprintf("no pass or rule named %q; '%s help' lists them", name, progname)
}

// findAnalyzer returns the analyzer called name, or nil.
func findAnalyzer(analyzers []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range analyzers {
		if a.Name == name {
			return a
		}
	}
	return nil
}
