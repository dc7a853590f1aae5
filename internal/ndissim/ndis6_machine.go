package ndissim

import (
	"fmt"
	"reflect"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The operational states of adapters, filter modules and bindings at run
// time. Each object carries its place in its catalogue state machine
// (rules.StateMachine: adapter, filter-module, binding), an opLife; the
// scripted operations (Pause, Restart, Halt, Attach, Bind, ...) still decide
// what NDIS does and when, but where an event moves the object, the state it
// moves to is the catalogue's: the transition of the event that leaves the
// current state and whose conditions the event admits (a value of an
// argument's field, NetPnPEvent.NetEvent == NetEventPause; a Status
// argument; the result). Whether NDIS may deliver an event in the state
// (can6), which DDIs the state forbids (forbids6) and the names of the
// states all come from the catalogue too: nothing here knows a state by
// name.
//
// When an event moves the object: a role that returns a status moves it
// when NDIS calls it (the handler runs in the new state: FilterPause runs
// Pausing) and again on its result; a role that returns nothing moves it
// once its handler returned (MiniportHaltEx: the adapter is Halted after it
// returns, and NDIS's handles stay usable for the handler's cleanup); a DDI
// moves it when the driver calls it. Without a catalogue the objects have
// no state (opLife.state ""): nothing is checked, and the scripted
// operations that need a state fail.

// opLife is an NDIS 6 object's place in its state machine.
type opLife struct {
	// object is the machine's Object (rules.ObjectAdapter, ...).
	object string
	// state is the current state, "" without a machine.
	state string
	// left is set once a transition took the object out of its initial
	// state: back there, it is gone (halted, detached).
	left bool
}

// machine returns the run's state machine of object, nil without one.
func (w *world) machine(object string) *rules.StateMachine {
	c := w.st.Catalogue()
	if c == nil {
		return nil
	}
	return c.Machine(object)
}

// newOpLife returns the life of a new object of kind object, in its
// machine's initial state.
func (w *world) newOpLife(object string) *opLife {
	l := &opLife{object: object}
	if m := w.machine(object); m != nil {
		l.state = m.Initial
	}
	return l
}

// String returns the state's name, as the pages spell it.
func (l *opLife) String() string { return l.state }

// opEvent is a role or DDI as a machine's transitions see it: its
// arguments by page name (a pointer a value condition reads, an
// ndis.Status a condition on a status parameter tests).
type opEvent struct {
	by   string
	args map[string]any
}

// ev6 returns the event by with arguments given as name/value pairs.
func ev6(by string, nameValues ...any) opEvent {
	e := opEvent{by: by, args: map[string]any{}}
	for i := 0; i+1 < len(nameValues); i += 2 {
		name, _ := nameValues[i].(string)
		e.args[name] = nameValues[i+1]
	}
	return e
}

// enter6 takes the transition of ev that leaves l's state with no
// condition on the result and whose conditions ev's arguments admit: the
// moment NDIS calls a role, or the driver a DDI. It reports whether one was
// taken.
func (w *world) enter6(l *opLife, ev opEvent) bool { return w.take6(l, ev, nil) }

// return6 takes the transition of ev's result st that leaves l's state.
func (w *world) return6(l *opLife, ev opEvent, st ndis.Status) bool { return w.take6(l, ev, &st) }

// take6 moves l along the first transition of ev that leaves its state and
// that ev admits: on entry (result nil) one with no condition on the
// result, on return (result set) one with such a condition that the result
// admits. An event no transition admits leaves l where it is.
func (w *world) take6(l *opLife, ev opEvent, result *ndis.Status) bool {
	m := w.machine(l.object)
	if m == nil {
		return false
	}
	for _, t := range m.Leaving(l.state, ev.by) {
		if t.OnReturn() != (result != nil) || !ev.admits(t, result) {
			continue
		}
		if t.To != "" {
			l.left = l.left || l.state == m.Initial && t.To != m.Initial
			l.state = t.To
		}
		return true
	}
	return false
}

// admits reports whether the transition's conditions hold for the event:
// its value condition on the arguments, its condition on a status argument
// or on the result.
func (ev opEvent) admits(t *rules.Transition, result *ndis.Status) bool {
	if t.Value != nil && !valueHolds(t.Value, ev.args[t.Value.Param]) {
		return false
	}
	switch {
	case t.Cond == nil:
		return true
	case t.Cond.Of == rules.CondReturn:
		return result != nil && t.Cond.Admits(result.String())
	}
	st, ok := ev.args[t.Cond.Of].(ndis.Status)
	return ok && t.Cond.Admits(st.String())
}

// valueHolds reports whether the field path of v in the structure arg
// points to has the value of the constant v.Equals, by the name the
// field's type gives its value (its String method: NetEventPause). A
// missing argument, a nil pointer or a path the structure does not have
// do not hold.
func valueHolds(v *rules.ValueCond, arg any) bool {
	rv := reflect.ValueOf(arg)
	for _, f := range v.Fields() {
		for rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				return false
			}
			rv = rv.Elem()
		}
		if rv.Kind() != reflect.Struct {
			return false
		}
		if rv = rv.FieldByName(f); !rv.IsValid() {
			return false
		}
	}
	s, ok := rv.Interface().(fmt.Stringer)
	return ok && s.String() == v.Equals
}

// can6 reports whether a transition of ev leaves l's state whose value
// condition ev's arguments admit: the pages' table has the event in the
// state, so NDIS may deliver it there.
func (w *world) can6(l *opLife, ev opEvent) bool {
	m := w.machine(l.object)
	if m == nil {
		return false
	}
	for _, t := range m.Leaving(l.state, ev.by) {
		if t.Value == nil || valueHolds(t.Value, ev.args[t.Value.Param]) {
			return true
		}
	}
	return false
}

// forbids6 returns the entry of l's state that forbids ddi, or nil.
func (w *world) forbids6(l *opLife, ddi string) *rules.StateDDI {
	m := w.machine(l.object)
	if m == nil {
		return nil
	}
	if s := m.State(l.state); s != nil {
		return s.ForbiddenDDI(ddi)
	}
	return nil
}

// gone6 reports whether the object left its initial state and is back
// there (an adapter halted, a module detached).
func (w *world) gone6(l *opLife) bool {
	m := w.machine(l.object)
	return m != nil && l.left && l.state == m.Initial
}

// starting6 reports whether the object has not been created yet: it never
// left its initial state, or is in the state its creation enters
// (Initializing, Attaching, Opening).
func (w *world) starting6(l *opLife) bool {
	m := w.machine(l.object)
	return m != nil && (!l.left || m.Creating(l.state))
}

// ended6 reports whether no transition leaves the object's state (an
// adapter shut down): NDIS gives it nothing more.
func (w *world) ended6(l *opLife) bool {
	m := w.machine(l.object)
	return m != nil && m.Terminal(l.state)
}

// up6 reports whether the object exists and has not ended: created, not
// gone, not in a terminal state.
func (w *world) up6(l *opLife) bool { return !w.starting6(l) && !w.gone6(l) && !w.ended6(l) }
