package main

import (
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestStdlibSilent runs every ndislint pass over a slice of the standard
// library, which does not use the NDIS runtime: no diagnostic and no error.
func TestStdlibSilent(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "fmt", "strings", "net/http", "go/types")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 || len(pkgs) != 4 {
		t.Fatalf("loading: %d errors, %d packages", n, len(pkgs))
	}
	graph, err := checker.Analyze(passes(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	actions := 0
	for act := range graph.All() {
		actions++
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s: %s", act, act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if actions < len(pkgs)*len(passes()) {
		t.Errorf("only %d actions ran", actions)
	}
}
