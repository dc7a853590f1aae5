package wdm_test

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestKeStallExecutionProcessorAdvancesClockOnly(t *testing.T) {
	s := kernel.Reset()
	ran := false
	s.Enqueue("due during the stall", 100, func() { ran = true })
	wdm.KeStallExecutionProcessor(20) // 200 units of 100ns
	if s.Now() != 200 {
		t.Fatalf("clock = %d, want 200", s.Now())
	}
	if ran {
		t.Fatalf("a busy-wait ran a queued event")
	}
	if !s.Step() || !ran {
		t.Fatalf("the due event did not run when the queue was driven")
	}
	expectClean(t, s)
}

func TestKeDelayExecutionThreadRelative(t *testing.T) {
	s := kernel.Reset()
	var order []string
	s.Enqueue("early", 5000, func() { order = append(order, "early") })
	s.Enqueue("late", 20000, func() { order = append(order, "late") })
	interval := int64(-10000)
	if st := wdm.KeDelayExecutionThread(wdm.KernelMode, false, &interval); st != wdm.StatusSuccess {
		t.Fatalf("returned %s", st)
	}
	if s.Now() != 10000 {
		t.Fatalf("clock = %d, want 10000", s.Now())
	}
	if len(order) != 1 || order[0] != "early" {
		t.Fatalf("ran %v during the delay, want [early]", order)
	}
	expectClean(t, s)
}

func TestKeDelayExecutionThreadAbsolute(t *testing.T) {
	s := kernel.Reset()
	s.Advance(100)
	interval := int64(700)
	wdm.KeDelayExecutionThread(wdm.KernelMode, false, &interval)
	if s.Now() != 700 {
		t.Fatalf("clock = %d, want 700", s.Now())
	}
	expectClean(t, s)
}

func TestKeDelayExecutionThreadRunsEventsAtPassive(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.ApcLevel))
	var seen wdm.Irql = 99
	s.Enqueue("work", 10, func() { seen = wdm.Irql(s.Irql()) })
	interval := int64(-100)
	wdm.KeDelayExecutionThread(wdm.KernelMode, false, &interval)
	if seen != wdm.PassiveLevel {
		t.Fatalf("queued work ran at %s while the thread waited, want PASSIVE_LEVEL", seen)
	}
	if got := wdm.KeGetCurrentIrql(); got != wdm.ApcLevel {
		t.Fatalf("waiter's IRQL = %s after the wait, want APC_LEVEL", got)
	}
	expectClean(t, s)
}

func TestKeDelayExecutionThreadNullInterval(t *testing.T) {
	s := kernel.Reset()
	wdm.KeDelayExecutionThread(wdm.KernelMode, false, nil)
	expectRules(t, s, rules.RuleBadParameter)
}

// Needs the catalogue: KeDelayExecutionThread's "<= APC_LEVEL".
func TestKeDelayExecutionThreadAtDispatch(t *testing.T) {
	needCatalogueDDI(t, "KeDelayExecutionThread")
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	ran := false
	s.Enqueue("work", 10, func() { ran = true })
	interval := int64(-100)
	wdm.KeDelayExecutionThread(wdm.KernelMode, false, &interval)
	expectRules(t, s, rules.RuleIrqlAboveMax)
	if ran {
		t.Fatalf("a queued event ran while the processor was at DISPATCH_LEVEL")
	}
}

func TestKeWaitForSingleObjectSignalledByQueuedEvent(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	s.Enqueue("completion", 3000, func() { wdm.KeSetEvent(&ev, 0, false) })
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, nil); st != wdm.StatusSuccess {
		t.Fatalf("returned %s, want STATUS_SUCCESS", st)
	}
	if s.Now() != 3000 {
		t.Fatalf("clock = %d, want 3000 (when the event was set)", s.Now())
	}
	// A notification event stays signalled.
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusSuccess {
		t.Fatalf("second wait returned %s, want STATUS_SUCCESS", st)
	}
	expectClean(t, s)
}

func TestKeWaitForSingleObjectTimesOut(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	s.Enqueue("too late", 9000, func() { wdm.KeSetEvent(&ev, 0, false) })
	timeout := int64(-5000)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &timeout); st != wdm.StatusTimeout {
		t.Fatalf("returned %s, want STATUS_TIMEOUT", st)
	}
	if s.Now() != 5000 {
		t.Fatalf("clock = %d, want 5000", s.Now())
	}
	expectClean(t, s)
}

func TestKeWaitForSingleObjectZeroTimeoutDoesNotWait(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	ran := false
	s.Enqueue("now", 0, func() { ran = true })
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusTimeout {
		t.Fatalf("returned %s, want STATUS_TIMEOUT", st)
	}
	if ran || s.Now() != 0 {
		t.Fatalf("a zero-timeout wait ran events or moved the clock")
	}
	expectClean(t, s)
}

func TestKeWaitForSingleObjectZeroTimeoutAtDispatchIsClean(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, true)
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusSuccess {
		t.Fatalf("returned %s", st)
	}
	expectClean(t, s)
}

func TestKeWaitForSingleObjectWithTimeoutAtDispatch(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	timeout := int64(-10)
	wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &timeout)
	expectRules(t, s, rules.RuleIrqlAboveMax)
}

func TestKeWaitForSingleObjectForeverOnNothingIsDeadlock(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	ran := 0
	s.Enqueue("unrelated", 10, func() { ran++ })
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, nil); st != wdm.StatusTimeout {
		t.Fatalf("returned %s, want STATUS_TIMEOUT after the deadlock report", st)
	}
	if ran != 1 {
		t.Fatalf("the queue was not drained before declaring a deadlock")
	}
	expectRules(t, s, rules.RuleWaitDeadlock)
}

func TestKeWaitForSingleObjectForeverWithPeriodicNoiseIsDeadlock(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	var tick func()
	tick = func() { s.Enqueue("tick", 10, tick) }
	s.Enqueue("tick", 10, tick)
	wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, nil)
	expectRules(t, s, rules.RuleWaitDeadlock)
}

func TestSynchronizationEventAutoResets(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.SynchronizationEvent, true)
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusSuccess {
		t.Fatalf("first wait returned %s", st)
	}
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusTimeout {
		t.Fatalf("second wait returned %s: a satisfied wait must clear a synchronization event", st)
	}
	expectClean(t, s)
}

func TestKeSetEventAndKeClearEvent(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	if prev := wdm.KeSetEvent(&ev, 0, false); prev != 0 {
		t.Fatalf("KeSetEvent returned %d for a clear event", prev)
	}
	if prev := wdm.KeSetEvent(&ev, 0, false); prev == 0 {
		t.Fatalf("KeSetEvent returned 0 for a signalled event")
	}
	wdm.KeClearEvent(&ev)
	zero := int64(0)
	if st := wdm.KeWaitForSingleObject(&ev, wdm.Executive, wdm.KernelMode, false, &zero); st != wdm.StatusTimeout {
		t.Fatalf("wait after KeClearEvent returned %s", st)
	}
	expectClean(t, s)
}

func TestEventUsedUninitialized(t *testing.T) {
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeSetEvent(&ev, 0, false)
	wdm.KeClearEvent(&ev)
	expectRules(t, s, rules.RuleEventNotInitialized)
}

func TestKeSetEventAboveDispatch(t *testing.T) {
	needCatalogueDDI(t, "KeSetEvent")
	s := kernel.Reset()
	var ev wdm.KEvent
	wdm.KeInitializeEvent(&ev, wdm.NotificationEvent, false)
	s.SetIrql(uint8(wdm.HighLevel))
	wdm.KeSetEvent(&ev, 0, false)
	expectRules(t, s, rules.RuleIrqlAboveMax)
}

func TestEventNullArguments(t *testing.T) {
	s := kernel.Reset()
	wdm.KeInitializeEvent(nil, wdm.NotificationEvent, false)
	wdm.KeSetEvent(nil, 0, false)
	wdm.KeClearEvent(nil)
	var nilEvent *wdm.KEvent
	wdm.KeWaitForSingleObject(nilEvent, wdm.Executive, wdm.KernelMode, false, nil)
	wdm.KeWaitForSingleObject(nil, wdm.Executive, wdm.KernelMode, false, nil)
	var lock wdm.KSpinLock
	wdm.KeWaitForSingleObject(&lock, wdm.Executive, wdm.KernelMode, false, nil) // not a dispatcher object
	expectRules(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter)
}
