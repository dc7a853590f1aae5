package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestEventSetByTimerAndWaitedOn(t *testing.T) {
	s := reset()
	var done ndis.Event
	ndis.InitializeEvent(&done)
	var h ndis.Handle
	chars := &ndis.TimerCharacteristics{TimerFunction: func(a, ctx, c, d ndis.Handle) { ndis.SetEvent(ctx.(*ndis.Event)) }}
	if st := ndis.AllocateTimerObject(ksDriver(), chars, &h); st != ndis.StatusSuccess {
		t.Fatalf("NdisAllocateTimerObject = %s", st)
	}
	ndis.SetTimerObject(h, -20000, 0, &done) // 2ms
	if !ndis.WaitEvent(&done, 0) {
		t.Fatal("NdisWaitEvent returned FALSE; the timer sets the event")
	}
	if s.Now() != 20000 {
		t.Fatalf("clock = %d, want 20000 (the timer's expiry)", s.Now())
	}
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("waiter's IRQL = %s after the wait", ksIrql())
	}
	ndis.FreeTimerObject(h)
	ksExpect(t, s)
}

func TestEventSetByWorkItemAndWaitedOn(t *testing.T) {
	s := reset()
	var done ndis.Event
	ndis.InitializeEvent(&done)
	w := ndis.AllocateIoWorkItem(ksDriver())
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) {
		ndis.SetEvent(ctx.(*ndis.Event))
		ndis.FreeIoWorkItem(h)
	}, &done)
	if !ndis.WaitEvent(&done, 1000) {
		t.Fatal("NdisWaitEvent returned FALSE; the work item sets the event")
	}
	ksExpect(t, s)
}

func TestWaitEventTimesOut(t *testing.T) {
	s := reset()
	var ev ndis.Event
	ndis.InitializeEvent(&ev)
	if ndis.WaitEvent(&ev, 5) {
		t.Fatal("NdisWaitEvent returned TRUE for an event nobody sets")
	}
	if s.Now() != 50000 {
		t.Fatalf("clock = %d, want 50000 (5ms)", s.Now())
	}
	ksExpect(t, s)
}

func TestWaitEventAlreadySignalled(t *testing.T) {
	s := reset()
	var ev ndis.Event
	ndis.InitializeEvent(&ev)
	ndis.SetEvent(&ev)
	if !ndis.WaitEvent(&ev, 0) || !ndis.WaitEvent(&ev, 0) {
		t.Fatal("a signalled notification event did not satisfy two waits")
	}
	ndis.ResetEvent(&ev)
	if ndis.WaitEvent(&ev, 1) {
		t.Fatal("NdisWaitEvent returned TRUE after NdisResetEvent")
	}
	if s.Now() != 10000 {
		t.Fatalf("clock = %d", s.Now())
	}
	ksExpect(t, s)
}

func TestWaitEventForeverOnNothingIsDeadlock(t *testing.T) {
	s := reset()
	var ev ndis.Event
	ndis.InitializeEvent(&ev)
	if ndis.WaitEvent(&ev, 0) {
		t.Fatal("NdisWaitEvent returned TRUE")
	}
	ksExpect(t, s, rules.RuleWaitDeadlock)
}

func TestEventNotInitialized(t *testing.T) {
	s := reset()
	var ev ndis.Event
	ndis.SetEvent(&ev)
	ndis.ResetEvent(&ev)
	ndis.WaitEvent(&ev, 1)
	ksExpect(t, s, rules.RuleEventNotInitialized)
}

func TestEventNull(t *testing.T) {
	s := reset()
	ndis.InitializeEvent(nil)
	ndis.SetEvent(nil)
	ndis.ResetEvent(nil)
	ndis.WaitEvent(nil, 1)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter)
}

func TestNdisEventWithKeWait(t *testing.T) {
	s := reset()
	var ev ndis.Event
	ndis.InitializeEvent(&ev)
	ndis.SetEvent(&ev)
	// NDIS_EVENT wraps a KEVENT: KeWaitForSingleObject sees the same state.
	if st := wdm.KeWaitForSingleObject(&ev.Event, wdm.Executive, wdm.KernelMode, false, nil); st != wdm.StatusSuccess {
		t.Fatalf("KeWaitForSingleObject = %s", st)
	}
	ksExpect(t, s)
}

// Needs the catalogue: NdisWaitEvent's "PASSIVE_LEVEL".
func TestWaitEventAtDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisWaitEvent")
	s := reset()
	var ev ndis.Event
	ndis.InitializeEvent(&ev)
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.WaitEvent(&ev, 1)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

// Needs the catalogue: NdisSetEvent's "<= DISPATCH_LEVEL".
func TestSetEventAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisSetEvent")
	s := reset()
	var ev ndis.Event
	ndis.InitializeEvent(&ev)
	s.SetIrql(uint8(wdm.HighLevel))
	ndis.SetEvent(&ev)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
