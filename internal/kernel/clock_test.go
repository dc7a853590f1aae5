package kernel

import "testing"

func TestAdvanceMovesClockOnly(t *testing.T) {
	s := Reset()
	ran := false
	s.Enqueue("due", 10, func() { ran = true })
	s.Advance(100)
	s.Advance(-5)
	if s.Now() != 100 || ran {
		t.Fatalf("now=%d ran=%t", s.Now(), ran)
	}
}

func TestWaitRunsDueEventsInOrderThenTimesOut(t *testing.T) {
	s := Reset()
	var order []int64
	for _, at := range []int64{30, 10, 20, 50} {
		s.Enqueue("e", at, func() { order = append(order, s.Now()) })
	}
	if r := s.Wait(nil, 40); r != WaitTimedOut {
		t.Fatalf("Wait = %d, want WaitTimedOut", r)
	}
	if len(order) != 3 || order[0] != 10 || order[1] != 20 || order[2] != 30 || s.Now() != 40 {
		t.Fatalf("ran at %v, now %d", order, s.Now())
	}
	if s.Queued() != 1 {
		t.Fatalf("%d events left, want the one due at 50", s.Queued())
	}
}

func TestWaitSatisfiedStopsEarly(t *testing.T) {
	s := Reset()
	done := false
	s.Enqueue("set", 5, func() { done = true })
	s.Enqueue("later", 7, func() {})
	if r := s.Wait(func() bool { return done }, -1); r != WaitSatisfied {
		t.Fatalf("Wait = %d", r)
	}
	if s.Now() != 5 || s.Queued() != 1 {
		t.Fatalf("now=%d queued=%d", s.Now(), s.Queued())
	}
}

func TestWaitForeverOnEmptyQueueIsDeadlock(t *testing.T) {
	s := Reset()
	if r := s.Wait(func() bool { return false }, -1); r != WaitDeadlock {
		t.Fatalf("Wait = %d, want WaitDeadlock", r)
	}
}

func TestWaitForeverWithEndlessEventsIsLivelock(t *testing.T) {
	s := Reset()
	var tick func()
	tick = func() { s.Enqueue("tick", 1, tick) }
	s.Enqueue("tick", 1, tick)
	if r := s.Wait(func() bool { return false }, -1); r != WaitLivelock {
		t.Fatalf("Wait = %d, want WaitLivelock", r)
	}
}

func TestWaitAtDispatchRunsNothing(t *testing.T) {
	s := Reset()
	s.SetIrql(2)
	ran := false
	s.Enqueue("e", 1, func() { ran = true })
	if r := s.Wait(func() bool { return ran }, 10); r != WaitTimedOut || ran || s.Now() != 10 {
		t.Fatalf("r=%d ran=%t now=%d", r, ran, s.Now())
	}
	if r := s.Wait(func() bool { return ran }, -1); r != WaitDeadlock {
		t.Fatalf("r=%d, want WaitDeadlock", r)
	}
}

func TestWaitRunsOthersAtPassiveAndRestoresIrql(t *testing.T) {
	s := Reset()
	s.SetIrql(1)
	var seen uint8 = 99
	s.Enqueue("e", 1, func() { seen = s.Irql() })
	s.Wait(nil, 5)
	if seen != 0 || s.Irql() != 1 {
		t.Fatalf("event ran at %d, waiter back at %d", seen, s.Irql())
	}
}

func TestRegistryIsPerRunAndNamesByKind(t *testing.T) {
	s := Reset()
	var a, b int
	la, lb := s.LockAt(&a, "KSPIN_LOCK"), s.LockAt(&b, "KSPIN_LOCK")
	if la == lb || la != s.LockAt(&a, "KSPIN_LOCK") {
		t.Fatal("LockAt does not key by address")
	}
	if la.Name != "KSPIN_LOCK#1" || lb.Name != "KSPIN_LOCK#2" {
		t.Fatalf("names %q %q", la.Name, lb.Name)
	}
	la.Held = true
	s2 := Reset()
	if s2.LockAt(&a, "KSPIN_LOCK").Held {
		t.Fatal("lock state survived Reset")
	}
	if e := s2.EventAt(&b, "KEVENT"); e.Name != "KEVENT#1" || e.Initialized {
		t.Fatalf("event %+v", e)
	}
}

func TestWaitAsksIdleHookWhenNothingCanRun(t *testing.T) {
	s := Reset()
	done := false
	calls := 0
	var at uint8 = 99
	s.SetIdle(func() bool {
		calls++
		at = s.Irql()
		if calls == 1 {
			s.Enqueue("scripted completion", 7, func() { done = true })
			return true
		}
		return false
	})
	s.SetIrql(1)
	if r := s.Wait(func() bool { return done }, -1); r != WaitSatisfied {
		t.Fatalf("Wait = %d, want WaitSatisfied", r)
	}
	if calls != 1 || at != 0 || s.Irql() != 1 || s.Now() != 7 {
		t.Fatalf("calls=%d hook at %d, waiter at %d, now=%d", calls, at, s.Irql(), s.Now())
	}
	if r := s.Wait(func() bool { return false }, -1); r != WaitDeadlock {
		t.Fatalf("Wait = %d, want WaitDeadlock once the hook has nothing left", r)
	}
	s.SetIdle(nil)
}

func TestWaitIdleHookThatNeverHelpsIsLivelock(t *testing.T) {
	s := Reset()
	s.SetIdle(func() bool { return true })
	if r := s.Wait(func() bool { return false }, -1); r != WaitLivelock {
		t.Fatalf("Wait = %d, want WaitLivelock", r)
	}
}
