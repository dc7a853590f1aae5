package typestate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/internal/cattest"
	"github.com/ndislint/ndislint/analyzers/typestate"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one client with the embedded
// catalogue and with one whose AF lifetime differs: a refused close leads
// where a successful one does (the handle stays dead on the failure branch
// of ProtocolClCloseAfComplete), and the invalid handle has no exception.
// The pass names no role, DDI or state, so the reports move with the
// catalogue.
func TestFollowsCatalogue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), typestate.Analyzer, "example.com/t/catalogue/asis")
	cattest.Use(t, func(t *testing.T, c *rules.Catalogue) {
		af := c.Lifetime(rules.ObjectAf)
		closing := ""
		for _, e := range af.Invalidating(af.Handle, rules.EventDDI) {
			closing = e.To
		}
		var ok, failed *rules.Edge
		for i := range af.Edges {
			e := &af.Edges[i]
			if e.Event != rules.EventRole || !e.Leaves(closing) || e.Cond == nil {
				continue
			}
			if e.Cond.Op == "==" {
				ok = e
			} else {
				failed = e
			}
		}
		if ok == nil || failed == nil {
			t.Fatalf("the af lifetime has no success and failure edges out of %q", closing)
		}
		failed.To = ok.To
		af.Invalid.Except = nil
	})
	analysistest.Run(t, analysistest.TestData(), typestate.Analyzer, "example.com/t/catalogue/moved")
}

// TestStateOwnersExist checks that each state the registry leaves to
// another rule is a state of its lifetime (an edge leads there), and that
// the rule exists: a state renamed in the catalogue must be renamed there.
func TestStateOwnersExist(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range rules.TypestateStateOwners() {
		l := c.Lifetime(o.Object)
		if l == nil {
			t.Errorf("%s: no such lifetime", o.Object)
			continue
		}
		found := false
		for _, e := range l.Edges {
			found = found || e.To == o.State
		}
		if !found {
			t.Errorf("%s: no edge leads to state %q", o.Object, o.State)
		}
		if rules.LookupRule(o.Rule) == nil {
			t.Errorf("%s %s: rule %q is not registered", o.Object, o.State, o.Rule)
		}
	}
}
