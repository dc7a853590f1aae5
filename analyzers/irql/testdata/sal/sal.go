// Package sal checks the SAL IRQL forms with a Go form of their own:
// always_max= and always_min= (_IRQL_always_function_max_/_min_), exact
// levels (level=, _IRQL_requires_), device and numeric levels.
package sal

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type dev struct {
	lock  ndis.SpinLock
	count int
}

// bump never runs above APC_LEVEL, but takes a spin lock.
//
//ndis:irql always_max=APC_LEVEL
func bump(d *dev) {
	ndis.AcquireSpinLock(&d.lock) // want `^bump raises the IRQL to DISPATCH_LEVEL, above its //ndis:irql always_max=APC_LEVEL: spin lock d.lock is held \(NdisAcquireSpinLock at line \d+\) \(irql-contract-broken\)$`
	d.count++
	ndis.ReleaseSpinLock(&d.lock)
}

// bumpLow never runs above DISPATCH_LEVEL: the lock is fine (clean twin).
//
//ndis:irql always_max=DISPATCH_LEVEL
func bumpLow(d *dev) {
	ndis.AcquireSpinLock(&d.lock)
	d.count++
	ndis.ReleaseSpinLock(&d.lock)
}

// raiseHigh never runs above DISPATCH_LEVEL, but raises to a device level.
//
//ndis:irql always_max=DISPATCH_LEVEL
func raiseHigh() {
	var old wdm.Irql
	wdm.KeRaiseIrql(5, &old) // want `^raiseHigh raises the IRQL to IRQL\(5\), above its //ndis:irql always_max=DISPATCH_LEVEL: KeRaiseIrql raised the IRQL to IRQL\(5\) at line \d+ \(irql-contract-broken\)$`
	wdm.KeLowerIrql(old)
}

// atDispatch always runs at DISPATCH_LEVEL or above, but drops to
// PASSIVE_LEVEL.
//
//ndis:irql always_min=DISPATCH_LEVEL
func atDispatch() {
	old := wdm.KeGetCurrentIrql()
	wdm.KeLowerIrql(wdm.PassiveLevel) // want `^atDispatch lowers the IRQL to PASSIVE_LEVEL, below its //ndis:irql always_min=DISPATCH_LEVEL \(irql-contract-broken\)$`
	wdm.KeRaiseIrql(old, new(wdm.Irql))
}

// atDispatchToo always runs at DISPATCH_LEVEL or above and raises higher:
// clean.
//
//ndis:irql always_min=DISPATCH_LEVEL
func atDispatchToo() {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.HighLevel, &old)
	wdm.KeLowerIrql(old)
}

// exact must be called at DISPATCH_LEVEL.
//
//ndis:irql level=DISPATCH_LEVEL
func exact(d *dev) {
	ndis.DprAcquireSpinLock(&d.lock)
	d.count++
	ndis.DprReleaseSpinLock(&d.lock)
}

// exactPassive must be called at PASSIVE_LEVEL, but calls a function that
// needs DISPATCH_LEVEL.
//
//ndis:irql level=PASSIVE_LEVEL
func exactPassive(d *dev) {
	upToDispatch()
	exact(d) // want `^exact may be called at PASSIVE_LEVEL here: its //ndis:irql level=DISPATCH_LEVEL requires >= DISPATCH_LEVEL, and its //ndis:irql level=PASSIVE_LEVEL contract lets callers call it at PASSIVE_LEVEL \(irql-contract-broken\)$`
}

// device may be called at any device IRQL: DIRQL orders above
// DISPATCH_LEVEL and below HIGH_LEVEL.
//
//ndis:irql max=DIRQL
func device() {}

// numbered may be called up to IRQL 5.
//
//ndis:irql max=5
func numbered() {}

// upToDispatch may be called up to DISPATCH_LEVEL.
//
//ndis:irql max=DISPATCH_LEVEL
func upToDispatch() {}

// atDevice is called at DIRQL's bottom or above.
//
//ndis:irql min=DIRQL
func atDevice() {
	device()
	numbered()
	upToDispatch() // want `^upToDispatch may be called at IRQL\(3\) here: its //ndis:irql max=DISPATCH_LEVEL requires <= DISPATCH_LEVEL, and its //ndis:irql min=IRQL\(3\) contract lets callers call it at >= IRQL\(3\) \(irql-contract-broken\)$`
}

// timerFired runs at DISPATCH_LEVEL.
func timerFired(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	d := functionContext.(*dev)
	exact(d)
	device()
	numbered()
	bumpLow(d)
	bump(d)         // want `^bump may be called at DISPATCH_LEVEL here: its //ndis:irql always_max=APC_LEVEL requires <= APC_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`
	exactPassive(d) // want `^exactPassive may be called at DISPATCH_LEVEL here`
}

// workItem runs at PASSIVE_LEVEL.
func workItem(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	d := workItemContext.(*dev)
	exactPassive(d)
	exact(d)     // want `^exact may be called at PASSIVE_LEVEL here: its //ndis:irql level=DISPATCH_LEVEL requires >= DISPATCH_LEVEL, and workItem runs as `
	atDispatch() // want `^atDispatch may be called at PASSIVE_LEVEL here: its //ndis:irql always_min=DISPATCH_LEVEL requires >= DISPATCH_LEVEL`
}

// Invalid forms.
// want +2 `invalid //ndis:irql on bad1: max=17: "17" is not an IRQL`
//
//ndis:irql max=17
func bad1() {}

// want +2 `invalid //ndis:irql on bad2: max and level given together`
//
//ndis:irql level=DISPATCH_LEVEL max=DISPATCH_LEVEL
func bad2() {}

// want +2 `invalid //ndis:irql on bad3: raises=DISPATCH_LEVEL is above always_max=APC_LEVEL`
//
//ndis:irql raises=DISPATCH_LEVEL always_max=APC_LEVEL
func bad3() {}

// want +2 `invalid //ndis:irql on bad4: always_max=DIRQL_LEVEL: "DIRQL_LEVEL" is not an IRQL`
//
//ndis:irql always_max=DIRQL_LEVEL
func bad4() {}

var (
	timer = ndis.TimerCharacteristics{TimerFunction: timerFired}
	_     = func() { ndis.QueueIoWorkItem(nil, workItem, nil) }
)
