package ndissim

import (
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The objects' lifetimes at run time. Every simulated object the catalogue
// gives a lifetime (rules.Lifetime: vc-client, vc-cm, call, party, af, sap)
// carries its place in it, a life; every DDI a driver calls and every
// callback NDIS delivers that is an edge of that lifetime moves it. Whether
// the event is allowed in the object's state, which state follows (by the
// event's Status parameter or its result) and which handle the edge
// invalidates all come from the run's catalogue (kernel.State.Catalogue),
// read through the rules package's queries: nothing here knows a state, DDI
// or role by name, so an edge added to rules/overlay.json is enforced at run
// time with no change to this package (TestLifetimeEdgesFromCatalogue).
//
// How an event moves a life, for the edges whose By is the event and that
// leave the current state (Lifetime.EdgesBy, Edge.Leaves):
//
//   - On entry (before the DDI runs, before the handler is called), an edge
//     with no condition, or with a condition on a parameter that the
//     event's arguments admit, is taken; a conditional edge is preferred to
//     an unconditional one. An opaque condition (Edge.WhenOpaque: prose the
//     statuses cannot express) is admitted only when the simulator vouches
//     for it (event.vouch).
//   - If no such edge leaves the state but edges conditioned on the result
//     do, the one the result NDIS_STATUS_PENDING takes is taken at once,
//     tentatively: a completion may arrive while the request is still
//     inside its DDI or handler (NOTES §1), and it must find the request
//     pending. On return, when nothing else moved the object meanwhile, the
//     tentative step is undone and the edge the actual result admits is
//     taken instead.
//   - On return, the edge conditioned on the result that leaves the state
//     the object is then in, and that the result admits, is taken.
//
// A handle dies when an edge whose InvalidatesKind is the lifetime's Handle
// is taken (it is the client's handle the catalogue's edges invalidate), and
// lives again when an edge that invalidates nothing at all is taken from
// the dead state (NDIS offering a new call on a VC whose handle the close
// killed; a close that failed, leaving the object as it was). An object is
// gone (NDIS freed it, so no side's handle is valid any more) once it is
// back in the state its creation left, or in a state no edge leaves.
//
// What a life does not decide stays with the simulator's own bookkeeping
// (vcBlock.call, afBlock.state, ...): what NDIS does for a DDI that is no
// edge of any lifetime (sends, QoS changes, OID requests), preconditions on
// another object (a SAP needs its AF open), who may delete a VC (a
// lifetime's Notes, not an edge), the activation of a VC in the miniport.

// life is one object's place in its catalogue lifetime.
type life struct {
	// object is the lifetime's Object (rules.ObjectVcClient, ...).
	object string
	// state is the current state; "" when the run's catalogue has no such
	// lifetime (nothing is then checked).
	state string
	// born is the state the object's creation left: back there, it is gone.
	born string
	// created is set once an edge took the object out of born.
	created bool
	// dead is set while the client's handle is invalid: an edge invalidated
	// it and none revived it since.
	dead bool
	// killer is the event whose edge invalidated the handle.
	killer string
	// moves counts the edges taken, so a transition can tell whether nested
	// events moved the object while it ran.
	moves int
}

// objectName returns l's lifetime object, "" for no life or no lifetime.
func (l *life) objectName() string {
	if l == nil || l.state == "" {
		return ""
	}
	return l.object
}

// stateName returns l's state, "" for no life.
func (l *life) stateName() string {
	if l == nil {
		return ""
	}
	return l.state
}

// lifetime returns the run's lifetime of object, nil when the run has no
// catalogue or the catalogue no such lifetime.
func (w *world) lifetime(object string) *rules.Lifetime {
	c := w.st.Catalogue()
	if c == nil {
		return nil
	}
	return c.Lifetime(object)
}

// newLife returns the life of an object of kind object that does not exist
// yet: in its lifetime's initial state.
func (w *world) newLife(object string) *life {
	l := &life{object: object}
	if lt := w.lifetime(object); lt != nil {
		l.state, l.born = lt.Initial, lt.Initial
	}
	return l
}

// clone returns a copy of l: the life of a new object that starts where l
// is (an address family opened from its advertisement).
func (l *life) clone() *life {
	c := *l
	c.born, c.created, c.moves = l.state, false, 0
	return &c
}

// gone reports whether the object no longer exists for NDIS: created, and
// then back in the state its creation left or in a state no edge leaves.
func (w *world) gone(l *life) bool {
	if l == nil || !l.created {
		return false
	}
	lt := w.lifetime(l.object)
	if lt == nil {
		return false
	}
	return l.state == l.born || len(lt.EdgesFrom(l.state)) == 0
}

// concerns reports whether event by is an edge of l's lifetime.
func (w *world) concerns(l *life, by string) bool {
	lt := w.lifetime(l.object)
	return lt != nil && l.state != "" && len(lt.EdgesBy(by)) > 0
}

// allows reports whether l may take event ev now: ev is no edge of its
// lifetime (the lifetime says nothing of it), or an edge of ev leaves the
// current state whose condition the event's arguments admit (a condition
// on the result is decided later).
func (w *world) allows(l *life, ev event) bool {
	if l == nil || !w.concerns(l, ev.by) {
		return true
	}
	for _, e := range w.leaving(l, ev.by) {
		if onReturn(e) || ev.admitsArgs(e) {
			return true
		}
	}
	return false
}

// leaving returns the edges by that leave l's state.
func (w *world) leaving(l *life, by string) []*rules.Edge {
	lt := w.lifetime(l.object)
	if lt == nil {
		return nil
	}
	var out []*rules.Edge
	for _, e := range lt.EdgesBy(by) {
		if e.Leaves(l.state) {
			out = append(out, e)
		}
	}
	return out
}

// leavers lists, for a report, the states the edges of by leave.
func (w *world) leavers(l *life, by string) string {
	lt := w.lifetime(l.object)
	if lt == nil {
		return ""
	}
	var states []string
	seen := map[string]bool{}
	for _, e := range lt.EdgesBy(by) {
		for _, s := range e.FromStates() {
			if !seen[s] {
				seen[s] = true
				states = append(states, s)
			}
		}
	}
	return strings.Join(states, ", ")
}

// event is one DDI call or callback as an edge sees it.
type event struct {
	// by is the DDI or role (NDIS spelling).
	by string
	// args are the values of its parameters that a condition may test, by
	// page name: an NDIS_STATUS name, or nullArg / nonNullArg.
	args map[string]string
	// vouch is set when the simulator knows that the prose condition of an
	// opaque edge holds (the party passed to NdisClCloseCall is the last).
	vouch bool
	// mcm is set for a role of a miniport call manager, whose requests some
	// roles' pages complete with another DDI (Role.CompletedByMCM).
	mcm bool
}

// The values of a handle or context argument, as Cond.Values spell them.
const (
	nullArg    = "NULL"
	nonNullArg = "non-NULL"
)

// on returns the event by with the given arguments, as name/value pairs: a
// value is an ndis.Status or a handle (tested against NULL).
func on(by string, nameValues ...any) event {
	ev := event{by: by, args: map[string]string{}}
	for i := 0; i+1 < len(nameValues); i += 2 {
		name, _ := nameValues[i].(string)
		switch v := nameValues[i+1].(type) {
		case ndis.Status:
			ev.args[name] = v.String()
		case nil:
			ev.args[name] = nullArg
		default:
			ev.args[name] = nonNullArg
		}
	}
	return ev
}

// onStatus returns the event by with its status parameter (the one the
// catalogue gives kind status: Status, or _S_ for the NdisMCm* macros) set
// to st, and the other arguments as on takes them.
func (w *world) onStatus(by string, st ndis.Status, nameValues ...any) event {
	name := "Status"
	if c := w.st.Catalogue(); c != nil {
		var params []rules.Param
		if d := c.DDI(by); d != nil {
			params = d.Params
		} else if r := c.Role(by); r != nil {
			params = r.Params
		}
		for _, p := range params {
			if p.Kind == rules.KindStatus {
				name = p.Name
				break
			}
		}
	}
	return on(by, append([]any{name, st}, nameValues...)...)
}

// admitsArgs reports whether a condition on the event's parameters holds
// (a condition on the result is not decided here).
func (ev event) admitsArgs(e *rules.Edge) bool {
	switch {
	case e.WhenOpaque:
		return ev.vouch
	case e.Cond == nil:
		return true
	case e.Cond.Of == rules.CondReturn:
		return false
	}
	v, ok := ev.args[e.Cond.Of]
	return ok && e.Cond.Admits(v)
}

// onReturn reports whether e is decided by the event's result.
func onReturn(e *rules.Edge) bool { return e.Cond != nil && e.Cond.Of == rules.CondReturn }

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

// usable reports whether the DDI ddi may take the handle whose side of
// the object l is: not once an edge of l invalidated it, when the lifetime
// forbids that use (forbids).
func (w *world) usable(l *life, ddi string) bool {
	return l == nil || l.state == "" || !l.dead || !w.forbids(l, ddi)
}

// forbids reports whether l's lifetime forbids passing an invalid handle to
// ddi: every DDI when the lifetime has no Invalid, else those of its
// families but its exceptions (Lifetime.ForbidsUse).
func (w *world) forbids(l *life, ddi string) bool {
	lt := w.lifetime(l.object)
	if lt == nil {
		return false
	}
	if lt.Invalid == nil {
		return true
	}
	d := w.st.Catalogue().DDI(ddi)
	return d != nil && lt.ForbidsUse(d)
}
