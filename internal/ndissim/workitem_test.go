package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestWorkItemRunsLaterAtPassive(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	if w == nil {
		t.Fatal("NdisAllocateIoWorkItem returned NULL")
	}
	var gotCtx, gotHandle ndis.Handle
	var at wdm.Irql = 99
	ctx := &struct{ n int }{}
	// Queued at DISPATCH_LEVEL, as from a completion handler under a lock.
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.QueueIoWorkItem(w, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
		gotCtx, gotHandle, at = workItemContext, ndisIoWorkItemHandle, ksIrql()
	}, ctx)
	if gotCtx != nil {
		t.Fatal("the routine ran inside NdisQueueIoWorkItem")
	}
	s.SetIrql(uint8(wdm.PassiveLevel))
	if n := s.Run(10); n != 1 {
		t.Fatalf("%d events ran, want 1", n)
	}
	if gotCtx != ndis.Handle(ctx) || gotHandle != w {
		t.Fatalf("routine got (%v, %v), want the context and the work-item handle", gotCtx, gotHandle)
	}
	if at != wdm.PassiveLevel {
		t.Fatalf("routine ran at %s, want PASSIVE_LEVEL", at)
	}
	ndis.FreeIoWorkItem(w)
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

func TestWorkItemFreedInItsRoutineIsClean(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) { ndis.FreeIoWorkItem(h) }, nil)
	s.Run(10)
	ksExpect(t, s)
}

func TestWorkItemRequeuedFromItsRoutineIsClean(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	runs := 0
	var routine ndis.IoWorkitemFunction
	routine = func(ctx, h ndis.Handle) {
		runs++
		if runs < 3 {
			ndis.QueueIoWorkItem(h, routine, ctx)
		}
	}
	ndis.QueueIoWorkItem(w, routine, nil)
	s.Run(10)
	ndis.FreeIoWorkItem(w)
	if runs != 3 {
		t.Fatalf("routine ran %d times, want 3", runs)
	}
	ksExpect(t, s)
}

func TestWorkItemQueuedTwice(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	runs := 0
	routine := func(ctx, h ndis.Handle) { runs++ }
	ndis.QueueIoWorkItem(w, routine, nil)
	ndis.QueueIoWorkItem(w, routine, nil)
	s.Run(10)
	ndis.FreeIoWorkItem(w)
	if runs != 1 {
		t.Fatalf("routine ran %d times, want 1", runs)
	}
	ksExpect(t, s, rules.RuleWorkItemDoubleQueue)
}

func TestWorkItemQueuedAfterFree(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	ndis.FreeIoWorkItem(w)
	ran := false
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) { ran = true }, nil)
	ndis.FreeIoWorkItem(w)
	s.Run(10)
	if ran {
		t.Fatal("the routine of a freed work item ran")
	}
	ksExpect(t, s, rules.RuleWorkItemUseAfterFree, rules.RuleWorkItemUseAfterFree)
}

func TestWorkItemFreedWhileQueued(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	ran := false
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) { ran = true }, nil)
	ndis.FreeIoWorkItem(w)
	s.Run(10)
	if ran {
		t.Fatal("the routine ran after its work item was freed")
	}
	ksExpect(t, s, rules.RuleWorkItemFreeQueued)
}

func TestWorkItemBadHandles(t *testing.T) {
	s := reset()
	routine := func(ctx, h ndis.Handle) {}
	ndis.QueueIoWorkItem(nil, routine, nil)
	ndis.QueueIoWorkItem(ksDriver(), routine, nil) // a driver handle, not a work item
	ndis.FreeIoWorkItem(new(strings.Builder))      // a driver's own value
	if ndis.AllocateIoWorkItem(nil) != nil {
		t.Fatal("NdisAllocateIoWorkItem(NULL) returned a work item")
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
	for _, v := range s.Violations() {
		if !strings.HasPrefix(v.Message, "NdisQueueIoWorkItem: NdisIoWorkItemHandle") &&
			!strings.HasPrefix(v.Message, "NdisFreeIoWorkItem: NdisIoWorkItemHandle") &&
			!strings.HasPrefix(v.Message, "NdisAllocateIoWorkItem: NdisObjectHandle") {
			t.Errorf("message %q does not name the DDI and the parameter", v.Message)
		}
	}
}

func TestWorkItemNullRoutine(t *testing.T) {
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	ndis.QueueIoWorkItem(w, nil, nil)
	ndis.FreeIoWorkItem(w)
	ksExpect(t, s, rules.RuleBadParameter)
}

func TestWorkItemOfEarlierRun(t *testing.T) {
	reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	s := reset()
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) {}, nil)
	ksExpect(t, s, rules.RuleBadHandle)
}

func TestWorkItemLeak(t *testing.T) {
	s := reset()
	ndis.AllocateIoWorkItem(ksDriver())
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleWorkItemLeak)
}

// Needs the catalogue: NdisQueueIoWorkItem's "<= DISPATCH_LEVEL".
func TestWorkItemQueuedAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisQueueIoWorkItem")
	s := reset()
	w := ndis.AllocateIoWorkItem(ksDriver())
	s.SetIrql(uint8(wdm.HighLevel))
	ndis.QueueIoWorkItem(w, func(ctx, h ndis.Handle) {}, nil)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

func TestWorkItemNotForProtocolDrivers(t *testing.T) {
	s := reset()
	var proto ndis.Handle
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "client",
		BindAdapterHandlerEx: func(protocolDriverContext, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
			return ndis.StatusSuccess
		},
		UnbindAdapterHandlerEx: func(unbindContext, protocolBindingContext ndis.Handle) ndis.Status { return ndis.StatusSuccess },
	}
	if st := ndis.RegisterProtocolDriver(nil, chars, &proto); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver = %s; the test needs a protocol driver's handle", st)
	}
	before := len(s.Violations())
	if w := ndis.AllocateIoWorkItem(proto); w != nil {
		t.Fatal("NdisAllocateIoWorkItem succeeded with a protocol driver's handle")
	}
	v := s.Violations()
	if len(v) != before+1 || v[before].Rule != rules.RuleBadHandle || !strings.Contains(v[before].Message, "protocol drivers cannot use NdisAllocateIoWorkItem") {
		t.Fatalf("violations %v, want one bad-handle citing the page", ksRules(s))
	}
}
