package irql

import (
	"slices"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// ruleIDs lists every rule ID this pass reports, for the test that each is
// documented in the rule registry.
var ruleIDs = []string{
	ruleAboveMax, ruleBelowMin, ruleContradiction, ruleNotRestored, ruleHeldOnReturn,
	ruleReleaseNotHeld, ruleDoubleAcquire, ruleDprMismatch, ruleFreeHeld, ruleReleaseOrder,
	ruleRaiseLowers, ruleLowerRaises, ruleBadLevel, ruleSaveRestore, ruleContractBroken,
	rulePageable, ruleDirective,
}

// TestRulesDocumented checks that every rule the pass reports has its
// documentation in the registry (ndislint help RULE, //ndislint:ignore
// checks), and that the registry lists no rule the pass never reports.
func TestRulesDocumented(t *testing.T) {
	documented := rules.RuleIDs(passName)
	for _, id := range ruleIDs {
		r := rules.LookupRule(id)
		if r == nil || r.Pass != passName {
			t.Errorf("rule %s is not documented for pass %s", id, passName)
			continue
		}
		if r.Title == "" || r.Text == "" || r.Page == "" || r.Wrong == "" || r.Right == "" || r.Analog == "" {
			t.Errorf("rule %s: documentation incomplete", id)
		}
	}
	for _, id := range documented {
		if !slices.Contains(ruleIDs, id) {
			t.Errorf("rule %s is documented for %s but never reported", id, passName)
		}
	}
}
