package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// The read-write locks: NDIS_RW_LOCK (NdisInitializeReadWriteLock and the
// NdisXxxReadWriteLock DDIs) and the NDIS 6.20 NDIS_RW_LOCK_EX
// (NdisAllocateRWLock, NdisAcquireRWLockRead/Write, NdisReleaseRWLock,
// NdisFreeRWLock). Each acquisition is the kernel's view of its lock state
// (a kernel.LockState at the driver's LOCK_STATE or LOCK_STATE_EX): it is
// held from the acquire to the release, keeps the IRQL the acquire found,
// and is what a handler returning with it held, a release out of order or a
// release of the wrong form is reported on, as for a spin lock. The lock
// itself records its acquisitions, so that the acquisitions the pages forbid
// on one processor (the simulation has one) are reported instead of hanging:
// a write acquire of an NDIS_RW_LOCK this processor holds for write (its
// write side is a spin lock), and the promotion of a read acquisition of an
// NDIS_RW_LOCK_EX to write (the NdisAcquireRWLockWrite page). What the
// pages leave open (a read acquire under a write one, a write acquire under
// a read one of an NDIS_RW_LOCK) goes on silently.

// rwLockNoun is how messages name a lock state, as the catalogue's
// Lock.Noun of the read-write lock DDIs names it.
const rwLockNoun = "read-write lock state"

// rwLockObject is the simulation's view of one read-write lock.
type rwLockObject struct {
	name string
	// ex is true for an NDIS_RW_LOCK_EX.
	ex bool
	// ready is true once NdisInitializeReadWriteLock initialized it, or
	// NdisAllocateRWLock returned it.
	ready bool
	// freed is true after NdisFreeRWLock.
	freed bool
	// holds are its acquisitions, oldest first; one whose lock state is no
	// longer held (a handler returned with it, which was reported) no
	// longer counts.
	holds []rwHold
}

// rwHold is one acquisition of a read-write lock.
type rwHold struct {
	st    *kernel.LockState
	write bool
}

// active returns the acquisitions still held.
func (o *rwLockObject) active() []rwHold {
	var hs []rwHold
	for _, h := range o.holds {
		if h.st.Held {
			hs = append(hs, h)
		}
	}
	o.holds = hs
	return hs
}

// find returns the index of st's acquisition of o, or -1.
func (o *rwLockObject) find(st *kernel.LockState) int {
	for i, h := range o.active() {
		if h.st == st {
			return i
		}
	}
	return -1
}

// rwLockAt returns the simulation's view of the lock stored at key (an
// *ndis.RwLock or *ndis.RwLockEx), created on first use.
func rwLockAt(s *kernel.State, key any, kind string, ex bool) *rwLockObject {
	v := s.Object(key, kind, func(name string) any { return &rwLockObject{name: name, ex: ex} })
	if o, ok := v.(*rwLockObject); ok {
		return o
	}
	return &rwLockObject{name: kind + "(reused storage)", ex: ex}
}

// lockStateAt returns the kernel's view of the lock state stored at key,
// named as a read-write lock state.
func lockStateAt(s *kernel.State, key any, kind string) *kernel.LockState {
	st := s.LockAt(key, kind)
	st.Noun = rwLockNoun
	return st
}

// rwCall is one call of a read-write lock DDI: the lock and the lock state
// it names (nil for NULL).
type rwCall struct {
	ddi  string
	lock *rwLockObject
	st   *kernel.LockState
}

// args describes the call's arguments for the trace.
func (c rwCall) args() string {
	l, st := "Lock=NULL", "LockState=NULL"
	if c.lock != nil {
		l = c.lock.name
	}
	if c.st != nil {
		st = c.st.Name
	}
	return l + ", " + st
}

// rwCallOf returns the call of ddi on lock and lockState of an
// NDIS_RW_LOCK.
func rwCallOf(s *kernel.State, ddi string, lock *ndis.RwLock, lockState *ndis.LockState) rwCall {
	c := rwCall{ddi: ddi}
	if lock != nil {
		c.lock = rwLockAt(s, lock, "NDIS_RW_LOCK", false)
	}
	if lockState != nil {
		c.st = lockStateAt(s, lockState, "LOCK_STATE")
	}
	return c
}

// rwExCallOf returns the call of ddi on lock and lockState of an
// NDIS_RW_LOCK_EX.
func rwExCallOf(s *kernel.State, ddi string, lock *ndis.RwLockEx, lockState *ndis.LockStateEx) rwCall {
	c := rwCall{ddi: ddi}
	if lock != nil {
		c.lock = rwLockAt(s, lock, "NDIS_RW_LOCK_EX", true)
	}
	if lockState != nil {
		c.st = lockStateAt(s, lockState, "LOCK_STATE_EX")
	}
	return c
}

// ready reports a NULL lock or lock state, a lock never initialized (or
// allocated) and a freed one, and says whether the call can go on. A lock
// never initialized is reported once and then counts as initialized.
func (w *world) rwReady(c rwCall) bool {
	s := w.st
	switch {
	case c.lock == nil:
		s.BadParameter(c.ddi, "Lock", "is NULL")
		return false
	case c.st == nil:
		s.BadParameter(c.ddi, "LockState", "is NULL")
		return false
	case c.lock.freed:
		s.Report(rules.RuleSpinlockUseAfterFree, "%s on %s after NdisFreeRWLock freed it", c.ddi, c.lock.name)
		return false
	case !c.lock.ready:
		s.BadParameter(c.ddi, "Lock", fmt.Sprintf("%s was %s", c.lock.name, notReady(c.lock)))
		c.lock.ready = true
	}
	return true
}

// notReady says how a lock should have been made ready.
func notReady(o *rwLockObject) string {
	if o.ex {
		return "not returned by NdisAllocateRWLock"
	}
	return "never initialized with NdisInitializeReadWriteLock"
}

// rwAcquire acquires c.lock for write or read access into c.st, in the
// normal form (raising the IRQL to DISPATCH_LEVEL and keeping the IRQL it
// found) or the Dpr form, and returns the IRQL it found and whether the
// lock state records it (false when the lock state was still in use, which
// was reported).
func (w *world) rwAcquire(c rwCall, write, dpr bool) (old uint8, fresh bool) {
	s := w.st
	w.rwConflict(c, write)
	reentry := c.st.Held
	old = s.AcquireLock(c.ddi, c.st, dpr)
	if !reentry {
		c.lock.holds = append(c.lock.holds, rwHold{st: c.st, write: write})
	}
	return old, !reentry
}

// rwConflict reports an acquisition the pages forbid on the processor that
// holds c.lock: a write acquire of an NDIS_RW_LOCK held for write, and a
// write acquire of an NDIS_RW_LOCK_EX held for read (a promotion).
func (w *world) rwConflict(c rwCall, write bool) {
	if !write {
		return
	}
	for _, h := range c.lock.active() {
		switch {
		case !c.lock.ex && h.write:
			w.st.Report(rules.RuleSpinlockDoubleAcquire, "%s for write on %s, which this processor holds for write (%s): its spin lock spins forever (deadlock)", c.ddi, c.lock.name, h.st.Name)
			return
		case c.lock.ex && !h.write:
			w.st.Report(rules.RuleSpinlockDoubleAcquire, "%s on %s, which this processor holds for read (%s): an NDIS_RW_LOCK_EX read acquisition cannot be promoted to write (deadlock)", c.ddi, c.lock.name, h.st.Name)
			return
		}
	}
}

// rwRelease releases the acquisition c.st records of c.lock: the normal
// form restores newIrql, the IRQL the acquire kept in the lock state.
func (w *world) rwRelease(c rwCall, dpr bool, newIrql uint8) {
	s := w.st
	if c.st.Held && c.lock.find(c.st) < 0 {
		s.BadParameter(c.ddi, "LockState", fmt.Sprintf("%s records an acquisition of another lock than %s", c.st.Name, c.lock.name))
		return
	}
	if s.Reentered(c.st) || dpr {
		newIrql = s.Irql()
	}
	s.ReleaseLock(c.ddi, c.st, dpr, newIrql)
}

// rwReset reports, for ddi, the acquisitions of o still held (the lock is
// initialized again or freed under them) and forgets them.
func (w *world) rwReset(ddi string, o *rwLockObject) {
	hs := o.active()
	if len(hs) > 0 {
		w.st.Report(rules.RuleSpinlockFreeHeld, "%s on %s while it is held (%s)", ddi, o.name, hs[len(hs)-1].st.What())
	}
	for _, h := range hs {
		w.st.Released(h.st)
	}
	o.holds = nil
}

// InitializeReadWriteLock runs NdisInitializeReadWriteLock in the simulated
// NDIS.
func (w *world) InitializeReadWriteLock(lock *ndis.RwLock) {
	s := w.st
	const ddi = "NdisInitializeReadWriteLock"
	c := rwCallOf(s, ddi, lock, nil)
	defer s.EnterDDI(ddi, c.args())()
	if c.lock == nil {
		s.BadParameter(ddi, "Lock", "is NULL")
		return
	}
	w.rwReset(ddi, c.lock)
	c.lock.ready = true
}

// AcquireReadWriteLock runs NdisAcquireReadWriteLock in the simulated NDIS.
func (w *world) AcquireReadWriteLock(lock *ndis.RwLock, fWrite bool, lockState *ndis.LockState) {
	w.acquireReadWriteLock("NdisAcquireReadWriteLock", lock, fWrite, lockState, false)
}

// acquireReadWriteLock runs NdisAcquireReadWriteLock (dpr false) or
// NdisDprAcquireReadWriteLock (dpr true), named ddi, and keeps the IRQL it
// raised from in lockState.
func (w *world) acquireReadWriteLock(ddi string, lock *ndis.RwLock, fWrite bool, lockState *ndis.LockState, dpr bool) {
	s := w.st
	c := rwCallOf(s, ddi, lock, lockState)
	defer s.EnterDDI(c.ddi, fmt.Sprintf("%s, fWrite=%v", c.args(), fWrite))()
	if !w.rwReady(c) {
		return
	}
	if old, fresh := w.rwAcquire(c, fWrite, dpr); fresh {
		lockState.OldIrql = wdm.Irql(old)
	}
}

// ReleaseReadWriteLock runs NdisReleaseReadWriteLock in the simulated NDIS.
func (w *world) ReleaseReadWriteLock(lock *ndis.RwLock, lockState *ndis.LockState) {
	s := w.st
	c := rwCallOf(s, "NdisReleaseReadWriteLock", lock, lockState)
	defer s.EnterDDI(c.ddi, c.args())()
	if w.rwReady(c) {
		w.rwRelease(c, false, uint8(lockState.OldIrql))
	}
}

// DprAcquireReadWriteLock runs NdisDprAcquireReadWriteLock in the simulated
// NDIS.
func (w *world) DprAcquireReadWriteLock(lock *ndis.RwLock, fWrite bool, lockState *ndis.LockState) {
	w.acquireReadWriteLock("NdisDprAcquireReadWriteLock", lock, fWrite, lockState, true)
}

// DprReleaseReadWriteLock runs NdisDprReleaseReadWriteLock in the simulated
// NDIS.
func (w *world) DprReleaseReadWriteLock(lock *ndis.RwLock, lockState *ndis.LockState) {
	s := w.st
	c := rwCallOf(s, "NdisDprReleaseReadWriteLock", lock, lockState)
	defer s.EnterDDI(c.ddi, c.args())()
	if w.rwReady(c) {
		w.rwRelease(c, true, s.Irql())
	}
}

// AllocateRWLock runs NdisAllocateRWLock in the simulated NDIS: the lock
// is allocated for any handle (or none, in DriverEntry), and never fails.
func (w *world) AllocateRWLock(ndisHandle ndis.Handle) *ndis.RwLockEx {
	s := w.st
	lock := new(ndis.RwLockEx)
	o := rwLockAt(s, lock, "NDIS_RW_LOCK_EX", true)
	defer s.EnterDDI("NdisAllocateRWLock", fmt.Sprintf("NdisHandle=%v -> %s", ndisHandle != nil, o.name))()
	o.ready = true
	return lock
}

// FreeRWLock runs NdisFreeRWLock in the simulated NDIS.
func (w *world) FreeRWLock(lock *ndis.RwLockEx) {
	s := w.st
	const ddi = "NdisFreeRWLock"
	c := rwExCallOf(s, ddi, lock, nil)
	defer s.EnterDDI(ddi, c.args())()
	switch {
	case c.lock == nil:
		s.BadParameter(ddi, "Lock", "is NULL")
	case c.lock.freed:
		s.Report(rules.RuleSpinlockUseAfterFree, "%s on %s, which is already freed", ddi, c.lock.name)
	case !c.lock.ready:
		s.BadParameter(ddi, "Lock", c.lock.name+" was "+notReady(c.lock))
	default:
		w.rwReset(ddi, c.lock)
		c.lock.freed = true
	}
}

// AcquireRWLockRead runs NdisAcquireRWLockRead in the simulated NDIS.
func (w *world) AcquireRWLockRead(lock *ndis.RwLockEx, lockState *ndis.LockStateEx, flags uint32) {
	w.acquireRWLockEx("NdisAcquireRWLockRead", lock, lockState, flags, false)
}

// AcquireRWLockWrite runs NdisAcquireRWLockWrite in the simulated NDIS.
func (w *world) AcquireRWLockWrite(lock *ndis.RwLockEx, lockState *ndis.LockStateEx, flags uint32) {
	w.acquireRWLockEx("NdisAcquireRWLockWrite", lock, lockState, flags, true)
}

// acquireRWLockEx acquires an NDIS_RW_LOCK_EX for ddi. Flags
// NDIS_RWL_AT_DISPATCH_LEVEL below DISPATCH_LEVEL is reported: the page
// allows it only for a caller at DISPATCH_LEVEL.
func (w *world) acquireRWLockEx(ddi string, lock *ndis.RwLockEx, lockState *ndis.LockStateEx, flags uint32, write bool) {
	s := w.st
	c := rwExCallOf(s, ddi, lock, lockState)
	defer s.EnterDDI(ddi, fmt.Sprintf("%s, Flags=%#x", c.args(), flags))()
	if !w.rwReady(c) {
		return
	}
	if flags&ndis.RwlAtDispatchLevel != 0 && s.Irql() < rules.DispatchLevel {
		s.BadParameter(ddi, "Flags", "has NDIS_RWL_AT_DISPATCH_LEVEL at "+rules.LevelName(s.Irql())+": set it only when the caller's current IRQL is DISPATCH_LEVEL")
	}
	if old, fresh := w.rwAcquire(c, write, false); fresh {
		lockState.OldIrql = wdm.Irql(old)
	}
}

// ReleaseRWLock runs NdisReleaseRWLock in the simulated NDIS.
func (w *world) ReleaseRWLock(lock *ndis.RwLockEx, lockState *ndis.LockStateEx) {
	s := w.st
	c := rwExCallOf(s, "NdisReleaseRWLock", lock, lockState)
	defer s.EnterDDI(c.ddi, c.args())()
	if w.rwReady(c) {
		w.rwRelease(c, false, uint8(lockState.OldIrql))
	}
}
