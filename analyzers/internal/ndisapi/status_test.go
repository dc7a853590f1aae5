package ndisapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestStatusNames checks the naming rule both ways on the runtime's status
// constants (StatusInvalidOid <-> NDIS_STATUS_INVALID_OID), and that every
// status a role's page lists in the catalogue, and every status the
// catalogue picks for a placeholder, has a constant.
func TestStatusNames(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../../../ndis/status.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	goNames := map[string]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				if strings.HasPrefix(n.Name, "Status") {
					goNames[n.Name] = true
				}
			}
		}
	}
	if len(goNames) == 0 {
		t.Fatal("no Status constants in ndis/status.go")
	}
	for n := range goNames {
		if name, ok := rules.StatusName(n); !ok || rules.StatusGoName(name) != n {
			t.Errorf("%s -> %s (%t) -> %s", n, name, ok, rules.StatusGoName(name))
		}
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cat.Roles {
		for _, s := range append(append([]string(nil), r.Statuses...), r.Forbidden...) {
			if s != rules.StatusAny && !goNames[rules.StatusGoName(s)] {
				t.Errorf("%s lists %s, which has no constant %s in package ndis", r.Name, s, rules.StatusGoName(s))
			}
		}
	}
	for _, hs := range cat.Structs {
		ps := []*rules.Placeholder{hs.Placeholder}
		for _, sl := range hs.Slots {
			ps = append(ps, sl.Placeholder)
		}
		for _, p := range ps {
			if p != nil && !goNames[rules.StatusGoName(p.Status)] {
				t.Errorf("%s: placeholder %s has no constant %s in package ndis", hs.Name, p.Status, rules.StatusGoName(p.Status))
			}
		}
	}
}
