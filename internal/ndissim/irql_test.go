package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestRaiseIrqlToDispatchAndLowerIsClean(t *testing.T) {
	s := reset()
	var old wdm.Irql
	ndis.RaiseIrqlToDispatch(&old)
	if old != wdm.PassiveLevel || ksIrql() != wdm.DispatchLevel {
		t.Fatalf("old=%s IRQL=%s", old, ksIrql())
	}
	ndis.LowerIrql(old, wdm.DispatchLevel)
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL after NDIS_LOWER_IRQL = %s", ksIrql())
	}
	ksExpect(t, s)
}

func TestRaiseIrqlToDispatchAtDispatchIsClean(t *testing.T) {
	s := reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var old wdm.Irql
	ndis.RaiseIrqlToDispatch(&old)
	ndis.LowerIrql(old, wdm.DispatchLevel) // equal: the macro does nothing
	if ksIrql() != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s", ksIrql())
	}
	ksExpect(t, s)
}

func TestLowerIrqlWithWrongCurIrql(t *testing.T) {
	s := reset()
	var old wdm.Irql
	ndis.RaiseIrqlToDispatch(&old)
	// The caller claims to run at PASSIVE_LEVEL: the macro does not lower.
	ndis.LowerIrql(old, wdm.PassiveLevel)
	ksExpect(t, s, rules.RuleBadParameter)
	if ksIrql() != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s: NDIS_LOWER_IRQL with equal arguments must not lower", ksIrql())
	}
}

func TestLowerIrqlToHigherLevel(t *testing.T) {
	s := reset()
	ndis.LowerIrql(wdm.DispatchLevel, wdm.PassiveLevel)
	ksExpect(t, s, rules.RuleIrqlLowerRaises)
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL = %s", ksIrql())
	}
}

func TestRaiseIrqlToDispatchNull(t *testing.T) {
	s := reset()
	ndis.RaiseIrqlToDispatch(nil)
	ksExpect(t, s, rules.RuleBadParameter)
}

// Needs the catalogue: NDIS_RAISE_IRQL_TO_DISPATCH's "<= DISPATCH_LEVEL".
func TestRaiseIrqlToDispatchAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NDIS_RAISE_IRQL_TO_DISPATCH")
	s := reset()
	s.SetIrql(uint8(wdm.HighLevel))
	var old wdm.Irql
	ndis.RaiseIrqlToDispatch(&old)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
	if ksIrql() != wdm.HighLevel || old != wdm.HighLevel {
		t.Fatalf("IRQL=%s old=%s: the IRQL must stay", ksIrql(), old)
	}
}
