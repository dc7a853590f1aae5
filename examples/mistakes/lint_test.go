package mistakes_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/analyzers/suite"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestLint runs ndislint's passes over the examples: the CoNDIS client and
// call manager and the NDIS 6 miniport, filter and protocol drivers must be
// clean, and the mistakes must be reported, each by its rule in its file.
func TestLint(t *testing.T) {
	clean := []string{"client", "callmanager", "miniport", "filter", "protocol"}
	patterns := []string{"./examples/mistakes"}
	for _, p := range clean {
		patterns = append(patterns, "./examples/"+p)
	}
	got := lint(t, patterns...)
	for _, p := range clean {
		for _, d := range got[p] {
			t.Errorf("examples/%s is not lint clean: %s", p, d)
		}
	}
	want := []string{
		"irql.go: irql-above-max",
		"seed.go: vc-delete-cm-vc",
		"spinlock.go: spinlock-held-on-return",
		"deletevcpending.go: vc-delete-handler-pends",
		"useafterclose.go: vc-use-after-close",
		"deleteactive.go: vc-delete-call-active",
		"deleteactive.go: vc-closecall-status-dropped",
		"pausefailure.go: role-bad-status",
		"oidsync.go: completion-without-pending",
		"oidtwice.go: completed-twice",
		"registerirql.go: irql-above-max",
		"nblaftersend.go: nbl-use-after-handoff",
		"leakyinterrupt.go: resource-not-released",
		"sharedshutdown.go: ddi-wrong-context",
		"untagged.go: ddi-argument-limit",
		"longstall.go: ddi-argument-limit",
		"irqlquery.go: irql-flag-query",
		"silentfailure.go: ddi-companion-missing",
		"mdlleak.go: resource-not-released",
		"oidpower.go: oid-bad-status",
		"deregisteredsync.go: bad-handle",
		"portsorder.go: ddi-order",
	}
	have := strings.Join(got["mistakes"], "\n")
	for _, w := range want {
		if !strings.Contains(have, w) {
			t.Errorf("ndislint does not report %q in examples/mistakes; it reports:\n%s", w, have)
		}
	}
}

// lint loads the patterns from the module root, runs the passes and
// returns their diagnostics per package name as "file: category: message".
func lint(t *testing.T, patterns ...string) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: root, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the examples do not load")
	}
	passes := suite.Passes()
	g, err := checker.Analyze(passes, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			out[act.Package.Name] = append(out[act.Package.Name], filepath.Base(pos.Filename)+": "+d.Category+": "+d.Message)
		}
	}
	for _, ds := range out {
		sort.Strings(ds)
	}
	return out
}
