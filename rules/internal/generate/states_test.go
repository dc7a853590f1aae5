package generate

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestStatesDeriveEvents checks that the generator fills in each entering
// event's kind from the catalogue, and refuses an overlay that writes it or
// names an event the catalogue does not have.
func TestStatesDeriveEvents(t *testing.T) {
	c := &rules.Catalogue{
		DDIs:  []rules.DDI{{Name: "NdisFPauseComplete"}},
		Roles: []rules.Role{{Name: "FILTER_PAUSE"}},
	}
	machine := func(entries ...rules.StateEntry) []rules.StateMachine {
		return []rules.StateMachine{{Object: "filter-module", States: []rules.State{{Name: "Paused", EnteredBy: entries}}}}
	}
	g := &gen{o: &Overlay{States: machine(rules.StateEntry{By: "FILTER_PAUSE"}, rules.StateEntry{By: "NdisFPauseComplete"})}}
	out, err := g.states(c)
	if err != nil {
		t.Fatal(err)
	}
	got := out[0].States[0].EnteredBy
	if got[0].Event != rules.EventRole || got[1].Event != rules.EventDDI {
		t.Errorf("events = %q, %q; want role, ddi", got[0].Event, got[1].Event)
	}
	if g.o.States[0].States[0].EnteredBy[0].Event != "" {
		t.Error("the overlay itself was modified")
	}
	for name, bad := range map[string]rules.StateEntry{
		"written event": {By: "FILTER_PAUSE", Event: rules.EventRole},
		"unknown event": {By: "NdisNoSuchThing"},
	} {
		g := &gen{o: &Overlay{States: machine(bad)}}
		if _, err := g.states(c); err == nil || !strings.Contains(err.Error(), "enteredBy") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
