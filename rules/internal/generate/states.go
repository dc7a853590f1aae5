package generate

import (
	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// states returns the overlay's state machines with each transition's
// derived fields filled in: its event's kind (a DDI or a role of c) and its
// When in structured form (rules.ParseWhen). The overlay must not write
// them.
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
		m.Transitions = append([]rules.Transition(nil), m.Transitions...)
		for j := range m.Transitions {
			t := &m.Transitions[j]
			if t.Event != "" || t.Cond != nil {
				return nil, errors.Errorf("overlay states %s, transition %d (%s by %s): event and cond are derived; write from, by, when, value, to and reason only", m.Object, j, t.From, t.By)
			}
			if t.Event = events[t.By]; t.Event == "" {
				return nil, errors.Errorf("overlay states %s, transition %d (%s by %s): no such DDI or role in scope", m.Object, j, t.From, t.By)
			}
			cond, opaque := rules.ParseWhen(t.When)
			if opaque {
				return nil, errors.Errorf("overlay states %s, transition %d (%s by %s): when %q is no condition rules.ParseWhen reads", m.Object, j, t.From, t.By, t.When)
			}
			t.Cond = cond
		}
		out[i] = m
	}
	return out, nil
}
