package wdm_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// rulesOf returns the rule IDs the verifier reported, in order.
func rulesOf(s *kernel.State) []string {
	var out []string
	for _, v := range s.Violations() {
		out = append(out, v.Rule)
	}
	return out
}

// expectRules fails unless the verifier reported exactly want, in order.
func expectRules(t *testing.T, s *kernel.State, want ...string) {
	t.Helper()
	got := rulesOf(s)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		var b strings.Builder
		for _, v := range s.Violations() {
			b.WriteString("\n\t" + v.String())
		}
		t.Fatalf("violations: got %v, want %v%s", got, want, b.String())
	}
}

// expectClean fails if the verifier reported anything.
func expectClean(t *testing.T, s *kernel.State) {
	t.Helper()
	expectRules(t, s)
}

// needCatalogueDDI fails the test, saying why, when the catalogue has no
// entry for ddi yet: the test's expectation comes from that entry.
func needCatalogueDDI(t *testing.T, ddi string) {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatalf("this test needs the catalogue's entry for %s; the catalogue does not load: %v", ddi, err)
	}
	if c.DDI(ddi) == nil {
		t.Fatalf("this test needs the catalogue's IRQL entry for %s, and rules/catalogue.json has none yet (re-run once the catalogue is generated)", ddi)
	}
}
