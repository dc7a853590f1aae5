package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestMSleepAdvancesClockAndRunsDueWork(t *testing.T) {
	s := reset()
	var ran []string
	s.Enqueue("due", 5000, func() { ran = append(ran, "due") })
	s.Enqueue("later", 50000, func() { ran = append(ran, "later") })
	ndis.MSleep(1000) // 1ms = 10000 units
	if s.Now() != 10000 {
		t.Fatalf("clock = %d, want 10000", s.Now())
	}
	if len(ran) != 1 || ran[0] != "due" {
		t.Fatalf("ran %v during the sleep, want [due]", ran)
	}
	ksExpect(t, s)
}

func TestMSleepTooLong(t *testing.T) {
	s := reset()
	ndis.MSleep(30000001)
	ksExpect(t, s, rules.RuleBadParameter)
}

func TestStallExecutionAdvancesClockOnly(t *testing.T) {
	s := reset()
	ran := false
	s.Enqueue("due", 100, func() { ran = true })
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.StallExecution(50)
	if s.Now() != 500 || ran {
		t.Fatalf("clock=%d ran=%t: a stall moves the clock and runs nothing", s.Now(), ran)
	}
	ksExpect(t, s)
}

// Needs the catalogue: NdisMSleep's "< DISPATCH_LEVEL".
func TestMSleepAtDispatch(t *testing.T) {
	ksNeedDDI(t, "NdisMSleep")
	s := reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	ndis.MSleep(10)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
