package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// ksTag is the pool tag 'tseT' as a C compiler builds it.
const ksTag = uint32('t')<<24 | uint32('s')<<16 | uint32('e')<<8 | uint32('T')

func TestAllocateAndFreeMemoryIsClean(t *testing.T) {
	s := reset()
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 64, ksTag, ndis.NormalPoolPriority)
	if len(b) != 64 {
		t.Fatalf("len = %d, want 64", len(b))
	}
	for i, c := range b {
		if c != 0 {
			t.Fatalf("byte %d = %d, want zeroed memory", i, c)
		}
	}
	if got := Of(s).OutstandingAllocations(); len(got) != 1 || got[0].Length != 64 || got[0].Tag != ksTag {
		t.Fatalf("outstanding = %v", got)
	}
	ndis.FreeMemory(b, 0, 0)
	if got := Of(s).OutstandingAllocations(); len(got) != 0 {
		t.Fatalf("outstanding after free = %v", got)
	}
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

func TestZeroLengthBlocksAreDistinct(t *testing.T) {
	s := reset()
	a := ndis.AllocateMemoryWithTagPriority(ksDriver(), 0, ksTag, ndis.LowPoolPriority)
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 0, ksTag, ndis.LowPoolPriority)
	if a == nil || b == nil {
		t.Fatalf("a zero-length allocation returned NULL")
	}
	ndis.FreeMemory(a, 0, 0)
	ndis.FreeMemory(b, 0, 0)
	ksExpect(t, s)
}

func TestFreeMemoryTwice(t *testing.T) {
	s := reset()
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, ndis.NormalPoolPriority)
	ndis.FreeMemory(b, 8, 0)
	ndis.FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleMemoryDoubleFree)
}

func TestFreeMemoryUnknown(t *testing.T) {
	s := reset()
	ndis.FreeMemory(make([]byte, 8), 8, 0)
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, ndis.NormalPoolPriority)
	ndis.FreeMemory(b[4:], 4, 0) // not the base of the block
	ksExpect(t, s, rules.RuleMemoryFreeUnknown, rules.RuleMemoryFreeUnknown)
	ndis.FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleMemoryFreeUnknown, rules.RuleMemoryFreeUnknown)
}

func TestFreeMemoryOfEarlierRunIsUnknown(t *testing.T) {
	reset()
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, ndis.NormalPoolPriority)
	s := reset()
	ndis.FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleMemoryFreeUnknown)
}

func TestFreeMemoryBadArguments(t *testing.T) {
	s := reset()
	ndis.FreeMemory(nil, 0, 0)
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, ndis.NormalPoolPriority)
	ndis.FreeMemory(b, 8, 1)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter)
	if len(Of(s).OutstandingAllocations()) != 0 {
		t.Fatalf("a free with bad flags did not free the block")
	}
}

func TestAllocateMemoryBadHandle(t *testing.T) {
	s := reset()
	var typedNil *ksDriverHandle
	driverContext := new(strings.Builder) // a driver's own value: a type of another package
	for _, h := range []ndis.Handle{nil, typedNil, driverContext, 42} {
		if b := ndis.AllocateMemoryWithTagPriority(h, 8, ksTag, ndis.NormalPoolPriority); b != nil {
			t.Fatalf("allocation with handle %v succeeded", h)
		}
	}
	w := ndis.AllocateIoWorkItem(ksDriver())
	if b := ndis.AllocateMemoryWithTagPriority(w, 8, ksTag, ndis.NormalPoolPriority); b != nil {
		t.Fatalf("allocation with a work-item handle succeeded")
	}
	ndis.FreeIoWorkItem(w)
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestMemoryLeakReported(t *testing.T) {
	s := reset()
	ndis.AllocateMemoryWithTagPriority(ksDriver(), 16, ksTag, ndis.NormalPoolPriority)
	kept := ndis.AllocateMemoryWithTagPriority(ksDriver(), 32, ksTag, ndis.NormalPoolPriority)
	got := Of(s).OutstandingAllocations()
	if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 2 {
		t.Fatalf("outstanding = %v, want blocks #1 and #2 in order", got)
	}
	ndis.FreeMemory(kept, 0, 0)
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleMemoryLeak)
	if msg := s.Violations()[0].Message; !strings.Contains(msg, "block #1") || !strings.Contains(msg, "'Test'") {
		t.Fatalf("leak message %q does not name the block and its tag", msg)
	}
}

// Needs the catalogue: NdisAllocateMemoryWithTagPriority's "<= DISPATCH_LEVEL".
func TestAllocateMemoryAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisAllocateMemoryWithTagPriority")
	s := reset()
	s.SetIrql(uint8(wdm.HighLevel))
	ndis.AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, ndis.NormalPoolPriority)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
