package wdm

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
)

// KeWaitForSingleObject is KeWaitForSingleObject: waits until object is
// signalled or the timeout passes. object is the page's PVOID: a *KEvent
// (for an NDIS_EVENT, pass &event.Event, its KEVENT); NULL or anything
// else is reported (bad-parameter) and returns STATUS_TIMEOUT. timeout is in 100ns units: nil waits
// for ever, zero tests the state without waiting, negative is relative to
// now, positive an absolute virtual time. The simulation is single
// threaded: while it waits, the queued events due before the timeout run
// in order (that is how anything can signal the object). A wait with no
// timeout that nothing will satisfy is reported (wait-deadlock) and
// returns STATUS_TIMEOUT instead of hanging. A satisfied wait on a
// synchronization event clears it. Nothing alerts the thread, so
// STATUS_ALERTED and STATUS_USER_APC are never returned.
// IRQL: See Remarks section: <= DISPATCH_LEVEL with a zero timeout,
// otherwise <= APC_LEVEL (the catalogue's Irql.When, checked by
// kernel.State.CheckWhen).
// Page: nf-wdm-kewaitforsingleobject.
func KeWaitForSingleObject(object any, waitReason KWaitReason, waitMode KProcessorMode, alertable bool, timeout *int64) NtStatus {
	s := kernel.Current()
	mark := s.Mark()
	st, arg, problem := objectArg(s, object)
	defer s.EnterDDI("KeWaitForSingleObject", fmt.Sprintf("%s, %s, %s", arg, modeName(waitMode), timeoutName(timeout)))()
	s.CheckWhen("KeWaitForSingleObject", mark, object, waitReason, waitMode, alertable, timeout)
	if st == nil {
		s.BadParameter("KeWaitForSingleObject", "Object", problem)
		return StatusTimeout
	}
	s.CheckEventInitialized("KeWaitForSingleObject", st)
	if timeout != nil && *timeout == 0 {
		return testEvent(st)
	}
	limit := int64(-1)
	if timeout != nil {
		limit = deadline(s.Now(), *timeout)
	}
	if !s.WaitEvent("KeWaitForSingleObject", st, limit) {
		return StatusTimeout
	}
	return StatusSuccess
}

// objectArg returns the run's view of the dispatcher object o and how a
// trace line names it; for NULL or a value that is no dispatcher object it
// returns a nil view and what is wrong with o.
func objectArg(s *kernel.State, o any) (st *kernel.EventState, name, problem string) {
	d, ok := o.(dispatcherObject)
	switch {
	case o == nil:
		return nil, "Object=NULL", "is NULL"
	case !ok:
		return nil, fmt.Sprintf("Object=%T", o), fmt.Sprintf("is a %T, not a dispatcher object (for an NDIS_EVENT pass &event.Event)", o)
	}
	if e, isEvent := d.(*KEvent); isEvent && e == nil {
		return nil, "Object=NULL", "is NULL"
	}
	st = d.dispatcherState(s)
	return st, st.Name, ""
}

// timeoutName spells a Timeout argument for traces.
func timeoutName(t *int64) string {
	if t == nil {
		return "Timeout=NULL"
	}
	return fmt.Sprintf("Timeout=%d", *t)
}

// testEvent is a wait with a zero timeout: it takes the signal if the
// event has one and never waits.
func testEvent(st *kernel.EventState) NtStatus {
	if !st.Signaled {
		return StatusTimeout
	}
	if st.Synchronization {
		st.Signaled = false
	}
	return StatusSuccess
}
