package roles

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/dave/dst"
	"github.com/dave/dst/decorator"
)

// TestDecorateDecl checks that decorating one declaration with the comments
// around it (decorateDecl, what fixes do) renders every composite literal
// and function literal of the roles testdata and the examples, comments
// included, exactly as decorating the whole file does. (What differs is
// the decoration of the declaration itself, a floating comment before it,
// which no fix renders.)
func TestDecorateDecl(t *testing.T) {
	var names []string
	for _, pattern := range []string{"testdata/*/*.go", "../../examples/*/*.go"} {
		ms, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, ms...)
	}
	if len(names) == 0 {
		t.Fatal("no files")
	}
	n := 0
	for _, name := range names {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		whole := decorator.NewDecorator(fset)
		if _, err := whole.DecorateFile(f); err != nil {
			t.Fatal(err)
		}
		for i, decl := range f.Decls {
			part := decorateDecl(fset, f, i)
			if part == nil {
				t.Fatalf("%s: declaration %d is not decorated", name, i)
			}
			ast.Inspect(decl, func(node ast.Node) bool {
				switch node.(type) {
				case *ast.CompositeLit, *ast.FuncLit:
				default:
					return true
				}
				want, ok1 := renderExpr(whole.Dst.Nodes[node].(dst.Expr), "\t")
				got, ok2 := renderExpr(part.dec.Dst.Nodes[node].(dst.Expr), "\t")
				if ok1 != ok2 || got != want {
					t.Errorf("%s: %s renders\n%s\nfrom its declaration, and\n%s\nfrom the file", name, fset.Position(node.Pos()), got, want)
				}
				n++
				return true
			})
		}
	}
	t.Logf("%d literals in %d files", n, len(names))
}
