package rules

import (
	"regexp"
	"strings"
	"testing"
)

var idRe = regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`)

// TestEveryRuleIsDocumented checks what `ndislint help RULE` prints for each
// rule: a kebab-case ID, a pass, a title and text, and for the NDIS rules the
// page they come from and a wrong and a right example.
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
		ndisRule := strings.HasPrefix(r.ID, "vc-") || strings.HasPrefix(r.ID, "role-") || strings.HasPrefix(r.ID, "irql-") || strings.HasPrefix(r.ID, "spinlock-")
		if ndisRule && (r.Page == "" || r.Wrong == "" || r.Right == "") {
			t.Errorf("%s: an NDIS rule needs its page and a wrong and a right example", r.ID)
		}
		if ex := r.Explain(); !strings.Contains(ex, r.ID) || !strings.Contains(ex, "//ndislint:ignore "+r.ID) {
			t.Errorf("%s: Explain does not name the rule and how to suppress it:\n%s", r.ID, ex)
		}
	}
}
