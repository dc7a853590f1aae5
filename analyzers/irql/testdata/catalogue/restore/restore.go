// Package restore calls KeLowerIrql, for the test that the pass follows the
// catalogue: its wants hold when the catalogue describes KeLowerIrql as a
// restore to its NewIrql parameter. When the catalogue does not describe
// it, the pass cannot see the IRQL come down, and reports the sleep after
// it and the returns.
package restore

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// raiseLowerSleep lowers before it sleeps: clean.
func raiseLowerSleep() {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	wdm.KeLowerIrql(old)
	ndis.MSleep(1)
}

// lowerAbove lowers to a level above the current one.
func lowerAbove() {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.ApcLevel, &old)
	wdm.KeLowerIrql(wdm.DispatchLevel) // want `KeLowerIrql to DISPATCH_LEVEL called at APC_LEVEL: a lower must not raise the IRQL \(irql-lower-raises\)`
	wdm.KeLowerIrql(old)
}

var _ = []any{raiseLowerSleep, lowerAbove}
