package directive

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `package p

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func a() {}

//ndis:irql max=DISPATCH_LEVEL
//ndis:pageable
func b() {}

func c() {
	//ndislint:ignore vc-use-after-close the CM never deletes this VC
	_ = 1
}

//go:noinline
func d() {}

// ndis:role PROTOCOL_CO_DELETE_VC
func e() {}

//ndis:rol PROTOCOL_CO_DELETE_VC
func f() {}

//ndis:role
func g() {}

//ndis:pageable yes
func h() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds, bad := Parse(f)
	var got []string
	for _, d := range ds {
		got = append(got, d.Key()+"|"+d.Args)
	}
	want := []string{
		"ndis:role|PROTOCOL_CL_CLOSE_CALL_COMPLETE",
		"ndis:irql|max=DISPATCH_LEVEL",
		"ndis:pageable|",
		"ndislint:ignore|vc-use-after-close the CM never deletes this VC",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("directives:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var msgs []string
	for _, m := range bad {
		msgs = append(msgs, fset.Position(m.Pos).String()+": "+m.Msg)
	}
	wantBad := []string{
		"p.go:18:1: malformed directive: no space is allowed between // and ndis:role PROTOCOL_CO_DELETE_VC",
		"p.go:21:1: unknown directive //ndis:rol",
		"p.go:24:1: malformed directive //ndis:role: missing argument",
		"p.go:27:1: malformed directive //ndis:pageable: takes no argument",
	}
	if strings.Join(msgs, "\n") != strings.Join(wantBad, "\n") {
		t.Errorf("malformed:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantBad, "\n"))
	}
	for _, decl := range f.Decls {
		_ = decl
	}
}

// TestForFunc: each declaration gets the directives of its own doc comment
// only, not those of the declarations around it or inside bodies.
func TestForFunc(t *testing.T) {
	src := `package p

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func a() {}

// b has two.
//
//ndis:irql max=DISPATCH_LEVEL
//ndis:pageable
func b() {
	//ndislint:ignore vc-use-after-close not b's
	_ = 1
}

func c() {}

//ndis:pageable
func d() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := Parse(f)
	want := map[string]string{"a": "ndis:role", "b": "ndis:irql ndis:pageable", "c": "", "d": "ndis:pageable"}
	for _, decl := range f.Decls {
		fd := decl.(*ast.FuncDecl)
		var keys []string
		for _, d := range ForFunc(ds, fd) {
			keys = append(keys, d.Key())
		}
		if got := strings.Join(keys, " "); got != want[fd.Name.Name] {
			t.Errorf("ForFunc(%s) = %q, want %q", fd.Name.Name, got, want[fd.Name.Name])
		}
	}
}
