package ndis_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// modelFiles parses the non-test Go files of package ndis.
func modelFiles(t *testing.T) []*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// catalogue returns the embedded catalogue.
func catalogue(t *testing.T) *rules.Catalogue {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDDIsOnlyForward checks that every DDI of the model is a declaration
// and nothing more: its body is the one call that forwards it, with its
// parameters in order, to the method of the same name of the run's
// simulator (internal/ndissim), where the simulation lives.
func TestDDIsOnlyForward(t *testing.T) {
	ddis := map[string]bool{}
	for _, d := range catalogue(t).DDIs {
		if d.Package == "ndis" {
			ddis[d.GoName] = true
		}
	}
	seen := map[string]bool{}
	for _, f := range modelFiles(t) {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !ddis[fd.Name.Name] {
				continue
			}
			seen[fd.Name.Name] = true
			if msg := forwards(fd); msg != "" {
				t.Errorf("ndis.%s %s; a DDI's body is `sim().%s(params...)` and the simulation lives in internal/ndissim", fd.Name.Name, msg, fd.Name.Name)
			}
		}
	}
	for name := range ddis {
		if !seen[name] {
			t.Errorf("the catalogue has ndis.%s; package ndis does not declare it", name)
		}
	}
}

// forwards says what is wrong with fd as a forwarding DDI, "" if nothing.
func forwards(fd *ast.FuncDecl) string {
	if fd.Body == nil || len(fd.Body.List) != 1 {
		return "has more than one statement"
	}
	var call ast.Expr
	switch s := fd.Body.List[0].(type) {
	case *ast.ExprStmt:
		call = s.X
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			call = s.Results[0]
		}
	}
	c, ok := call.(*ast.CallExpr)
	if !ok {
		return "is not a single call"
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != fd.Name.Name {
		return "does not call the simulator's method of its name"
	}
	if recv, ok := sel.X.(*ast.CallExpr); !ok || len(recv.Args) != 0 || !isIdent(recv.Fun, "sim") {
		return "does not call sim()"
	}
	var params []string
	for _, fl := range fd.Type.Params.List {
		for _, n := range fl.Names {
			params = append(params, n.Name)
		}
	}
	if len(c.Args) != len(params) {
		return "does not pass its parameters"
	}
	for i, a := range c.Args {
		if !isIdent(a, params[i]) {
			return "does not pass its parameters in order"
		}
	}
	return ""
}

// isIdent reports whether e is the identifier name.
func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// TestExportsAreTheModel checks that package ndis exports the ndis.h model
// and nothing else: every exported name is a DDI, role or handler structure
// of the catalogue, a type the catalogue's signatures use (or a field type
// of one), a constant of such a type, or is named in docs/model.md, which
// records the decisions the naming rule leaves open.
func TestExportsAreTheModel(t *testing.T) {
	c := catalogue(t)
	model, err := os.ReadFile(filepath.Join("..", "docs", "model.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("ndis\\.([A-Z][A-Za-z0-9_]*)").FindAllStringSubmatch(string(model), -1) {
		documented[m[1]] = true
	}
	ok := map[string]bool{}
	typeNames := regexp.MustCompile(`ndis\.([A-Z][A-Za-z0-9_]*)`)
	useTypes := func(goType string) {
		for _, m := range typeNames.FindAllStringSubmatch(goType, -1) {
			ok[m[1]] = true
		}
	}
	for _, d := range c.DDIs {
		if d.Package != "ndis" {
			continue
		}
		ok[d.GoName] = true
		for _, p := range d.Params {
			useTypes(p.GoType)
		}
		useTypes(d.GoReturns)
	}
	for _, r := range c.Roles {
		ok[r.GoName] = true
		for _, p := range r.Params {
			useTypes(p.GoType)
		}
		useTypes(r.GoReturns)
	}
	for _, s := range c.Structs {
		ok[s.GoName] = true
	}
	// Types reachable through the fields of accepted types, and constants
	// of accepted types, count as the model too.
	files := modelFiles(t)
	specs := map[string]*ast.TypeSpec{}
	for _, f := range files {
		for _, decl := range f.Decls {
			if gd, isGen := decl.(*ast.GenDecl); isGen && gd.Tok == token.TYPE {
				for _, s := range gd.Specs {
					ts := s.(*ast.TypeSpec)
					specs[ts.Name.Name] = ts
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for name, ts := range specs {
			if !ok[name] && !documented[name] {
				continue
			}
			ast.Inspect(ts.Type, func(n ast.Node) bool {
				if id, isID := n.(*ast.Ident); isID && specs[id.Name] != nil && !ok[id.Name] {
					ok[id.Name] = true
					changed = true
				}
				return true
			})
		}
	}
	var stray []string
	for _, f := range files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() && !ok[d.Name.Name] && !documented[d.Name.Name] {
					stray = append(stray, "func "+d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() && !ok[s.Name.Name] && !documented[s.Name.Name] {
							stray = append(stray, "type "+s.Name.Name)
						}
					case *ast.ValueSpec:
						typ := ""
						if id, isID := s.Type.(*ast.Ident); isID {
							typ = id.Name
						}
						for _, n := range s.Names {
							if n.IsExported() && !ok[typ] && !documented[n.Name] {
								stray = append(stray, d.Tok.String()+" "+n.Name)
							}
						}
					}
				}
			}
		}
	}
	sort.Strings(stray)
	for _, s := range stray {
		t.Errorf("package ndis exports %s, which is neither in the catalogue nor documented in docs/model.md as a modelling decision", s)
	}
}

// TestDDIOutsideRunPanics checks that a DDI called in a run with no
// simulated NDIS (kernel.Reset without kernel.WithNDIS) panics with a
// message that says how to start one, instead of running against a
// simulator created behind the harness's back.
func TestDDIOutsideRunPanics(t *testing.T) {
	kernel.Reset()
	defer func() {
		r := recover()
		msg, _ := r.(string)
		if !strings.Contains(msg, "ndistest.New") {
			t.Errorf("NdisCoDeleteVc with no simulated NDIS: recovered %v, want a panic naming ndistest.New", r)
		}
	}()
	ndis.CoDeleteVc(nil)
}

// TestNetPnpEventCodeNames checks that String names every NET_PNP_EVENT_CODE
// constant of the model as it is declared (the catalogue's value conditions
// name the constants so: NetEventPause), and an unnamed code by its number.
func TestNetPnpEventCodeNames(t *testing.T) {
	n := 0
	for _, f := range modelFiles(t) {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "NetPnpEventCode" || len(vs.Values) != 1 {
					continue
				}
				lit, ok := vs.Values[0].(*ast.BasicLit)
				if !ok {
					t.Fatalf("%s: not a literal", vs.Names[0].Name)
				}
				v, err := strconv.ParseUint(lit.Value, 0, 32)
				if err != nil {
					t.Fatal(err)
				}
				n++
				if got := ndis.NetPnpEventCode(v).String(); got != vs.Names[0].Name {
					t.Errorf("NetPnpEventCode(%d).String() = %q, want %q", v, got, vs.Names[0].Name)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no NetPnpEventCode constant found")
	}
	if got := ndis.NetPnpEventCode(99).String(); got != "NET_PNP_EVENT_CODE(99)" {
		t.Errorf("an unnamed code is %q", got)
	}
}
