package kernel

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestReportUnknownRulePanics: a verifier rule ID the registry of package
// rules does not know cannot be reported (and so cannot pass a test
// unnoticed): Report panics on it and records nothing.
func TestReportUnknownRulePanics(t *testing.T) {
	s := Reset()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("Report of an unregistered rule ID did not panic")
		}
		if msg, _ := r.(string); !strings.Contains(msg, `"pending-twice-undeclared"`) {
			t.Errorf("the panic does not name the ID: %v", r)
		}
		if n := len(s.Violations()); n != 0 {
			t.Errorf("%d violations recorded", n)
		}
	}()
	s.Report("pending-twice-undeclared", "x")
}

// TestReportRegisteredRule: every registered ID can be reported.
func TestReportRegisteredRule(t *testing.T) {
	s := Reset()
	s.Report(rules.RulePendingTwice, "x")
	if v := s.Violations(); len(v) != 1 || v[0].Rule != rules.RulePendingTwice {
		t.Fatalf("violations %v", v)
	}
}

// runtimeDirs are the packages of the runtime, relative to this one.
var runtimeDirs = []string{".", "../../ndis", "../../wdm", "../../ndistest"}

// TestNoRuleIDLiterals: the runtime names rule IDs only by the constants of
// package rules. No non-test file of the runtime has a string literal that
// is a registered rule ID, and no Report or report call passes a literal as
// its rule, so an ID is declared once, in the registry.
func TestNoRuleIDLiterals(t *testing.T) {
	fset := token.NewFileSet()
	n := 0
	for _, dir := range runtimeDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			n++
			ast.Inspect(f, func(x ast.Node) bool {
				switch x := x.(type) {
				case *ast.BasicLit:
					if x.Kind != token.STRING {
						break
					}
					if v, err := strconv.Unquote(x.Value); err == nil && rules.LookupRule(v) != nil {
						t.Errorf("%s: the rule ID %q is a literal; use the rules.Rule constant", fset.Position(x.Pos()), v)
					}
				case *ast.CallExpr:
					sel, ok := x.Fun.(*ast.SelectorExpr)
					if !ok || (sel.Sel.Name != "Report" && sel.Sel.Name != "report") || len(x.Args) == 0 {
						break
					}
					if lit, ok := x.Args[0].(*ast.BasicLit); ok {
						t.Errorf("%s: %s with the literal rule %s; use a rules.Rule constant", fset.Position(x.Pos()), sel.Sel.Name, lit.Value)
					}
				}
				return true
			})
		}
	}
	if n < 20 {
		t.Fatalf("only %d runtime files found; are the paths right?", n)
	}
}
