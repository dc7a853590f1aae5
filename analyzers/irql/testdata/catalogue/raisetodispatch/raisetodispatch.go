// Package raisetodispatch calls KeRaiseIrqlToDpcLevel, for the test that the pass
// follows the catalogue: its wants hold when the catalogue describes
// KeRaiseIrqlToDpcLevel as a raise to DISPATCH_LEVEL, and the pass says
// nothing here when the catalogue does not describe it.
package raisetodispatch

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// sleepRaised sleeps between the raise and the lower.
func sleepRaised() {
	old := wdm.KeRaiseIrqlToDpcLevel()
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and KeRaiseIrqlToDpcLevel raised the IRQL to DISPATCH_LEVEL at line 14 \(irql-above-max\)`
	wdm.KeLowerIrql(old)
}

// raiseOnly raises and never lowers.
func raiseOnly() {
	wdm.KeRaiseIrqlToDpcLevel()
} // want `raiseOnly may return at DISPATCH_LEVEL, not at the IRQL it was called at: KeRaiseIrqlToDpcLevel raised the IRQL to DISPATCH_LEVEL at line 21; if raising is its job, say so with //ndis:irql raises=DISPATCH_LEVEL \(irql-not-restored\)`

// balanced lowers before it sleeps: clean.
func balanced() {
	old := wdm.KeRaiseIrqlToDpcLevel()
	wdm.KeLowerIrql(old)
	ndis.MSleep(1)
}

var _ = []any{sleepRaised, raiseOnly, balanced}
