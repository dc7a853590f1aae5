package rules

import (
	"strings"

	"github.com/pkg/errors"
)

// StateMachine is the operational states of one kind of NDIS 6 object (a
// miniport adapter, a filter module) in which the pages forbid or require
// DDIs: the events that put the object in each state, and what the driver
// must not (Forbidden) or must and may (Allowed) call there. Written by hand
// in overlay.json's states section from ../shared/ndis6, each entry with its
// page's sentence; StateEntry.Event is derived by the generator. The names
// are data: a pass finds states through the events, never by name.
type StateMachine struct {
	// Object is what is in the states: adapter, filter-module.
	Object string `json:"object"`
	// Driver is the kind of driver whose object it is; the roles that
	// enter its states are that driver's.
	Driver DriverKind `json:"driver"`
	// Source cites the conceptual pages.
	Source string `json:"source"`
	// States are the states the catalogue says something of.
	States []State `json:"states"`
}

// State is one operational state of a StateMachine.
type State struct {
	// Name is the pages' name (Pausing, Paused).
	Name string `json:"name"`
	// EnteredBy are the events that put the object in the state: a role,
	// whose handler runs in the state from its start (FILTER_PAUSE), or a
	// DDI, after whose call the object is in it (NdisFPauseComplete).
	EnteredBy []StateEntry `json:"enteredBy"`
	// Forbidden are the DDIs the driver must not call for the object in
	// the state.
	Forbidden []StateDDI `json:"forbidden,omitempty"`
	// Allowed are DDIs of the same data path that the pages require or
	// allow in the state (NdisMSendNetBufferListsComplete while Pausing):
	// what a checker must not mistake for a forbidden call.
	Allowed []StateDDI `json:"allowed,omitempty"`
}

// StateEntry is one event that enters a State.
type StateEntry struct {
	// By is the role or DDI (NDIS name).
	By string `json:"by"`
	// Reason is "page: sentence", the page's sentence that says so.
	Reason string `json:"reason"`
	// Event says whether By is a DDI or a role. Derived.
	Event EventKind `json:"event"`
}

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

// StateRef is a state with its machine and the event that enters it.
type StateRef struct {
	Machine *StateMachine
	State   *State
	Entry   *StateEntry
}

// StatesEnteredBy returns the states the role or DDI called name enters,
// in catalogue order.
func (c *Catalogue) StatesEnteredBy(name string) []StateRef {
	var out []StateRef
	for i := range c.States {
		m := &c.States[i]
		for j := range m.States {
			s := &m.States[j]
			for k := range s.EnteredBy {
				if s.EnteredBy[k].By == name {
					out = append(out, StateRef{Machine: m, State: s, Entry: &s.EnteredBy[k]})
				}
			}
		}
	}
	return out
}

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
func (e *StateEntry) Page() string { return reasonPage(e.Reason) }

// reasonPage returns the page of a "page: sentence" reason, or "".
func reasonPage(reason string) string {
	page, _, ok := strings.Cut(reason, ": ")
	if !ok || strings.ContainsAny(page, " \t") {
		return ""
	}
	return page
}

// validateStates checks the state machines: unique objects and state
// names, events that are roles of the machine's kind of driver or DDIs (with
// the derived Event), DDIs that exist, no DDI both forbidden and allowed in
// a state, OnlyFrom DDIs that return the type of list the forbidden DDI
// passes, and a "page: sentence" reason on every entry.
func (c *Catalogue) validateStates() error {
	objects := map[string]bool{}
	for i := range c.States {
		m := &c.States[i]
		if m.Object == "" || objects[m.Object] {
			return errors.Errorf("states %d: object: empty or duplicate %q", i, m.Object)
		}
		objects[m.Object] = true
		if err := c.validateMachine(m); err != nil {
			return errors.Wrapf(err, "states %q", m.Object)
		}
	}
	return nil
}

// validateMachine checks one state machine.
func (c *Catalogue) validateMachine(m *StateMachine) error {
	switch m.Driver {
	case DriverMiniport, DriverFilter, DriverProtocol:
	default:
		return errors.Errorf("driver: %q is no kind of NDIS 6 driver", m.Driver)
	}
	if m.Source == "" {
		return errors.New("source: empty")
	}
	if len(m.States) == 0 {
		return errors.New("states: empty")
	}
	names := map[string]bool{}
	for i := range m.States {
		s := &m.States[i]
		if s.Name == "" || names[s.Name] {
			return errors.Errorf("state %d: name: empty or duplicate %q", i, s.Name)
		}
		names[s.Name] = true
		if err := c.validateState(m, s); err != nil {
			return errors.Wrapf(err, "state %q", s.Name)
		}
	}
	return nil
}

// validateState checks one state of m.
func (c *Catalogue) validateState(m *StateMachine, s *State) error {
	if len(s.EnteredBy) == 0 {
		return errors.New("enteredBy: empty")
	}
	for i := range s.EnteredBy {
		e := &s.EnteredBy[i]
		if err := c.validateStateEntry(m, e); err != nil {
			return errors.Wrapf(err, "enteredBy %q", e.By)
		}
	}
	if len(s.Forbidden) == 0 && len(s.Allowed) == 0 {
		return errors.New("forbidden, allowed: both empty: the state says nothing")
	}
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

// validateStateEntry checks one event that enters a state of m.
func (c *Catalogue) validateStateEntry(m *StateMachine, e *StateEntry) error {
	var want EventKind
	if r := c.Role(e.By); r != nil {
		want = EventRole
		if r.Driver != m.Driver {
			return errors.Errorf("by: role of a %q driver, the machine is a %q driver's", r.Driver, m.Driver)
		}
	} else if c.DDI(e.By) != nil {
		want = EventDDI
	} else {
		return errors.New("by: no such role or DDI")
	}
	if e.Event != want {
		return errors.Errorf("event: %q, but %s is a %s (derived by the generator)", e.Event, e.By, want)
	}
	if reasonPage(e.Reason) == "" {
		return errors.Errorf("reason: %q is not \"page: sentence\"", e.Reason)
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
