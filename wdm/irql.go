// Package wdm models the kernel routines NDIS drivers use for IRQL and spin
// locks (wdm.h): KIRQL, KeRaiseIrql, KeLowerIrql, KeGetCurrentIrql,
// KeAcquireSpinLock, KeReleaseSpinLock and their relatives. Names are the C
// names (kernel routines keep their Ke prefix); see DESIGN.md.
//
// The routines run against the same simulated processor as package ndis, so
// raising, lowering and spin locks are tracked and verified at run time.
package wdm

import "fmt"

// Irql models KIRQL, the interrupt request level of the (simulated) processor.
type Irql uint8

// The IRQL values of wdm.h (x64).
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
// "IRQL(n)" for a device level.
func (l Irql) String() string {
	switch l {
	case PassiveLevel:
		return "PASSIVE_LEVEL"
	case ApcLevel:
		return "APC_LEVEL"
	case DispatchLevel:
		return "DISPATCH_LEVEL"
	case ClockLevel:
		return "CLOCK_LEVEL"
	case IpiLevel:
		return "IPI_LEVEL"
	case HighLevel:
		return "HIGH_LEVEL"
	}
	return fmt.Sprintf("IRQL(%d)", uint8(l))
}

// IrqlByName returns the level with the given wdm.h name ("DISPATCH_LEVEL").
func IrqlByName(name string) (Irql, bool) {
	for _, l := range []Irql{PassiveLevel, ApcLevel, DispatchLevel, ClockLevel, IpiLevel, HighLevel} {
		if l.String() == name {
			return l, true
		}
	}
	switch name {
	case "POWER_LEVEL":
		return PowerLevel, true
	case "PROFILE_LEVEL":
		return ProfileLevel, true
	}
	return 0, false
}
