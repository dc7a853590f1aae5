package engine

import (
	"github.com/ndislint/ndislint/rules"
)

// life is one lifetime of the catalogue and what the engine derives from
// its edges.
type life struct {
	// L is the catalogue's lifetime.
	L *rules.Lifetime
	// dead are the states in which the object's handle is invalid: those
	// reached only through an edge that invalidates the handle or the
	// context (the object is then gone).
	dead map[string]bool
	// by are the edges caused by each event, and from those that leave
	// each state, in catalogue order.
	by   map[string][]*rules.Edge
	from map[string]map[string][]*rules.Edge
}

// edgesBy returns the edges caused by the event by.
func (l *life) edgesBy(by string) []*rules.Edge { return l.by[by] }

// edgesFrom returns the edges caused by by that leave state.
func (l *life) edgesFrom(state, by string) []*rules.Edge { return l.from[state][by] }

// model is the catalogue's lifetimes as the engine reads them.
type model struct {
	lives []*life
	// byKind are the lifetimes whose handle has a kind.
	byKind map[rules.HandleKind][]*life
	// byEvent are the lifetimes with an edge caused by a DDI or role.
	byEvent map[string][]*life
}

// newModel reads the lifetimes of c.
func newModel(c *rules.Catalogue) *model {
	m := &model{byKind: map[rules.HandleKind][]*life{}, byEvent: map[string][]*life{}}
	for i := range c.Lifetimes {
		l := &c.Lifetimes[i]
		lf := &life{L: l, dead: deadStates(l), by: map[string][]*rules.Edge{}, from: map[string]map[string][]*rules.Edge{}}
		for j := range l.Edges {
			e := &l.Edges[j]
			lf.by[e.By] = append(lf.by[e.By], e)
			for _, st := range e.FromStates() {
				if lf.from[st] == nil {
					lf.from[st] = map[string][]*rules.Edge{}
				}
				lf.from[st][e.By] = append(lf.from[st][e.By], e)
			}
		}
		m.lives = append(m.lives, lf)
		m.byKind[l.Handle] = append(m.byKind[l.Handle], lf)
		seen := map[string]bool{}
		for _, e := range l.Edges {
			if !seen[e.By] {
				seen[e.By] = true
				m.byEvent[e.By] = append(m.byEvent[e.By], lf)
			}
		}
	}
	return m
}

// isHandleKind reports whether k is the handle kind of some lifetime.
func (m *model) isHandleKind(k rules.HandleKind) bool {
	return k != rules.KindNone && len(m.byKind[k]) > 0
}

// kills reports whether e makes l's handle invalid: it invalidates the
// handle, or the context (the object is gone, and its handle with it).
func kills(l *rules.Lifetime, e *rules.Edge) bool {
	k := e.InvalidatesKind
	return k != rules.KindNone && (k == l.Handle || k == l.Context)
}

// deadStates returns the states of l reached only through an edge that
// kills the handle: every state an edge leads to, minus those reachable
// from the initial state by edges that do not kill it.
func deadStates(l *rules.Lifetime) map[string]bool {
	alive := map[string]bool{l.Initial: true}
	for changed := true; changed; {
		changed = false
		for i := range l.Edges {
			e := &l.Edges[i]
			if alive[e.To] || kills(l, e) {
				continue
			}
			for _, s := range e.FromStates() {
				if alive[s] {
					alive[e.To], changed = true, true
					break
				}
			}
		}
	}
	dead := map[string]bool{}
	for _, e := range l.Edges {
		if !alive[e.To] {
			dead[e.To] = true
		}
	}
	return dead
}

// allKill reports whether every edge of l caused by by kills the handle
// (the DDI ends the object: a delete, a close).
func allKill(l *rules.Lifetime, by string) bool {
	es := l.EdgesBy(by)
	for _, e := range es {
		if !kills(l, e) {
			return false
		}
	}
	return len(es) > 0
}

// allowedFrom returns the states some edge of l caused by by leaves.
func allowedFrom(l *rules.Lifetime, by string) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range l.EdgesBy(by) {
		for _, s := range e.FromStates() {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
