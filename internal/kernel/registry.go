package kernel

import (
	"fmt"

	"github.com/ndislint/ndislint/rules"
)

// objectKey is where the per-run object registry lives in State.local.
const objectKey = "kernel.objects"

// objectTable is the per-run registry of kernel objects (spin locks,
// events) that drivers keep in their own storage. The verifier's view of
// each object is keyed by the object's address, so a zero-valued object
// needs no setup and Reset forgets everything a previous run left behind
// (a lock left held by one test does not poison the next).
type objectTable struct {
	byKey map[any]any
	count map[string]int
}

// objects returns the run's registry, creating it on first use.
func (s *State) objects() *objectTable {
	if t, ok := s.local[objectKey].(*objectTable); ok {
		return t
	}
	t := &objectTable{byKey: map[any]any{}, count: map[string]int{}}
	s.local[objectKey] = t
	return t
}

// Object returns the verifier's state of the object at key (a pointer to
// the driver's storage), calling create with a fresh trace name ("kind#n")
// the first time key is seen in this run.
func (s *State) Object(key any, kind string, create func(name string) any) any {
	t := s.objects()
	if v, ok := t.byKey[key]; ok {
		return v
	}
	t.count[kind]++
	v := create(fmt.Sprintf("%s#%d", kind, t.count[kind]))
	t.byKey[key] = v
	return v
}

// LockAt returns the verifier's state of the spin lock stored at key,
// creating it (free, named kind#n) on first use in this run.
func (s *State) LockAt(key any, kind string) *LockState {
	v := s.Object(key, kind, func(name string) any { return &LockState{Name: name} })
	if l, ok := v.(*LockState); ok {
		return l
	}
	// The same storage was used as another kind of object: give the lock
	// its own state so the run goes on; the caller's misuse shows in the
	// trace.
	return &LockState{Name: kind + "(reused storage)"}
}

// EventState is the verifier's view of one event object (KEVENT, and the
// NDIS_EVENT that wraps one).
type EventState struct {
	// Name is how the trace refers to the event.
	Name string
	// Initialized is true after KeInitializeEvent or NdisInitializeEvent.
	Initialized bool
	// Signaled is the event's state.
	Signaled bool
	// Synchronization is true for a SynchronizationEvent (auto-reset:
	// a satisfied wait clears it); false for a NotificationEvent.
	Synchronization bool
}

// EventAt returns the verifier's state of the event stored at key,
// creating it (uninitialized, named kind#n) on first use in this run.
func (s *State) EventAt(key any, kind string) *EventState {
	v := s.Object(key, kind, func(name string) any { return &EventState{Name: name} })
	if e, ok := v.(*EventState); ok {
		return e
	}
	return &EventState{Name: kind + "(reused storage)"}
}

// CheckEventInitialized reports an event used by ddi before it was
// initialized. It reports once per event: the event then counts as an
// initialized, not-signalled notification event, so the run goes on.
func (s *State) CheckEventInitialized(ddi string, e *EventState) {
	if e.Initialized {
		return
	}
	s.Report(rules.RuleEventNotInitialized, "%s on event %s, which was never initialized", ddi, e.Name)
	e.Initialized = true
	e.Synchronization = false
	e.Signaled = false
}
