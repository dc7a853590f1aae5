package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
)

// eventArg returns the run's view of e (nil for NULL) and how a trace line
// names it.
func eventArg(s *kernel.State, e *ndis.Event) (*kernel.EventState, string) {
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

// InitializeEvent runs NdisInitializeEvent in the simulated NDIS.
func (w *world) InitializeEvent(event *ndis.Event) {
	s := w.st
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

// SetEvent runs NdisSetEvent in the simulated NDIS.
func (w *world) SetEvent(event *ndis.Event) {
	s := w.st
	st, arg := eventArg(s, event)
	defer s.EnterDDI("NdisSetEvent", arg)()
	if eventReady(s, "NdisSetEvent", st) {
		st.Signaled = true
	}
}

// ResetEvent runs NdisResetEvent in the simulated NDIS.
func (w *world) ResetEvent(event *ndis.Event) {
	s := w.st
	st, arg := eventArg(s, event)
	defer s.EnterDDI("NdisResetEvent", arg)()
	if eventReady(s, "NdisResetEvent", st) {
		st.Signaled = false
	}
}

// WaitEvent runs NdisWaitEvent in the simulated NDIS.
func (w *world) WaitEvent(event *ndis.Event, msToWait uint32) bool {
	s := w.st
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
