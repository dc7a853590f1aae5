package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// The read-write locks and mutexes (synch_rwlock.go, synch_mutex.go).

func TestReadWriteLockReadsNestAndRestore(t *testing.T) {
	s := reset()
	var l ndis.RwLock
	var a, b ndis.LockState
	ndis.InitializeReadWriteLock(&l)
	ndis.AcquireReadWriteLock(&l, false, &a)
	ndis.AcquireReadWriteLock(&l, false, &b) // a recursive read, with its own lock state
	if ksIrql() != wdm.DispatchLevel || a.OldIrql != wdm.PassiveLevel || b.OldIrql != wdm.DispatchLevel || len(s.Held()) != 2 {
		t.Fatalf("while held: IRQL=%s OldIrql=%s,%s held=%d", ksIrql(), a.OldIrql, b.OldIrql, len(s.Held()))
	}
	ndis.ReleaseReadWriteLock(&l, &b)
	ndis.ReleaseReadWriteLock(&l, &a)
	if ksIrql() != wdm.PassiveLevel || len(s.Held()) != 0 {
		t.Fatalf("after release: IRQL=%s held=%d", ksIrql(), len(s.Held()))
	}
	ndis.AcquireReadWriteLock(&l, true, &a) // write, now that no read is held
	ndis.ReleaseReadWriteLock(&l, &a)
	ksExpect(t, s)
}

func TestReadWriteLockDprFormsAtDispatch(t *testing.T) {
	s := reset()
	var l ndis.RwLock
	var a ndis.LockState
	ndis.InitializeReadWriteLock(&l)
	old := wdm.KeRaiseIrqlToDpcLevel()
	ndis.DprAcquireReadWriteLock(&l, true, &a)
	ndis.DprReleaseReadWriteLock(&l, &a)
	wdm.KeLowerIrql(old)
	ksExpect(t, s)
}

func TestReadWriteLockWriteUnderWriteDeadlocks(t *testing.T) {
	s := reset()
	var l ndis.RwLock
	var a, b ndis.LockState
	ndis.InitializeReadWriteLock(&l)
	ndis.AcquireReadWriteLock(&l, true, &a)
	ndis.AcquireReadWriteLock(&l, true, &b)
	ndis.ReleaseReadWriteLock(&l, &b)
	ndis.ReleaseReadWriteLock(&l, &a)
	ksExpect(t, s, rules.RuleSpinlockDoubleAcquire)
	if v := s.Violations()[0].String(); !strings.Contains(v, "holds for write (LOCK_STATE#1)") {
		t.Errorf("report: %s", v)
	}
}

func TestReadWriteLockStateReused(t *testing.T) {
	s := reset()
	var l ndis.RwLock
	var a ndis.LockState
	ndis.InitializeReadWriteLock(&l)
	ndis.AcquireReadWriteLock(&l, false, &a)
	ndis.AcquireReadWriteLock(&l, false, &a) // the same lock state twice
	if a.OldIrql != wdm.PassiveLevel {
		t.Fatalf("the second acquire overwrote OldIrql: %s", a.OldIrql)
	}
	ndis.ReleaseReadWriteLock(&l, &a)
	ndis.ReleaseReadWriteLock(&l, &a)
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL=%s after the releases", ksIrql())
	}
	ksExpect(t, s, rules.RuleSpinlockDoubleAcquire)
	if v := s.Violations()[0].String(); !strings.Contains(v, "read-write lock state LOCK_STATE#1, which still records an acquisition") {
		t.Errorf("report: %s", v)
	}
}

func TestReadWriteLockFormsMixedAndReleaseNotHeld(t *testing.T) {
	s := reset()
	var l ndis.RwLock
	var a ndis.LockState
	ndis.InitializeReadWriteLock(&l)
	ndis.AcquireReadWriteLock(&l, false, &a)
	ndis.DprReleaseReadWriteLock(&l, &a) // the other form
	ndis.ReleaseReadWriteLock(&l, &a)    // not held any more
	ksExpect(t, s, rules.RuleSpinlockDprMismatch, rules.RuleSpinlockReleaseNotHeld)
}

func TestReadWriteLockHeldOnReturnAndOutOfOrder(t *testing.T) {
	s := reset()
	ksNeedRole(t, "MINIPORT_HALT")
	var l, m ndis.RwLock
	var a, b ndis.LockState
	ndis.InitializeReadWriteLock(&l)
	ndis.InitializeReadWriteLock(&m)
	s.Callback("MINIPORT_HALT", "test driver", "", func() {
		ndis.AcquireReadWriteLock(&l, false, &a)
	})
	s.Callback("MINIPORT_HALT", "test driver", "", func() {
		ndis.AcquireReadWriteLock(&l, false, &a)
		ndis.AcquireReadWriteLock(&m, false, &b)
		ndis.ReleaseReadWriteLock(&l, &a) // back to PASSIVE_LEVEL with b held
		ndis.ReleaseReadWriteLock(&m, &b)
	})
	// The last release runs at PASSIVE_LEVEL, below its page's DISPATCH_LEVEL.
	ksExpect(t, s, rules.RuleSpinlockHeldOnReturn, rules.RuleSpinlockReleaseOrder, rules.RuleIrqlBelowMin)
	if v := s.Violations()[0].String(); !strings.Contains(v, "with read-write lock state LOCK_STATE#1 still held") {
		t.Errorf("report: %s", v)
	}
}

func TestReadWriteLockMistakes(t *testing.T) {
	s := reset()
	var l, m ndis.RwLock
	var a ndis.LockState
	ndis.InitializeReadWriteLock(nil)
	ndis.AcquireReadWriteLock(nil, false, &a)
	ndis.AcquireReadWriteLock(&l, false, nil)
	ndis.AcquireReadWriteLock(&l, false, &a) // never initialized
	ndis.InitializeReadWriteLock(&m)
	ndis.ReleaseReadWriteLock(&m, &a) // a records an acquisition of l
	ndis.InitializeReadWriteLock(&l)  // while a holds it
	ndis.ReleaseReadWriteLock(&l, &a) // a was forgotten with it
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleBadParameter, rules.RuleSpinlockFreeHeld, rules.RuleSpinlockReleaseNotHeld)
}

func TestRWLockExReadsNestWritesNest(t *testing.T) {
	s := reset()
	l := ndis.AllocateRWLock(nil)
	var a, b ndis.LockStateEx
	ndis.AcquireRWLockRead(l, &a, 0)
	ndis.AcquireRWLockRead(l, &b, ndis.RwlAtDispatchLevel) // already at DISPATCH_LEVEL
	if ksIrql() != wdm.DispatchLevel || a.OldIrql != wdm.PassiveLevel || b.OldIrql != wdm.DispatchLevel {
		t.Fatalf("while held: IRQL=%s OldIrql=%s,%s", ksIrql(), a.OldIrql, b.OldIrql)
	}
	ndis.ReleaseRWLock(l, &b)
	ndis.ReleaseRWLock(l, &a)
	ndis.AcquireRWLockWrite(l, &a, 0)
	ndis.AcquireRWLockWrite(l, &b, ndis.RwlAtDispatchLevel) // a recursive write
	ndis.ReleaseRWLock(l, &b)
	ndis.ReleaseRWLock(l, &a)
	if ksIrql() != wdm.PassiveLevel || len(s.Held()) != 0 {
		t.Fatalf("after release: IRQL=%s held=%d", ksIrql(), len(s.Held()))
	}
	ndis.FreeRWLock(l)
	ksExpect(t, s)
}

func TestRWLockExPromotionDeadlocks(t *testing.T) {
	s := reset()
	l := ndis.AllocateRWLock(ksDriver())
	var a, b ndis.LockStateEx
	ndis.AcquireRWLockRead(l, &a, 0)
	ndis.AcquireRWLockWrite(l, &b, 0)
	ndis.ReleaseRWLock(l, &b)
	ndis.ReleaseRWLock(l, &a)
	ndis.FreeRWLock(l)
	ksExpect(t, s, rules.RuleSpinlockDoubleAcquire)
	if v := s.Violations()[0].String(); !strings.Contains(v, "cannot be promoted to write") {
		t.Errorf("report: %s", v)
	}
}

func TestRWLockExMistakes(t *testing.T) {
	s := reset()
	var a, b ndis.LockStateEx
	x := &ndis.RwLockEx{}
	ndis.AcquireRWLockRead(x, &a, 0) // not from NdisAllocateRWLock
	ndis.ReleaseRWLock(nil, &a)
	ndis.ReleaseRWLock(x, &a)
	ndis.FreeRWLock(&ndis.RwLockEx{})
	ndis.FreeRWLock(nil)
	l := ndis.AllocateRWLock(nil)
	ndis.AcquireRWLockWrite(l, &b, ndis.RwlAtDispatchLevel) // at PASSIVE_LEVEL
	ndis.FreeRWLock(l)                                      // still acquired
	ndis.AcquireRWLockRead(l, &b, 0)                        // after the free
	ndis.FreeRWLock(l)                                      // twice
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleBadParameter, rules.RuleSpinlockFreeHeld, rules.RuleSpinlockUseAfterFree, rules.RuleSpinlockUseAfterFree)
}

func TestRWLockExAcquireAboveItsIrql(t *testing.T) {
	s := reset()
	ksNeedDDI(t, "NdisAcquireRWLockRead")
	l := ndis.AllocateRWLock(nil)
	var a ndis.LockStateEx
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.HighLevel, &old)
	ndis.AcquireRWLockRead(l, &a, 0) // reported from the catalogue's bound alone
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

func TestMutexRecursiveAndBalancedIsClean(t *testing.T) {
	s := reset()
	var m ndis.Mutex
	ndis.InitMutex(&m)
	if st := ndis.WaitForMutex(&m); st != wdm.StatusSuccess {
		t.Fatalf("NDIS_WAIT_FOR_MUTEX = %s", st)
	}
	ndis.WaitForMutex(&m)
	ndis.MSleep(10) // a PASSIVE_LEVEL call while it is held
	if n := ndis.ReleaseMutex(&m); n == 0 {
		t.Fatal("NDIS_RELEASE_MUTEX = 0 with a recursive acquisition left")
	}
	if n := ndis.ReleaseMutex(&m); n != 0 {
		t.Fatalf("NDIS_RELEASE_MUTEX = %d, want 0 (free)", n)
	}
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL=%s", ksIrql())
	}
	ksExpect(t, s)
}

func TestMutexReleaseMistakes(t *testing.T) {
	s := reset()
	var m, never ndis.Mutex
	ndis.InitMutex(&m)
	ndis.ReleaseMutex(&m) // free: a bug check
	ndis.WaitForMutex(&m)
	ndis.ReleaseMutex(&m)
	ndis.ReleaseMutex(&m) // twice
	ndis.WaitForMutex(&never)
	ndis.InitMutex(&never) // while held
	ndis.InitMutex(nil)
	if st := ndis.WaitForMutex(nil); st == wdm.StatusSuccess {
		t.Error("NDIS_WAIT_FOR_MUTEX(NULL) succeeded")
	}
	ndis.ReleaseMutex(nil)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter)
}

func TestMutexReleasedByAnotherThread(t *testing.T) {
	s := reset()
	var m ndis.Mutex
	ndis.InitMutex(&m)
	s.Enqueue("worker", 0, func() { ndis.WaitForMutex(&m) }) // returns holding it
	ndis.MSleep(10)                                          // the worker runs as another thread
	ndis.ReleaseMutex(&m)                                    // not this thread's
	ndis.WaitForMutex(&m)                                    // its owner's work has ended
	ndis.ReleaseMutex(&m)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleWaitDeadlock)
	if v := s.Violations()[0].String(); !strings.Contains(v, "is held by thread #1, not by this thread (#0)") {
		t.Errorf("report: %s", v)
	}
}

func TestMutexWaitUnderAnEnclosingOwnerIsLetIn(t *testing.T) {
	s := reset()
	var m ndis.Mutex
	ndis.InitMutex(&m)
	ndis.WaitForMutex(&m)
	ran := false
	s.Enqueue("worker", 0, func() {
		ndis.WaitForMutex(&m) // the owner sleeps below this thread
		ndis.ReleaseMutex(&m)
		ran = true
	})
	ndis.MSleep(10)
	if n := ndis.ReleaseMutex(&m); !ran || n != 0 {
		t.Fatalf("worker ran %v; NDIS_RELEASE_MUTEX = %d", ran, n)
	}
	ksExpect(t, s)
}

func TestMutexWaitAtDispatchIsAboveItsIrql(t *testing.T) {
	s := reset()
	ksNeedDDI(t, "NDIS_WAIT_FOR_MUTEX")
	var m ndis.Mutex
	var l ndis.RwLock
	var a ndis.LockState
	ndis.InitMutex(&m)
	ndis.InitializeReadWriteLock(&l)
	ndis.AcquireReadWriteLock(&l, false, &a)
	ndis.WaitForMutex(&m)
	ndis.ReleaseMutex(&m)
	ndis.ReleaseReadWriteLock(&l, &a)
	ksExpect(t, s, rules.RuleIrqlAboveMax, rules.RuleIrqlAboveMax)
	if v := s.Violations()[0].String(); !strings.Contains(v, "(read-write lock state LOCK_STATE#1 is held)") {
		t.Errorf("report: %s", v)
	}
}
