package generate

import (
	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// states returns the overlay's state machines with each entering event's
// kind filled in (a DDI or a role of c). The overlay must not write it.
func (g *gen) states(c *rules.Catalogue) ([]rules.StateMachine, error) {
	events := map[string]rules.EventKind{}
	for _, d := range c.DDIs {
		events[d.Name] = rules.EventDDI
	}
	for _, r := range c.Roles {
		events[r.Name] = rules.EventRole
	}
	out := make([]rules.StateMachine, len(g.o.States))
	for i, m := range g.o.States {
		m.States = append([]rules.State(nil), m.States...)
		for j := range m.States {
			s := &m.States[j]
			s.EnteredBy = append([]rules.StateEntry(nil), s.EnteredBy...)
			for k := range s.EnteredBy {
				e := &s.EnteredBy[k]
				if e.Event != "" {
					return nil, errors.Errorf("overlay states %s, state %s, enteredBy %s: event is derived; write by and reason only", m.Object, s.Name, e.By)
				}
				if e.Event = events[e.By]; e.Event == "" {
					return nil, errors.Errorf("overlay states %s, state %s, enteredBy %s: no such DDI or role in scope", m.Object, s.Name, e.By)
				}
			}
		}
		out[i] = m
	}
	return out, nil
}
