package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/ndislint/ndislint/analyzers/checks"
)

func main() {
	progname := filepath.Base(os.Args[0])
	args := os.Args[1:]
	if vetMode(args) {
		vetMain(args)
		return
	}
	os.Exit(standalone(progname, args, os.Stdout, os.Stderr))
}

// vetMode reports whether the go command runs ndislint as a vet tool: it
// asks for the tool's version (-V=full) or flags (-flags), or passes the
// configuration file of one package (the last argument, *.cfg).
func vetMode(args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if strings.HasSuffix(last, ".cfg") {
		return true
	}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "V=full", "flags":
			return true
		}
	}
	return false
}

// vetMain runs the passes as go vet's tool, through unitchecker, with the
// rule selection flags (-checks, -show-ignored) and -vet registered so
// that go vet accepts them and passes them on.
func vetMain(args []string) {
	checks.RegisterFlags(flag.CommandLine)
	flag.Bool("vet", false, "also run the standard go vet analyzers")
	analyzers := passes()
	if vetRequested(args) {
		analyzers = append(analyzers, vetSuite()...)
	}
	unitchecker.Main(analyzers...)
}
