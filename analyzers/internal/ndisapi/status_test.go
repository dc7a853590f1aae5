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
				if strings.HasPrefix(n.Name, statusPrefix) {
					goNames[n.Name] = true
				}
			}
		}
	}
	if len(goNames) == 0 {
		t.Fatal("no Status constants in ndis/status.go")
	}
	for n := range goNames {
		if back := StatusGoName(StatusNDISName(n)); back != n {
			t.Errorf("%s -> %s -> %s", n, StatusNDISName(n), back)
		}
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cat.Roles {
		for _, s := range append(append([]string(nil), r.Statuses...), r.Forbidden...) {
			if s != rules.StatusAny && !goNames[StatusGoName(s)] {
				t.Errorf("%s lists %s, which has no constant %s in package ndis", r.Name, s, StatusGoName(s))
			}
		}
	}
}
