package irql_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/irql"
)

// TestParseOrder runs the pass over a package of two files parsed in both
// orders (so that token.Pos orders the files one way, then the other) and
// checks that it reports the same findings, in the same order, with the
// same related positions, and exports the same facts.
func TestParseOrder(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "multifile"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	forward := runInOrder(t, a, b)
	backward := runInOrder(t, b, a)
	if forward == "" {
		t.Fatal("the pass reports nothing on testdata/multifile")
	}
	if forward != backward {
		t.Errorf("a.go parsed first:\n%s\nb.go parsed first:\n%s", forward, backward)
	}
}

// runInOrder loads testdata/multifile with its files parsed in the given
// order, runs the pass, and prints its findings and facts there.
func runInOrder(t *testing.T, files ...string) string {
	t.Helper()
	op := &orderedParser{order: files}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata", Env: append(envNoWork(), "GOFLAGS=-mod=mod"), ParseFile: op.parse}
	pkgs, err := packages.Load(cfg, "example.com/t/multifile")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata/multifile does not load")
	}
	starts := map[string]token.Pos{}
	for _, f := range pkgs[0].Syntax {
		starts[pkgs[0].Fset.File(f.Pos()).Name()] = f.FileStart
	}
	if !(starts[files[0]] < starts[files[1]]) {
		t.Fatalf("%s was not parsed before %s: file starts %v", files[0], files[1], starts)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{irql.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if !act.IsRoot || act.Analyzer != irql.Analyzer {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			fmt.Fprintf(&out, "%s: %s\n", where(fset, d.Pos), d.Message)
			for _, r := range d.Related {
				fmt.Fprintf(&out, "\t%s: %s\n", where(fset, r.Pos), r.Message)
			}
		}
		var facts []string
		for _, f := range act.AllObjectFacts() {
			data, err := json.Marshal(f.Fact) // every field, Where and Via included
			if err != nil {
				t.Fatal(err)
			}
			facts = append(facts, fmt.Sprintf("fact %s: %v %s\n", f.Object.Name(), f.Fact, data))
		}
		slices.Sort(facts)
		out.WriteString(strings.Join(facts, ""))
	}
	return out.String()
}

// where prints a position with the file's base name.
func where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

// orderedParser parses the files of order in that order, all at the first
// request for one of them, so that they take their places in the file set
// (their token.Pos ranges) in that order, whatever order the loader asks
// for them in; other files are parsed as the loader asks.
type orderedParser struct {
	order []string
	once  sync.Once
	files map[string]*ast.File
	errs  map[string]error
}

// parse is a packages.Config.ParseFile.
func (op *orderedParser) parse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	const mode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution
	if !slices.Contains(op.order, filename) {
		return parser.ParseFile(fset, filename, src, mode)
	}
	op.once.Do(func() {
		op.files, op.errs = map[string]*ast.File{}, map[string]error{}
		for _, name := range op.order {
			text, err := os.ReadFile(name)
			if err == nil {
				op.files[name], err = parser.ParseFile(fset, name, text, mode)
			}
			op.errs[name] = err
		}
	})
	return op.files[filename], op.errs[filename]
}
