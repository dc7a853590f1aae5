package directive

import (
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
