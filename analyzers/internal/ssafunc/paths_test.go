package ssafunc

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// build returns the SSA function f of src.
func build(t *testing.T, src string) *ssa.Function {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", ""), []*ast.File{file}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Func("f")
}

// callBlocks returns the blocks that call g.
func callBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	out := map[*ssa.BasicBlock]bool{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				if callee := c.Call.StaticCallee(); callee != nil && callee.Name() == "g" {
					out[b] = true
				}
			}
		}
	}
	return out
}

func TestEveryPathCrosses(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"package p\nfunc g()\nfunc f(x bool) { g(); if x { return } }", true},
		{"package p\nfunc g()\nfunc f(x bool) { if x { g() }; return }", false},
		{"package p\nfunc g()\nfunc f(x bool) { if x { g(); return }; panic(0) }", true}, // the panic does not return
		{"package p\nfunc g()\nfunc f(x bool) { if x { return } }", false},               // nothing to cross
	} {
		fn := build(t, c.src)
		if got := EveryPathCrosses(fn, callBlocks(fn)); got != c.want {
			t.Errorf("%s: EveryPathCrosses = %v, want %v", c.src, got, c.want)
		}
	}
}
