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

// KeInitializeEvent initializes a KEVENT as a notification or
// synchronization event in the given state. It is not among the reference
// pages (wdm.h declares it; any IRQL).
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

// KeSetEvent sets event to the signalled state and returns its previous
// state (non-zero if it was signalled). wait is accepted and ignored (the
// simulation has no other thread to hand over to). It is not among the
// reference pages; wdm.h requires IRQL <= DISPATCH_LEVEL, which it checks
// itself.
func KeSetEvent(event *KEvent, increment KPriority, wait bool) int32 {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	mark := s.Mark()
	defer s.EnterDDI("KeSetEvent", arg)()
	s.RequireMax("KeSetEvent", uint8(DispatchLevel), "wdm.h", mark)
	if st == nil {
		s.BadParameter("KeSetEvent", "Event", "is NULL")
		return 0
	}
	s.CheckEventInitialized("KeSetEvent", st)
	prev := st.Signaled
	st.Signaled = true
	if prev {
		return 1
	}
	return 0
}

// KeClearEvent sets event to the not-signalled state. It is not among the
// reference pages; wdm.h requires IRQL <= DISPATCH_LEVEL, which it checks
// itself.
func KeClearEvent(event *KEvent) {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	mark := s.Mark()
	defer s.EnterDDI("KeClearEvent", arg)()
	s.RequireMax("KeClearEvent", uint8(DispatchLevel), "wdm.h", mark)
	if st == nil {
		s.BadParameter("KeClearEvent", "Event", "is NULL")
		return
	}
	s.CheckEventInitialized("KeClearEvent", st)
	st.Signaled = false
}
