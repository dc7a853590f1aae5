// Package flowgaps checks what the pass credits across helpers with no
// contract (a helper that saves the IRQL, or returns it), restores=
// contracts kept on one path only, pageable code that a min= contract puts
// at DISPATCH_LEVEL, and same contracts the body shows false.
package flowgaps

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type client struct {
	lock ndis.SpinLock
	done bool
}

// keep stores the IRQL it is called at through old: no contract needed.
func keep(old *wdm.Irql) { *old = wdm.KeGetCurrentIrql() }

// current returns the IRQL it is called at.
func current() wdm.Irql { return wdm.KeGetCurrentIrql() }

// maybeCurrent returns the IRQL it is called at on one path only.
func maybeCurrent(c *client) wdm.Irql {
	if c.done {
		return wdm.PassiveLevel
	}
	return wdm.KeGetCurrentIrql()
}

// raiseKeep saves through a helper: clean.
//
//ndis:irql raises=DISPATCH_LEVEL saves=old
func raiseKeep(old *wdm.Irql) {
	keep(old)
	wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
}

// raiseCurrent saves what a helper returns: clean.
//
//ndis:irql raises=DISPATCH_LEVEL saves=old
func raiseCurrent(old *wdm.Irql) {
	*old = current()
	wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
}

// raiseMaybe saves what a helper returns on one path only.
//
//ndis:irql raises=DISPATCH_LEVEL saves=old
func raiseMaybe(c *client, old *wdm.Irql) {
	*old = maybeCurrent(c)
	wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
} // want `^raiseMaybe returns without saving the IRQL it was called at through old, as its //ndis:irql saves=old says \(irql-save-restore\)$`

// lowerSome restores old on one path only.
//
//ndis:irql restores=old
func lowerSome(c *client, old wdm.Irql) {
	if c.done {
		wdm.KeLowerIrql(old)
	}
} // want `^lowerSome returns at an IRQL that depends on the path on this path, but its //ndis:irql restores=old says it restores the IRQL held by old \(irql-save-restore\)$`

// lowerAll restores old on every path: clean.
//
//ndis:irql restores=old
func lowerAll(c *client, old wdm.Irql) {
	if c.done {
		wdm.KeLowerIrql(old)
		return
	}
	wdm.KeLowerIrql(old)
}

// unlockSome releases the lock on one path only.
//
//ndis:irql restores=c
func unlockSome(c *client) {
	if c.done {
		ndis.ReleaseSpinLock(&c.lock)
	}
} // want `^unlockSome releases spin lock c.lock on some paths only, but its //ndis:irql restores=c says it restores the IRQL held by c \(irql-save-restore\)$`

// unlock releases the lock on every path: clean.
//
//ndis:irql restores=c
func unlock(c *client) {
	ndis.ReleaseSpinLock(&c.lock)
}

// want +2 `^pagedAtDispatch is marked //ndis:pageable, but its //ndis:irql min=DISPATCH_LEVEL contract says it runs at >= DISPATCH_LEVEL \(irql-contradiction\)$`
//
//ndis:irql min=DISPATCH_LEVEL
//ndis:pageable
func pagedAtDispatch() {}

// pagedAtApc is pageable and runs at APC_LEVEL: clean.
//
//ndis:irql min=APC_LEVEL
//ndis:pageable
func pagedAtApc() {}

// want +2 `^sameRaises's //ndis:irql same contract is false: it may return at DISPATCH_LEVEL \(line \d+\): KeRaiseIrql raised the IRQL to DISPATCH_LEVEL at line \d+ \(irql-contract-broken\)$`
//
//ndis:irql same
func sameRaises(c *client) {
	wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
}

// sameKept keeps its same contract: clean.
//
//ndis:irql same
func sameKept(c *client) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	wdm.KeLowerIrql(old)
}

// workItem runs at PASSIVE_LEVEL: after sameKept, and after lowering to the
// IRQL current returned, sleeping is fine; after sameRaises, the pass says
// nothing (it cannot trust the contract).
func workItem(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	c := workItemContext.(*client)
	sameKept(c)
	ndis.MSleep(1)
	var old wdm.Irql
	raiseKeep(&old)
	wdm.KeLowerIrql(old)
	raiseCurrent(&old)
	wdm.KeLowerIrql(old)
	ndis.MSleep(1)
	old = current()
	wdm.KeRaiseIrql(wdm.DispatchLevel, new(wdm.Irql))
	wdm.KeLowerIrql(old)
	ndis.MSleep(1)
	sameRaises(c)
	ndis.DprAcquireSpinLock(&c.lock) // the contract says PASSIVE_LEVEL, the body DISPATCH_LEVEL: silent
	ndis.DprReleaseSpinLock(&c.lock)
}

var _ = func() { ndis.QueueIoWorkItem(nil, workItem, nil) }
