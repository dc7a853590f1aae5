package checks

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		spec      string
		on, off   []string
		errSubstr string
	}{
		{spec: "", on: []string{rules.RuleVcUseAfterClose, "role-undeclared"}},
		{spec: "all", on: []string{rules.RuleVcUseAfterClose, "irql-above-max"}},
		{spec: "all,-role-undeclared", on: []string{"role-mismatch"}, off: []string{"role-undeclared"}},
		{spec: "-role-undeclared", on: []string{"role-mismatch", "irql-above-max"}, off: []string{"role-undeclared"}},
		{spec: "vc-*", on: []string{"vc-delete-cm-vc", rules.RuleVcUseAfterClose}, off: []string{"irql-above-max", "role-undeclared"}},
		{spec: "vc-*,-vc-state", on: []string{"vc-delete-cm-vc"}, off: []string{"vc-state", "irql-above-max"}},
		{spec: "-irql-*,irql-above-max", on: []string{"irql-above-max", "role-mismatch"}, off: []string{"irql-below-min"}},
		{spec: "vc-use-after-clos", errSubstr: "did you mean vc-use-after-close"},
		{spec: "all,-nosuch-*", errSubstr: `no rule matches "nosuch-*"`},
	} {
		s, err := Parse(tc.spec)
		if tc.errSubstr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errSubstr) {
				t.Errorf("Parse(%q): error %v, want one containing %q", tc.spec, err, tc.errSubstr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.spec, err)
			continue
		}
		for _, id := range tc.on {
			if !s.Enabled(id) {
				t.Errorf("Parse(%q): %s is off, want on", tc.spec, id)
			}
		}
		for _, id := range tc.off {
			if s.Enabled(id) {
				t.Errorf("Parse(%q): %s is on, want off", tc.spec, id)
			}
		}
	}
}

func TestVerifierRulesAreNotSelectable(t *testing.T) {
	for _, r := range rules.AllRules() {
		if r.Pass == rules.PassVerifier {
			if _, err := Parse(r.ID); err == nil {
				t.Errorf("Parse(%q) accepted a run-time rule", r.ID)
			}
			return
		}
	}
	t.Fatal("no verifier rule in the registry")
}

func TestSetKeepsSelectionOnError(t *testing.T) {
	defer Set("all")
	if err := Set("vc-*"); err != nil {
		t.Fatal(err)
	}
	if err := Set("nosuch"); err == nil {
		t.Fatal("Set(nosuch) succeeded")
	}
	if Enabled("irql-above-max") || !Enabled("vc-state") {
		t.Errorf("selection changed by a failed Set: %s", Current())
	}
}
