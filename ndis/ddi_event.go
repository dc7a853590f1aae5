package ndis

import "github.com/ndislint/ndislint/wdm"

// NDIS events.

// Event models NDIS_EVENT: a notification event (a KEVENT) initialized
// with NdisInitializeEvent. The simulator names it NDIS_EVENT#n in traces.
type Event struct {
	Event wdm.KEvent
}

// InitializeEvent is NdisInitializeEvent: sets up event as a notification
// event in the not-signalled state.
// IRQL: Any level. Page: nf-ndis-ndisinitializeevent.
func InitializeEvent(event *Event) {
	sim().InitializeEvent(event)
}

// ResetEvent is NdisResetEvent: sets event to the not-signalled state.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisresetevent.
func ResetEvent(event *Event) {
	sim().ResetEvent(event)
}

// SetEvent is NdisSetEvent: sets event to the signalled state, where it
// stays until NdisResetEvent; waiters are satisfied.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndissetevent.
func SetEvent(event *Event) {
	sim().SetEvent(event)
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
	return sim().WaitEvent(event, msToWait)
}
