package wdm_test

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestKeResetEventReturnsPreviousState(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, true)
	if prev := wdm.KeResetEvent(&ev); prev == 0 {
		t.Fatalf("KeResetEvent returned 0 for a signalled event")
	}
	if st := wdm.KeReadStateEvent(&ev); st != 0 {
		t.Fatalf("KeReadStateEvent after KeResetEvent returned %d, want 0", st)
	}
	if prev := wdm.KeResetEvent(&ev); prev != 0 {
		t.Fatalf("KeResetEvent returned %d for a not-signalled event", prev)
	}
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusTimeout {
		t.Fatalf("wait after KeResetEvent returned %s", st)
	}
	expectClean(t, s)
}

func TestKeReadStateEventFollowsSetAndClear(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	if st := wdm.KeReadStateEvent(&ev); st != 0 {
		t.Fatalf("KeReadStateEvent returned %d for an event initialized not signalled", st)
	}
	wdm.KeSetEvent(&ev, 0, false)
	if st := wdm.KeReadStateEvent(&ev); st == 0 {
		t.Fatalf("KeReadStateEvent returned 0 after KeSetEvent")
	}
	wdm.KeClearEvent(&ev)
	if st := wdm.KeReadStateEvent(&ev); st != 0 {
		t.Fatalf("KeReadStateEvent returned %d after KeClearEvent", st)
	}
	expectClean(t, s)
}

func TestKeReadStateEventDoesNotTakeTheSignal(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.SynchronizationEvent, true)
	for i := 0; i < 2; i++ {
		if st := wdm.KeReadStateEvent(&ev); st == 0 {
			t.Fatalf("read %d: KeReadStateEvent returned 0 for a signalled synchronization event", i)
		}
	}
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusSuccess {
		t.Fatalf("wait after reading the state returned %s: reading must not clear the event", st)
	}
	expectClean(t, s)
}

func TestEventRoutinesAboveDispatch(t *testing.T) {
	for _, tc := range []struct {
		ddi  string
		call func(*wdm.KEvent)
	}{
		{"KeClearEvent", func(ev *wdm.KEvent) { wdm.KeClearEvent(ev) }},
		{"KeResetEvent", func(ev *wdm.KEvent) { wdm.KeResetEvent(ev) }},
		{"KeReadStateEvent", func(ev *wdm.KEvent) { wdm.KeReadStateEvent(ev) }},
	} {
		t.Run(tc.ddi, func(t *testing.T) {
			needCatalogueDDI(t, tc.ddi)
			s := kernel.Reset()
			var ev wdm.KEvent
			wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
			s.SetIrql(uint8(wdm.HighLevel))
			tc.call(&ev)
			expectRules(t, s, rules.RuleIrqlAboveMax)
		})
	}
}

func TestEventRoutinesAtDispatchAreClean(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	s.SetIrql(uint8(wdm.DispatchLevel))
	wdm.KeSetEvent(&ev, 0, false)
	wdm.KeReadStateEvent(&ev)
	wdm.KeResetEvent(&ev)
	wdm.KeClearEvent(&ev)
	expectClean(t, s)
}

func TestKeInitializeEventAtHighLevelIsClean(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.HighLevel))
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	expectClean(t, s)
}

func TestResetAndReadUninitializedEvent(t *testing.T) {
	s := kernel.Reset()
	var a, b wdm.KEvent
	if prev := wdm.KeResetEvent(&a); prev != 0 {
		t.Fatalf("KeResetEvent on an uninitialized event returned %d", prev)
	}
	if st := wdm.KeReadStateEvent(&b); st != 0 {
		t.Fatalf("KeReadStateEvent on an uninitialized event returned %d", st)
	}
	expectRules(t, s, rules.RuleEventNotInitialized, rules.RuleEventNotInitialized)
}

func TestResetAndReadNullEvent(t *testing.T) {
	s := kernel.Reset()
	if prev := wdm.KeResetEvent(nil); prev != 0 {
		t.Fatalf("KeResetEvent(NULL) returned %d", prev)
	}
	if st := wdm.KeReadStateEvent(nil); st != 0 {
		t.Fatalf("KeReadStateEvent(NULL) returned %d", st)
	}
	expectRules(t, s, rules.RuleBadParameter, rules.RuleBadParameter)
}

// TestKeSetEventWaitTrueAboveApc: with Wait = TRUE, KeSetEvent's page
// bounds the caller at APC_LEVEL (the catalogue's Irql.When); the same call
// with Wait = FALSE at DISPATCH_LEVEL is clean
// (TestEventRoutinesAtDispatchAreClean).
func TestKeSetEventWaitTrueAboveApc(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	s.SetIrql(uint8(wdm.DispatchLevel))
	wdm.KeSetEvent(&ev, 0, true)
	expectRules(t, s, rules.RuleIrqlAboveMax)
	s = kernel.Reset()
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	s.SetIrql(uint8(wdm.ApcLevel))
	wdm.KeSetEvent(&ev, 0, true)
	expectClean(t, s)
}
