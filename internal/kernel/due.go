package kernel

// NextDue returns when the earliest queued event is due, and false when the
// queue is empty.
func (s *State) NextDue() (int64, bool) { return s.nextAt() }

// RunDue runs the events due now (at or before the virtual time), including
// those they queue for now, until none is due or limit ran; it does not move
// the clock. It returns how many ran.
func (s *State) RunDue(limit int) int {
	n := 0
	for n < limit {
		at, ok := s.nextAt()
		if !ok || at > s.now {
			break
		}
		s.Step()
		n++
	}
	return n
}
