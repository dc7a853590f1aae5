package ndissim

import (
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// The objects' lifetimes at run time. Every simulated object the catalogue
// gives a lifetime carries its place in it, a life, one for each side's view
// (rules.Lifetime: vc-client or vc-cm and call for a VC, party and
// party-cm, af and af-cm, sap and sap-cm); every DDI a driver calls and every
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
//     the object is then in, and that the result admits, is taken. A result
//     no edge decides, of a request that may pend, is the request's
//     completion with that status (NOTES §1: the caller completes it
//     itself): the completion's edge (DDI.CompletedBy, Role.CompletedBy)
//     is taken from the pending state.
//   - A result or argument no edge admits leaves the object where it is:
//     the catalogue does not describe that outcome. Whether the event may
//     happen at all is the caller's check (allows, admit), made before.
//
// A handle dies when an edge whose InvalidatesKind is the lifetime's Handle
// is taken (the handle of the side whose view the lifetime is), and lives
// again when an edge that invalidates nothing at all is taken from
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
	// dead is set while the handle of the lifetime's side is invalid: an
	// edge invalidated it and none revived it since.
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
