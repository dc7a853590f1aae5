package irql_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/irql"
)

// TestSanity runs the pass over its testdata with the checker's sanity
// checks (facts encode and decode deterministically), as ndislint
// -debug=s does, and fails on any error of the pass.
func TestSanity(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata", Env: append(envNoWork(), "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata does not load")
	}
	g, err := checker.Analyze([]*analysis.Analyzer{irql.Analyzer}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if act.IsRoot && act.Analyzer == irql.Analyzer {
			n += len(act.Diagnostics)
		}
	}
	if n == 0 {
		t.Error("the pass reports nothing on its testdata")
	}
}

// envNoWork is the environment with workspaces off, so testdata's own
// go.mod is used.
func envNoWork() []string { return append(os.Environ(), "GOWORK=off") }
