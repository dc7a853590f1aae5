package ndis

import "github.com/ndislint/ndislint/wdm"

// The NDIS spin locks.

// SpinLock models NDIS_SPIN_LOCK: a KSPIN_LOCK and the IRQL that
// NdisAcquireSpinLock saves for NdisReleaseSpinLock. Initialize it with
// NdisAllocateSpinLock before any other NdisXxxSpinLock call. The
// simulator names it NDIS_SPIN_LOCK#n in traces.
type SpinLock struct {
	SpinLock wdm.KSpinLock
	OldIrql  wdm.Irql
}

// AcquireSpinLock is NdisAcquireSpinLock: raises the IRQL to
// DISPATCH_LEVEL, acquires the lock and saves the previous IRQL in
// spinLock.OldIrql. Release it with NdisReleaseSpinLock. Acquiring a lock
// the processor already holds is reported (spinlock-double-acquire)
// instead of hanging.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisacquirespinlock.
func AcquireSpinLock(spinLock *SpinLock) {
	sim().AcquireSpinLock(spinLock)
}

// AllocateSpinLock is NdisAllocateSpinLock: initializes an NDIS_SPIN_LOCK
// (also one freed by NdisFreeSpinLock). Initializing a held lock is
// reported (spinlock-free-held).
// IRQL: Any level (see Remarks section). Page: nf-ndis-ndisallocatespinlock.
func AllocateSpinLock(spinLock *SpinLock) {
	sim().AllocateSpinLock(spinLock)
}

// DprAcquireSpinLock is NdisDprAcquireSpinLock: acquires the lock when the
// caller already runs at DISPATCH_LEVEL; the IRQL and spinLock.OldIrql are
// not changed. Release it with NdisDprReleaseSpinLock.
// IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisdpracquirespinlock.
func DprAcquireSpinLock(spinLock *SpinLock) {
	sim().DprAcquireSpinLock(spinLock)
}

// DprReleaseSpinLock is NdisDprReleaseSpinLock: releases a lock acquired
// with NdisDprAcquireSpinLock without changing the IRQL. Releasing a lock
// acquired with NdisAcquireSpinLock is reported (spinlock-dpr-mismatch).
// IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisdprreleasespinlock.
func DprReleaseSpinLock(spinLock *SpinLock) {
	sim().DprReleaseSpinLock(spinLock)
}

// FreeSpinLock is NdisFreeSpinLock: deinitializes the lock. Freeing a held
// lock (spinlock-free-held), freeing it twice or using it afterwards
// without a new NdisAllocateSpinLock (spinlock-use-after-free) are
// reported.
// IRQL: Any level (see Remarks section). Page: nf-ndis-ndisfreespinlock.
func FreeSpinLock(spinLock *SpinLock) {
	sim().FreeSpinLock(spinLock)
}

// ReleaseSpinLock is NdisReleaseSpinLock: releases a lock acquired with
// NdisAcquireSpinLock and restores the IRQL saved in spinLock.OldIrql.
// Releasing a lock acquired with NdisDprAcquireSpinLock is reported
// (spinlock-dpr-mismatch), and the IRQL drops to the stale OldIrql as it
// would in Windows.
// IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisreleasespinlock.
func ReleaseSpinLock(spinLock *SpinLock) {
	sim().ReleaseSpinLock(spinLock)
}
