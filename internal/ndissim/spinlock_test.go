package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// The helpers of the kernel-services tests carry a ks prefix: other test
// files of this package belong to other parts of the runtime.

// reset starts a run with a simulated NDIS (kernel.WithNDIS(Attach)) and
// returns its kernel state.
func reset() *kernel.State { return kernel.Reset(kernel.WithNDIS(Attach)) }

// ksDriverHandle stands in for a handle NDIS gives a driver at
// initialization (it is a type of this package, as the simulator's own
// handles are).
type ksDriverHandle struct{ name string }

// ksDriver returns a fresh driver handle.
func ksDriver() ndis.Handle { return &ksDriverHandle{name: "test driver"} }

// ksRules returns the rule IDs the verifier reported, in order.
func ksRules(s *kernel.State) []string {
	var out []string
	for _, v := range s.Violations() {
		out = append(out, v.Rule)
	}
	return out
}

// ksExpect fails unless the verifier reported exactly want, in order.
func ksExpect(t *testing.T, s *kernel.State, want ...string) {
	t.Helper()
	got := ksRules(s)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		var b strings.Builder
		for _, v := range s.Violations() {
			b.WriteString("\n\t" + v.String())
		}
		t.Fatalf("violations: got %v, want %v%s", got, want, b.String())
	}
}

// ksNeedDDI fails the test, saying why, when the catalogue has no entry
// for ddi yet: the test's expectation comes from that entry.
func ksNeedDDI(t *testing.T, ddi string) {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatalf("this test needs the catalogue's entry for %s; the catalogue does not load: %v", ddi, err)
	}
	if c.DDI(ddi) == nil {
		t.Fatalf("this test needs the catalogue's IRQL entry for %s, and rules/catalogue.json has none yet (re-run once the catalogue is generated)", ddi)
	}
}

// ksNeedRole is ksNeedDDI for a callback role.
func ksNeedRole(t *testing.T, role string) {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatalf("this test needs the catalogue's entry for %s; the catalogue does not load: %v", role, err)
	}
	if c.Role(role) == nil {
		t.Fatalf("this test needs the catalogue's entry for the role %s (the IRQL NDIS calls it at), and rules/catalogue.json has none yet (re-run once the catalogue is generated)", role)
	}
}

// ksIrql is the current IRQL.
func ksIrql() wdm.Irql { return wdm.Irql(kernel.Current().Irql()) }

func TestSpinLockBalancedIsClean(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	if ksIrql() != wdm.DispatchLevel || l.OldIrql != wdm.PassiveLevel {
		t.Fatalf("while held: IRQL=%s OldIrql=%s", ksIrql(), l.OldIrql)
	}
	ndis.ReleaseSpinLock(&l)
	if ksIrql() != wdm.PassiveLevel || len(s.Held()) != 0 {
		t.Fatalf("after release: IRQL=%s held=%d", ksIrql(), len(s.Held()))
	}
	ndis.FreeSpinLock(&l)
	ksExpect(t, s)
}

// ksLocked increments *n under l, released through defer.
func ksLocked(l *ndis.SpinLock, n *int) {
	ndis.AcquireSpinLock(l)
	defer ndis.ReleaseSpinLock(l)
	*n++
}

func TestSpinLockReleasedThroughDeferIsClean(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	n := 0
	ksLocked(&l, &n)
	ksLocked(&l, &n)
	if n != 2 || ksIrql() != wdm.PassiveLevel {
		t.Fatalf("n=%d IRQL=%s", n, ksIrql())
	}
	ksExpect(t, s)
}

func TestSpinLockFromApcLevelRestoresIt(t *testing.T) {
	s := reset()
	s.SetIrql(uint8(wdm.ApcLevel))
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	ndis.ReleaseSpinLock(&l)
	if ksIrql() != wdm.ApcLevel {
		t.Fatalf("IRQL = %s, want APC_LEVEL restored", ksIrql())
	}
	ksExpect(t, s)
}

func TestDprSpinLockPairIsClean(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.DprAcquireSpinLock(&l)
	ndis.DprReleaseSpinLock(&l)
	if ksIrql() != wdm.DispatchLevel || len(s.Held()) != 0 {
		t.Fatalf("IRQL=%s held=%d", ksIrql(), len(s.Held()))
	}
	ksExpect(t, s)
}

func TestSpinLockNestedInReverseOrderIsClean(t *testing.T) {
	s := reset()
	var a, b ndis.SpinLock
	ndis.AllocateSpinLock(&a)
	ndis.AllocateSpinLock(&b)
	ndis.AcquireSpinLock(&a)
	ndis.DprAcquireSpinLock(&b) // already at DISPATCH_LEVEL under a
	ndis.DprReleaseSpinLock(&b)
	ndis.ReleaseSpinLock(&a)
	ksExpect(t, s)
}

func TestSpinLockDoubleAcquire(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockDoubleAcquire)
	ndis.ReleaseSpinLock(&l)
	ndis.ReleaseSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockDoubleAcquire)
	if ksIrql() != wdm.PassiveLevel || len(s.Held()) != 0 {
		t.Fatalf("after unwinding: IRQL=%s held=%d", ksIrql(), len(s.Held()))
	}
}

// TestDprSpinLockDoubleAcquireAndHeldOnReturn: SDV SpinLockDpr at run
// time: NdisDprAcquireSpinLock of a lock held, and a timer function (which
// runs at DISPATCH_LEVEL) that returns with a lock it took with the Dpr
// form. TestDprSpinLockPairIsClean is the clean twin.
func TestDprSpinLockDoubleAcquireAndHeldOnReturn(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.DprAcquireSpinLock(&l)
	ndis.DprAcquireSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockDoubleAcquire)
	ndis.DprReleaseSpinLock(&l)
	ndis.DprReleaseSpinLock(&l)
	s.SetIrql(uint8(wdm.PassiveLevel))

	s = reset()
	ndis.AllocateSpinLock(&l)
	var tm ndis.Handle
	chars := &ndis.TimerCharacteristics{TimerFunction: func(_, _, _, _ ndis.Handle) { ndis.DprAcquireSpinLock(&l) }}
	if st := ndis.AllocateTimerObject(ksDriver(), chars, &tm); st != ndis.StatusSuccess {
		t.Fatalf("NdisAllocateTimerObject = %s", st)
	}
	ndis.SetTimerObject(tm, -1, 0, nil)
	s.Run(10)
	ndis.FreeTimerObject(tm)
	ksExpect(t, s, rules.RuleSpinlockHeldOnReturn)
}

func TestSpinLockReleaseNotHeld(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	s.SetIrql(uint8(wdm.DispatchLevel)) // the release's own IRQL is right
	l.OldIrql = wdm.DispatchLevel
	ndis.ReleaseSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockReleaseNotHeld)
}

func TestSpinLockDprReleaseOfNormalAcquire(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	ndis.DprReleaseSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockDprMismatch)
}

func TestSpinLockNormalReleaseOfDprAcquire(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.DprAcquireSpinLock(&l)
	ndis.ReleaseSpinLock(&l) // lowers to the stale OldIrql (PASSIVE_LEVEL)
	ksExpect(t, s, rules.RuleSpinlockDprMismatch)
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL = %s, want the stale OldIrql PASSIVE_LEVEL, as in Windows", ksIrql())
	}
}

func TestSpinLockReleasedInAcquireOrder(t *testing.T) {
	s := reset()
	var a, b ndis.SpinLock
	ndis.AllocateSpinLock(&a)
	ndis.AllocateSpinLock(&b)
	ndis.AcquireSpinLock(&a)
	ndis.AcquireSpinLock(&b)
	ndis.ReleaseSpinLock(&a)
	if got := ksRules(s); len(got) != 1 || got[0] != rules.RuleSpinlockReleaseOrder {
		t.Fatalf("violations %v, want [%s]", got, rules.RuleSpinlockReleaseOrder)
	}
}

func TestSpinLockNotAllocated(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AcquireSpinLock(&l)
	ndis.ReleaseSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockNotAllocated)
}

func TestSpinLockUseAfterFree(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.FreeSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	ndis.ReleaseSpinLock(&l)
	ndis.FreeSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockUseAfterFree, rules.RuleSpinlockUseAfterFree, rules.RuleSpinlockUseAfterFree)
}

func TestSpinLockReallocatedAfterFreeIsClean(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.FreeSpinLock(&l)
	ndis.AllocateSpinLock(&l)
	n := 0
	ksLocked(&l, &n)
	ksExpect(t, s)
}

func TestSpinLockFreeWhileHeld(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.AcquireSpinLock(&l)
	ndis.FreeSpinLock(&l)
	ksExpect(t, s, rules.RuleSpinlockFreeHeld)
}

func TestSpinLockNull(t *testing.T) {
	s := reset()
	s.SetIrql(uint8(wdm.DispatchLevel)) // every form is called at an IRQL its page allows
	ndis.AllocateSpinLock(nil)
	ndis.AcquireSpinLock(nil)
	ndis.ReleaseSpinLock(nil)
	ndis.DprAcquireSpinLock(nil)
	ndis.DprReleaseSpinLock(nil)
	ndis.FreeSpinLock(nil)
	want := []string{}
	for range 6 {
		want = append(want, rules.RuleBadParameter)
	}
	ksExpect(t, s, want...)
}

func TestSpinLockMixesWithKeForms(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	// NdisAcquireSpinLock is KeAcquireSpinLock on the embedded KSPIN_LOCK.
	wdm.KeAcquireSpinLock(&l.SpinLock, &l.OldIrql)
	ndis.ReleaseSpinLock(&l)
	ksExpect(t, s)
}

func TestSpinLockHeldOnReturnFromWorkItem(t *testing.T) {
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	w := ndis.AllocateIoWorkItem(ksDriver())
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) { ndis.AcquireSpinLock(&l) }, nil)
	s.Run(10)
	ndis.FreeIoWorkItem(w)
	ksExpect(t, s, rules.RuleSpinlockHeldOnReturn)
}

// Needs the catalogue: NdisAcquireSpinLock's "<= DISPATCH_LEVEL".
func TestSpinLockAcquireAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisAcquireSpinLock")
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	s.SetIrql(uint8(wdm.HighLevel))
	ndis.AcquireSpinLock(&l)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

// Needs the catalogue: NdisDprAcquireSpinLock's "DISPATCH_LEVEL".
func TestDprSpinLockAcquireAtPassive(t *testing.T) {
	ksNeedDDI(t, "NdisDprAcquireSpinLock")
	s := reset()
	var l ndis.SpinLock
	ndis.AllocateSpinLock(&l)
	ndis.DprAcquireSpinLock(&l)
	ksExpect(t, s, rules.RuleIrqlBelowMin)
}
