package kernel

// LockState is the verifier's view of one spin lock, or of one acquisition
// of a read-write lock (its LOCK_STATE, which keeps the IRQL the acquire
// found the way a spin lock does).
type LockState struct {
	// Name is how the trace refers to the lock.
	Name string
	// Noun is how messages name what the lock is: the catalogue's
	// Lock.Noun of the DDIs that take it ("read-write lock state"); empty
	// for a spin lock.
	Noun string
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

// What names l in messages: its noun and its name ("spin lock
// NDIS_SPIN_LOCK#1").
func (l *LockState) What() string {
	if l.Noun == "" {
		return "spin lock " + l.Name
	}
	return l.Noun + " " + l.Name
}
