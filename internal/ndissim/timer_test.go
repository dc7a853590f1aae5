package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// ksTimer allocates a timer object whose function appends the virtual
// time and its context to *fired.
func ksTimer(t *testing.T, fired *[]ksFiring) ndis.Handle {
	t.Helper()
	var h ndis.Handle
	chars := &ndis.TimerCharacteristics{
		AllocationTag: ksTag,
		TimerFunction: func(ss1, functionContext, ss2, ss3 ndis.Handle) {
			*fired = append(*fired, ksFiring{at: kernel.Current().Now(), ctx: functionContext, irql: ksIrql()})
		},
		FunctionContext: "default context",
	}
	if st := ndis.AllocateTimerObject(ksDriver(), chars, &h); st != ndis.StatusSuccess || h == nil {
		t.Fatalf("NdisAllocateTimerObject = %s, %v", st, h)
	}
	return h
}

// ksFiring is one run of a timer function.
type ksFiring struct {
	at   int64
	ctx  ndis.Handle
	irql wdm.Irql
}

func TestOneShotTimerFiresOnce(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	if ndis.SetTimerObject(h, -50000, 0, "mine") {
		t.Fatal("NdisSetTimerObject returned TRUE for a timer not in the queue")
	}
	s.Run(10)
	if len(fired) != 1 || fired[0].at != 50000 || fired[0].ctx != "mine" {
		t.Fatalf("firings %+v, want one at 50000 with the context", fired)
	}
	if ndis.CancelTimerObject(h) {
		t.Fatal("NdisCancelTimerObject returned TRUE after a one-shot timer fired")
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

func TestTimerDefaultContext(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, 0, 0, nil)
	s.Run(10)
	if len(fired) != 1 || fired[0].ctx != "default context" {
		t.Fatalf("firings %+v, want the characteristics' FunctionContext", fired)
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

func TestPeriodicTimerFiresEveryPeriodUntilCancelled(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, -10000, 5, nil) // first after 1ms, then every 5ms
	// Advance the clock by 21ms: firings at 1, 6, 11, 16 and 21 ms.
	ndis.MSleep(21000)
	want := []int64{10000, 60000, 110000, 160000, 210000}
	if len(fired) != len(want) {
		t.Fatalf("fired %d times (%+v), want %d", len(fired), fired, len(want))
	}
	for i, f := range fired {
		if f.at != want[i] {
			t.Fatalf("firing %d at %d, want %d", i, f.at, want[i])
		}
	}
	if !ndis.CancelTimerObject(h) {
		t.Fatal("NdisCancelTimerObject returned FALSE for a periodic timer")
	}
	s.Run(100)
	if len(fired) != len(want) {
		t.Fatalf("a cancelled timer fired again")
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

func TestSetTimerObjectAgainReturnsTrue(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, -1000, 0, nil)
	if !ndis.SetTimerObject(h, -3000, 0, nil) {
		t.Fatal("NdisSetTimerObject returned FALSE for a timer in the queue")
	}
	s.Run(10)
	if len(fired) != 1 || fired[0].at != 3000 {
		t.Fatalf("firings %+v, want one at 3000 (the re-set replaces the first)", fired)
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

func TestTimerAbsoluteDueTime(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	s.Advance(100)
	ndis.SetTimerObject(h, 5000, 0, nil)
	s.Run(10)
	if len(fired) != 1 || fired[0].at != 5000 {
		t.Fatalf("firings %+v, want one at 5000", fired)
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

func TestFreeTimerObjectDequeues(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, -1000, 0, nil)
	ndis.FreeTimerObject(h)
	s.Run(10)
	if len(fired) != 0 {
		t.Fatal("a freed timer fired")
	}
	ksExpect(t, s)
}

func TestTimerUseAfterFree(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.FreeTimerObject(h)
	if ndis.SetTimerObject(h, -1000, 0, nil) {
		t.Fatal("NdisSetTimerObject on a freed timer returned TRUE")
	}
	ndis.CancelTimerObject(h)
	ndis.FreeTimerObject(h)
	s.Run(10)
	if len(fired) != 0 {
		t.Fatal("a freed timer fired")
	}
	ksExpect(t, s, rules.RuleTimerUseAfterFree, rules.RuleTimerUseAfterFree, rules.RuleTimerUseAfterFree)
}

func TestTimerBadArguments(t *testing.T) {
	s := reset()
	var h ndis.Handle
	if st := ndis.AllocateTimerObject(nil, &ndis.TimerCharacteristics{TimerFunction: func(a, b, c, d ndis.Handle) {}}, &h); st != ndis.StatusFailure {
		t.Fatalf("NULL NdisHandle: %s, want NDIS_STATUS_FAILURE", st)
	}
	if st := ndis.AllocateTimerObject(ksDriver(), nil, &h); st != ndis.StatusBadCharacteristics {
		t.Fatalf("NULL characteristics: %s", st)
	}
	if st := ndis.AllocateTimerObject(ksDriver(), &ndis.TimerCharacteristics{}, &h); st != ndis.StatusBadCharacteristics {
		t.Fatalf("no TimerFunction: %s, want NDIS_STATUS_BAD_CHARACTERISTICS", st)
	}
	if st := ndis.AllocateTimerObject(ksDriver(), &ndis.TimerCharacteristics{TimerFunction: func(a, b, c, d ndis.Handle) {}}, nil); st != ndis.StatusFailure {
		t.Fatalf("NULL pTimerObject: %s", st)
	}
	ndis.SetTimerObject(nil, -1, 0, nil)
	ndis.CancelTimerObject(ksDriver())
	ndis.FreeTimerObject(ndis.AllocateIoWorkItem(ksDriver()))
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestTimerNegativePeriod(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, -1, -5, nil)
	ndis.CancelTimerObject(h)
	ndis.FreeTimerObject(h)
	ksExpect(t, s, rules.RuleBadParameter)
}

func TestTimerLeak(t *testing.T) {
	s := reset()
	var fired []ksFiring
	ksTimer(t, &fired)
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleTimerLeak)
}

func TestCancelPeriodicTimerFromItsCallback(t *testing.T) {
	s := reset()
	var h ndis.Handle
	chars := &ndis.TimerCharacteristics{TimerFunction: func(a, ctx, c, d ndis.Handle) {
		// At the timer's level (DISPATCH_LEVEL; forced here for when the
		// catalogue does not yet say so): cancelling a periodic timer needs
		// PASSIVE_LEVEL.
		k := kernel.Current()
		saved := k.Irql()
		k.SetIrql(max(saved, uint8(wdm.DispatchLevel)))
		ndis.CancelTimerObject(h)
		k.SetIrql(saved)
	}}
	ndis.AllocateTimerObject(ksDriver(), chars, &h)
	ndis.SetTimerObject(h, -10, 1, nil)
	s.Run(1)
	ndis.FreeTimerObject(h)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

func TestCancelOneShotTimerAtDispatchIsClean(t *testing.T) {
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, -1000, 0, nil)
	s.SetIrql(uint8(wdm.DispatchLevel))
	if !ndis.CancelTimerObject(h) {
		t.Fatal("NdisCancelTimerObject returned FALSE for a queued timer")
	}
	s.SetIrql(uint8(wdm.PassiveLevel))
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

// Needs the catalogue: NDIS_TIMER_FUNCTION is called at DISPATCH_LEVEL.
func TestTimerFunctionRunsAtDispatch(t *testing.T) {
	ksNeedRole(t, "NDIS_TIMER_FUNCTION")
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	ndis.SetTimerObject(h, -1, 0, nil)
	s.Run(10)
	if len(fired) != 1 || fired[0].irql != wdm.DispatchLevel {
		t.Fatalf("firings %+v, want one at DISPATCH_LEVEL", fired)
	}
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL after the callback = %s", ksIrql())
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

// Needs the catalogue: NdisSetTimerObject's "<= DISPATCH_LEVEL".
func TestSetTimerObjectAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisSetTimerObject")
	s := reset()
	var fired []ksFiring
	h := ksTimer(t, &fired)
	s.SetIrql(uint8(wdm.HighLevel))
	ndis.SetTimerObject(h, -1, 0, nil)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
