package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var idRe = regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`)

// staticNDISPass are the static passes whose rules are NDIS rules (the
// directives pass's and EveryPass's rules are about ndislint's own
// directives and need no page).
var staticNDISPass = map[string]bool{PassVclifetime: true, PassIrql: true, PassRoles: true, PassTypestate: true}

// aboutRuntime are the verifier's rules about the runtime and its catalogue
// rather than an NDIS page.
var aboutRuntime = map[string]bool{RuleCatalogueUnavailable: true, RuleIrqlEffectMismatch: true}

// TestEveryRuleIsDocumented checks what `ndislint help RULE` prints for each
// rule: a kebab-case ID, a pass, a title and text; for the NDIS rules of the
// static passes the page they come from and a wrong and a right example;
// for the verifier's rules the page (their examples are the runtime's
// tests), except those about the runtime itself (aboutRuntime).
func TestEveryRuleIsDocumented(t *testing.T) {
	all := AllRules()
	if len(all) == 0 {
		t.Fatal("no rules registered")
	}
	for _, r := range all {
		if !idRe.MatchString(r.ID) {
			t.Errorf("%q: the ID is not kebab-case", r.ID)
		}
		if r.Pass == "" || r.Title == "" || strings.TrimSpace(r.Text) == "" {
			t.Errorf("%s: pass, title and text are required", r.ID)
		}
		switch {
		case r.Pass == PassVerifier:
			if r.Page == "" && !aboutRuntime[r.ID] {
				t.Errorf("%s: a verifier rule needs its page", r.ID)
			}
		case staticNDISPass[r.Pass]:
			if r.Page == "" || r.Wrong == "" || r.Right == "" {
				t.Errorf("%s: an NDIS rule of a static pass needs its page and a wrong and a right example", r.ID)
			}
		}
		if ex := r.Explain(); !strings.Contains(ex, r.ID) || !strings.Contains(ex, "//ndislint:ignore "+r.ID) {
			t.Errorf("%s: Explain does not name the rule and how to suppress it:\n%s", r.ID, ex)
		}
	}
}

// TestEveryRuleConstantIsRegistered: every exported RuleXxx string constant
// of this package (the IDs passes and the verifier report) is in a table of
// passTables, so no declared ID can be reported without documentation.
func TestEveryRuleConstantIsRegistered(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if !strings.HasPrefix(id.Name, "Rule") || i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					v, _ := strconv.Unquote(lit.Value)
					n++
					if LookupRule(v) == nil {
						t.Errorf("%s: %s = %q is not registered (add it to a table of passTables)", fset.Position(id.Pos()), id.Name, v)
					}
				}
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d rule constants found", n)
	}
}

// TestRuleNeeds: every name a rule's Needs lists is a DDI or a role of the
// catalogue, so that -summary's "not applicable" follows the catalogue.
func TestRuleNeeds(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range AllRules() {
		for _, name := range r.Needs {
			n++
			if cat.DDI(name) == nil && cat.Role(name) == nil {
				t.Errorf("rule %s needs %q, which is neither a DDI nor a role of the catalogue", r.ID, name)
			}
		}
	}
	if n == 0 {
		t.Error("no rule lists what it needs")
	}
}
