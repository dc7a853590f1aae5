package main

import (
	"flag"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	progname := filepath.Base(os.Args[0])
	flags, pos := splitArgs(os.Args[1:], valueFlags(append(passes(), vetSuite()...)))
	withVet := vetRequested(flags)
	analyzers := passes()
	if withVet {
		analyzers = append(analyzers, vetSuite()...)
	}
	// multichecker parses the command line itself; -vet is registered so
	// that the parser (and go vet's -flags query) accept it, and its value
	// was read above.
	flag.Bool("vet", false, "also run the standard go vet analyzers (useful under go vet -vettool)")
	exitOneOnFlagError(progname)

	if len(pos) > 0 && pos[0] == "help" {
		code, done := help(os.Stdout, os.Stderr, progname, analyzers, withVet, pos[1:])
		if done {
			os.Exit(code)
		}
		os.Args = helpArgs(os.Args[0], flags, pos[1:], analyzers)
	}
	multichecker.Main(analyzers...)
}
