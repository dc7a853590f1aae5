// Package locks checks spin-lock discipline: balance on every path, double
// acquires, releases of locks not held, mixed forms, lock wrappers.
package locks

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type client struct {
	lock  ndis.SpinLock
	other ndis.SpinLock
	klock wdm.KSpinLock
	count int
}

type vc struct {
	c       *client
	lock    ndis.SpinLock
	closing bool
}

// lock is a lock wrapper that says so.
//
//ndis:irql raises=DISPATCH_LEVEL
func (c *client) lock_() {
	ndis.AcquireSpinLock(&c.lock)
}

// unlock is an unlock wrapper that says so.
//
//ndis:irql restores=c
func (c *client) unlock() {
	ndis.ReleaseSpinLock(&c.lock)
}

// bump takes the lock through the wrappers: clean.
func bump(c *client) {
	c.lock_()
	c.count++
	c.unlock()
}

// grab is a lock wrapper that does not say so.
func grab(c *client) {
	ndis.AcquireSpinLock(&c.lock)
} // want `grab returns with spin lock c.lock held \(NdisAcquireSpinLock at line 46\); if taking the lock is its job, say so with //ndis:irql raises=DISPATCH_LEVEL \(spinlock-held-on-return\)`

// drop is an unlock wrapper that does not say so.
func drop(c *client) {
	ndis.ReleaseSpinLock(&c.lock)
} // want `drop returns at the IRQL held by c.lock, not at the IRQL it was called at: NdisReleaseSpinLock restored the IRQL at line 51; if that is its job, say so with //ndis:irql restores=c \(irql-not-restored\)`

// balancedByHelpers is clean: the helpers' summaries say what they do.
func balancedByHelpers(c *client) {
	grab(c)
	c.count++
	drop(c)
}

// clCoDeleteVc releases a lock it never took.
func clCoDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.ReleaseSpinLock(&v.lock) // want `NdisReleaseSpinLock on spin lock v.lock, but it is not held: NDIS calls ProtocolCoDeleteVc with no spin lock of the driver held \(spinlock-release-not-held\)`
	return ndis.StatusSuccess
}

// clCallConnected acquires twice, directly and through a helper.
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.c.lock)
	bump(v.c) // want `bump takes spin lock v.c.lock, which is already held \(NdisAcquireSpinLock at line 71\): the acquire spins forever \(spinlock-double-acquire\)`
	ndis.ReleaseSpinLock(&v.c.lock)
	ndis.AcquireSpinLock(&v.lock)
	ndis.AcquireSpinLock(&v.lock) // want `NdisAcquireSpinLock on spin lock v.lock, which is already held \(NdisAcquireSpinLock at line 74\): the acquire spins forever \(spinlock-double-acquire\)`
	ndis.ReleaseSpinLock(&v.lock)
}

// clIncomingCloseCall mixes the forms.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	v.closing = true
	ndis.DprReleaseSpinLock(&v.lock) // want `NdisDprReleaseSpinLock releases spin lock v.lock with the Dpr \(at-DISPATCH_LEVEL\) form, but NdisAcquireSpinLock acquired it with the normal form \(spinlock-dpr-mismatch\)`
}

// clCloseCallComplete releases out of order.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.c.lock)
	ndis.AcquireSpinLock(&v.lock)
	ndis.ReleaseSpinLock(&v.c.lock) // want `NdisReleaseSpinLock on spin lock v.c.lock may lower the IRQL below DISPATCH_LEVEL while spin lock v.lock is still held \(NdisAcquireSpinLock at line 91\): release spin locks in the reverse order of acquisition \(spinlock-release-order\)`
	ndis.ReleaseSpinLock(&v.lock)
}

// clMakeCallComplete frees a held lock.
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	ndis.FreeSpinLock(&v.lock) // want `NdisFreeSpinLock on spin lock v.lock while it is held \(acquired at line 99\) \(spinlock-free-held\)`
	ndis.ReleaseSpinLock(&v.lock)
}

// kernelLocks uses the wdm forms, balanced, with defer: clean.
func kernelLocks(c *client) {
	var old wdm.Irql
	wdm.KeAcquireSpinLock(&c.klock, &old)
	defer wdm.KeReleaseSpinLock(&c.klock, old)
	c.count++
}

// deferredClosure releases through a deferred function literal: clean.
func deferredClosure(v *vc) {
	ndis.AcquireSpinLock(&v.lock)
	defer func() {
		v.closing = true
		ndis.ReleaseSpinLock(&v.lock)
	}()
	v.c.count++
}

// closureLeaks takes the lock in a literal it calls and never releases it.
func closureLeaks(v *vc) {
	take := func() { ndis.AcquireSpinLock(&v.lock) }
	take()
	v.c.count++
} // want `closureLeaks returns with spin lock v.lock held \(NdisAcquireSpinLock \(through closureLeaks's func literal\) at line \d+\); if taking the lock is its job, say so with //ndis:irql raises=DISPATCH_LEVEL \(spinlock-held-on-return\)`

// stale reads the IRQL before taking the lock: the test no longer says
// what the IRQL is, so nothing is concluded from it.
func stale(v *vc) {
	irql := wdm.KeGetCurrentIrql()
	ndis.AcquireSpinLock(&v.lock)
	if irql == wdm.PassiveLevel {
		v.closing = true
	}
	ndis.ReleaseSpinLock(&v.lock)
}

// nested takes two locks and releases them in reverse order: clean.
func nested(c *client) {
	ndis.AcquireSpinLock(&c.lock)
	ndis.AcquireSpinLock(&c.other)
	c.count++
	ndis.ReleaseSpinLock(&c.other)
	ndis.ReleaseSpinLock(&c.lock)
}

// early releases on every path out: clean.
func early(v *vc) bool {
	ndis.AcquireSpinLock(&v.lock)
	if v.closing {
		ndis.ReleaseSpinLock(&v.lock)
		return false
	}
	v.closing = true
	ndis.ReleaseSpinLock(&v.lock)
	return true
}

// conditional takes the lock on one path and releases it under the same
// condition: the pass cannot correlate the branches and says nothing.
func conditional(v *vc, take bool) {
	if take {
		ndis.AcquireSpinLock(&v.lock)
	}
	v.closing = true
	if take {
		ndis.ReleaseSpinLock(&v.lock)
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClDeleteVcHandler:          clCoDeleteVc,
	ClCallConnectedHandler:     clCallConnected,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
}

var _ = []any{balancedByHelpers, kernelLocks, nested, early, conditional, deferredClosure, closureLeaks, stale}

// The Dpr forms (SDV SpinLockDpr, SpinLockDprRelease).

// dprTwice takes the lock with the Dpr form while it holds it.
//
//ndis:irql level=DISPATCH_LEVEL
func dprTwice(v *vc) {
	ndis.DprAcquireSpinLock(&v.lock)
	ndis.DprAcquireSpinLock(&v.c.other)
	ndis.DprAcquireSpinLock(&v.lock) // want `NdisDprAcquireSpinLock on spin lock v.lock, which is already held \(NdisDprAcquireSpinLock at line \d+\): the acquire spins forever \(spinlock-double-acquire\)`
	ndis.DprReleaseSpinLock(&v.c.other)
	ndis.DprReleaseSpinLock(&v.lock)
}

// dprLeaks returns with the lock it took with the Dpr form on one path.
//
//ndis:irql level=DISPATCH_LEVEL
func dprLeaks(v *vc) {
	ndis.DprAcquireSpinLock(&v.lock)
	if v.closing {
		return // want `dprLeaks returns with spin lock v.lock held \(NdisDprAcquireSpinLock at line \d+\)`
	}
	ndis.DprReleaseSpinLock(&v.lock)
}

// dprReleasedNormally releases a Dpr acquisition with the normal form.
//
//ndis:irql level=DISPATCH_LEVEL
func dprReleasedNormally(v *vc) {
	ndis.DprAcquireSpinLock(&v.lock)
	ndis.ReleaseSpinLock(&v.lock) // want `NdisReleaseSpinLock releases spin lock v.lock with the normal form, but NdisDprAcquireSpinLock acquired it with the Dpr \(at-DISPATCH_LEVEL\) form \(spinlock-dpr-mismatch\)`
}

// dprPair is the clean twin: acquired and released with the Dpr form.
//
//ndis:irql level=DISPATCH_LEVEL
func dprPair(v *vc) {
	ndis.DprAcquireSpinLock(&v.lock)
	v.closing = true
	ndis.DprReleaseSpinLock(&v.lock)
}
