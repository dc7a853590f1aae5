package main

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/goplscompat"
)

// shaped is the part of gopls's analysis.go the patch relies on.
const shaped = `package settings

import (
	"log"

	"golang.org/x/tools/go/analysis"
)

type Analyzer struct {
	analyzer    *analysis.Analyzer
	nonDefault  bool
}

func initAnalyzers() (res []*Analyzer) {
	for _, a := range []*Analyzer{
		{analyzer: nil},
	} {
		log.Print(a)
		res = append(res, a)
	}
	return res
}
`

var passes = []goplscompat.Pass{
	{ImportPath: "github.com/ndislint/ndislint/analyzers/irql", Ident: "irql"},
	{ImportPath: "github.com/ndislint/ndislint/analyzers/roles", Ident: "roles"},
}

// TestPatchSource checks that the patched source parses and has one
// import and one list entry per pass, inside the list.
func TestPatchSource(t *testing.T) {
	got, err := patchSource(shaped, passes)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "analysis.go", got, 0); err != nil {
		t.Fatalf("the patched source does not parse: %v\n%s", err, got)
	}
	for _, want := range []string{
		"\tndislint_irql \"github.com/ndislint/ndislint/analyzers/irql\"\n",
		"\tndislint_roles \"github.com/ndislint/ndislint/analyzers/roles\"\n",
		listAnchor + "\t\t{analyzer: ndislint_irql.Analyzer}, // added by ndislint's buildgopls\n" +
			"\t\t{analyzer: ndislint_roles.Analyzer}, // added by ndislint's buildgopls\n\t\t{analyzer: nil},",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the patched source lacks %q:\n%s", want, got)
		}
	}
}

// TestPatchSourceShape checks that the patch fails, naming what it
// missed, when gopls's source changed shape.
func TestPatchSourceShape(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no list", strings.Replace(shaped, "range []*Analyzer{", "range analyzers{", 1), "for _, a := range []*Analyzer{"},
		{"two lists", shaped + strings.TrimPrefix(listAnchor, "\n"), "found it 2 times"},
		{"no import block", strings.Replace(shaped, "import (\n\t\"log\"\n\n\t\"golang.org/x/tools/go/analysis\"\n)",
			"import \"log\"\nimport \"golang.org/x/tools/go/analysis\"", 1), "import ("},
		{"field renamed", strings.Replace(shaped, "\tanalyzer    *analysis", "\ta *analysis", 1), "no field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := patchSource(tc.src, passes)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("patchSource error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
