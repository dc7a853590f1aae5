package modelcheck

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// irqlConst is one constant of type Irql declared in package wdm.
type irqlConst struct {
	value uint8
	pos   string
}

// wdmIrqlConsts parses the non-test Go files of package wdm and returns its
// constants of type Irql by name. Each must be written with the explicit
// type and an integer literal, as wdm/irql.go writes them, so that the
// value can be read without type checking.
func wdmIrqlConsts(t *testing.T) map[string]irqlConst {
	t.Helper()
	dir := filepath.Join("..", "..", "wdm")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading package wdm: %v", err)
	}
	out := map[string]irqlConst{}
	fset := token.NewFileSet()
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, 0)
		if err != nil {
			t.Fatalf("parsing wdm/%s: %v", n, err)
		}
		if f.Name.Name != "wdm" {
			continue
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Irql" {
					continue
				}
				for i, name := range vs.Names {
					pos := fset.Position(name.Pos()).String()
					if i >= len(vs.Values) {
						t.Errorf("%s: wdm.%s has no value of its own; write it as an integer literal", pos, name.Name)
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.INT {
						t.Errorf("%s: wdm.%s is not an integer literal; write it as one so the level table can be compared", pos, name.Name)
						continue
					}
					v, ok := constant.Uint64Val(constant.MakeFromLiteral(lit.Value, lit.Kind, 0))
					if !ok || v > 255 {
						t.Errorf("%s: wdm.%s = %s is not a KIRQL value", pos, name.Name, lit.Value)
						continue
					}
					out[name.Name] = irqlConst{value: uint8(v), pos: pos}
				}
			}
		}
	}
	return out
}

// TestIrqlConstantsMatchLevels checks that package wdm declares a constant
// for every named level of rules.Levels, with the table's value, and no
// Irql constant the table does not have.
func TestIrqlConstantsMatchLevels(t *testing.T) {
	consts := wdmIrqlConsts(t)
	named := map[string]rules.Level{}
	for _, l := range rules.Levels() {
		if l.GoName == "" {
			continue
		}
		named[l.GoName] = l
		c, ok := consts[l.GoName]
		switch {
		case !ok:
			t.Errorf("rules.Levels has %s (%s = %d); package wdm declares no Irql constant %s", l.Name, l.GoName, l.Value, l.GoName)
		case c.value != l.Value:
			t.Errorf("%s: wdm.%s = %d, but rules.Levels gives %s the value %d", c.pos, l.GoName, c.value, l.Name, l.Value)
		}
	}
	for name, c := range consts {
		if _, ok := named[name]; !ok {
			t.Errorf("%s: wdm.%s = %d is not a level of rules.Levels; add it to rules/levels.go or remove it", c.pos, name, c.value)
		}
	}
	if len(consts) == 0 {
		t.Fatal("found no Irql constants in package wdm")
	}
}
