package fuzzcheck

import (
	"errors"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// chanFact is a fact gob cannot encode.
type chanFact struct{ C chan int }

// AFact implements analysis.Fact.
func (*chanFact) AFact() {}

// TestCheckFailures: each way a pass can misbehave fails the input, and a
// panic is not recovered.
func TestCheckFailures(t *testing.T) {
	e := testEnv(t)
	src := []byte("package p\n\nfunc F() {}\n")
	cases := map[string]func(*analysis.Pass) (any, error){
		"returns an error": func(*analysis.Pass) (any, error) { return nil, errors.New("boom") },
		"reports nowhere": func(p *analysis.Pass) (any, error) {
			p.Report(analysis.Diagnostic{Pos: token.NoPos, Message: "x"})
			return nil, nil
		},
		"exports an unencodable fact": func(p *analysis.Pass) (any, error) {
			p.ExportObjectFact(p.Pkg.Scope().Lookup("F"), &chanFact{C: make(chan int)})
			return nil, nil
		},
	}
	for name, run := range cases {
		a := &analysis.Analyzer{Name: "bad", Doc: "misbehaves", Run: run, FactTypes: []analysis.Fact{new(chanFact)}}
		if _, err := e.Check(src, []*analysis.Analyzer{a}); err == nil {
			t.Errorf("%s: no failure", name)
		}
	}
	defer func() {
		if recover() == nil {
			t.Errorf("a pass's panic was recovered")
		}
	}()
	a := &analysis.Analyzer{Name: "panics", Doc: "panics", Run: func(*analysis.Pass) (any, error) { panic("kaboom") }}
	e.Check(src, []*analysis.Analyzer{a})
}

// TestCheckSkips: input that does not parse, or does not type-check, is
// not analysed.
func TestCheckSkips(t *testing.T) {
	e := testEnv(t)
	ran := false
	a := &analysis.Analyzer{Name: "ran", Doc: "records", Run: func(*analysis.Pass) (any, error) { ran = true; return nil, nil }}
	for _, src := range []string{"not go", "package p\n\nvar x int = \"s\"\n", "package p\n\nimport \"example.com/unloaded\"\n"} {
		res, err := e.Check([]byte(src), []*analysis.Analyzer{a})
		if err != nil || ran || (res.Parsed && res.TypeErrors == 0) {
			t.Errorf("%q: err %v, ran %v, %+v", src, err, ran, res)
		}
	}
}

// TestMerge: one package clause, the imports once each, the declarations
// in order.
func TestMerge(t *testing.T) {
	got, err := Merge([][]byte{
		[]byte("// doc\npackage p\n\nimport \"fmt\"\n\nfunc A() { fmt.Println() }\n"),
		[]byte("package p\n\nimport (\n\t\"fmt\"\n\tx \"strings\"\n)\n\nfunc B() { fmt.Println(x.ToUpper(\"\")) }\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\nimport (\n\t\"fmt\"\n\tx \"strings\"\n)\n\n\nfunc A() { fmt.Println() }\n\n\n\nfunc B() { fmt.Println(x.ToUpper(\"\")) }\n\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := Merge([][]byte{[]byte("package p\n"), []byte("package q\n")}); err == nil || !strings.Contains(err.Error(), "package q") {
		t.Errorf("two package names merged: %v", err)
	}
}
