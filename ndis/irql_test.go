package ndis

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestRaiseIrqlToDispatchAndLowerIsClean(t *testing.T) {
	s := kernel.Reset()
	var old wdm.Irql
	RaiseIrqlToDispatch(&old)
	if old != wdm.PassiveLevel || ksIrql() != wdm.DispatchLevel {
		t.Fatalf("old=%s IRQL=%s", old, ksIrql())
	}
	LowerIrql(old, wdm.DispatchLevel)
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL after NDIS_LOWER_IRQL = %s", ksIrql())
	}
	ksExpect(t, s)
}

func TestRaiseIrqlToDispatchAtDispatchIsClean(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var old wdm.Irql
	RaiseIrqlToDispatch(&old)
	LowerIrql(old, wdm.DispatchLevel) // equal: the macro does nothing
	if ksIrql() != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s", ksIrql())
	}
	ksExpect(t, s)
}

func TestLowerIrqlWithWrongCurIrql(t *testing.T) {
	s := kernel.Reset()
	var old wdm.Irql
	RaiseIrqlToDispatch(&old)
	// The caller claims to run at PASSIVE_LEVEL: the macro does not lower.
	LowerIrql(old, wdm.PassiveLevel)
	ksExpect(t, s, rules.RuleBadParameter)
	if ksIrql() != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s: NDIS_LOWER_IRQL with equal arguments must not lower", ksIrql())
	}
}

func TestLowerIrqlToHigherLevel(t *testing.T) {
	s := kernel.Reset()
	LowerIrql(wdm.DispatchLevel, wdm.PassiveLevel)
	ksExpect(t, s, rules.RuleIrqlLowerRaises)
	if ksIrql() != wdm.PassiveLevel {
		t.Fatalf("IRQL = %s", ksIrql())
	}
}

func TestRaiseIrqlToDispatchNull(t *testing.T) {
	s := kernel.Reset()
	RaiseIrqlToDispatch(nil)
	ksExpect(t, s, rules.RuleBadParameter)
}

// Needs the catalogue: NDIS_RAISE_IRQL_TO_DISPATCH's "<= DISPATCH_LEVEL".
func TestRaiseIrqlToDispatchAboveDispatch(t *testing.T) {
	ksNeedDDI(t, "NDIS_RAISE_IRQL_TO_DISPATCH")
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.HighLevel))
	var old wdm.Irql
	RaiseIrqlToDispatch(&old)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
	if ksIrql() != wdm.HighLevel || old != wdm.HighLevel {
		t.Fatalf("IRQL=%s old=%s: the IRQL must stay", ksIrql(), old)
	}
}
