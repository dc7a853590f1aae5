package ndissim

// How an event moves a life along its lifetime's edges (life.go says the
// rules): the entry edge, the tentative PENDING step, the result's edge or
// the completion's.

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// choose returns the edge of edges that ok admits, a conditional one before
// an unconditional one, nil when none.
func choose(edges []*rules.Edge, ok func(*rules.Edge) bool) *rules.Edge {
	var plain *rules.Edge
	for _, e := range edges {
		if !ok(e) {
			continue
		}
		if e.Cond != nil || e.WhenOpaque {
			return e
		}
		if plain == nil {
			plain = e
		}
	}
	return plain
}

// take moves l along e, caused by by.
func (w *world) take(l *life, e *rules.Edge, by string) {
	lt := w.lifetime(l.object)
	l.state = e.To
	l.moves++
	l.created = true
	switch {
	case e.InvalidatesKind != rules.KindNone && e.InvalidatesKind == lt.Handle:
		l.dead, l.killer = true, by
	case e.Invalidates == "":
		l.dead, l.killer = false, ""
	}
}

// transition is an event under way on one life: begin takes its entry
// edge, end the edge its result decides.
type transition struct {
	w    *world
	l    *life
	ev   event
	on   bool // the event is an edge of the lifetime
	undo *life
	pend *rules.Edge // the tentative edge of a PENDING result
	mark int
}

// begin starts event ev on l (nil: no object) and takes its entry edge.
// The caller has checked with allows that an edge leaves the state; when
// none does, the object stays where it is.
func (w *world) begin(l *life, ev event) *transition {
	t := &transition{w: w, l: l, ev: ev}
	if l == nil || !w.concerns(l, ev.by) {
		return t
	}
	t.on = true
	edges := w.leaving(l, ev.by)
	if e := choose(edges, ev.admitsArgs); e != nil {
		w.take(l, e, ev.by)
		return t
	}
	pend := choose(edges, func(e *rules.Edge) bool { return onReturn(e) && e.Cond.Admits(ndis.StatusPending.String()) })
	if pend != nil {
		saved := *l
		t.undo, t.pend = &saved, pend
		w.take(l, pend, ev.by)
		t.mark = l.moves
	}
	return t
}

// end finishes the event with its result st (for a DDI or role that
// returns an NDIS_STATUS) and takes the edge st decides. A result no edge of
// the event decides is, for a request that may pend, its completion (NOTES
// §1: when the request returns anything but NDIS_STATUS_PENDING, NDIS does
// not call the completion and the caller completes it itself): the object
// takes the edge of the request's PENDING result, then that of its
// completion (DDI.CompletedBy, Role.CompletedBy) with Status = st.
func (t *transition) end(st ndis.Status) {
	if !t.on {
		return
	}
	l, w := t.l, t.w
	rolled := t.undo != nil && l.moves == t.mark
	if rolled {
		*l = *t.undo
	}
	res := st.String()
	if e := choose(w.leaving(l, t.ev.by), func(e *rules.Edge) bool { return onReturn(e) && e.Cond.Admits(res) }); e != nil {
		w.take(l, e, t.ev.by)
		return
	}
	if st == ndis.StatusPending {
		return
	}
	by := w.completionOf(t.ev)
	if by == "" {
		return
	}
	if rolled {
		w.take(l, t.pend, t.ev.by)
	}
	done := w.onStatus(by, st)
	if e := choose(w.leaving(l, by), done.admitsArgs); e != nil {
		w.take(l, e, t.ev.by)
	}
}

// completionOf returns what completes ev's request when it pends: the DDI's
// CompletedBy, or the role's CompletedBy (CompletedByMCM for a miniport
// call manager, when the role has one); "" when it does not pend.
func (w *world) completionOf(ev event) string {
	c := w.st.Catalogue()
	if d := c.DDI(ev.by); d != nil {
		return d.CompletedBy
	}
	if r := c.Role(ev.by); r != nil {
		if ev.mcm && r.CompletedByMCM != "" {
			return r.CompletedByMCM
		}
		return r.CompletedBy
	}
	return ""
}

// done finishes an event with no result (a VOID DDI or role).
func (t *transition) done() {
	if t.on && t.undo != nil && t.l.moves == t.mark {
		*t.l = *t.undo
	}
}

// step runs a whole event with no result on l.
func (w *world) step(l *life, ev event) { w.begin(l, ev).done() }
