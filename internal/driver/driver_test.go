package driver

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/analyzers/suite"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// passes are ndislint's passes.
func passes() []*analysis.Analyzer {
	return suite.Passes()
}

// TestParity: over every pass's testdata module (packages that pass facts
// to each other: helpers in other packages, contracts in packages that
// import neither ndis nor wdm) and the examples, the driver reports exactly
// what go/analysis's own checker reports, which loads and analyses every
// package from source.
func TestParity(t *testing.T) {
	dirs, _ := filepath.Glob("../../analyzers/*/testdata")
	dirs = append(dirs, "../../examples")
	if len(dirs) < 7 {
		t.Fatalf("found %d testdata modules", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(filepath.Dir(dir)), func(t *testing.T) {
			want := checkerFindings(t, dir)
			out, err := Run(&Config{Dir: dir, Analyzers: passes()}, []string{"./..."})
			if err != nil {
				t.Fatal(err)
			}
			got := findings(out.Fset, out.Diagnostics)
			if len(want) == 0 {
				t.Fatal("the checker found nothing: the comparison proves nothing")
			}
			if !slices.Equal(got, want) {
				t.Errorf("driver and checker differ\n--- driver (%d):\n%s\n--- checker (%d):\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
			}
		})
	}
}

// checkerFindings runs the passes with go/analysis's checker over dir's
// packages and returns the roots' findings, sorted, each once.
func checkerFindings(t *testing.T, dir string) []string {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: false}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(passes(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var diags []Diagnostic
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			diags = append(diags, Diagnostic{Package: act.Package.PkgPath, Analyzer: act.Analyzer, Diagnostic: d})
		}
	}
	return findings(pkgs[0].Fset, diags)
}

// findings formats diagnostics with their related positions, sorted, each
// once.
func findings(fset *token.FileSet, diags []Diagnostic) []string {
	set := map[string]bool{}
	for _, d := range diags {
		s := fmt.Sprintf("%s: %s [%s]", fset.Position(d.Pos), d.Message, d.Category)
		for _, r := range d.Related {
			s += fmt.Sprintf("\n\t%s: %s", fset.Position(r.Pos), r.Message)
		}
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestSourceSet: the standard library and the runtime are read from
// export data; the roots, the packages that import the runtime and a
// helper that imports neither ndis nor wdm but states an //ndis: contract
// are analysed from source.
func TestSourceSet(t *testing.T) {
	dir := "../../analyzers/irql/testdata"
	roots, all, err := loadGraph(&Config{Dir: dir}, []string{"./contractuser"})
	if err != nil {
		t.Fatal(err)
	}
	set := sourceSet(roots, all)
	var src []string
	for id := range set {
		src = append(src, id)
	}
	sort.Strings(src)
	for _, id := range src {
		p := all[id]
		if p.Module == nil || strings.HasPrefix(p.PkgPath, "github.com/ndislint/ndislint/") {
			t.Errorf("%s is analysed from source; want export data", id)
		}
	}
	if !set["example.com/t/contractuser"] || !set["example.com/t/contractonly"] {
		t.Errorf("source set %v: want the root and the contract-only helper it imports", src)
	}
	if len(all)-len(set) < 10 {
		t.Errorf("only %d packages from export data: the std dependencies should be", len(all)-len(set))
	}
}

// TestReleased: when the run ends, no package's types or facts are held
// any more (each was released when its last dependent was done), and the
// nodes hold no types.
func TestReleased(t *testing.T) {
	cfg := &Config{Dir: "../../analyzers/typestate/testdata", Analyzers: passes()}
	roots, all, err := loadGraph(cfg, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	source := sourceSet(roots, all)
	d := &run{cfg: cfg, fset: token.NewFileSet(), plan: newPlan(cfg.Analyzers), facts: newFactTable(), errors: map[string][]Error{}}
	d.uni = newUniverse(d.fset, source)
	g := newGraph(roots, all, source)
	maxHeld := 0
	g.execute(2, func(n *node) {
		d.do(g, n)
		d.facts.mu.RLock()
		maxHeld = max(maxHeld, len(d.facts.stores))
		d.facts.mu.RUnlock()
	})
	if len(d.facts.stores) != 0 {
		t.Errorf("%d packages' facts held after the run", len(d.facts.stores))
	}
	for id := range d.uni.types {
		if source[id] {
			t.Errorf("types of source package %s held after the run", id)
		}
	}
	for _, n := range g.nodes {
		if n.pkg != nil {
			t.Errorf("node %s still holds its types", n.meta.ID)
		}
	}
	if len(d.diags) == 0 || maxHeld == 0 {
		t.Errorf("the run found %d diagnostics and held at most %d fact tables: it did not run", len(d.diags), maxHeld)
	}
}

// TestErrors: a package that does not type-check gives its errors, one
// line each with the position, and the others are still analysed; a pass
// that panics is one error line, not a crash.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/e\n\ngo 1.26\n")
	write(t, dir, "bad/bad.go", "package bad\n\nfunc f() int { return undefinedThing }\n")
	write(t, dir, "good/good.go", "package good\n\nfunc G() {}\n")
	boom := &analysis.Analyzer{Name: "boom", Doc: "panics", Run: func(p *analysis.Pass) (any, error) {
		if p.Pkg.Name() == "good" {
			panic("kaboom")
		}
		return nil, nil
	}}
	out, err := Run(&Config{Dir: dir, Analyzers: []*analysis.Analyzer{boom}}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range out.Errors {
		lines = append(lines, e.String())
	}
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "bad.go:3:23: undefined: undefinedThing") {
		t.Errorf("want the type error with its position, got:\n%s", text)
	}
	if !strings.Contains(text, "boom: internal error: panic: kaboom") {
		t.Errorf("want the panic as one error line, got:\n%s", text)
	}
	for _, l := range lines {
		if strings.Contains(l, "\n") {
			t.Errorf("error on several lines: %q", l)
		}
	}
}

// TestNoPackages: a pattern that matches nothing is one error line.
func TestNoPackages(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/e\n\ngo 1.26\n")
	write(t, dir, "a/a.go", "package a\n")
	for _, pattern := range []string{"./nowhere/...", "example.com/e/nowhere/...", "./nowhere"} {
		out, err := Run(&Config{Dir: dir, Analyzers: passes()}, []string{pattern})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Errors) != 1 || !strings.Contains(out.Errors[0].String(), "nowhere") {
			t.Errorf("%s: want one error naming the pattern, got %v", pattern, out.Errors)
		}
	}
}

// write writes a file under dir.
func write(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGoCommandFails: when the go command itself fails (go.mod needs
// updates), go/packages returns nothing; the driver says what the go
// command said, on one line, not that the patterns matched nothing.
func TestGoCommandFails(t *testing.T) {
	dir := t.TempDir()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "go.mod", "module example.com/f\n\ngo 1.26\n\nrequire github.com/ndislint/ndislint v0.0.0\n\nreplace github.com/ndislint/ndislint => "+root+"\n")
	write(t, dir, "a/a.go", "package a\n\nimport _ \"github.com/ndislint/ndislint/ndis\"\n")
	out, err := Run(&Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=readonly"), Analyzers: passes()}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Msg, "go.mod") || strings.Contains(out.Errors[0].Msg, "matched no packages") {
		t.Errorf("want the go command's error about go.mod, got %v", out.Errors)
	}
}

// TestOneLine: the go command's "# package" header is not the error.
func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"# example.com/x\nx.go:1:1: illegal character NUL\n": "x.go:1:1: illegal character NUL",
		"undefined: y":  "undefined: y",
		"first\nsecond": "first",
		"go: updates needed; to update it:\n\tgo mod tidy\n": "go: updates needed; to update it:",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := goError("go: updates needed; to update it:\n\tgo mod tidy\n"); got != "go: updates needed; to update it: go mod tidy" {
		t.Errorf("goError: %q", got)
	}
}

// TestOneLinePerProblem: a package that does not compile gives the type
// checker's errors once each (not the compiler's copy too), and an import
// cycle one line (not its consequence, an import that cannot be resolved).
func TestOneLinePerProblem(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/s\n\ngo 1.26\n")
	write(t, dir, "broken/broken.go", "package broken\n\nfunc F() int { return undefinedThing }\n\nfunc G() int { return \"s\" }\n")
	write(t, dir, "cyc1/a.go", "package cyc1\n\nimport _ \"example.com/s/cyc2\"\n")
	write(t, dir, "cyc2/a.go", "package cyc2\n\nimport _ \"example.com/s/cyc1\"\n")
	out, err := Run(&Config{Dir: dir, Analyzers: passes()}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range out.Errors {
		lines = append(lines, e.String())
	}
	text := strings.Join(lines, "\n")
	if strings.Count(text, "undefinedThing") != 1 || strings.Count(text, "cannot use") != 1 {
		t.Errorf("want each type error once, got:\n%s", text)
	}
	if strings.Count(text, "import cycle") != 1 || strings.Contains(text, "could not import") {
		t.Errorf("want the import cycle once and nothing that follows from it, got:\n%s", text)
	}
}
