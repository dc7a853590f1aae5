// Package raise calls KeRaiseIrql, for the test that the pass follows the
// catalogue, not names: its wants hold when the catalogue describes
// KeRaiseIrql as a raise to its NewIrql parameter, and the pass says
// nothing here when KeRaiseIrql's entry has no effect.
package raise

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// sleepRaised sleeps between the raise and the lower.
func sleepRaised() {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and KeRaiseIrql raised the IRQL to DISPATCH_LEVEL at line 15 \(irql-above-max\)`
	wdm.KeLowerIrql(old)
}

// raiseBelow raises to a level below the current one.
func raiseBelow() {
	var old, older wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	wdm.KeRaiseIrql(wdm.ApcLevel, &older) // want `KeRaiseIrql to APC_LEVEL may be called at DISPATCH_LEVEL here: a raise must not lower the IRQL, and KeRaiseIrql raised the IRQL to DISPATCH_LEVEL at line 23 \(irql-raise-lowers\)`
	wdm.KeLowerIrql(old)
}

var _ = []any{sleepRaised, raiseBelow}
