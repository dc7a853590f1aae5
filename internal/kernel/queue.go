package kernel

import "sort"

// Event is a deferred piece of work: a completion delivered later, a work
// item, a timer expiry.
type Event struct {
	// Name describes the event in the trace.
	Name string
	// At is the virtual time it is due.
	At int64
	// Run does the work.
	Run       func()
	seq       uint64
	cancelled bool
}

// Cancel keeps a queued event from running. It reports whether the event
// was still queued.
func (e *Event) Cancel() bool {
	if e.cancelled {
		return false
	}
	e.cancelled = true
	return true
}

// Cancelled reports whether Cancel was called.
func (e *Event) Cancelled() bool { return e.cancelled }

// Now returns the virtual time.
func (s *State) Now() int64 { return s.now }

// Enqueue schedules fn to run delay units (100ns) from now. Events due at
// the same time run in the order they were queued.
func (s *State) Enqueue(name string, delay int64, fn func()) *Event {
	s.seq++
	e := &Event{Name: name, At: s.now + delay, Run: fn, seq: s.seq}
	s.queue = append(s.queue, e)
	return e
}

// Queued reports how many events wait.
func (s *State) Queued() int {
	n := 0
	for _, e := range s.queue {
		if !e.cancelled {
			n++
		}
	}
	return n
}

// Step runs the earliest due event, advancing the clock to it. It reports
// false when the queue is empty.
func (s *State) Step() bool {
	for {
		if len(s.queue) == 0 {
			return false
		}
		sort.SliceStable(s.queue, func(i, j int) bool {
			if s.queue[i].At != s.queue[j].At {
				return s.queue[i].At < s.queue[j].At
			}
			return s.queue[i].seq < s.queue[j].seq
		})
		e := s.queue[0]
		s.queue = s.queue[1:]
		if e.cancelled {
			continue
		}
		e.cancelled = true // an event runs once
		if e.At > s.now {
			s.now = e.At
		}
		s.Tracef("[t=%d] %s", s.now, e.Name)
		e.Run()
		return true
	}
}

// Run runs events until the queue is empty or limit events ran. It returns
// how many ran.
func (s *State) Run(limit int) int {
	n := 0
	for n < limit && s.Step() {
		n++
	}
	return n
}
