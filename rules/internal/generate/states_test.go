package generate

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestStatesDeriveEvents checks that the generator fills in each
// transition's event kind and structured condition from the catalogue, and
// refuses an overlay that writes them, names an event the catalogue does
// not have or states a condition it cannot read.
func TestStatesDeriveEvents(t *testing.T) {
	c := &rules.Catalogue{
		DDIs:  []rules.DDI{{Name: "NdisFPauseComplete"}},
		Roles: []rules.Role{{Name: "FILTER_PAUSE"}},
	}
	machine := func(ts ...rules.Transition) []rules.StateMachine {
		return []rules.StateMachine{{Object: "filter-module", Transitions: ts}}
	}
	g := &gen{o: &Overlay{States: machine(
		rules.Transition{From: "Running", By: "FILTER_PAUSE", To: "Pausing"},
		rules.Transition{From: "Pausing", By: "FILTER_PAUSE", When: "returns NDIS_STATUS_SUCCESS", To: "Paused"},
		rules.Transition{From: "Pausing", By: "NdisFPauseComplete", To: "Paused"})}}
	out, err := g.states(c)
	if err != nil {
		t.Fatal(err)
	}
	got := out[0].Transitions
	if got[0].Event != rules.EventRole || got[2].Event != rules.EventDDI {
		t.Errorf("events = %q, %q; want role, ddi", got[0].Event, got[2].Event)
	}
	if got[0].Cond != nil || got[1].Cond == nil || got[1].Cond.Of != rules.CondReturn {
		t.Errorf("conds = %+v, %+v; want none, one on the result", got[0].Cond, got[1].Cond)
	}
	if g.o.States[0].Transitions[0].Event != "" {
		t.Error("the overlay itself was modified")
	}
	for name, bad := range map[string]rules.Transition{
		"written event": {By: "FILTER_PAUSE", Event: rules.EventRole},
		"written cond":  {By: "FILTER_PAUSE", Cond: &rules.Cond{Of: rules.CondReturn}},
		"unknown event": {By: "NdisNoSuchThing"},
		"opaque when":   {By: "FILTER_PAUSE", When: "the moon is full"},
	} {
		g := &gen{o: &Overlay{States: machine(bad)}}
		if _, err := g.states(c); err == nil || !strings.Contains(err.Error(), "transition 0") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
