package main

import (
	"flag"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// coreValueFlags are the flags of multichecker and its checker that take a
// value (the others are boolean), including vet's legacy aliases.
var coreValueFlags = []string{
	"c", "debug", "cpuprofile", "memprofile", "trace", "tags",
	"printfuncs", "unusedfuncs", "unusedstringmethods",
}

// valueFlags returns the names of the non-boolean flags the command line may
// carry: the core ones and each analyzer's (as NAME.FLAG).
func valueFlags(analyzers []*analysis.Analyzer) map[string]bool {
	m := map[string]bool{}
	for _, n := range coreValueFlags {
		m[n] = true
	}
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				m[a.Name+"."+f.Name] = true
			}
		})
	}
	return m
}

// splitArgs separates args into flags and positional arguments the way
// package flag will: flags stop at the first argument that is not one, or
// after "--"; a non-boolean flag written without "=" consumes the next
// argument.
func splitArgs(args []string, takesValue map[string]bool) (flags, pos []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(flags, a), args[i+1:]
		}
		if len(a) < 2 || a[0] != '-' {
			return flags, args[i:]
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !hasValue && takesValue[name] && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, nil
}
