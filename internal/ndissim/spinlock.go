package ndissim

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// spinLockArg returns the run's view of l (nil for NULL) and how a trace
// line names it.
func spinLockArg(s *kernel.State, l *ndis.SpinLock) (*kernel.LockState, string) {
	if l == nil {
		return nil, "SpinLock=NULL"
	}
	st := s.LockAt(&l.SpinLock, "NDIS_SPIN_LOCK")
	return st, st.Name
}

// spinLockReady reports a NULL lock or one never allocated for ddi, and
// returns the lock's state when the call can go on. An unallocated lock is
// reported once and then treated as allocated.
func (w *world) spinLockReady(ddi string, st *kernel.LockState) bool {
	s := w.st
	if st == nil {
		s.BadParameter(ddi, "SpinLock", "is NULL")
		return false
	}
	if !w.spinLocks[st] {
		s.Report(rules.RuleSpinlockNotAllocated, "%s on spin lock %s, which NdisAllocateSpinLock never initialized", ddi, st.Name)
		w.spinLocks[st] = true
	}
	return true
}

// AllocateSpinLock runs NdisAllocateSpinLock in the simulated NDIS.
func (w *world) AllocateSpinLock(spinLock *ndis.SpinLock) {
	s := w.st
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisAllocateSpinLock", arg)()
	if st == nil {
		s.BadParameter("NdisAllocateSpinLock", "SpinLock", "is NULL")
		return
	}
	s.ResetLock("NdisAllocateSpinLock", st)
	w.spinLocks[st] = true
}

// AcquireSpinLock runs NdisAcquireSpinLock in the simulated NDIS.
func (w *world) AcquireSpinLock(spinLock *ndis.SpinLock) {
	s := w.st
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisAcquireSpinLock", arg)()
	if !w.spinLockReady("NdisAcquireSpinLock", st) {
		return
	}
	reentry := st.Held
	old := s.AcquireLock("NdisAcquireSpinLock", st, false)
	if !reentry {
		spinLock.OldIrql = wdm.Irql(old)
	}
}

// ReleaseSpinLock runs NdisReleaseSpinLock in the simulated NDIS.
func (w *world) ReleaseSpinLock(spinLock *ndis.SpinLock) {
	s := w.st
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisReleaseSpinLock", arg)()
	if !w.spinLockReady("NdisReleaseSpinLock", st) {
		return
	}
	newIrql := uint8(spinLock.OldIrql)
	if s.Reentered(st) {
		newIrql = s.Irql() // undoing a reported double acquire
	}
	s.ReleaseLock("NdisReleaseSpinLock", st, false, newIrql)
}

// DprAcquireSpinLock runs NdisDprAcquireSpinLock in the simulated NDIS.
func (w *world) DprAcquireSpinLock(spinLock *ndis.SpinLock) {
	s := w.st
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisDprAcquireSpinLock", arg)()
	if !w.spinLockReady("NdisDprAcquireSpinLock", st) {
		return
	}
	s.AcquireLock("NdisDprAcquireSpinLock", st, true)
}

// DprReleaseSpinLock runs NdisDprReleaseSpinLock in the simulated NDIS.
func (w *world) DprReleaseSpinLock(spinLock *ndis.SpinLock) {
	s := w.st
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisDprReleaseSpinLock", arg)()
	if !w.spinLockReady("NdisDprReleaseSpinLock", st) {
		return
	}
	s.ReleaseLock("NdisDprReleaseSpinLock", st, true, s.Irql())
}

// FreeSpinLock runs NdisFreeSpinLock in the simulated NDIS.
func (w *world) FreeSpinLock(spinLock *ndis.SpinLock) {
	s := w.st
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisFreeSpinLock", arg)()
	if !w.spinLockReady("NdisFreeSpinLock", st) {
		return
	}
	s.FreeLock("NdisFreeSpinLock", st)
}
