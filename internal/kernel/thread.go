package kernel

// threadKey is where the State keeps the number of the running simulated
// thread.
const threadKey = "kernel.thread"

// Thread returns the number of the simulated thread running now: 0 for the
// thread that drives the run (the test), n while a wait lets the nth
// nested other thread run queued events (see Wait). Packages that remember
// which driver's handler is running use it to tell that a queued event
// runs in another context, not inside the waiting handler.
func (s *State) Thread() int {
	n, _ := s.local[threadKey].(int)
	return n
}

// otherThread marks the start of another thread's work during a wait and
// returns the function that ends it.
func (s *State) otherThread() (end func()) {
	n := s.Thread()
	s.local[threadKey] = n + 1
	return func() { s.local[threadKey] = n }
}
