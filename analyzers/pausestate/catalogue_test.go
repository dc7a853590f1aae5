package pausestate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/internal/cattest"
	"github.com/ndislint/ndislint/analyzers/pausestate"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one miniport with the embedded
// catalogue and with one whose adapter states differ: what a state a role
// enters unconditionally allowed is forbidden there, and a state a DDI
// enters unconditionally forbids nothing (it only allows what it forbade). The
// pass names no state, role or DDI, so the reports move with the catalogue.
func TestFollowsCatalogue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pausestate.Analyzer, "example.com/t/catalogue/asis")
	cattest.Use(t, func(t *testing.T, c *rules.Catalogue) {
		moved := 0
		for i := range c.States {
			m := &c.States[i]
			if m.Driver != rules.DriverMiniport {
				continue
			}
			for _, tr := range m.Transitions {
				if tr.To == "" || tr.Cond != nil || tr.Value != nil {
					continue
				}
				var s *rules.State
				for j := range m.States {
					if m.States[j].Name == tr.To {
						s = &m.States[j]
					}
				}
				if tr.Event == rules.EventRole && len(s.Allowed) > 0 {
					s.Forbidden, s.Allowed = s.Allowed, nil
					moved++
				} else if tr.Event == rules.EventDDI && len(s.Forbidden) > 0 {
					s.Forbidden, s.Allowed = nil, s.Forbidden
					moved++
				}
			}
		}
		if moved == 0 {
			t.Fatal("the catalogue has no miniport state machine")
		}
	})
	analysistest.Run(t, analysistest.TestData(), pausestate.Analyzer, "example.com/t/catalogue/moved")
}
