package irql_test

import (
	"go/constant"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/rules"
)

// TestRulesDocumented checks that every rule the pass reports (every rule
// ID constant of package rules its code refers to) is documented for it in
// the rule registry (ndislint help RULE, //ndislint:ignore checks), and that
// the registry gives it no rule its code never names.
func TestRulesDocumented(t *testing.T) {
	used := ruleConstsUsed(t)
	for _, id := range used {
		r := rules.LookupRule(id)
		if r == nil || r.Pass != rules.PassIrql {
			t.Errorf("rule %s is not documented for pass %s", id, rules.PassIrql)
			continue
		}
		if r.Title == "" || r.Text == "" || r.Page == "" || r.Wrong == "" || r.Right == "" || r.Analog == "" {
			t.Errorf("rule %s: documentation incomplete", id)
		}
	}
	for _, id := range rules.RuleIDs(rules.PassIrql) {
		if !slices.Contains(used, id) {
			t.Errorf("rule %s is documented for %s but its code never names it", id, rules.PassIrql)
		}
	}
}

// ruleConstsUsed returns the values of the string constants of package
// rules named Rule* that the pass's own files (and its private packages')
// refer to, sorted.
func ruleConstsUsed(t *testing.T) []string {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedSyntax}
	pkgs, err := packages.Load(cfg, ".", "./internal/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the pass does not load")
	}
	var ids []string
	for _, p := range pkgs {
		for _, obj := range p.TypesInfo.Uses {
			c, ok := obj.(*types.Const)
			if !ok || c.Pkg() == nil || c.Pkg().Path() != "github.com/ndislint/ndislint/rules" || !isRuleConst(c) {
				continue
			}
			if id := constant.StringVal(c.Val()); !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// isRuleConst reports whether c is a rule ID constant (RuleXxx, a string).
func isRuleConst(c *types.Const) bool {
	return len(c.Name()) > 4 && c.Name()[:4] == "Rule" && c.Val().Kind() == constant.String
}
