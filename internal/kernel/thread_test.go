package kernel

import "testing"

// TestThreadDuringWait: events a wait runs, and the idle hook, run on
// another thread; the waiter is back on its own afterwards, also after
// nested waits.
func TestThreadDuringWait(t *testing.T) {
	s := Reset()
	var seen []int
	s.Enqueue("outer", 1, func() {
		seen = append(seen, s.Thread())
		s.Enqueue("inner", 1, func() { seen = append(seen, s.Thread()) })
		s.Wait(nil, s.Now()+5)
		seen = append(seen, s.Thread())
	})
	if s.Thread() != 0 {
		t.Fatalf("Thread() = %d before any wait", s.Thread())
	}
	s.Wait(nil, 10)
	if s.Thread() != 0 {
		t.Errorf("Thread() = %d after the wait", s.Thread())
	}
	want := []int{1, 2, 1}
	if len(seen) != len(want) || seen[0] != 1 || seen[1] != 2 || seen[2] != 1 {
		t.Errorf("threads seen %v, want %v", seen, want)
	}
	hooked := -1
	s.SetIdle(func() bool { hooked = s.Thread(); return false })
	s.Wait(func() bool { return false }, 20)
	if hooked != 1 {
		t.Errorf("the idle hook ran on thread %d, want 1", hooked)
	}
}

// TestThreadNotChangedByStep: the driving thread's own Step runs events on
// its own thread.
func TestThreadNotChangedByStep(t *testing.T) {
	s := Reset()
	n := -1
	s.Enqueue("e", 0, func() { n = s.Thread() })
	s.Step()
	if n != 0 {
		t.Errorf("Step ran the event on thread %d, want 0", n)
	}
}
