// Package raise checks raising and lowering the IRQL.
package raise

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type client struct {
	lock    ndis.SpinLock
	count   int
	closing bool
	oldIrql wdm.Irql
}

// balanced raises and lowers on every path: clean.
func balanced(c *client) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	c.count++
	wdm.KeLowerIrql(old)
}

// early forgets to lower on one path.
func early(c *client) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	if c.closing {
		return // want `early may return at DISPATCH_LEVEL, not at the IRQL it was called at: KeRaiseIrql raised the IRQL to DISPATCH_LEVEL at line 27 \(irql-not-restored\)`
	}
	c.count++
	wdm.KeLowerIrql(old)
}

// dpc uses KeRaiseIrqlToDpcLevel and its result: clean.
func dpc(c *client) {
	old := wdm.KeRaiseIrqlToDpcLevel()
	c.count++
	wdm.KeLowerIrql(old)
}

// field keeps the saved IRQL in a field: clean.
func field(c *client) {
	wdm.KeRaiseIrql(wdm.DispatchLevel, &c.oldIrql)
	c.count++
	wdm.KeLowerIrql(c.oldIrql)
}

// raiseUnderLock lowers with a raise.
func raiseUnderLock(c *client) {
	var old wdm.Irql
	ndis.AcquireSpinLock(&c.lock)
	wdm.KeRaiseIrql(wdm.ApcLevel, &old) // want `KeRaiseIrql to APC_LEVEL may be called at DISPATCH_LEVEL here: a raise must not lower the IRQL, and spin lock c.lock is held \(NdisAcquireSpinLock at line 52\) \(irql-raise-lowers\)`
	wdm.KeLowerIrql(old)
	ndis.ReleaseSpinLock(&c.lock)
}

// lowerRaises raises with a lower.
func lowerRaises(c *client) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.ApcLevel, &old)
	wdm.KeLowerIrql(wdm.DispatchLevel) // want `KeLowerIrql to DISPATCH_LEVEL called at APC_LEVEL: a lower must not raise the IRQL \(irql-lower-raises\)`
	wdm.KeLowerIrql(old)
}

// badLevel passes a level that is not one.
func badLevel() {
	var old wdm.Irql
	wdm.KeRaiseIrql(31, &old) // want `KeRaiseIrql with IRQL 31, which is above HIGH_LEVEL \(15\): not an IRQL \(irql-bad-level\)`
	wdm.KeLowerIrql(old)
}

// RaiseTo raises for its caller and says so.
//
//ndis:irql raises=DISPATCH_LEVEL saves=old
func RaiseTo(old *wdm.Irql) { // want RaiseTo:`irql\{max=DISPATCH_LEVEL\(RaiseTo\) exit=DISPATCH_LEVEL saves=\$0 contract\}`
	wdm.KeRaiseIrql(wdm.DispatchLevel, old)
}

// LowerTo lowers for its caller and says so.
//
//ndis:irql restores=old
func LowerTo(old wdm.Irql) { // want LowerTo:`irql\{exit=\$0 contract\}`
	wdm.KeLowerIrql(old)
}

// clCallConnected raises and lowers through the contracted helpers, and
// calls NdisMSleep in between.
func clCallConnected(protocolVcContext ndis.Handle) {
	c := protocolVcContext.(*client)
	var old wdm.Irql
	RaiseTo(&old)
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and RaiseTo raised the IRQL to DISPATCH_LEVEL at line 92 \(irql-above-max\)`
	LowerTo(old)
	c.count++
}

// clOpenAfCompleteEx runs at PASSIVE_LEVEL: after the contracted lower it
// is back there, and may sleep.
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	var old wdm.Irql
	RaiseTo(&old)
	LowerTo(old)
	ndis.MSleep(1)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCallConnectedHandler:    clCallConnected,
	ClOpenAfCompleteHandlerEx: clOpenAfCompleteEx,
}

var _ = []any{balanced, early, dpc, field, raiseUnderLock, lowerRaises, badLevel}

// lowerAtPassive runs at PASSIVE_LEVEL by its contract: a lower to
// DISPATCH_LEVEL raises, with no raise in the function to say so.
//
//ndis:irql max=PASSIVE_LEVEL
func lowerAtPassive() {
	wdm.KeLowerIrql(wdm.DispatchLevel) // want `KeLowerIrql to DISPATCH_LEVEL called at <= PASSIVE_LEVEL: a lower must not raise the IRQL \(irql-lower-raises\)`
	wdm.KeLowerIrql(wdm.PassiveLevel)
}

// lowerAtDispatch lowers to DISPATCH_LEVEL where it is at DISPATCH_LEVEL:
// no change, nothing to report.
//
//ndis:irql max=DISPATCH_LEVEL
func lowerAtDispatch() {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	wdm.KeLowerIrql(wdm.DispatchLevel)
	wdm.KeLowerIrql(old)
}
