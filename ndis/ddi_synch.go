package ndis

import "github.com/ndislint/ndislint/wdm"

// The NDIS synchronization DDIs of SDV's Irql_Synch_Function rule beyond the
// spin locks: the read-write locks (NDIS_RW_LOCK and the NDIS 6.20
// NDIS_RW_LOCK_EX) and NDIS_MUTEX.

// AcquireReadWriteLock models NdisAcquireReadWriteLock. It raises the IRQL
// to DISPATCH_LEVEL, acquires lock for write (fWrite) or read access and
// keeps the IRQL it found in lockState.OldIrql. Each acquisition uses its
// own LockState; release it with NdisReleaseReadWriteLock. A write acquire
// of a lock this processor holds for write, and a lockState still in use by
// another acquisition, are reported (spinlock-double-acquire) instead of
// hanging.
// NDIS: NdisAcquireReadWriteLock. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisacquirereadwritelock.
func AcquireReadWriteLock(lock *RwLock, fWrite bool, lockState *LockState) {
	sim().AcquireReadWriteLock(lock, fWrite, lockState)
}

// AcquireRWLockRead models NdisAcquireRWLockRead. It raises the IRQL to
// DISPATCH_LEVEL (flags NDIS_RWL_AT_DISPATCH_LEVEL: the caller is there
// already), acquires lock for read access and keeps the IRQL it found in
// lockState.OldIrql. Read acquisitions may nest, each with its own
// LockStateEx; release each with NdisReleaseRWLock.
// NDIS: NdisAcquireRWLockRead. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisacquirerwlockread.
func AcquireRWLockRead(lock *RwLockEx, lockState *LockStateEx, flags uint32) {
	sim().AcquireRWLockRead(lock, lockState, flags)
}

// AcquireRWLockWrite models NdisAcquireRWLockWrite. It raises the IRQL to
// DISPATCH_LEVEL, acquires lock for write access and keeps the IRQL it
// found in lockState.OldIrql. A write acquisition may nest on the same
// processor; promoting a read acquisition to write is reported
// (spinlock-double-acquire) instead of hanging.
// NDIS: NdisAcquireRWLockWrite. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisacquirerwlockwrite.
func AcquireRWLockWrite(lock *RwLockEx, lockState *LockStateEx, flags uint32) {
	sim().AcquireRWLockWrite(lock, lockState, flags)
}

// AllocateRWLock models NdisAllocateRWLock. It allocates an
// NDIS_RW_LOCK_EX for ndisHandle (nil in DriverEntry) and returns it; free
// it with NdisFreeRWLock.
// NDIS: NdisAllocateRWLock. IRQL: <=DISPATCH_LEVEL. Page: nf-ndis-ndisallocaterwlock.
func AllocateRWLock(ndisHandle Handle) *RwLockEx {
	return sim().AllocateRWLock(ndisHandle)
}

// DprAcquireReadWriteLock models NdisDprAcquireReadWriteLock: as
// NdisAcquireReadWriteLock for a caller already at DISPATCH_LEVEL; the IRQL
// is not changed. Release it with NdisDprReleaseReadWriteLock.
// NDIS: NdisDprAcquireReadWriteLock. IRQL: = DISPATCH_LEVEL. Page: nf-ndis-ndisdpracquirereadwritelock.
func DprAcquireReadWriteLock(lock *RwLock, fWrite bool, lockState *LockState) {
	sim().DprAcquireReadWriteLock(lock, fWrite, lockState)
}

// DprReleaseReadWriteLock models NdisDprReleaseReadWriteLock: it releases
// an acquisition made with NdisDprAcquireReadWriteLock without changing
// the IRQL. Releasing one made with NdisAcquireReadWriteLock is reported
// (spinlock-dpr-mismatch).
// NDIS: NdisDprReleaseReadWriteLock. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisdprreleasereadwritelock.
func DprReleaseReadWriteLock(lock *RwLock, lockState *LockState) {
	sim().DprReleaseReadWriteLock(lock, lockState)
}

// FreeRWLock models NdisFreeRWLock. It frees a lock NdisAllocateRWLock
// allocated. Freeing a lock still acquired (spinlock-free-held), twice, or
// using it afterwards (spinlock-use-after-free) is reported.
// NDIS: NdisFreeRWLock. IRQL: <=DISPATCH_LEVEL. Page: nf-ndis-ndisfreerwlock.
func FreeRWLock(lock *RwLockEx) {
	sim().FreeRWLock(lock)
}

// InitMutex models NDIS_INIT_MUTEX. It initializes m as a free (signaled)
// mutex. Initializing a mutex some thread holds is reported (bad-parameter).
// NDIS: NDIS_INIT_MUTEX. IRQL: Any level. Page: nf-ndis-ndis_init_mutex.
func InitMutex(m *Mutex) {
	sim().InitMutex(m)
}

// InitializeReadWriteLock models NdisInitializeReadWriteLock. It
// initializes lock before any other NdisXxxReadWriteLock call. Initializing
// a lock still acquired is reported (spinlock-free-held).
// NDIS: NdisInitializeReadWriteLock. IRQL: Any level (see Remarks section). Page: nf-ndis-ndisinitializereadwritelock.
func InitializeReadWriteLock(lock *RwLock) {
	sim().InitializeReadWriteLock(lock)
}

// ReleaseMutex models NDIS_RELEASE_MUTEX. It releases m, which the calling
// thread holds, and returns 0 when m is then free (signaled), nonzero when
// a recursive acquisition still holds it. Releasing a mutex that is free,
// or that another thread holds, is reported (bad-parameter): a bug check in
// Windows.
// NDIS: NDIS_RELEASE_MUTEX. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndis_release_mutex.
func ReleaseMutex(m *Mutex) int32 {
	return sim().ReleaseMutex(m)
}

// ReleaseReadWriteLock models NdisReleaseReadWriteLock. It releases the
// acquisition lockState records and restores the IRQL kept in
// lockState.OldIrql. Releasing one made with NdisDprAcquireReadWriteLock
// is reported (spinlock-dpr-mismatch).
// NDIS: NdisReleaseReadWriteLock. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisreleasereadwritelock.
func ReleaseReadWriteLock(lock *RwLock, lockState *LockState) {
	sim().ReleaseReadWriteLock(lock, lockState)
}

// ReleaseRWLock models NdisReleaseRWLock. It releases the read or write
// acquisition lockState records and restores the IRQL kept in
// lockState.OldIrql.
// NDIS: NdisReleaseRWLock. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndisreleaserwlock.
func ReleaseRWLock(lock *RwLockEx, lockState *LockStateEx) {
	sim().ReleaseRWLock(lock, lockState)
}

// WaitForMutex models NDIS_WAIT_FOR_MUTEX. The calling thread waits until
// m is free and then owns it (a thread that holds m already acquires it
// again: release it as many times). It leaves the IRQL alone: holding a
// mutex is not a raised IRQL. It returns STATUS_SUCCESS.
// NDIS: NDIS_WAIT_FOR_MUTEX. IRQL: PASSIVE_LEVEL (see Remarks section). Page: nf-ndis-ndis_wait_for_mutex.
func WaitForMutex(m *Mutex) wdm.NtStatus {
	return sim().WaitForMutex(m)
}
