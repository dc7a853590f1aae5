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

func TestReturnAvoiding(t *testing.T) {
	for _, c := range []struct {
		src  string
		succ int // the successor of the entry block's if to start from
		want bool
	}{
		{"package p\nfunc g()\nfunc f(x bool) int { if x { g(); return 1 }; return 0 }", 0, false},
		{"package p\nfunc g()\nfunc f(x bool) int { if x { g(); return 1 }; return 0 }", 1, true},
		{"package p\nfunc g()\nfunc f(x, y bool) int { if x { if y { g() }; return 1 }; return 0 }", 0, true},
		{"package p\nfunc g()\nfunc f(x bool) int { if x { panic(0) }; g(); return 0 }", 0, false},
	} {
		fn := build(t, c.src)
		from := fn.Blocks[0].Succs[c.succ]
		r := ReturnAvoiding(from, callBlocks(fn))
		if got := r != nil; got != c.want {
			t.Errorf("%s from successor %d: ReturnAvoiding = %v, want a return: %v", c.src, c.succ, r, c.want)
		}
	}
}

func TestReturnsAvoiding(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int // how many returns the entry block reaches avoiding calls
	}{
		{"package p\nfunc g()\nfunc f(x, y bool) int { if x { return 1 }; if y { return 2 }; return 3 }", 3},
		{"package p\nfunc g()\nfunc f(x, y bool) int { if x { return 1 }; if y { g(); return 2 }; return 3 }", 2},
		{"package p\nfunc g()\nfunc f(x bool) int { if x { panic(0) }; return 0 }", 1},
		{"package p\nfunc g()\nfunc f(x bool) int { g(); if x { return 1 }; return 0 }", 0},
	} {
		fn := build(t, c.src)
		rs := ReturnsAvoiding(fn.Blocks[0], callBlocks(fn))
		if len(rs) != c.want {
			t.Errorf("%s: ReturnsAvoiding = %d returns, want %d", c.src, len(rs), c.want)
		}
		if first := ReturnAvoiding(fn.Blocks[0], callBlocks(fn)); len(rs) > 0 && first != rs[0] || len(rs) == 0 && first != nil {
			t.Errorf("%s: ReturnAvoiding = %v, not ReturnsAvoiding's first", c.src, first)
		}
	}
}
