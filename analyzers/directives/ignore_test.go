package directives

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
)

// TestIDSpans checks that each rule ID of an ignore directive is located at
// its own text in the file, so that directive-unknown-rule underlines the
// culprit.
func TestIDSpans(t *testing.T) {
	src := "package p\n\nfunc f() {\n\t//ndislint:ignore   vc-a,,vc-bb ,vc-c the reason\n\t_ = 0\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds, bad := directive.Parse(f)
	if len(ds) != 1 || len(bad) != 0 {
		t.Fatalf("parse: %d directives, %d malformed; want 1, 0", len(ds), len(bad))
	}
	spans := idSpans(ds[0])
	want := []string{"vc-a", "vc-bb"}
	if len(spans) != len(want) {
		t.Fatalf("got %d spans, want %d: %+v", len(spans), len(want), spans)
	}
	for i, s := range spans {
		start, end := fset.Position(s.pos).Offset, fset.Position(s.end).Offset
		if got := src[start:end]; got != want[i] || s.name != want[i] {
			t.Errorf("span %d: name %q at text %q, want %q", i, s.name, got, want[i])
		}
	}
}

func TestNearestRule(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"directive-malformd", "directive-malformed"},
		{"ignore-missing-reasons", "ignore-missing-reason"},
		{"no-such-rule", ""},
		{"", ""},
	} {
		if got := nearestRule(c.in); got != c.want {
			t.Errorf("nearestRule(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
