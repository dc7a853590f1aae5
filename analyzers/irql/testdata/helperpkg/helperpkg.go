// Package helperpkg holds helpers called from handlers in another package;
// their summaries travel as facts.
package helperpkg

import "github.com/ndislint/ndislint/ndis"

// Sleep sleeps.
func Sleep() { // want Sleep:`irql\{max=APC_LEVEL\(NdisMSleep\)\}`
	ndis.MSleep(10)
}

// Wait waits, two calls down.
func Wait(e *ndis.Event) { // want Wait:`irql\{max=PASSIVE_LEVEL\(NdisWaitEvent\)\}`
	waitInner(e)
}

func waitInner(e *ndis.Event) { ndis.WaitEvent(e, 0) }

// Guard is a counter under a spin lock.
type Guard struct {
	Lock ndis.SpinLock
	N    int
}

// Enter takes the lock and says so.
//
//ndis:irql raises=DISPATCH_LEVEL
func (g *Guard) Enter() { // want Enter:`irql\{max=DISPATCH_LEVEL\(\(\*Guard\).Enter\) exit=DISPATCH_LEVEL acquire\(\$0.Lock\) takes\(\$0.Lock\) contract\}`
	ndis.AcquireSpinLock(&g.Lock)
}

// Leave releases the lock and says so.
//
//ndis:irql restores=g
func (g *Guard) Leave() { // want Leave:`irql\{max=DISPATCH_LEVEL\(NdisReleaseSpinLock\) min=DISPATCH_LEVEL\(NdisReleaseSpinLock\) exit=\$0 release\(\$0.Lock\) contract\}`
	ndis.ReleaseSpinLock(&g.Lock)
}

// Add takes and releases the lock.
func (g *Guard) Add(n int) { // want Add:`irql\{max=DISPATCH_LEVEL\(\(\*Guard\).Enter\) takes\(\$0.Lock\)\}`
	g.Enter()
	g.N += n
	g.Leave()
}

// Count needs nothing: no fact.
func Count(g *Guard) int { return g.N }

// CloseComplete is a ProtocolClCloseCallComplete that another package
// registers.
func CloseComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) { // want CloseComplete:`irql\{max=APC_LEVEL\(NdisMSleep\)\}`
	Sleep()
}
