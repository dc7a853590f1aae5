package ndis

import "github.com/ndislint/ndislint/wdm"

// The types of the NDIS synchronization DDIs SDV's Irql_Synch_Function rule
// lists beyond the spin locks: the read-write locks (NDIS_RW_LOCK and the
// NDIS 6.20 NDIS_RW_LOCK_EX), the lock states of their acquisitions, and
// NDIS_MUTEX. The simulation keeps each object's state beside it, keyed by
// its address, so the fields are only what a driver could see.

// RwLock models NDIS_RW_LOCK, the read-write lock NdisInitializeReadWriteLock
// initializes in the driver's resident storage. Its write side is a spin
// lock. The simulator names it NDIS_RW_LOCK#n in traces.
type RwLock struct {
	SpinLock wdm.KSpinLock
}

// LockState models LOCK_STATE: the state of one acquisition of an
// NDIS_RW_LOCK, which NdisAcquireReadWriteLock fills and
// NdisReleaseReadWriteLock reads. Each acquisition by a thread uses its own
// LockState; OldIrql is the IRQL the acquire found, which the release
// restores. The simulator names it LOCK_STATE#n in traces.
type LockState struct {
	LockState uint16
	OldIrql   wdm.Irql
}

// RwLockEx models NDIS_RW_LOCK_EX, the NDIS 6.20 read-write lock that
// NdisAllocateRWLock allocates and returns; it is opaque. The simulator
// names it NDIS_RW_LOCK_EX#n in traces.
type RwLockEx struct {
	_ uintptr // opaque; the field also gives each lock its own address.
}

// LockStateEx models LOCK_STATE_EX: the state of one acquisition of an
// NDIS_RW_LOCK_EX, which NdisAcquireRWLockRead and NdisAcquireRWLockWrite
// fill and NdisReleaseRWLock reads. Each acquisition uses its own;
// OldIrql is the IRQL the acquire found, which the release restores. The
// simulator names it LOCK_STATE_EX#n in traces.
type LockStateEx struct {
	OldIrql   wdm.Irql
	LockState uint8
	Flags     uint8
}

// RwlAtDispatchLevel is NDIS_RWL_AT_DISPATCH_LEVEL, the Flags bit of
// NdisAcquireRWLockRead and NdisAcquireRWLockWrite that says the caller
// already runs at DISPATCH_LEVEL.
const RwlAtDispatchLevel uint32 = 0x1

// Mutex models NDIS_MUTEX, the NDIS wrapper of a KMUTEX that NDIS_INIT_MUTEX
// initializes (signaled: free). A thread owns it from NDIS_WAIT_FOR_MUTEX to
// the matching NDIS_RELEASE_MUTEX, and may acquire it recursively. The
// simulator names it NDIS_MUTEX#n in traces.
type Mutex struct {
	_ uintptr // the KMUTEX; the field also gives each mutex its own address.
}
