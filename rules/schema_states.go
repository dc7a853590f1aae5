package rules

import (
	"strings"

	"github.com/pkg/errors"
)

// The objects of the state machines (StateMachine.Object).
const (
	// ObjectAdapter is a miniport adapter.
	ObjectAdapter = "adapter"
	// ObjectFilterModule is a filter module.
	ObjectFilterModule = "filter-module"
	// ObjectBinding is a protocol binding to an NDIS 6 adapter.
	ObjectBinding = "binding"
)

// StateMachine is the operational states of one kind of NDIS 6 object (a
// miniport adapter, a filter module, a protocol binding), as the tables of
// the pages Miniport Adapter States and Operations, Filter Module States
// and Operations and Protocol Binding States and Operations give them: every
// state the table names, the events that move the object between them
// (Transitions), and what the driver must not (Forbidden) or must and may
// (Allowed) call in each state. Written by hand in overlay.json's states
// section from ../shared/ndis6 and the reference pages they link, each entry
// with its page's sentence; Transition.Event and Transition.Cond are derived
// by the generator. The names are data: a checker finds states through the
// events, never by name.
type StateMachine struct {
	// Object is what is in the states: adapter, filter-module, binding.
	Object string `json:"object"`
	// Driver is the kind of driver whose object it is; the roles that
	// move it are that driver's.
	Driver DriverKind `json:"driver"`
	// Initial is the state the object is in before any event (Halted,
	// Detached, Unbound): where its creation starts and, for the adapter
	// and the filter module, where a halt or a detach leaves it.
	Initial string `json:"initial"`
	// Source cites the conceptual pages.
	Source string `json:"source"`
	// States are every state the page's table names.
	States []State `json:"states"`
	// Transitions are the table's events: each moves the object from a
	// state to another, or (To empty) is one the state handles without
	// leaving it (the tables' send and receive and OID request rows).
	Transitions []Transition `json:"transitions"`
}

// State is one operational state of a StateMachine.
type State struct {
	// Name is the pages' name (Pausing, Paused).
	Name string `json:"name"`
	// Reason is "page: sentence", the sentence that defines the state.
	Reason string `json:"reason"`
	// Forbidden are the DDIs the driver must not call for the object in
	// the state.
	Forbidden []StateDDI `json:"forbidden,omitempty"`
	// Allowed are DDIs of the same data path that the pages require or
	// allow in the state (NdisMSendNetBufferListsComplete while Pausing):
	// what a checker must not mistake for a forbidden call.
	Allowed []StateDDI `json:"allowed,omitempty"`
}

// Transition is one event of a StateMachine's table in the states it leaves.
//
// When the object is in To depends on the kind of event and its condition:
// a role with no condition on its result puts the object in To when NDIS
// calls it, so its handler runs in To from its start (FILTER_PAUSE); a role
// with a condition on its result (When "returns ...") moves it when the
// handler returns so; a DDI moves it once the driver called it
// (NdisMPauseComplete), with a condition on its Status parameter when When
// names one.
type Transition struct {
	// From is the state the event leaves, or several joined by "|"
	// ("Paused|Running").
	From string `json:"from"`
	// By is the role or DDI (NDIS name).
	By string `json:"by"`
	// When is a condition on the event's status, in words, as an Edge's
	// (ParseWhen): "returns NDIS_STATUS_SUCCESS", "Status !=
	// NDIS_STATUS_SUCCESS"; empty for none.
	When string `json:"when,omitempty"`
	// Value, when set, is a condition on the value of a field of one of
	// the event's arguments: ProtocolNetPnPEvent moves a binding to
	// Pausing only when NetPnPEvent.NetEvent of its notification is
	// NetEventPause.
	Value *ValueCond `json:"value,omitempty"`
	// To is the state the event moves the object to; empty when the state
	// handles the event and stays as it is.
	To string `json:"to,omitempty"`
	// Reason is "page: sentence", the page's sentence that says so.
	Reason string `json:"reason"`
	// Event says whether By is a DDI or a role. Derived.
	Event EventKind `json:"event"`
	// Cond is When in structured form, nil for no When. Derived.
	Cond *Cond `json:"cond,omitempty"`
}

// ValueCond is a Transition's condition on an argument's value: the field
// Field of the argument Param equals the constant Equals. It is data a
// checker reads: the simulator compares the argument's field with the
// constant, a static pass finds the comparison of that field with that
// constant in the role's handler.
type ValueCond struct {
	// Param is the page name of the event's parameter
	// (NetPnPEventNotification), a pointer to a structure.
	Param string `json:"param"`
	// Field is the path of fields from the structure Param points to,
	// joined by "." (NetPnPEvent.NetEvent); the runtime models the
	// structures with the same field names as ndis.h.
	Field string `json:"field"`
	// Equals is the NDIS name of the constant the field equals
	// (NetEventPause), which package ndis declares under that name.
	Equals string `json:"equals"`
}

// Fields returns the field path of v, one name per step.
func (v *ValueCond) Fields() []string { return strings.Split(v.Field, ".") }

// StateDDI is a DDI a State forbids or allows.
type StateDDI struct {
	// DDI is the NDIS name.
	DDI string `json:"ddi"`
	// Reason is "page: sentence".
	Reason string `json:"reason"`
	// OnlyFrom, when set, narrows a forbidden DDI to the lists the driver
	// originated: those that the DDIs it names (allocations) returned, as
	// the argument of the DDI's Handoff parameter. A list the driver
	// passes on (one NDIS gave it) is not forbidden then.
	OnlyFrom []string `json:"onlyFrom,omitempty"`
}

// StateRef is a state with its machine and the transition that enters it.
type StateRef struct {
	Machine *StateMachine
	State   *State
	Entry   *Transition
}

// StatesEnteredBy returns the states the role or DDI called name moves an
// object to, one for each such transition, in catalogue order. A transition
// that leaves the object where it is (To empty) enters nothing. The caller
// decides which conditions it can tell (Entry.Cond, Entry.Value).
func (c *Catalogue) StatesEnteredBy(name string) []StateRef {
	var out []StateRef
	for i := range c.States {
		m := &c.States[i]
		for j := range m.Transitions {
			t := &m.Transitions[j]
			if t.By != name || t.To == "" {
				continue
			}
			if s := m.State(t.To); s != nil {
				out = append(out, StateRef{Machine: m, State: s, Entry: t})
			}
		}
	}
	return out
}

// Machine returns the state machine of object, or nil.
func (c *Catalogue) Machine(object string) *StateMachine {
	for i := range c.States {
		if c.States[i].Object == object {
			return &c.States[i]
		}
	}
	return nil
}

// State returns the state called name, or nil.
func (m *StateMachine) State(name string) *State {
	for i := range m.States {
		if m.States[i].Name == name {
			return &m.States[i]
		}
	}
	return nil
}

// Leaving returns the transitions of the role or DDI by that leave state,
// in catalogue order.
func (m *StateMachine) Leaving(state, by string) []*Transition {
	var out []*Transition
	for i := range m.Transitions {
		if t := &m.Transitions[i]; t.By == by && t.Leaves(state) {
			out = append(out, t)
		}
	}
	return out
}

// Terminal reports whether no transition leaves state: the object stays
// there for good (an adapter after MiniportShutdownEx).
func (m *StateMachine) Terminal(state string) bool {
	for i := range m.Transitions {
		if m.Transitions[i].Leaves(state) {
			return false
		}
	}
	return true
}

// Creating reports whether state is one a transition from Initial moves
// the object to: the object is being created (Initializing, Attaching,
// Opening).
func (m *StateMachine) Creating(state string) bool {
	for i := range m.Transitions {
		if t := &m.Transitions[i]; t.Leaves(m.Initial) && t.To == state && state != m.Initial {
			return true
		}
	}
	return false
}

// FromStates returns the states the transition leaves.
func (t *Transition) FromStates() []string { return strings.Split(t.From, "|") }

// Leaves reports whether the transition leaves state.
func (t *Transition) Leaves(state string) bool { return contains(t.FromStates(), state) }

// OnReturn reports whether the transition is decided by the event's result
// (When "returns ...").
func (t *Transition) OnReturn() bool { return t.Cond != nil && t.Cond.Of == CondReturn }

// ForbiddenDDI returns the entry of s that forbids the DDI called name, or
// nil.
func (s *State) ForbiddenDDI(name string) *StateDDI {
	for i := range s.Forbidden {
		if s.Forbidden[i].DDI == name {
			return &s.Forbidden[i]
		}
	}
	return nil
}

// Page returns the page a Reason cites (the text before ": ").
func (d *StateDDI) Page() string { return reasonPage(d.Reason) }

// Page returns the page a Reason cites (the text before ": ").
func (t *Transition) Page() string { return reasonPage(t.Reason) }

// reasonPage returns the page of a "page: sentence" reason, or "".
func reasonPage(reason string) string {
	page, _ := SplitReason(reason)
	return page
}

// SplitReason splits a catalogue reason, "page: sentence", into the page
// it cites and its sentence; a reason that cites no page (no ": ", or
// text with spaces before it) is all sentence.
func SplitReason(reason string) (page, sentence string) {
	page, sentence, ok := strings.Cut(reason, ": ")
	if !ok || strings.ContainsAny(page, " \t") {
		return "", reason
	}
	return page, sentence
}

// validateStates checks the state machines: unique objects, and each
// machine's states and transitions (validateMachine).
func (c *Catalogue) validateStates() error {
	objects := map[string]bool{}
	for i := range c.States {
		m := &c.States[i]
		if objects[m.Object] {
			return errors.Errorf("states %d: object: duplicate %q", i, m.Object)
		}
		if m.Object != ObjectAdapter && m.Object != ObjectFilterModule && m.Object != ObjectBinding {
			return errors.Errorf("states %d: object: unknown %q", i, m.Object)
		}
		objects[m.Object] = true
		if err := c.validateMachine(m); err != nil {
			return errors.Wrapf(err, "states %q", m.Object)
		}
	}
	return nil
}

// validateMachine checks one state machine: a kind of NDIS 6 driver, unique
// state names each with a "page: sentence" reason, an initial state that a
// transition leaves, every other state entered by some transition, valid
// transitions (validateTransition) of which no two are taken on the same
// event in the same state, and valid DDI lists (validateState).
func (c *Catalogue) validateMachine(m *StateMachine) error {
	switch m.Driver {
	case DriverMiniport, DriverFilter, DriverProtocol:
	default:
		return errors.Errorf("driver: %q is no kind of NDIS 6 driver", m.Driver)
	}
	if m.Source == "" {
		return errors.New("source: empty")
	}
	if len(m.States) == 0 || len(m.Transitions) == 0 {
		return errors.New("states, transitions: empty")
	}
	names := map[string]bool{}
	for i := range m.States {
		s := &m.States[i]
		if s.Name == "" || names[s.Name] {
			return errors.Errorf("state %d: name: empty or duplicate %q", i, s.Name)
		}
		names[s.Name] = true
		if reasonPage(s.Reason) == "" {
			return errors.Errorf("state %q: reason: %q is not \"page: sentence\"", s.Name, s.Reason)
		}
		if err := c.validateState(s); err != nil {
			return errors.Wrapf(err, "state %q", s.Name)
		}
	}
	if !names[m.Initial] {
		return errors.Errorf("initial: %q is no state of the machine", m.Initial)
	}
	entered := map[string]bool{m.Initial: true}
	seen := map[string]int{}
	for i := range m.Transitions {
		t := &m.Transitions[i]
		if err := c.validateTransition(m, t); err != nil {
			return errors.Wrapf(err, "transition %d (%s by %s)", i, t.From, t.By)
		}
		entered[t.To] = true
		for _, from := range t.FromStates() {
			key := from + "\x00" + t.By + "\x00" + t.When + "\x00" + valueKey(t.Value)
			if j, dup := seen[key]; dup {
				return errors.Errorf("transition %d: %s by %s: taken on the same event as transition %d", i, from, t.By, j)
			}
			seen[key] = i
		}
	}
	if m.Terminal(m.Initial) {
		return errors.Errorf("initial: no transition leaves %q", m.Initial)
	}
	for _, s := range m.States {
		if !entered[s.Name] {
			return errors.Errorf("state %q: no transition enters it", s.Name)
		}
	}
	return nil
}

// valueKey is a value condition as a map key part.
func valueKey(v *ValueCond) string {
	if v == nil {
		return ""
	}
	return v.Param + "." + v.Field + "==" + v.Equals
}

// validateTransition checks one transition of m: states of m, an event
// that is a role of m's kind of driver or a DDI with the derived Event, a
// Cond that is its When's (and tests the event's result or a status or
// handle parameter), a Value on a pointer parameter of the event, and a
// "page: sentence" reason.
func (c *Catalogue) validateTransition(m *StateMachine, t *Transition) error {
	for _, from := range t.FromStates() {
		if m.State(from) == nil {
			return errors.Errorf("from: %q is no state of the machine", from)
		}
	}
	if t.To != "" && m.State(t.To) == nil {
		return errors.Errorf("to: %q is no state of the machine", t.To)
	}
	params, returns, kind := c.event(t.By)
	switch {
	case kind == "":
		return errors.New("by: no such role or DDI")
	case kind == EventRole && c.Role(t.By).Driver != m.Driver:
		return errors.Errorf("by: role of a %q driver, the machine is a %q driver's", c.Role(t.By).Driver, m.Driver)
	case t.Event != kind:
		return errors.Errorf("event: %q, but %s is a %s (derived by the generator)", t.Event, t.By, kind)
	}
	cond, opaque := ParseWhen(t.When)
	if opaque {
		return errors.Errorf("when: %q is no condition ParseWhen reads", t.When)
	}
	if !sameCond(cond, t.Cond) {
		return errors.Errorf("cond: does not match when %q (run go generate ./rules)", t.When)
	}
	if err := validateCond(t.Cond, params, returns); err != nil {
		return errors.Wrap(err, "cond")
	}
	if err := validateValue(t.Value, params); err != nil {
		return errors.Wrap(err, "value")
	}
	if reasonPage(t.Reason) == "" {
		return errors.Errorf("reason: %q is not \"page: sentence\"", t.Reason)
	}
	return nil
}

// validateValue checks a value condition: a parameter of the event that
// points to a structure, a path of identifiers, an identifier constant.
// Whether the fields and the constant exist in package ndis is the rules
// tests' check (TestStatesValuesInModel): this package does not import the
// runtime.
func validateValue(v *ValueCond, params []Param) error {
	if v == nil {
		return nil
	}
	p := paramNamed(params, v.Param)
	if p == nil {
		return errors.Errorf("param: %q is not a parameter of the event", v.Param)
	}
	if !strings.HasPrefix(p.GoType, "*") {
		return errors.Errorf("param: %s is a %s, not a pointer to a structure", v.Param, p.GoType)
	}
	for _, f := range v.Fields() {
		if !isIdent(f) {
			return errors.Errorf("field: %q is not a path of field names", v.Field)
		}
	}
	if !isIdent(v.Equals) {
		return errors.Errorf("equals: %q is not the name of a constant", v.Equals)
	}
	return nil
}

// validateState checks the DDIs a state forbids and allows: no DDI in both
// lists, and each valid (validateStateDDI).
func (c *Catalogue) validateState(s *State) error {
	seen := map[string]string{}
	for _, list := range []struct {
		name string
		ddis []StateDDI
	}{{"forbidden", s.Forbidden}, {"allowed", s.Allowed}} {
		for i := range list.ddis {
			d := &list.ddis[i]
			if prev, dup := seen[d.DDI]; dup {
				return errors.Errorf("%s %q: also in %s", list.name, d.DDI, prev)
			}
			seen[d.DDI] = list.name
			if err := c.validateStateDDI(d, list.name == "forbidden"); err != nil {
				return errors.Wrapf(err, "%s %q", list.name, d.DDI)
			}
		}
	}
	return nil
}

// validateStateDDI checks one DDI a state forbids or allows.
func (c *Catalogue) validateStateDDI(sd *StateDDI, forbidden bool) error {
	d := c.DDI(sd.DDI)
	if d == nil {
		return errors.New("ddi: no such DDI")
	}
	if reasonPage(sd.Reason) == "" {
		return errors.Errorf("reason: %q is not \"page: sentence\"", sd.Reason)
	}
	if len(sd.OnlyFrom) == 0 {
		return nil
	}
	if !forbidden {
		return errors.New("onlyFrom: only a forbidden DDI is narrowed")
	}
	list := ""
	for _, p := range d.Params {
		if p.Handoff != nil {
			list = p.GoType
		}
	}
	if list == "" {
		return errors.New("onlyFrom: the DDI passes no list (no parameter has a Handoff)")
	}
	for _, from := range sd.OnlyFrom {
		a := c.DDI(from)
		if a == nil {
			return errors.Errorf("onlyFrom %q: no such DDI", from)
		}
		if a.GoReturns != list {
			return errors.Errorf("onlyFrom %q: returns %q, not the %s the DDI passes", from, a.GoReturns, list)
		}
	}
	return nil
}
