// Package done holds the Done-when cases.
package done

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	lock      ndis.SpinLock
	closing   bool
	connected bool
}

type af struct{ handle ndis.Handle }

// Settle sleeps: callers must be below DISPATCH_LEVEL.
func Settle() { // want Settle:`irql\{max=APC_LEVEL\(NdisMSleep\)\}`
	ndis.MSleep(1000)
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	Settle() // want `NdisMSleep \(through Settle at done.go:16\) may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and clCloseCallComplete runs as ProtocolClCloseCallComplete, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
}

func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	if v.closing {
		return // want `clCallConnected returns with spin lock v.lock held \(NdisAcquireSpinLock at line 25\) \(spinlock-held-on-return\)`
	}
	v.connected = true
	ndis.ReleaseSpinLock(&v.lock)
}

// SettlePassive is the same helper under a contract.
//
//ndis:irql max=PASSIVE_LEVEL
func SettlePassive() { // want SettlePassive:`irql\{max=PASSIVE_LEVEL\(SettlePassive\) contract\}`
	ndis.MSleep(1000)
}

func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	SettlePassive()
	a := protocolAfContext.(*af)
	a.handle = ndisAfHandle
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClCallConnectedHandler:     clCallConnected,
	ClOpenAfCompleteHandlerEx:  clOpenAfCompleteEx,
}
