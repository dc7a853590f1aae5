package wdm

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
)

// KSpinLock models KSPIN_LOCK. Its zero value is an initialized, free lock
// (what KeInitializeSpinLock produces). The simulator keeps the lock's
// state (held, by which form, the saved IRQL) per run, keyed by the lock's
// address and named KSPIN_LOCK#n in traces, so the storage itself stays as
// small as the C type and a lock left held by one run does not affect the
// next.
type KSpinLock struct {
	_ uintptr // KSPIN_LOCK is a ULONG_PTR; the field also gives each lock its own address.
}

// lockState returns the run's view of l.
func lockState(s *kernel.State, l *KSpinLock) *kernel.LockState {
	return s.LockAt(l, "KSPIN_LOCK")
}

// lockArg returns the run's view of l (nil for a NULL lock) and how a
// trace line names it.
func lockArg(s *kernel.State, l *KSpinLock) (*kernel.LockState, string) {
	if l == nil {
		return nil, "SpinLock=NULL"
	}
	st := lockState(s, l)
	return st, st.Name
}

// KeInitializeSpinLock is KeInitializeSpinLock: initializes a KSPIN_LOCK.
// The zero value of KSpinLock is already initialized, so calling it is
// optional. Initializing a held lock is reported (spinlock-free-held).
// IRQL: Any level (see Remarks section). Page: nf-wdm-keinitializespinlock.
func KeInitializeSpinLock(spinLock *KSpinLock) {
	s := kernel.Current()
	st, arg := lockArg(s, spinLock)
	defer s.EnterDDI("KeInitializeSpinLock", arg)()
	if st == nil {
		s.BadParameter("KeInitializeSpinLock", "SpinLock", "is NULL")
		return
	}
	s.ResetLock("KeInitializeSpinLock", st)
}

// KeAcquireSpinLock is KeAcquireSpinLock: raises the IRQL to
// DISPATCH_LEVEL, acquires spinLock and stores the previous IRQL in
// *oldIrql, to be passed to KeReleaseSpinLock. Acquiring a lock the
// processor already holds is reported (spinlock-double-acquire) instead of
// hanging.
// IRQL: <= DISPATCH_LEVEL. Page: nf-wdm-keacquirespinlock.
func KeAcquireSpinLock(spinLock *KSpinLock, oldIrql *Irql) {
	s := kernel.Current()
	st, arg := lockArg(s, spinLock)
	defer s.EnterDDI("KeAcquireSpinLock", arg)()
	if st == nil {
		s.BadParameter("KeAcquireSpinLock", "SpinLock", "is NULL")
		return
	}
	old := s.AcquireLock("KeAcquireSpinLock", st, false)
	if oldIrql == nil {
		s.BadParameter("KeAcquireSpinLock", "OldIrql", "is NULL; the previous IRQL cannot be saved")
		return
	}
	*oldIrql = Irql(old)
}

// KeReleaseSpinLock is KeReleaseSpinLock: releases spinLock and lowers the
// IRQL to newIrql, the value KeAcquireSpinLock saved.
// IRQL: DISPATCH_LEVEL (see Remarks section). Page: nf-wdm-kereleasespinlock.
func KeReleaseSpinLock(spinLock *KSpinLock, newIrql Irql) {
	s := kernel.Current()
	st, arg := lockArg(s, spinLock)
	defer s.EnterDDI("KeReleaseSpinLock", fmt.Sprintf("%s, %s", arg, newIrql))()
	if st == nil {
		s.BadParameter("KeReleaseSpinLock", "SpinLock", "is NULL")
		return
	}
	s.ReleaseLock("KeReleaseSpinLock", st, false, uint8(newIrql))
}

// KeAcquireSpinLockAtDpcLevel is KeAcquireSpinLockAtDpcLevel: acquires
// spinLock when the caller already runs at DISPATCH_LEVEL or above; the
// IRQL is not changed. Release it with KeReleaseSpinLockFromDpcLevel.
// IRQL: See Remarks section (>= DISPATCH_LEVEL). Page: nf-wdm-keacquirespinlockatdpclevel.
func KeAcquireSpinLockAtDpcLevel(spinLock *KSpinLock) {
	s := kernel.Current()
	st, arg := lockArg(s, spinLock)
	defer s.EnterDDI("KeAcquireSpinLockAtDpcLevel", arg)()
	if st == nil {
		s.BadParameter("KeAcquireSpinLockAtDpcLevel", "SpinLock", "is NULL")
		return
	}
	s.AcquireLock("KeAcquireSpinLockAtDpcLevel", st, true)
}

// KeReleaseSpinLockFromDpcLevel is KeReleaseSpinLockFromDpcLevel: releases
// a spin lock acquired with KeAcquireSpinLockAtDpcLevel without changing
// the IRQL. Releasing a lock taken with KeAcquireSpinLock this way is
// reported (spinlock-dpr-mismatch).
// IRQL: DISPATCH_LEVEL. Page: nf-wdm-kereleasespinlockfromdpclevel.
func KeReleaseSpinLockFromDpcLevel(spinLock *KSpinLock) {
	s := kernel.Current()
	st, arg := lockArg(s, spinLock)
	defer s.EnterDDI("KeReleaseSpinLockFromDpcLevel", arg)()
	if st == nil {
		s.BadParameter("KeReleaseSpinLockFromDpcLevel", "SpinLock", "is NULL")
		return
	}
	s.ReleaseLock("KeReleaseSpinLockFromDpcLevel", st, true, s.Irql())
}
