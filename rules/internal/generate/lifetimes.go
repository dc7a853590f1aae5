package generate

import (
	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// lifetimes returns the overlay's lifetimes with each edge's derived
// fields filled in: the event kind of By, When in structured form, and the
// kind of the handle Invalidates names (from the parameter kinds). The
// overlay must not write them itself.
func (g *gen) lifetimes(c *rules.Catalogue) ([]rules.Lifetime, error) {
	events := map[string]rules.EventKind{}
	for _, d := range c.DDIs {
		events[d.Name] = rules.EventDDI
	}
	for _, r := range c.Roles {
		events[r.Name] = rules.EventRole
	}
	out := make([]rules.Lifetime, len(g.o.Lifetimes))
	for i, l := range g.o.Lifetimes {
		l.Edges = append([]rules.Edge(nil), l.Edges...)
		for j := range l.Edges {
			e := &l.Edges[j]
			if e.Event != "" || e.Cond != nil || e.WhenOpaque || e.InvalidatesKind != rules.KindNone {
				return nil, errors.Errorf("overlay lifetime %s, edge %d: event, cond, whenOpaque and invalidatesKind are derived; write by, when and invalidates only", l.Object, j)
			}
			e.Event = events[e.By]
			e.Cond, e.WhenOpaque = rules.ParseWhen(e.When)
			if e.Invalidates != "" {
				e.InvalidatesKind = g.o.ParamKinds[e.Invalidates]
			}
		}
		out[i] = l
	}
	return out, nil
}
