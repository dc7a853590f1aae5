// Package contracts checks //ndis:irql contracts against bodies and roles,
// //ndis:pageable, and contradictions on one path.
package contracts

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type client struct {
	lock  ndis.SpinLock
	count int
	done  bool
}

// backoff promises more than its body keeps.
//
//ndis:irql max=DISPATCH_LEVEL
func backoff() {
	ndis.MSleep(50) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and its //ndis:irql max=DISPATCH_LEVEL contract lets callers call it at <= DISPATCH_LEVEL \(irql-contract-broken\)`
}

// atDispatch lowers below its own minimum.
//
//ndis:irql min=DISPATCH_LEVEL
func atDispatch(c *client) {
	ndis.DprAcquireSpinLock(&c.lock)
	c.count++
	ndis.DprReleaseSpinLock(&c.lock)
	wdm.KeLowerIrql(wdm.PassiveLevel) // want `atDispatch lowers the IRQL to PASSIVE_LEVEL, below its //ndis:irql min=DISPATCH_LEVEL \(irql-contract-broken\)`
	wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
}

// raiser says it raises but does not on one path.
//
//ndis:irql raises=DISPATCH_LEVEL
func raiser(c *client, old *wdm.Irql) {
	if c.done {
		return // want `raiser returns at the IRQL it was called at on this path, but its //ndis:irql raises=DISPATCH_LEVEL says it returns at DISPATCH_LEVEL \(irql-not-restored\)`
	}
	wdm.KeRaiseIrql(wdm.DispatchLevel, old)
}

// restorer says it restores old but lowers to PASSIVE_LEVEL.
//
//ndis:irql restores=old
func restorer(old wdm.Irql) {
	wdm.KeLowerIrql(wdm.PassiveLevel)
} // want `restorer returns at PASSIVE_LEVEL on this path, but its //ndis:irql restores=old says it restores the IRQL held by old \(irql-save-restore\)`

// saver says it saves the IRQL through old but does not on one path.
//
//ndis:irql raises=DISPATCH_LEVEL saves=old
func saver(c *client, old *wdm.Irql) {
	if c.done {
		wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
		return // want `saver returns without saving the IRQL it was called at through old, as its //ndis:irql saves=old says \(irql-save-restore\)`
	}
	wdm.KeRaiseIrql(wdm.DispatchLevel, old)
}

// clCloseCallComplete's contract contradicts its role.
//
// want +2 `//ndis:irql max=PASSIVE_LEVEL on clCloseCallComplete contradicts its role: clCloseCallComplete runs as ProtocolClCloseCallComplete, which NDIS calls at <= DISPATCH_LEVEL \(irql-contradiction\)`
//
//ndis:irql max=PASSIVE_LEVEL
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and clCloseCallComplete runs as ProtocolClCloseCallComplete, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
}

// clCallConnected is pageable but NDIS may call it at DISPATCH_LEVEL.
//
// want +2 `clCallConnected is marked //ndis:pageable but may run at DISPATCH_LEVEL: clCallConnected runs as ProtocolClCallConnected, which NDIS calls at <= DISPATCH_LEVEL \(irql-pageable-at-dispatch\)`
//
//ndis:pageable
func clCallConnected(protocolVcContext ndis.Handle) {}

// readConfig is pageable and takes a spin lock.
//
//ndis:pageable
func readConfig(c *client) {
	ndis.AcquireSpinLock(&c.lock) // want `readConfig is marked //ndis:pageable but runs at DISPATCH_LEVEL here: spin lock c.lock is held \(NdisAcquireSpinLock at line \d+\) \(irql-pageable-at-dispatch\)`
	c.count++
	ndis.ReleaseSpinLock(&c.lock)
}

// Configure is pageable.
//
//ndis:pageable
func Configure(c *client) { // want Configure:`irql\{max=APC_LEVEL\(Configure\)\}`
	c.count++
}

// clIncomingCloseCall calls pageable code at DISPATCH_LEVEL.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	Configure(protocolVcContext.(*client)) // want `Configure may be called at DISPATCH_LEVEL here: its //ndis:pageable requires <= APC_LEVEL, and clIncomingCloseCall runs as ProtocolClIncomingCloseCall, which NDIS calls at <= DISPATCH_LEVEL \(irql-pageable-at-dispatch\)`
}

// clOpenAfCompleteEx calls pageable code at PASSIVE_LEVEL: clean.
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	Configure(protocolAfContext.(*client))
}

// poll needs two things no IRQL gives at once.
func poll(c *client) {
	ndis.MSleep(10)
	ndis.DprAcquireSpinLock(&c.lock) // want `NdisDprAcquireSpinLock needs >= DISPATCH_LEVEL, but this path runs only at <= APC_LEVEL: NdisMSleep at line \d+ needs <= APC_LEVEL; no IRQL satisfies both \(irql-contradiction\)`
	ndis.DprReleaseSpinLock(&c.lock)
}

// tested sleeps only where its own test says it cannot.
func tested() {
	if wdm.KeGetCurrentIrql() == wdm.DispatchLevel {
		ndis.MSleep(10) // want `NdisMSleep needs <= APC_LEVEL, but this path runs only at >= DISPATCH_LEVEL: the test of KeGetCurrentIrql; no IRQL satisfies both \(irql-contradiction\)`
	}
}

// Directives the pass cannot honour.

// want +2 `invalid //ndis:irql on bad1: max=DISPATCH: "DISPATCH" is not an IRQL \(want PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, ..., HIGH_LEVEL, DIRQL, or a number from 0 to 15\) \(irql-directive-invalid\)`
//
//ndis:irql max=DISPATCH
func bad1() {}

// want +2 `invalid //ndis:irql on bad2: unknown key "maximum" \(want always_max, always_min, level, max, min, raises, restores, same, saves\) \(irql-directive-invalid\)`
//
//ndis:irql maximum=DISPATCH_LEVEL
func bad2() {}

// want +2 `invalid //ndis:irql on bad3: min=DISPATCH_LEVEL is above max=PASSIVE_LEVEL: no IRQL satisfies both \(irql-directive-invalid\)`
//
//ndis:irql min=DISPATCH_LEVEL max=PASSIVE_LEVEL
func bad3() {}

// want +2 `invalid //ndis:irql on bad4: restores=oldIrql names no parameter of the function \(irql-directive-invalid\)`
//
//ndis:irql restores=oldIrql
func bad4(old wdm.Irql) {}

// want +1 `//ndis:irql applies to nothing: put it in the doc comment of a function declaration \(irql-directive-invalid\)`
//ndis:irql max=PASSIVE_LEVEL

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClCallConnectedHandler:     clCallConnected,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClOpenAfCompleteHandlerEx:  clOpenAfCompleteEx,
}

var _ = []any{backoff, atDispatch, raiser, restorer, saver, readConfig, poll, tested, bad1, bad2, bad3, bad4}
