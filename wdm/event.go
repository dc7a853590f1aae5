package wdm

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
)

// KEvent models KEVENT, a dispatcher object drivers wait on. It must be
// initialized with KeInitializeEvent (NDIS_EVENT wraps one and is
// initialized with NdisInitializeEvent). The simulator keeps its state per
// run, keyed by its address and named KEVENT#n in traces.
type KEvent struct {
	_ uintptr // DISPATCHER_HEADER; the field also gives each event its own address.
}

// EventType models EVENT_TYPE.
type EventType uint32

// The EVENT_TYPE values.
const (
	// NotificationEvent is NotificationEvent: stays signalled until cleared.
	NotificationEvent EventType = 0
	// SynchronizationEvent is SynchronizationEvent: a satisfied wait
	// clears it.
	SynchronizationEvent EventType = 1
)

// KPriority models KPRIORITY, the priority boost KeSetEvent gives waiters.
type KPriority int32

// dispatcherObject is what KeWaitForSingleObject can wait on. Only the
// dispatcher objects of this package implement it; *KEvent is the one the
// model has.
type dispatcherObject interface {
	dispatcherState(s *kernel.State) *kernel.EventState
}

// dispatcherState returns the run's view of e.
func (e *KEvent) dispatcherState(s *kernel.State) *kernel.EventState {
	return s.EventAt(e, "KEVENT")
}

// eventArg returns the run's view of e (nil for a NULL event) and how a
// trace line names it.
func eventArg(s *kernel.State, e *KEvent) (*kernel.EventState, string) {
	if e == nil {
		return nil, "Event=NULL"
	}
	st := e.dispatcherState(s)
	return st, st.Name
}

// KeInitializeEvent is KeInitializeEvent: initializes event as a
// notification (NotificationEvent) or synchronization
// (SynchronizationEvent) event, signalled if state is true.
// IRQL: Any level. Page: nf-wdm-keinitializeevent.
func KeInitializeEvent(event *KEvent, eventType EventType, state bool) {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("KeInitializeEvent", fmt.Sprintf("%s, type=%d, state=%t", arg, eventType, state))()
	if st == nil {
		s.BadParameter("KeInitializeEvent", "Event", "is NULL")
		return
	}
	st.Initialized = true
	st.Synchronization = eventType == SynchronizationEvent
	st.Signaled = state
}

// KeSetEvent is KeSetEvent: sets event to the signalled state and returns
// its previous state (non-zero if it was signalled). increment and wait
// are accepted and ignored (the simulation has no other thread to boost
// or hand over to).
// IRQL: See Remarks section: <= DISPATCH_LEVEL with wait false, <=
// APC_LEVEL with wait true (the catalogue's Irql.When, checked by
// kernel.State.CheckWhen). Page: nf-wdm-kesetevent.
func KeSetEvent(event *KEvent, increment KPriority, wait bool) int32 {
	s := kernel.Current()
	mark := s.Mark()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("KeSetEvent", arg)()
	s.CheckWhen("KeSetEvent", mark, event, increment, wait)
	if st == nil {
		s.BadParameter("KeSetEvent", "Event", "is NULL")
		return 0
	}
	s.CheckEventInitialized("KeSetEvent", st)
	prev := st.Signaled
	st.Signaled = true
	return stateValue(prev)
}

// KeClearEvent is KeClearEvent: sets event to the not-signalled state.
// IRQL: <= DISPATCH_LEVEL. Page: nf-wdm-keclearevent.
func KeClearEvent(event *KEvent) {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("KeClearEvent", arg)()
	if st == nil {
		s.BadParameter("KeClearEvent", "Event", "is NULL")
		return
	}
	s.CheckEventInitialized("KeClearEvent", st)
	st.Signaled = false
}

// KeResetEvent is KeResetEvent: sets event to the not-signalled state and
// returns its previous state (non-zero if it was signalled). A NULL event
// is reported (bad-parameter) and returns 0.
// IRQL: <= DISPATCH_LEVEL. Page: nf-wdm-keresetevent.
func KeResetEvent(event *KEvent) int32 {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("KeResetEvent", arg)()
	if st == nil {
		s.BadParameter("KeResetEvent", "Event", "is NULL")
		return 0
	}
	s.CheckEventInitialized("KeResetEvent", st)
	prev := st.Signaled
	st.Signaled = false
	return stateValue(prev)
}

// KeReadStateEvent is KeReadStateEvent: returns the current state of
// event, non-zero if it is signalled, without changing it (reading a
// synchronization event does not clear it). A NULL event is reported
// (bad-parameter) and returns 0.
// IRQL: <= DISPATCH_LEVEL. Page: nf-wdm-kereadstateevent.
func KeReadStateEvent(event *KEvent) int32 {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("KeReadStateEvent", arg)()
	if st == nil {
		s.BadParameter("KeReadStateEvent", "Event", "is NULL")
		return 0
	}
	s.CheckEventInitialized("KeReadStateEvent", st)
	return stateValue(st.Signaled)
}

// stateValue is the LONG an event routine returns for a state: 1 for
// signalled, 0 for not signalled.
func stateValue(signaled bool) int32 {
	if signaled {
		return 1
	}
	return 0
}
