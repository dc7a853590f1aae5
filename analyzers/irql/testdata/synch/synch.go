// Package synch takes the read-write locks and mutexes of SDV's
// Irql_Synch_Function rule, and enumerates the filter stack
// (NdisEnumerateFilterModules, of Irql_Filter_Driver_Function). The irql pass knows them from the catalogue
// alone: a read-write lock's lock operation is on the lock state of each
// acquisition (so two read acquisitions with two lock states are clean), and
// a mutex is no lock to it (a thread holding one stays at PASSIVE_LEVEL).
package synch

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	self  ndis.Handle
	rw    *ndis.RwLockEx
	old   ndis.RwLock
	mu    ndis.Mutex
	ev    ndis.Event
	cfg   ndis.Handle
	count int
	done  bool
}

// mpSend takes the read lock and forgets it on the early return.
//
//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func mpSend(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	var ls ndis.LockStateEx
	ndis.AcquireRWLockRead(a.rw, &ls, 0)
	if a.done {
		return // want `^mpSend returns with read-write lock state ls held \(NdisAcquireRWLockRead at line \d+\) \(spinlock-held-on-return\)$`
	}
	a.count++
	ndis.ReleaseRWLock(a.rw, &ls)
}

// mpReturn releases on every path (clean), and takes the read lock twice,
// recursively, with two lock states (clean).
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpReturn(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	var outer, inner ndis.LockStateEx
	ndis.AcquireRWLockRead(a.rw, &outer, 0)
	ndis.AcquireRWLockRead(a.rw, &inner, ndis.RwlAtDispatchLevel)
	a.count++
	ndis.ReleaseRWLock(a.rw, &inner)
	if a.done {
		ndis.ReleaseRWLock(a.rw, &outer)
		return
	}
	ndis.ReleaseRWLock(a.rw, &outer)
}

// mpCancelSend uses one lock state for two acquisitions.
//
//ndis:role MINIPORT_CANCEL_SEND
func mpCancelSend(miniportAdapterContext ndis.Handle, cancelId ndis.Handle) {
	a := miniportAdapterContext.(*adapter)
	var ls ndis.LockStateEx
	ndis.AcquireRWLockRead(a.rw, &ls, 0)
	ndis.AcquireRWLockRead(a.rw, &ls, ndis.RwlAtDispatchLevel) // want `NdisAcquireRWLockRead on read-write lock state ls, which is already held \(NdisAcquireRWLockRead at line \d+\): each acquisition needs its own read-write lock state \(spinlock-double-acquire\)`
	ndis.ReleaseRWLock(a.rw, &ls)
}

// mpHalt runs at PASSIVE_LEVEL: waiting on an event and reading the
// registry under the write lock are not allowed; under the mutex they are.
//
//ndis:role MINIPORT_HALT
func mpHalt(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*adapter)
	var ls ndis.LockStateEx
	ndis.AcquireRWLockWrite(a.rw, &ls, 0)
	ndis.WaitEvent(&a.ev, 0) // want `NdisWaitEvent may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and read-write lock state ls is held \(NdisAcquireRWLockWrite at line \d+\) \(irql-above-max\)`
	ndis.ReleaseRWLock(a.rw, &ls)

	ndis.WaitForMutex(&a.mu)
	ndis.WaitEvent(&a.ev, 0)
	var st ndis.Status
	var pv *ndis.ConfigurationParameter
	kw := ndis.String("Speed")
	ndis.ReadConfiguration(&st, &pv, a.cfg, &kw, ndis.ParameterInteger)
	ndis.ReleaseMutex(&a.mu)
	ndis.FreeRWLock(a.rw)
}

// mpPause waits for the mutex under the old read-write lock, and releases
// a lock state it never took.
//
//ndis:role MINIPORT_PAUSE
func mpPause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	var ls, never ndis.LockState
	ndis.AcquireReadWriteLock(&a.old, true, &ls)
	ndis.WaitForMutex(&a.mu) // want `NDIS_WAIT_FOR_MUTEX may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL \(see Remarks section\), and read-write lock state ls is held \(NdisAcquireReadWriteLock at line \d+\) \(irql-above-max\)`
	ndis.ReleaseMutex(&a.mu) // want `NDIS_RELEASE_MUTEX may be called at DISPATCH_LEVEL here`
	ndis.ReleaseReadWriteLock(&a.old, &ls)
	ndis.ReleaseReadWriteLock(&a.old, &never) // want `NdisReleaseReadWriteLock on read-write lock state never, but it is not held: NDIS calls MiniportPause with no read-write lock state of the driver held \(spinlock-release-not-held\)`
	return ndis.StatusSuccess
}

// mpDpc runs at DISPATCH_LEVEL: the Dpr forms balanced are clean; a Dpr
// release of a normal acquire is not.
//
//ndis:role MINIPORT_INTERRUPT_DPC
func mpDpc(miniportInterruptContext ndis.Handle, miniportDpcContext ndis.Handle, receiveThrottleParameters ndis.Handle, ndisReserved2 ndis.Handle) {
	a := miniportInterruptContext.(*adapter)
	var ls, other ndis.LockState
	ndis.DprAcquireReadWriteLock(&a.old, false, &ls)
	a.count++
	ndis.DprReleaseReadWriteLock(&a.old, &ls)
	ndis.AcquireReadWriteLock(&a.old, false, &other)
	ndis.DprReleaseReadWriteLock(&a.old, &other) // want `NdisDprReleaseReadWriteLock releases read-write lock state other with the Dpr \(at-DISPATCH_LEVEL\) form, but NdisAcquireReadWriteLock acquired it with the normal form \(spinlock-dpr-mismatch\)`
}

// readLocked takes the read lock through defer (clean).
func readLocked(a *adapter) int {
	var ls ndis.LockStateEx
	ndis.AcquireRWLockRead(a.rw, &ls, 0)
	defer ndis.ReleaseRWLock(a.rw, &ls)
	return a.count
}

// mpRestart runs at PASSIVE_LEVEL and reads under the helper above
// (clean).
//
//ndis:role MINIPORT_RESTART
func mpRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	a.count = readLocked(a)
	var filters ndis.EnumFilters
	var needed, written uint32
	ndis.EnumerateFilterModules(a.self, &filters, 4096, &needed, &written)
	return ndis.StatusSuccess
}

// mpCancelOid may run at DISPATCH_LEVEL, where the stack cannot be
// enumerated.
//
//ndis:role MINIPORT_CANCEL_OID_REQUEST
func mpCancelOid(miniportAdapterContext ndis.Handle, requestId ndis.Handle) {
	a := miniportAdapterContext.(*adapter)
	var needed, written uint32
	ndis.EnumerateFilterModules(a.self, nil, 0, &needed, &written) // want `NdisEnumerateFilterModules may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and mpCancelOid runs as MiniportCancelOidRequest, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
}
