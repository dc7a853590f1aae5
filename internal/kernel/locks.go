package kernel

// LockState is the verifier's view of one spin lock.
type LockState struct {
	// Name is how the trace refers to the lock.
	Name string
	// Held is true between acquire and release.
	Held bool
	// Dpr is true when it was acquired with a Dpr/AtDpcLevel form.
	Dpr bool
	// OldIrql is the IRQL saved by the acquire.
	OldIrql uint8
	// Freed is true after NdisFreeSpinLock.
	Freed bool
}

// Acquired records that l is now held.
func (s *State) Acquired(l *LockState) {
	l.Held = true
	s.held = append(s.held, l)
}

// Released records that l is no longer held.
func (s *State) Released(l *LockState) {
	l.Held = false
	for i := len(s.held) - 1; i >= 0; i-- {
		if s.held[i] == l {
			s.held = append(s.held[:i], s.held[i+1:]...)
			break
		}
	}
}

// Held returns the locks held now, oldest first.
func (s *State) Held() []*LockState { return append([]*LockState(nil), s.held...) }
