package pausestate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/internal/cattest"
	"github.com/ndislint/ndislint/analyzers/pausestate"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one miniport with the embedded
// catalogue and with one whose adapter states differ: what the state the
// pause role enters allowed is forbidden there, and the state the pause
// completion enters forbids nothing (it only allows what it forbade). The
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
			for j := range m.States {
				s := &m.States[j]
				if s.EnteredBy[0].Event == rules.EventRole {
					s.Forbidden, s.Allowed = s.Allowed, nil
				} else {
					s.Forbidden, s.Allowed = nil, s.Forbidden
				}
				moved++
			}
		}
		if moved == 0 {
			t.Fatal("the catalogue has no miniport state machine")
		}
	})
	analysistest.Run(t, analysistest.TestData(), pausestate.Analyzer, "example.com/t/catalogue/moved")
}
