// Package multifile spreads a driver over two files, for the test that the
// pass's findings and facts do not depend on the order its files are
// parsed in: the handlers are here, registered in b.go, and call helpers
// there.
package multifile

import "github.com/ndislint/ndislint/ndis"

// clCallConnected sleeps and waits under its lock.
func clCallConnected(protocolVcContext ndis.Handle) {
	c := protocolVcContext.(*Client)
	c.Lock()
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and spin lock c.lock is held \(NdisAcquireSpinLock \(through \(\*Client\).Lock\) at line 12\) \(irql-above-max\)`
	settle(c)      // want `NdisWaitEvent \(through settle at b.go:22\) may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and spin lock c.lock is held \(NdisAcquireSpinLock \(through \(\*Client\).Lock\) at line 12\) \(irql-above-max\)`
	c.Unlock()
}

// clCloseCallComplete runs at <= DISPATCH_LEVEL and waits.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	c := protocolVcContext.(*Client)
	settle(c) // want `NdisWaitEvent \(through settle at b.go:22\) may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and clCloseCallComplete runs as ProtocolClCloseCallComplete, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
	c.Lock()
} // want `clCloseCallComplete returns with spin lock c.lock held \(NdisAcquireSpinLock \(through \(\*Client\).Lock\) at line 22\) \(spinlock-held-on-return\)`
