package kernel

import "github.com/ndislint/ndislint/rules"

// WaitLimit is how many queued events one wait may run before the
// verifier gives up on it (a periodic timer that never sets the awaited
// event would otherwise keep a wait with no timeout going for ever).
const WaitLimit = 100000

// WaitResult says how a simulated wait ended.
type WaitResult int

// The ways a wait ends.
const (
	// WaitSatisfied: the condition held.
	WaitSatisfied WaitResult = iota
	// WaitTimedOut: the deadline passed first.
	WaitTimedOut
	// WaitDeadlock: no deadline, the condition does not hold and the event
	// queue is empty (or cannot run, at DISPATCH_LEVEL and above): the
	// thread would wait for ever.
	WaitDeadlock
	// WaitLivelock: no deadline and WaitLimit events ran without the
	// condition becoming true.
	WaitLivelock
)

// Advance moves the virtual clock forward by delta (100ns units) without
// running anything: what a busy-wait (KeStallExecutionProcessor,
// NdisStallExecution) does. Events that fall due stay queued for whoever
// drives the queue next. A negative delta does nothing.
func (s *State) Advance(delta int64) {
	if delta > 0 {
		s.now += delta
	}
}

// idleKey is where SetIdle keeps its hook.
const idleKey = "kernel.idle"

// SetIdle installs fn, which Wait calls when the thread waits and nothing
// queued can run before its deadline: the harness's chance to play a
// scripted peer (complete a pended request, indicate a call) the way
// another processor or the network would. fn returns true if it did
// something that may satisfy the wait (queued an event, set an object);
// false ends the wait. nil removes the hook. Reset removes it too.
func (s *State) SetIdle(fn func() bool) {
	if fn == nil {
		delete(s.local, idleKey)
		return
	}
	s.local[idleKey] = fn
}

// idle calls the SetIdle hook as another thread would run: at
// PASSIVE_LEVEL, restoring the waiter's IRQL afterwards.
func (s *State) idle() bool {
	fn, ok := s.local[idleKey].(func() bool)
	if !ok {
		return false
	}
	saved := s.irql
	s.irql = 0
	end := s.otherThread()
	did := fn()
	end()
	s.irql = saved
	return did
}

// nextAt returns when the earliest queued event is due.
func (s *State) nextAt() (int64, bool) {
	var at int64
	found := false
	for _, e := range s.queue {
		if e.cancelled {
			continue
		}
		if !found || e.At < at {
			at, found = e.At, true
		}
	}
	return at, found
}

// stepAsOtherThread runs the next event the way the processor does while
// the current thread waits: at PASSIVE_LEVEL, in another context. The
// waiter's IRQL is restored afterwards.
func (s *State) stepAsOtherThread() {
	saved := s.irql
	s.irql = 0
	end := s.otherThread()
	s.Step()
	end()
	s.irql = saved
}

// Wait blocks the current (simulated) thread until done reports true or
// the virtual clock reaches deadline; deadline < 0 means no timeout. A
// nil done waits for the deadline (a sleep). While it waits, the queued
// events due before the deadline run in order, as other threads and DPCs
// would run while this thread sleeps; at DISPATCH_LEVEL and above the
// processor cannot switch, so nothing runs and only the clock moves.
// When nothing queued can run before the deadline and done is not nil, the
// SetIdle hook gets a chance to supply work. Deterministic: the same queue
// and hook give the same result.
func (s *State) Wait(done func() bool, deadline int64) WaitResult {
	cond := func() bool { return done != nil && done() }
	for n := 0; ; n++ {
		if cond() {
			return WaitSatisfied
		}
		if n >= WaitLimit {
			if deadline < 0 {
				return WaitLivelock
			}
			break
		}
		if at, ok := s.nextAt(); ok && s.irql < rules.DispatchLevel && (deadline < 0 || at <= deadline) {
			s.stepAsOtherThread()
			continue
		}
		if done != nil && s.irql < rules.DispatchLevel && s.idle() {
			continue // the harness supplied more work
		}
		break
	}
	if deadline < 0 {
		return WaitDeadlock
	}
	if deadline > s.now {
		s.now = deadline
	}
	if cond() {
		return WaitSatisfied
	}
	return WaitTimedOut
}

// WaitEvent waits on behalf of ddi until e is signalled or the virtual
// clock reaches deadline (< 0: no timeout), and reports whether it was
// signalled. A satisfied wait on a synchronization event clears it. A wait
// with no timeout that nothing satisfies is reported (rules.RuleWaitDeadlock)
// and returns false instead of hanging.
func (s *State) WaitEvent(ddi string, e *EventState, deadline int64) bool {
	switch s.Wait(func() bool { return e.Signaled }, deadline) {
	case WaitSatisfied:
		if e.Synchronization {
			e.Signaled = false
		}
		return true
	case WaitDeadlock:
		s.Report(rules.RuleWaitDeadlock, "%s with no timeout on %s, which is not signalled, and nothing left to run signals it: the thread waits for ever", ddi, e.Name)
	case WaitLivelock:
		s.Report(rules.RuleWaitDeadlock, "%s with no timeout on %s, which is still not signalled after %d queued events ran: the thread waits for ever", ddi, e.Name, WaitLimit)
	}
	return false
}
