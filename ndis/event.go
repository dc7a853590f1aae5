package ndis

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/wdm"
)

// Event models NDIS_EVENT: a notification event (a KEVENT) initialized
// with NdisInitializeEvent. The simulator names it NDIS_EVENT#n in traces.
type Event struct {
	Event wdm.KEvent
}

// eventArg returns the run's view of e (nil for NULL) and how a trace line
// names it.
func eventArg(s *kernel.State, e *Event) (*kernel.EventState, string) {
	if e == nil {
		return nil, "Event=NULL"
	}
	st := s.EventAt(&e.Event, "NDIS_EVENT")
	return st, st.Name
}

// eventReady reports, for ddi, a NULL event or one never initialized (once;
// it then counts as initialized), and says whether the call can go on.
func eventReady(s *kernel.State, ddi string, st *kernel.EventState) bool {
	if st == nil {
		s.BadParameter(ddi, "Event", "is NULL")
		return false
	}
	s.CheckEventInitialized(ddi, st)
	return true
}

// InitializeEvent is NdisInitializeEvent: sets up event as a notification
// event in the not-signalled state.
// IRQL: Any level. Page: nf-ndis-ndisinitializeevent.
func InitializeEvent(event *Event) {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("NdisInitializeEvent", arg)()
	if st == nil {
		s.BadParameter("NdisInitializeEvent", "Event", "is NULL")
		return
	}
	st.Initialized = true
	st.Synchronization = false
	st.Signaled = false
}

// SetEvent is NdisSetEvent: sets event to the signalled state, where it
// stays until NdisResetEvent; waiters are satisfied.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndissetevent.
func SetEvent(event *Event) {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("NdisSetEvent", arg)()
	if eventReady(s, "NdisSetEvent", st) {
		st.Signaled = true
	}
}

// ResetEvent is NdisResetEvent: sets event to the not-signalled state.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisresetevent.
func ResetEvent(event *Event) {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("NdisResetEvent", arg)()
	if eventReady(s, "NdisResetEvent", st) {
		st.Signaled = false
	}
}

// WaitEvent is NdisWaitEvent: waits until event is signalled or msToWait
// milliseconds pass (zero: no timeout) and returns TRUE if the event is
// signalled. The simulation is single threaded: while it waits, the queued
// events due before the timeout run in order (timers, work items,
// completions: whatever can set the event), and the virtual clock moves.
// A wait with no timeout that nothing will satisfy is reported
// (wait-deadlock) and returns FALSE instead of hanging; so is one at
// DISPATCH_LEVEL or above, where nothing else can run.
// IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndiswaitevent.
func WaitEvent(event *Event, msToWait uint32) bool {
	s := kernel.Current()
	st, arg := eventArg(s, event)
	defer s.EnterDDI("NdisWaitEvent", fmt.Sprintf("%s, %dms", arg, msToWait))()
	if !eventReady(s, "NdisWaitEvent", st) {
		return false
	}
	deadline := int64(-1)
	if msToWait != 0 {
		deadline = s.Now() + int64(msToWait)*10000
	}
	return s.WaitEvent("NdisWaitEvent", st, deadline)
}
