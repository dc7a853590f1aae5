// Package crosspkg calls helpers of another package from its handlers.
package crosspkg

import (
	"example.com/t/helperpkg"

	"github.com/ndislint/ndislint/ndis"
)

type client struct {
	guard helperpkg.Guard
	event ndis.Event
}

func clCallConnected(protocolVcContext ndis.Handle) {
	helperpkg.Sleep() // want `NdisMSleep \(through helperpkg.Sleep at helperpkg.go:9\) may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and clCallConnected runs as ProtocolClCallConnected, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
}

// clOpenAfCompleteEx runs at PASSIVE_LEVEL: waiting is fine outside the
// lock, not inside it.
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	c := protocolAfContext.(*client)
	helperpkg.Wait(&c.event)
	c.guard.Enter()
	helperpkg.Wait(&c.event) // want `NdisWaitEvent \(through helperpkg.Wait -> waitInner at helperpkg.go:17\) may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and spin lock c.guard.Lock is held \(NdisAcquireSpinLock \(through helperpkg.\(\*Guard\).Enter\) at line \d+\) \(irql-above-max\)`
	_ = helperpkg.Count(&c.guard)
	c.guard.Leave()
	c.guard.Add(1)
	helperpkg.Sleep()
}

// clIncomingCloseCall holds the lock across Add, which takes it again.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	c := protocolVcContext.(*client)
	c.guard.Enter()
	c.guard.Add(1) // want `helperpkg.\(\*Guard\).Add takes spin lock c.guard.Lock, which is already held \(NdisAcquireSpinLock \(through helperpkg.\(\*Guard\).Enter\) at line \d+\): the acquire spins forever \(spinlock-double-acquire\)`
	c.guard.Leave()
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCallConnectedHandler:     clCallConnected,
	ClOpenAfCompleteHandlerEx:  clOpenAfCompleteEx,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: helperpkg.CloseComplete, // want `helperpkg.CloseComplete may run at DISPATCH_LEVEL: helperpkg.CloseComplete runs as ProtocolClCloseCallComplete, which NDIS calls at <= DISPATCH_LEVEL; but NdisMSleep \(through helperpkg.CloseComplete -> Sleep at helperpkg.go:9\): its page requires < DISPATCH_LEVEL \(irql-above-max\)`
}
