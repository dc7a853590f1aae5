package wdm_test

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// guarded takes l for the duration of the function, releasing it through
// defer: the clean twin of a hand-written release.
func guarded(l *wdm.KSpinLock, counter *int) {
	var old wdm.Irql
	wdm.KeAcquireSpinLock(l, &old)
	defer wdm.KeReleaseSpinLock(l, old)
	*counter++
}

func TestKeSpinLockBalancedIsClean(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old)
	if got := wdm.KeGetCurrentIrql(); got != wdm.DispatchLevel {
		t.Fatalf("IRQL while held = %s, want DISPATCH_LEVEL", got)
	}
	if n := len(s.Held()); n != 1 {
		t.Fatalf("%d locks held, want 1", n)
	}
	wdm.KeReleaseSpinLock(&l, old)
	if got := wdm.KeGetCurrentIrql(); got != wdm.PassiveLevel {
		t.Fatalf("IRQL after release = %s, want PASSIVE_LEVEL", got)
	}
	if n := len(s.Held()); n != 0 {
		t.Fatalf("%d locks held after release, want 0", n)
	}
	expectClean(t, s)
}

func TestKeSpinLockReleasedThroughDeferIsClean(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	n := 0
	guarded(&l, &n)
	guarded(&l, &n)
	if n != 2 {
		t.Fatalf("critical section ran %d times, want 2", n)
	}
	if len(s.Held()) != 0 || wdm.KeGetCurrentIrql() != wdm.PassiveLevel {
		t.Fatalf("after two guarded sections: held=%d IRQL=%s", len(s.Held()), wdm.KeGetCurrentIrql())
	}
	expectClean(t, s)
}

func TestKeInitializeSpinLockIsClean(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	wdm.KeInitializeSpinLock(&l)
	n := 0
	guarded(&l, &n)
	expectClean(t, s)
}

func TestKeInitializeSpinLockWhileHeld(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old)
	wdm.KeInitializeSpinLock(&l)
	expectRules(t, s, rules.RuleSpinlockFreeHeld)
	if len(s.Held()) != 0 {
		t.Fatalf("the re-initialized lock still counts as held")
	}
}

func TestKeAcquireSpinLockTwiceIsDeadlockNotHang(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	var old1, old2 wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old1)
	wdm.KeAcquireSpinLock(&l, &old2)
	expectRules(t, s, rules.RuleSpinlockDoubleAcquire)
	if old2 != wdm.DispatchLevel {
		t.Fatalf("second OldIrql = %s, want DISPATCH_LEVEL", old2)
	}
	// Unwinding both acquisitions reports nothing more and restores the IRQL.
	wdm.KeReleaseSpinLock(&l, old2)
	wdm.KeReleaseSpinLock(&l, old1)
	expectRules(t, s, rules.RuleSpinlockDoubleAcquire)
	if wdm.KeGetCurrentIrql() != wdm.PassiveLevel || len(s.Held()) != 0 {
		t.Fatalf("after unwinding: IRQL=%s held=%d", wdm.KeGetCurrentIrql(), len(s.Held()))
	}
}

func TestKeReleaseSpinLockNotHeld(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel)) // the release's own IRQL is right
	var l wdm.KSpinLock
	wdm.KeReleaseSpinLock(&l, wdm.DispatchLevel)
	expectRules(t, s, rules.RuleSpinlockReleaseNotHeld)
}

func TestKeReleaseSpinLockTwice(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel)) // in a DPC: both releases are at the page's IRQL
	var l wdm.KSpinLock
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old)
	wdm.KeReleaseSpinLock(&l, old)
	wdm.KeReleaseSpinLock(&l, old)
	expectRules(t, s, rules.RuleSpinlockReleaseNotHeld)
}

func TestKeAtDpcLevelPairIsClean(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var l wdm.KSpinLock
	wdm.KeAcquireSpinLockAtDpcLevel(&l)
	if len(s.Held()) != 1 || wdm.KeGetCurrentIrql() != wdm.DispatchLevel {
		t.Fatalf("while held: held=%d IRQL=%s", len(s.Held()), wdm.KeGetCurrentIrql())
	}
	wdm.KeReleaseSpinLockFromDpcLevel(&l)
	if len(s.Held()) != 0 || wdm.KeGetCurrentIrql() != wdm.DispatchLevel {
		t.Fatalf("after release: held=%d IRQL=%s", len(s.Held()), wdm.KeGetCurrentIrql())
	}
	expectClean(t, s)
}

func TestKeReleaseFromDpcLevelOfNormalAcquire(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old)
	wdm.KeReleaseSpinLockFromDpcLevel(&l)
	expectRules(t, s, rules.RuleSpinlockDprMismatch)
	if got := wdm.KeGetCurrentIrql(); got != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s: the Dpr release must not restore it", got)
	}
}

func TestKeReleaseSpinLockOfAtDpcLevelAcquire(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var l wdm.KSpinLock
	wdm.KeAcquireSpinLockAtDpcLevel(&l)
	wdm.KeReleaseSpinLock(&l, wdm.DispatchLevel)
	expectRules(t, s, rules.RuleSpinlockDprMismatch)
}

func TestKeReleaseSpinLocksInAcquireOrder(t *testing.T) {
	s := kernel.Reset()
	var a, b wdm.KSpinLock
	var oldA, oldB wdm.Irql
	wdm.KeAcquireSpinLock(&a, &oldA)
	wdm.KeAcquireSpinLock(&b, &oldB)
	wdm.KeReleaseSpinLock(&a, oldA) // back to PASSIVE_LEVEL with b held
	wdm.KeReleaseSpinLock(&b, oldB)
	// Releasing b at PASSIVE_LEVEL is itself below the page's IRQL, which
	// the catalogue's check reports once the catalogue has the entry; the
	// runtime adds nothing more to the one mistake.
	got := rulesOf(s)
	if len(got) == 0 || got[0] != rules.RuleSpinlockReleaseOrder {
		t.Fatalf("violations %v: want %s first", got, rules.RuleSpinlockReleaseOrder)
	}
	for _, r := range got[1:] {
		if r != rules.RuleIrqlBelowMin {
			t.Fatalf("violations %v: only %s may follow", got, rules.RuleIrqlBelowMin)
		}
	}
}

func TestKeReleaseSpinLocksInReverseOrderIsClean(t *testing.T) {
	s := kernel.Reset()
	var a, b wdm.KSpinLock
	var oldA, oldB wdm.Irql
	wdm.KeAcquireSpinLock(&a, &oldA)
	wdm.KeAcquireSpinLock(&b, &oldB)
	wdm.KeReleaseSpinLock(&b, oldB)
	wdm.KeReleaseSpinLock(&a, oldA)
	expectClean(t, s)
}

func TestKeSpinLockNullArguments(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel)) // every form is called at an IRQL its page allows
	var old wdm.Irql
	wdm.KeAcquireSpinLock(nil, &old)
	wdm.KeReleaseSpinLock(nil, old)
	wdm.KeAcquireSpinLockAtDpcLevel(nil)
	wdm.KeReleaseSpinLockFromDpcLevel(nil)
	wdm.KeInitializeSpinLock(nil)
	expectRules(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter)
	var l wdm.KSpinLock
	wdm.KeAcquireSpinLock(&l, nil)
	if len(s.Violations()) != 6 || len(s.Held()) != 1 {
		t.Fatalf("NULL OldIrql: violations=%v held=%d; want one more bad-parameter and the lock taken", rulesOf(s), len(s.Held()))
	}
}

func TestKeSpinLockStateDoesNotOutliveTheRun(t *testing.T) {
	var l wdm.KSpinLock
	kernel.Reset()
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old) // left held at the end of this run
	s := kernel.Reset()
	n := 0
	guarded(&l, &n)
	expectClean(t, s)
}

func TestLockHeldOnReturnFromCallback(t *testing.T) {
	s := kernel.Reset()
	var l wdm.KSpinLock
	s.Callback("NDIS_IO_WORKITEM_FUNCTION", "test", "", func() {
		var old wdm.Irql
		wdm.KeAcquireSpinLock(&l, &old)
	})
	expectRules(t, s, rules.RuleSpinlockHeldOnReturn)
}

// Needs the catalogue: KeAcquireSpinLock's "<= DISPATCH_LEVEL".
func TestKeAcquireSpinLockAboveDispatch(t *testing.T) {
	needCatalogueDDI(t, "KeAcquireSpinLock")
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.HighLevel))
	var l wdm.KSpinLock
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old)
	expectRules(t, s, rules.RuleIrqlAboveMax)
	if got := wdm.KeGetCurrentIrql(); got != wdm.HighLevel {
		t.Fatalf("IRQL = %s: acquiring must never lower it", got)
	}
}

// Needs the catalogue: KeAcquireSpinLockAtDpcLevel's IRQL (see Remarks:
// the caller is at DISPATCH_LEVEL or above).
func TestKeAcquireSpinLockAtDpcLevelAtPassive(t *testing.T) {
	needCatalogueDDI(t, "KeAcquireSpinLockAtDpcLevel")
	s := kernel.Reset()
	var l wdm.KSpinLock
	wdm.KeAcquireSpinLockAtDpcLevel(&l)
	expectRules(t, s, rules.RuleIrqlBelowMin)
}

// Needs the catalogue: KeReleaseSpinLock's "DISPATCH_LEVEL".
func TestKeReleaseSpinLockAtPassive(t *testing.T) {
	needCatalogueDDI(t, "KeReleaseSpinLock")
	s := kernel.Reset()
	var l wdm.KSpinLock
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&l, &old)
	s.SetIrql(uint8(wdm.PassiveLevel)) // the driver lowered the IRQL under the lock
	wdm.KeReleaseSpinLock(&l, old)
	expectRules(t, s, rules.RuleIrqlBelowMin)
}
