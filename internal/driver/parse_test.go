package driver

import (
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestParserBailout: a file nesting deeper than go/parser accepts gives
// its parse error alone, with its position, not also the type checker's
// "package ; expected package x" about the empty file the parser returns.
func TestParserBailout(t *testing.T) {
	dir := t.TempDir()
	deep := "package deep\n\nvar X = " + strings.Repeat("(", 100001) + "1" + strings.Repeat(")", 100001) + "\n"
	write(t, dir, "deep.go", deep)
	write(t, dir, "ok.go", "package deep\n\nvar Y = 2\n")
	p := &packages.Package{
		ID: "example.com/deep", PkgPath: "example.com/deep", Name: "deep",
		CompiledGoFiles: []string{filepath.Join(dir, "deep.go"), filepath.Join(dir, "ok.go")},
	}
	fset := token.NewFileSet()
	c := newUniverse(fset, nil).check(p)
	d := &run{fset: fset}
	var msgs []string
	for _, err := range c.errors {
		msgs = append(msgs, d.errorOf(&node{meta: p}, err).String())
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "deep.go:3:") || !strings.Contains(msgs[0], "exceeded max nesting depth") {
		t.Errorf("want the one parse error at its position, got %q", msgs)
	}
	if c.pkg.Scope().Lookup("Y") == nil {
		t.Errorf("the package's other file was not type-checked")
	}
}
