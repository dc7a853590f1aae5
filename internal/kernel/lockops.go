package kernel

import "github.com/ndislint/ndislint/rules"

// recursionKey is where the count of reported re-acquisitions lives.
const recursionKey = "kernel.lock-recursion"

// recursion returns the run's count of re-acquisitions per lock: each
// reported double acquire is matched by one release that only restores the
// IRQL, so one bug gives one violation.
func (s *State) recursion() map[*LockState]int {
	if m, ok := s.local[recursionKey].(map[*LockState]int); ok {
		return m
	}
	m := map[*LockState]int{}
	s.local[recursionKey] = m
	return m
}

// reportDoubleAcquire reports an acquire of l while it is held: for a spin
// lock the acquire spins forever; a read-write lock state still records the
// acquisition it was used for, which the new one overwrites.
func (s *State) reportDoubleAcquire(ddi string, l *LockState) {
	if l.Noun == "" {
		s.Report(rules.RuleSpinlockDoubleAcquire, "%s on %s, which this processor already holds: the acquire spins forever (deadlock)", ddi, l.What())
		return
	}
	s.Report(rules.RuleSpinlockDoubleAcquire, "%s on %s, which still records an acquisition that was not released: each acquisition needs its own", ddi, l.What())
}

// formName names the form of an acquisition in messages.
func formName(dpr bool) string {
	if dpr {
		return "the Dpr (AtDpcLevel) form"
	}
	return "the normal form"
}

// AcquireLock acquires l on behalf of ddi. The normal form (dpr false)
// raises the IRQL to DISPATCH_LEVEL (never lowers it) and returns the IRQL
// it found, which the caller stores as the lock's OldIrql; the Dpr form
// leaves the IRQL alone (the catalogue's check in EnterDDI reports a Dpr
// acquire below DISPATCH_LEVEL). Acquiring a lock this processor already
// holds is reported and does not hang.
func (s *State) AcquireLock(ddi string, l *LockState, dpr bool) (old uint8) {
	old = s.irql
	if l.Freed {
		s.Report(rules.RuleSpinlockUseAfterFree, "%s on %s after NdisFreeSpinLock freed it", ddi, l.What())
	}
	if !dpr && s.irql < rules.DispatchLevel {
		s.irql = rules.DispatchLevel
	}
	if l.Held {
		s.reportDoubleAcquire(ddi, l)
		s.recursion()[l]++
		return old
	}
	l.Dpr = dpr
	l.OldIrql = old
	s.Acquired(l)
	return old
}

// ReleaseLock releases l on behalf of ddi. The normal form (dpr false)
// then lowers the IRQL to newIrql, the OldIrql saved by the acquire; the
// Dpr form leaves the IRQL alone.
func (s *State) ReleaseLock(ddi string, l *LockState, dpr bool, newIrql uint8) {
	if l.Freed {
		s.Report(rules.RuleSpinlockUseAfterFree, "%s on %s after NdisFreeSpinLock freed it", ddi, l.What())
	}
	rec := s.recursion()
	switch {
	case rec[l] > 0:
		// The matching release of a reported double acquire.
		rec[l]--
	case !l.Held:
		s.Report(rules.RuleSpinlockReleaseNotHeld, "%s on %s, which is not held", ddi, l.What())
		if !dpr && newIrql <= s.irql {
			s.irql = newIrql
		}
		return
	default:
		if l.Dpr != dpr {
			s.Report(rules.RuleSpinlockDprMismatch, "%s releases %s with %s, but it was acquired with %s", ddi, l.What(), formName(dpr), formName(l.Dpr))
		}
		s.Released(l)
	}
	if !dpr {
		s.restoreAfterRelease(ddi, newIrql)
	}
	s.checkReleaseOrder(ddi, l)
}

// restoreAfterRelease lowers the IRQL to newIrql after a normal-form
// release. Below DISPATCH_LEVEL the IRQL was already lowered under the
// lock, which was reported where it happened (spinlock-release-order, or
// the catalogue's check of the release), so a newIrql above it is not
// reported again; it changes nothing.
func (s *State) restoreAfterRelease(ddi string, newIrql uint8) {
	if s.irql < rules.DispatchLevel && newIrql > s.irql {
		return
	}
	s.Lower(ddi, newIrql)
}

// checkReleaseOrder reports when the IRQL is below DISPATCH_LEVEL while a
// spin lock is still held after ddi released l.
func (s *State) checkReleaseOrder(ddi string, l *LockState) {
	if s.irql >= rules.DispatchLevel || len(s.held) == 0 {
		return
	}
	other := s.held[len(s.held)-1]
	s.Report(rules.RuleSpinlockReleaseOrder, "%s on %s lowered the IRQL to %s while %s is still held; release locks in the reverse order of acquisition", ddi, l.What(), rules.LevelName(s.irql), other.What())
}

// ResetLock makes l free and usable again on behalf of ddi (an
// initialization: KeInitializeSpinLock, NdisAllocateSpinLock). A held lock
// is reported and forcibly released.
func (s *State) ResetLock(ddi string, l *LockState) {
	if l.Held {
		s.Report(rules.RuleSpinlockFreeHeld, "%s on %s while it is held", ddi, l.What())
		s.Released(l)
	}
	delete(s.recursion(), l)
	l.Freed = false
	l.Dpr = false
}

// FreeLock marks l freed on behalf of ddi (NdisFreeSpinLock). Freeing a
// held lock is reported and the lock is forcibly released; freeing it
// twice is a use after free.
func (s *State) FreeLock(ddi string, l *LockState) {
	if l.Freed {
		s.Report(rules.RuleSpinlockUseAfterFree, "%s on %s, which is already freed", ddi, l.What())
		return
	}
	if l.Held {
		s.Report(rules.RuleSpinlockFreeHeld, "%s on %s while it is held", ddi, l.What())
		s.Released(l)
	}
	delete(s.recursion(), l)
	l.Freed = true
}

// Reentered reports whether l has an outstanding reported double acquire,
// so that the next release of l only undoes that acquire. NDIS spin locks
// keep one OldIrql in the lock, which the re-acquire must not overwrite.
func (s *State) Reentered(l *LockState) bool { return s.recursion()[l] > 0 }
