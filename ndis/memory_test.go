package ndis

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// ksTag is the pool tag 'tseT' as a C compiler builds it.
const ksTag = uint32('t')<<24 | uint32('s')<<16 | uint32('e')<<8 | uint32('T')

func TestAllocateAndFreeMemoryIsClean(t *testing.T) {
	s := kernel.Reset()
	b := AllocateMemoryWithTagPriority(ksDriver(), 64, ksTag, NormalPoolPriority)
	if len(b) != 64 {
		t.Fatalf("len = %d, want 64", len(b))
	}
	for i, c := range b {
		if c != 0 {
			t.Fatalf("byte %d = %d, want zeroed memory", i, c)
		}
	}
	if got := OutstandingAllocations(); len(got) != 1 || got[0].Length != 64 || got[0].Tag != ksTag {
		t.Fatalf("outstanding = %v", got)
	}
	FreeMemory(b, 0, 0)
	if got := OutstandingAllocations(); len(got) != 0 {
		t.Fatalf("outstanding after free = %v", got)
	}
	if n := ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

func TestZeroLengthBlocksAreDistinct(t *testing.T) {
	s := kernel.Reset()
	a := AllocateMemoryWithTagPriority(ksDriver(), 0, ksTag, LowPoolPriority)
	b := AllocateMemoryWithTagPriority(ksDriver(), 0, ksTag, LowPoolPriority)
	if a == nil || b == nil {
		t.Fatalf("a zero-length allocation returned NULL")
	}
	FreeMemory(a, 0, 0)
	FreeMemory(b, 0, 0)
	ksExpect(t, s)
}

func TestFreeMemoryTwice(t *testing.T) {
	s := kernel.Reset()
	b := AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, NormalPoolPriority)
	FreeMemory(b, 8, 0)
	FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleMemoryDoubleFree)
}

func TestFreeMemoryUnknown(t *testing.T) {
	s := kernel.Reset()
	FreeMemory(make([]byte, 8), 8, 0)
	b := AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, NormalPoolPriority)
	FreeMemory(b[4:], 4, 0) // not the base of the block
	ksExpect(t, s, rules.RuleMemoryFreeUnknown, rules.RuleMemoryFreeUnknown)
	FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleMemoryFreeUnknown, rules.RuleMemoryFreeUnknown)
}

func TestFreeMemoryOfEarlierRunIsUnknown(t *testing.T) {
	kernel.Reset()
	b := AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, NormalPoolPriority)
	s := kernel.Reset()
	FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleMemoryFreeUnknown)
}

func TestFreeMemoryBadArguments(t *testing.T) {
	s := kernel.Reset()
	FreeMemory(nil, 0, 0)
	b := AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, NormalPoolPriority)
	FreeMemory(b, 8, 1)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter)
	if len(OutstandingAllocations()) != 0 {
		t.Fatalf("a free with bad flags did not free the block")
	}
}

func TestAllocateMemoryBadHandle(t *testing.T) {
	s := kernel.Reset()
	var typedNil *ksDriverHandle
	driverContext := new(strings.Builder) // a driver's own value: a type of another package
	for _, h := range []Handle{nil, typedNil, driverContext, 42} {
		if b := AllocateMemoryWithTagPriority(h, 8, ksTag, NormalPoolPriority); b != nil {
			t.Fatalf("allocation with handle %v succeeded", h)
		}
	}
	w := AllocateIoWorkItem(ksDriver())
	if b := AllocateMemoryWithTagPriority(w, 8, ksTag, NormalPoolPriority); b != nil {
		t.Fatalf("allocation with a work-item handle succeeded")
	}
	FreeIoWorkItem(w)
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestMemoryLeakReported(t *testing.T) {
	s := kernel.Reset()
	AllocateMemoryWithTagPriority(ksDriver(), 16, ksTag, NormalPoolPriority)
	kept := AllocateMemoryWithTagPriority(ksDriver(), 32, ksTag, NormalPoolPriority)
	got := OutstandingAllocations()
	if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 2 {
		t.Fatalf("outstanding = %v, want blocks #1 and #2 in order", got)
	}
	FreeMemory(kept, 0, 0)
	if n := ReportServiceLeaks(); n != 1 {
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
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.HighLevel))
	AllocateMemoryWithTagPriority(ksDriver(), 8, ksTag, NormalPoolPriority)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
