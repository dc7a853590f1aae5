package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// The NDIS mutexes (NDIS_INIT_MUTEX, NDIS_WAIT_FOR_MUTEX,
// NDIS_RELEASE_MUTEX). A mutex is a wait at PASSIVE_LEVEL, not a lock the
// IRQL follows: holding one leaves the IRQL alone. A thread (the
// simulation's kernel.ThreadID) owns it from its wait to its last release
// and may acquire it again. Releasing a mutex that is free, or that another
// thread owns, is a bug check in Windows (the NDIS_RELEASE_MUTEX page):
// reported as bad-parameter. The simulation runs other threads nested in a
// waiting one, so a thread cannot block until an enclosing thread releases
// a mutex: when the owner's work has ended (it returned holding the mutex)
// nothing can release it and the wait is reported (wait-deadlock); when the
// owner is an enclosing thread, suspended in a wait of its own, the waiter
// goes on as if the owner had let it in (a case the simulation cannot
// order; not reported). A mutex held when the run ends is not reported.

// mutexObject is the simulation's view of one NDIS_MUTEX.
type mutexObject struct {
	name string
	// ready is true once NDIS_INIT_MUTEX initialized it.
	ready bool
	// owner is the thread that holds it, count how many times (0: free).
	owner, count int
	// lent counts, per thread, the acquisitions let in while an enclosing
	// owner waits.
	lent map[int]int
}

// mutexAt returns the simulation's view of m (nil for NULL).
func mutexAt(s *kernel.State, m *ndis.Mutex) *mutexObject {
	if m == nil {
		return nil
	}
	v := s.Object(m, "NDIS_MUTEX", func(name string) any { return &mutexObject{name: name, lent: map[int]int{}} })
	if o, ok := v.(*mutexObject); ok {
		return o
	}
	return &mutexObject{name: "NDIS_MUTEX(reused storage)", lent: map[int]int{}}
}

// mutexArg names o for the trace.
func mutexArg(o *mutexObject) string {
	if o == nil {
		return "_M_=NULL"
	}
	return o.name
}

// mutexReady reports, for ddi, a NULL mutex or one never initialized (once:
// it then counts as initialized and free), and says whether the call can
// go on.
func (w *world) mutexReady(ddi string, o *mutexObject) bool {
	if o == nil {
		w.st.BadParameter(ddi, "_M_", "is NULL")
		return false
	}
	if !o.ready {
		w.st.BadParameter(ddi, "_M_", o.name+" was never initialized with NDIS_INIT_MUTEX")
		o.ready = true
	}
	return true
}

// InitMutex runs NDIS_INIT_MUTEX in the simulated NDIS.
func (w *world) InitMutex(m *ndis.Mutex) {
	s := w.st
	const ddi = "NDIS_INIT_MUTEX"
	o := mutexAt(s, m)
	defer s.EnterDDI(ddi, mutexArg(o))()
	if o == nil {
		s.BadParameter(ddi, "_M_", "is NULL")
		return
	}
	if o.count > 0 {
		s.BadParameter(ddi, "_M_", fmt.Sprintf("%s is held by thread #%d: initializing it makes it free under its holder", o.name, o.owner))
	}
	o.ready, o.count, o.owner = true, 0, 0
	clear(o.lent)
}

// WaitForMutex runs NDIS_WAIT_FOR_MUTEX in the simulated NDIS.
func (w *world) WaitForMutex(m *ndis.Mutex) wdm.NtStatus {
	s := w.st
	const ddi = "NDIS_WAIT_FOR_MUTEX"
	o := mutexAt(s, m)
	defer s.EnterDDI(ddi, mutexArg(o))()
	if !w.mutexReady(ddi, o) {
		return wdm.StatusInvalidParameter
	}
	me := s.ThreadID()
	switch {
	case o.count == 0 || o.owner == me:
		o.owner = me
	case s.ThreadRunning(o.owner):
		s.Tracef("%s is held by thread #%d, which waits below this thread: the simulation lets thread #%d in", o.name, o.owner, me)
		o.lent[me]++
	default:
		s.Report(rules.RuleWaitDeadlock, "%s on %s, which thread #%d still holds though its work has ended: nothing can release it, the thread waits for ever", ddi, o.name, o.owner)
		o.owner, o.count = me, 0
		clear(o.lent)
	}
	o.count++
	return wdm.StatusSuccess
}

// ReleaseMutex runs NDIS_RELEASE_MUTEX in the simulated NDIS.
func (w *world) ReleaseMutex(m *ndis.Mutex) int32 {
	s := w.st
	const ddi = "NDIS_RELEASE_MUTEX"
	o := mutexAt(s, m)
	defer s.EnterDDI(ddi, mutexArg(o))()
	if !w.mutexReady(ddi, o) {
		return 0
	}
	me := s.ThreadID()
	switch {
	case o.count == 0:
		s.BadParameter(ddi, "_M_", o.name+" is not held (it is signaled): releasing it is a bug check")
		return 0
	case o.lent[me] > 0:
		o.lent[me]--
	case o.owner != me:
		s.BadParameter(ddi, "_M_", fmt.Sprintf("%s is held by thread #%d, not by this thread (#%d): only the holder can release it", o.name, o.owner, me))
		return int32(o.count)
	}
	o.count--
	return int32(o.count)
}
