package kernel

// threadKey is where the State keeps the number of the running simulated
// thread; threadIDsKey the identities of the threads running now, outermost
// first; threadSerialKey the last identity handed out.
const (
	threadKey       = "kernel.thread"
	threadIDsKey    = "kernel.thread-ids"
	threadSerialKey = "kernel.thread-serial"
)

// Thread returns the number of the simulated thread running now: 0 for the
// thread that drives the run (the test), n while a wait lets the nth
// nested other thread run queued events (see Wait). Packages that remember
// which driver's handler is running use it to tell that a queued event
// runs in another context, not inside the waiting handler.
func (s *State) Thread() int {
	n, _ := s.local[threadKey].(int)
	return n
}

// ThreadID returns the identity of the simulated thread running now: 0 for
// the thread that drives the run, and for each stretch of another thread's
// work during a wait a number no other stretch of the run has. Objects a
// thread owns (a mutex) remember it.
func (s *State) ThreadID() int {
	ids, _ := s.local[threadIDsKey].([]int)
	if len(ids) == 0 {
		return 0
	}
	return ids[len(ids)-1]
}

// ThreadRunning reports whether the thread id is running now: the current
// one, or one suspended in a wait while nested threads run. A thread whose
// work ended is not running.
func (s *State) ThreadRunning(id int) bool {
	if id == 0 {
		return true
	}
	ids, _ := s.local[threadIDsKey].([]int)
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// otherThread marks the start of another thread's work during a wait and
// returns the function that ends it.
func (s *State) otherThread() (end func()) {
	n := s.Thread()
	s.local[threadKey] = n + 1
	serial, _ := s.local[threadSerialKey].(int)
	serial++
	s.local[threadSerialKey] = serial
	ids, _ := s.local[threadIDsKey].([]int)
	s.local[threadIDsKey] = append(ids[:len(ids):len(ids)], serial)
	return func() {
		s.local[threadKey] = n
		s.local[threadIDsKey] = ids
	}
}
