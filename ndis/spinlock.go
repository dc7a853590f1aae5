package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// SpinLock models NDIS_SPIN_LOCK: a KSPIN_LOCK and the IRQL that
// NdisAcquireSpinLock saves for NdisReleaseSpinLock. Initialize it with
// NdisAllocateSpinLock before any other NdisXxxSpinLock call. The
// simulator names it NDIS_SPIN_LOCK#n in traces.
type SpinLock struct {
	SpinLock wdm.KSpinLock
	OldIrql  wdm.Irql
}

// spinLockAllocatedKey is where the run keeps the set of NDIS spin locks
// NdisAllocateSpinLock initialized.
const spinLockAllocatedKey = "ndis.spinlocks-allocated"

// spinLockAllocated returns the run's set of allocated NDIS spin locks.
func spinLockAllocated(s *kernel.State) map[*kernel.LockState]bool {
	if m, ok := s.Objects[spinLockAllocatedKey].(map[*kernel.LockState]bool); ok {
		return m
	}
	m := map[*kernel.LockState]bool{}
	s.Objects[spinLockAllocatedKey] = m
	return m
}

// spinLockArg returns the run's view of l (nil for NULL) and how a trace
// line names it.
func spinLockArg(s *kernel.State, l *SpinLock) (*kernel.LockState, string) {
	if l == nil {
		return nil, "SpinLock=NULL"
	}
	st := s.LockAt(&l.SpinLock, "NDIS_SPIN_LOCK")
	return st, st.Name
}

// spinLockReady reports a NULL lock or one never allocated for ddi, and
// returns the lock's state when the call can go on. An unallocated lock is
// reported once and then treated as allocated.
func spinLockReady(s *kernel.State, ddi string, st *kernel.LockState) bool {
	if st == nil {
		s.BadParameter(ddi, "SpinLock", "is NULL")
		return false
	}
	allocated := spinLockAllocated(s)
	if !allocated[st] {
		s.Report(rules.RuleSpinlockNotAllocated, "%s on spin lock %s, which NdisAllocateSpinLock never initialized", ddi, st.Name)
		allocated[st] = true
	}
	return true
}

// AllocateSpinLock is NdisAllocateSpinLock: initializes an NDIS_SPIN_LOCK
// (also one freed by NdisFreeSpinLock). Initializing a held lock is
// reported (spinlock-free-held).
// IRQL: Any level (see Remarks section). Page: nf-ndis-ndisallocatespinlock.
func AllocateSpinLock(spinLock *SpinLock) {
	s := kernel.Current()
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisAllocateSpinLock", arg)()
	if st == nil {
		s.BadParameter("NdisAllocateSpinLock", "SpinLock", "is NULL")
		return
	}
	s.ResetLock("NdisAllocateSpinLock", st)
	spinLockAllocated(s)[st] = true
}

// AcquireSpinLock is NdisAcquireSpinLock: raises the IRQL to
// DISPATCH_LEVEL, acquires the lock and saves the previous IRQL in
// spinLock.OldIrql. Release it with NdisReleaseSpinLock. Acquiring a lock
// the processor already holds is reported (spinlock-double-acquire)
// instead of hanging.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisacquirespinlock.
func AcquireSpinLock(spinLock *SpinLock) {
	s := kernel.Current()
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisAcquireSpinLock", arg)()
	if !spinLockReady(s, "NdisAcquireSpinLock", st) {
		return
	}
	reentry := st.Held
	old := s.AcquireLock("NdisAcquireSpinLock", st, false)
	if !reentry {
		spinLock.OldIrql = wdm.Irql(old)
	}
}

// ReleaseSpinLock is NdisReleaseSpinLock: releases a lock acquired with
// NdisAcquireSpinLock and restores the IRQL saved in spinLock.OldIrql.
// Releasing a lock acquired with NdisDprAcquireSpinLock is reported
// (spinlock-dpr-mismatch), and the IRQL drops to the stale OldIrql as it
// would in Windows.
// IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisreleasespinlock.
func ReleaseSpinLock(spinLock *SpinLock) {
	s := kernel.Current()
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisReleaseSpinLock", arg)()
	if !spinLockReady(s, "NdisReleaseSpinLock", st) {
		return
	}
	newIrql := uint8(spinLock.OldIrql)
	if s.Reentered(st) {
		newIrql = s.Irql() // undoing a reported double acquire
	}
	s.ReleaseLock("NdisReleaseSpinLock", st, false, newIrql)
}

// DprAcquireSpinLock is NdisDprAcquireSpinLock: acquires the lock when the
// caller already runs at DISPATCH_LEVEL; the IRQL and spinLock.OldIrql are
// not changed. Release it with NdisDprReleaseSpinLock.
// IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisdpracquirespinlock.
func DprAcquireSpinLock(spinLock *SpinLock) {
	s := kernel.Current()
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisDprAcquireSpinLock", arg)()
	if !spinLockReady(s, "NdisDprAcquireSpinLock", st) {
		return
	}
	s.AcquireLock("NdisDprAcquireSpinLock", st, true)
}

// DprReleaseSpinLock is NdisDprReleaseSpinLock: releases a lock acquired
// with NdisDprAcquireSpinLock without changing the IRQL. Releasing a lock
// acquired with NdisAcquireSpinLock is reported (spinlock-dpr-mismatch).
// IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisdprreleasespinlock.
func DprReleaseSpinLock(spinLock *SpinLock) {
	s := kernel.Current()
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisDprReleaseSpinLock", arg)()
	if !spinLockReady(s, "NdisDprReleaseSpinLock", st) {
		return
	}
	s.ReleaseLock("NdisDprReleaseSpinLock", st, true, s.Irql())
}

// FreeSpinLock is NdisFreeSpinLock: deinitializes the lock. Freeing a held
// lock (spinlock-free-held), freeing it twice or using it afterwards
// without a new NdisAllocateSpinLock (spinlock-use-after-free) are
// reported.
// IRQL: Any level (see Remarks section). Page: nf-ndis-ndisfreespinlock.
func FreeSpinLock(spinLock *SpinLock) {
	s := kernel.Current()
	st, arg := spinLockArg(s, spinLock)
	defer s.EnterDDI("NdisFreeSpinLock", arg)()
	if !spinLockReady(s, "NdisFreeSpinLock", st) {
		return
	}
	s.FreeLock("NdisFreeSpinLock", st)
}
