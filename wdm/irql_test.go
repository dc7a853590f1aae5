package wdm_test

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestKeRaiseLowerPairIsClean(t *testing.T) {
	s := kernel.Reset()
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	if got := wdm.KeGetCurrentIrql(); got != wdm.DispatchLevel {
		t.Fatalf("IRQL after KeRaiseIrql = %s, want DISPATCH_LEVEL", got)
	}
	if old != wdm.PassiveLevel {
		t.Fatalf("OldIrql = %s, want PASSIVE_LEVEL", old)
	}
	wdm.KeLowerIrql(old)
	if got := wdm.KeGetCurrentIrql(); got != wdm.PassiveLevel {
		t.Fatalf("IRQL after KeLowerIrql = %s, want PASSIVE_LEVEL", got)
	}
	expectClean(t, s)
}

func TestKeRaiseIrqlToSameLevelIsClean(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	wdm.KeLowerIrql(old)
	if got := wdm.KeGetCurrentIrql(); got != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s, want DISPATCH_LEVEL", got)
	}
	expectClean(t, s)
}

func TestKeRaiseIrqlBelowCurrentIsReported(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.DispatchLevel))
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.PassiveLevel, &old)
	expectRules(t, s, rules.RuleIrqlRaiseLowers)
	if got := wdm.KeGetCurrentIrql(); got != wdm.DispatchLevel {
		t.Fatalf("IRQL after the bad raise = %s, want it unchanged at DISPATCH_LEVEL", got)
	}
	if old != wdm.DispatchLevel {
		t.Fatalf("OldIrql = %s, want DISPATCH_LEVEL (so the matching lower is a no-op)", old)
	}
	wdm.KeLowerIrql(old)
	expectRules(t, s, rules.RuleIrqlRaiseLowers)
}

func TestKeLowerIrqlAboveCurrentIsReported(t *testing.T) {
	s := kernel.Reset()
	wdm.KeLowerIrql(wdm.DispatchLevel)
	expectRules(t, s, rules.RuleIrqlLowerRaises)
	if got := wdm.KeGetCurrentIrql(); got != wdm.PassiveLevel {
		t.Fatalf("IRQL = %s, want it unchanged at PASSIVE_LEVEL", got)
	}
}

func TestKeRaiseIrqlNullOldIrql(t *testing.T) {
	s := kernel.Reset()
	wdm.KeRaiseIrql(wdm.DispatchLevel, nil)
	expectRules(t, s, rules.RuleBadParameter)
}

func TestKeRaiseIrqlToDpcLevel(t *testing.T) {
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.ApcLevel))
	old := wdm.KeRaiseIrqlToDpcLevel()
	if old != wdm.ApcLevel {
		t.Fatalf("KeRaiseIrqlToDpcLevel returned %s, want APC_LEVEL", old)
	}
	if got := wdm.KeGetCurrentIrql(); got != wdm.DispatchLevel {
		t.Fatalf("IRQL = %s, want DISPATCH_LEVEL", got)
	}
	wdm.KeLowerIrql(old)
	if got := wdm.KeGetCurrentIrql(); got != wdm.ApcLevel {
		t.Fatalf("IRQL after KeLowerIrql = %s, want APC_LEVEL", got)
	}
	expectClean(t, s)
}

// Needs the catalogue: KeRaiseIrqlToDpcLevel's "<= DISPATCH_LEVEL".
func TestKeRaiseIrqlToDpcLevelAboveDispatch(t *testing.T) {
	needCatalogueDDI(t, "KeRaiseIrqlToDpcLevel")
	s := kernel.Reset()
	s.SetIrql(uint8(wdm.HighLevel))
	if old := wdm.KeRaiseIrqlToDpcLevel(); old != wdm.HighLevel {
		t.Fatalf("returned %s, want HIGH_LEVEL", old)
	}
	if got := wdm.KeGetCurrentIrql(); got != wdm.HighLevel {
		t.Fatalf("IRQL = %s, want it unchanged at HIGH_LEVEL", got)
	}
	expectRules(t, s, rules.RuleIrqlAboveMax)
}

func TestIrqlStringAndByNameReadTheLevelTable(t *testing.T) {
	for _, tc := range []struct {
		level wdm.Irql
		name  string
	}{
		{wdm.PassiveLevel, "PASSIVE_LEVEL"},
		{wdm.ApcLevel, "APC_LEVEL"},
		{wdm.DispatchLevel, "DISPATCH_LEVEL"},
		{wdm.ClockLevel, "CLOCK_LEVEL"},
		{wdm.IpiLevel, "IPI_LEVEL"},
		{wdm.PowerLevel, "IPI_LEVEL"}, // an alias: messages use IPI_LEVEL
		{wdm.ProfileLevel, "HIGH_LEVEL"},
		{wdm.HighLevel, "HIGH_LEVEL"},
		{wdm.Irql(5), "IRQL(5)"}, // a device level
	} {
		if got := tc.level.String(); got != tc.name {
			t.Errorf("Irql(%d).String() = %q, want %q", uint8(tc.level), got, tc.name)
		}
	}
	for _, tc := range []struct {
		name  string
		level wdm.Irql
		ok    bool
	}{
		{"PASSIVE_LEVEL", wdm.PassiveLevel, true},
		{"DISPATCH_LEVEL", wdm.DispatchLevel, true},
		{"POWER_LEVEL", wdm.PowerLevel, true},
		{"PROFILE_LEVEL", wdm.ProfileLevel, true},
		{"HIGH_LEVEL", wdm.HighLevel, true},
		{"DIRQL", 0, false}, // a range, not a level with a constant
		{"dispatch_level", 0, false},
		{"", 0, false},
	} {
		got, ok := wdm.IrqlByName(tc.name)
		if got != tc.level || ok != tc.ok {
			t.Errorf("IrqlByName(%q) = %s, %t; want %s, %t", tc.name, got, ok, tc.level, tc.ok)
		}
	}
}
