// Command noop is the baseline of issue 10: a multichecker with one
// analyzer that requires only inspect.Analyzer and does nothing. What it
// costs is what loading and type-checking the packages, and building their
// inspectors, cost; ndislint's time and memory are compared with it.
//
//	noop [package...]
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer does nothing but require the inspector.
var Analyzer = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "noop requires the inspector and reports nothing: the baseline of ndislint's benchmarks",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// run does nothing.
func run(*analysis.Pass) (any, error) {
	return nil, nil
}

func main() {
	multichecker.Main(Analyzer)
}
