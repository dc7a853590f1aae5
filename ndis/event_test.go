package ndis

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestEventSetByTimerAndWaitedOn(t *testing.T) {
	s := kernel.Reset()
	var done Event
	InitializeEvent(&done)
	var h Handle
	chars := &TimerCharacteristics{TimerFunction: func(a, ctx, c, d Handle) { SetEvent(ctx.(*Event)) }}
	if st := AllocateTimerObject(ksDriver(), chars, &h); st != StatusSuccess {
		t.Fatalf("NdisAllocateTimerObject = %s", st)
	}
	SetTimerObject(h, -20000, 0, &done) // 2ms
	if !WaitEvent(&done, 0) {
		t.Fatal("NdisWaitEvent returned FALSE; the timer sets the event")
	}
	if s.Now() != 20000 {
		t.Fatalf("clock = %d, want 20000 (the timer's expiry)", s.Now())
	}
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("waiter's IRQL = %s after the wait", ksIrql())
	}
	FreeTimerObject(h)
	ksExpect(t, s)
}

func TestEventSetByWorkItemAndWaitedOn(t *testing.T) {
	s := kernel.Reset()
	var done Event
	InitializeEvent(&done)
	w := AllocateIoWorkItem(ksDriver())
	QueueIoWorkItem(w, func(ctx, h Handle) {
		SetEvent(ctx.(*Event))
		FreeIoWorkItem(h)
	}, &done)
	if !WaitEvent(&done, 1000) {
		t.Fatal("NdisWaitEvent returned FALSE; the work item sets the event")
	}
	ksExpect(t, s)
}

func TestWaitEventTimesOut(t *testing.T) {
	s := kernel.Reset()
	var ev Event
	InitializeEvent(&ev)
	if WaitEvent(&ev, 5) {
		t.Fatal("NdisWaitEvent returned TRUE for an event nobody sets")
	}
	if s.Now() != 50000 {
		t.Fatalf("clock = %d, want 50000 (5ms)", s.Now())
	}
	ksExpect(t, s)
}

func TestWaitEventAlreadySignalled(t *testing.T) {
	s := kernel.Reset()
	var ev Event
	InitializeEvent(&ev)
	SetEvent(&ev)
	if !WaitEvent(&ev, 0) || !WaitEvent(&ev, 0) {
		t.Fatal("a signalled notification event did not satisfy two waits")
	}
	ResetEvent(&ev)
	if WaitEvent(&ev, 1) {
		t.Fatal("NdisWaitEvent returned TRUE after NdisResetEvent")
	}
	if s.Now() != 10000 {
		t.Fatalf("clock = %d", s.Now())
	}
	ksExpect(t, s)
}

func TestWaitEventForeverOnNothingIsDeadlock(t *testing.T) {
	s := kernel.Reset()
	var ev Event
	InitializeEvent(&ev)
	if WaitEvent(&ev, 0) {
		t.Fatal("NdisWaitEvent returned TRUE")
	}
	ksExpect(t, s, rules.RuleWaitDeadlock)
}

func TestEventNotInitialized(t *testing.T) {
	s := kernel.Reset()
	var ev Event
	SetEvent(&ev)
	ResetEvent(&ev)
	WaitEvent(&ev, 1)
	ksExpect(t, s, rules.RuleEventNotInitialized)
}

func TestEventNull(t *testing.T) {
	s := kernel.Reset()
	InitializeEvent(nil)
	SetEvent(nil)
	ResetEvent(nil)
	WaitEvent(nil, 1)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter)
}

func TestNdisEventWithKeWait(t *testing.T) {
	s := kernel.Reset()
	var ev Event
	InitializeEvent(&ev)
	SetEvent(&ev)
	// NDIS_EVENT wraps a KEVENT: KeWaitForSingleObject sees the same state.
	if st := wdm.KeWaitForSingleObject(&ev.Event, wdm.Executive, wdm.KernelMode, false, nil); st != wdm.StatusSuccess {
		t.Fatalf("KeWaitForSingleObject = %s", st)
	}
	ksExpect(t, s)
}

// Needs the catalogue: NdisWaitEvent's "PASSIVE_LEVEL".
func TestWaitEventAtDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisWaitEvent")
	s := kernel.Reset()
	var ev Event
	InitializeEvent(&ev)
	s.SetIrql(uint8(wdm.DispatchLevel))
	WaitEvent(&ev, 1)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

// Needs the catalogue: NdisSetEvent's "<= DISPATCH_LEVEL".
func TestSetEventAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisSetEvent")
	s := kernel.Reset()
	var ev Event
	InitializeEvent(&ev)
	s.SetIrql(uint8(wdm.HighLevel))
	SetEvent(&ev)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
