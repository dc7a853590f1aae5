package modelcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// decls are the top-level declarations of one package.
type decls struct {
	pkg   string
	funcs map[string]*ast.FuncDecl
	types map[string]*ast.TypeSpec
}

// parsePackage parses the non-test Go files of ../../<pkg>.
func parsePackage(t *testing.T, pkg string) *decls {
	t.Helper()
	dir := filepath.Join("..", "..", pkg)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading package %s: %v", pkg, err)
	}
	d := &decls{pkg: pkg, funcs: map[string]*ast.FuncDecl{}, types: map[string]*ast.TypeSpec{}}
	fset := token.NewFileSet()
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			t.Fatalf("parsing %s/%s: %v", pkg, n, err)
		}
		if f.Name.Name != pkg {
			continue // a file of another package (a generator behind a build tag)
		}
		d.add(f)
	}
	return d
}

// add records a file's functions (without receivers) and type specs.
func (d *decls) add(f *ast.File) {
	for _, decl := range f.Decls {
		switch x := decl.(type) {
		case *ast.FuncDecl:
			if x.Recv == nil {
				d.funcs[x.Name.Name] = x
			}
		case *ast.GenDecl:
			for _, s := range x.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					d.types[ts.Name.Name] = ts
				}
			}
		}
	}
}

// typeString prints a type as the catalogue writes it: exported names of
// the declaring package are qualified (Handle -> ndis.Handle).
func typeString(e ast.Expr, pkg string) string {
	switch x := e.(type) {
	case *ast.Ident:
		if token.IsExported(x.Name) {
			return pkg + "." + x.Name
		}
		return x.Name
	case *ast.StarExpr:
		return "*" + typeString(x.X, pkg)
	case *ast.ArrayType:
		if x.Len == nil {
			return "[]" + typeString(x.Elt, pkg)
		}
		return "[" + types.ExprString(x.Len) + "]" + typeString(x.Elt, pkg)
	case *ast.InterfaceType:
		if x.Methods == nil || len(x.Methods.List) == 0 {
			return "any"
		}
	}
	return types.ExprString(e)
}

// param is one flattened parameter.
type param struct{ name, typ string }

// signature flattens a func type's parameters and prints its results.
func signature(ft *ast.FuncType, pkg string) ([]param, string) {
	var ps []param
	for _, f := range ft.Params.List {
		typ := typeString(f.Type, pkg)
		if len(f.Names) == 0 {
			ps = append(ps, param{"", typ})
		}
		for _, n := range f.Names {
			ps = append(ps, param{n.Name, typ})
		}
	}
	var rs []string
	if ft.Results != nil {
		for _, f := range ft.Results.List {
			for range max(1, len(f.Names)) {
				rs = append(rs, typeString(f.Type, pkg))
			}
		}
	}
	return ps, strings.Join(rs, ", ")
}

// compare reports every difference between a declaration and an entry.
func compare(t *testing.T, what string, ft *ast.FuncType, pkg string, want []rules.Param, wantResult string) {
	t.Helper()
	got, result := signature(ft, pkg)
	if len(got) != len(want) {
		t.Errorf("%s has %d parameters, the catalogue %d (%s)", what, len(got), len(want), describe(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i].name != want[i].GoName || got[i].typ != want[i].GoType {
			t.Errorf("%s parameter %d is %s %s, the catalogue's is %s %s (page name %s)", what, i, got[i].name, got[i].typ, want[i].GoName, want[i].GoType, want[i].Name)
		}
	}
	if result != wantResult {
		t.Errorf("%s returns %q, the catalogue says %q", what, result, wantResult)
	}
}

// describe prints an entry's parameter list.
func describe(ps []rules.Param) string {
	var b []string
	for _, p := range ps {
		b = append(b, p.GoName+" "+p.GoType)
	}
	return strings.Join(b, ", ")
}

// catalogue loads the rule catalogue.
func catalogue(t *testing.T) *rules.Catalogue {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRolesAreDeclared checks every catalogue role against package ndis.
func TestRolesAreDeclared(t *testing.T) {
	c := catalogue(t)
	nd := parsePackage(t, "ndis")
	for _, r := range c.Roles {
		t.Run(r.Name, func(t *testing.T) {
			ts := nd.types[r.GoName]
			if ts == nil {
				t.Fatalf("package ndis declares no type %s for %s", r.GoName, r.Name)
			}
			ft, ok := ts.Type.(*ast.FuncType)
			if !ok {
				t.Fatalf("ndis.%s is not a func type", r.GoName)
			}
			compare(t, "ndis."+r.GoName, ft, "ndis", r.Params, r.GoReturns)
		})
	}
}

// TestDDIsAreDeclared checks every catalogue DDI against its package.
func TestDDIsAreDeclared(t *testing.T) {
	c := catalogue(t)
	pkgs := map[string]*decls{"ndis": parsePackage(t, "ndis"), "wdm": parsePackage(t, "wdm")}
	for _, d := range c.DDIs {
		t.Run(d.Name, func(t *testing.T) {
			p := pkgs[d.Package]
			if p == nil {
				t.Fatalf("%s: unknown package %q", d.Name, d.Package)
			}
			fd := p.funcs[d.GoName]
			if fd == nil {
				t.Fatalf("package %s declares no func %s for %s", d.Package, d.GoName, d.Name)
			}
			compare(t, d.Package+"."+d.GoName, fd.Type, d.Package, d.Params, d.GoReturns)
			checkDoc(t, d, fd.Doc.Text())
		})
	}
}

// checkDoc checks that a DDI's doc comment names the NDIS original, its
// IRQL and its page.
func checkDoc(t *testing.T, d rules.DDI, doc string) {
	t.Helper()
	what := d.Package + "." + d.GoName
	if doc == "" {
		t.Errorf("%s has no doc comment", what)
		return
	}
	if !strings.Contains(doc, d.Name) {
		t.Errorf("%s: the doc comment does not name %s", what, d.Name)
	}
	if !strings.Contains(doc, d.Page) {
		t.Errorf("%s: the doc comment does not name the page %s", what, d.Page)
	}
	if !mentionsIrql(doc, d.Irql) {
		t.Errorf("%s: the doc comment gives neither the page's IRQL %q nor the level %q", what, d.Irql.Page, d.Irql.Level)
	}
}

// mentionsIrql reports whether doc gives the page's IRQL text or the
// resolved level.
func mentionsIrql(doc string, q rules.Irql) bool {
	flat := strings.Join(strings.Fields(doc), " ")
	switch {
	case q.Page != "" && strings.Contains(flat, strings.Join(strings.Fields(q.Page), " ")):
		return true
	case q.Level != "" && strings.Contains(flat, q.Level):
		return true
	case q.Kind == rules.IrqlAny && strings.Contains(strings.ToLower(flat), "any"):
		return true
	}
	return false
}
