// Package wdm models the kernel routines NDIS drivers use for IRQL, spin
// locks, waits and events (wdm.h): KIRQL, KeRaiseIrql, KeLowerIrql,
// KeGetCurrentIrql, KeAcquireSpinLock, KeReleaseSpinLock, KeSetEvent,
// KeWaitForSingleObject and their relatives. Names are the C names (kernel
// routines keep their Ke prefix); see DESIGN.md.
//
// The routines run against the same simulated processor as package ndis, so
// raising, lowering and spin locks are tracked and verified at run time.
package wdm

import "github.com/ndislint/ndislint/rules"

// Irql models KIRQL, the interrupt request level of the (simulated) processor.
type Irql uint8

// The IRQL values of wdm.h (x64): one constant for each named level of
// rules.Levels (internal/modelcheck checks that the two agree).
const (
	// PassiveLevel is PASSIVE_LEVEL.
	PassiveLevel Irql = 0
	// ApcLevel is APC_LEVEL.
	ApcLevel Irql = 1
	// DispatchLevel is DISPATCH_LEVEL.
	DispatchLevel Irql = 2
	// ClockLevel is CLOCK_LEVEL.
	ClockLevel Irql = 13
	// IpiLevel is IPI_LEVEL.
	IpiLevel Irql = 14
	// PowerLevel is POWER_LEVEL.
	PowerLevel Irql = 14
	// ProfileLevel is PROFILE_LEVEL.
	ProfileLevel Irql = 15
	// HighLevel is HIGH_LEVEL.
	HighLevel Irql = 15
)

// String returns the wdm.h name of the level (DISPATCH_LEVEL), or
// "IRQL(n)" for a device level, as rules.LevelName spells it.
func (l Irql) String() string {
	return rules.LevelName(uint8(l))
}

// IrqlByName returns the level with the given wdm.h name ("DISPATCH_LEVEL"),
// read from the IRQL table of package rules. DIRQL, a range with no
// constant here, is not a level of its own.
func IrqlByName(name string) (Irql, bool) {
	l, ok := rules.LookupLevel(name)
	if !ok || l.GoName == "" {
		return 0, false
	}
	return Irql(l.Value), true
}
