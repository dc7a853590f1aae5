package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ndislint/ndislint/rules"

	"golang.org/x/tools/go/analysis"
)

// help handles "ndislint help [NAME...]": with no name the overview (the
// passes with their rules) and the command's own flags; a rule ID is
// explained (rules.Rule.Explain), a pass's documentation printed.
func help(stdout, stderr io.Writer, progname string, fs *flag.FlagSet, withVet bool, names []string) int {
	analyzers := passes()
	if withVet {
		analyzers = append(analyzers, vetSuite()...)
	}
	if len(names) == 0 {
		overview(stdout, progname, analyzers, withVet)
		printFlags(stdout, fs)
		return exitClean
	}
	for i, n := range names {
		if i > 0 {
			fmt.Fprintln(stdout, strings.Repeat("-", 72))
		}
		if r := rules.LookupRule(n); r != nil {
			fmt.Fprint(stdout, r.Explain())
		} else if a := findAnalyzer(analyzers, n); a != nil {
			fmt.Fprintf(stdout, "%s: %s\n", a.Name, strings.TrimSpace(a.Doc))
		} else {
			fmt.Fprintf(stderr, "%s: %s\n", progname, unknownName(progname, n, withVet))
			return exitError
		}
	}
	return exitClean
}

// usage prints the short usage and the flags.
func usage(w io.Writer, progname string, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %[1]s [-flag] [package...]\n       %[1]s help [PASS|RULE...]\n\n", progname)
	printFlags(w, fs)
}

// printFlags prints the command's flags.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "Flags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
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
