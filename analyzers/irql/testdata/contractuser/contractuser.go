// Package contractuser calls the contracts of contractonly, a package that
// does not import the runtime, from its callbacks.
package contractuser

import (
	"example.com/t/contractonly"

	"github.com/ndislint/ndislint/ndis"
)

type client struct {
	lock ndis.SpinLock
}

// clOpenAfCompleteEx runs at PASSIVE_LEVEL: Settle is fine before the
// lock, not under it; Poke is fine under it.
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	c := protocolAfContext.(*client)
	contractonly.Settle()
	ndis.AcquireSpinLock(&c.lock)
	contractonly.Poke()
	contractonly.Settle() // want `^contractonly.Settle may be called at DISPATCH_LEVEL here: its //ndis:irql max=PASSIVE_LEVEL requires <= PASSIVE_LEVEL, and spin lock c.lock is held \(NdisAcquireSpinLock at line 20\) \(irql-above-max\)$`
	ndis.ReleaseSpinLock(&c.lock)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClOpenAfCompleteHandlerEx: clOpenAfCompleteEx,
}

// timerFired runs at DISPATCH_LEVEL: Reset's broken contract is not
// trusted (the sleep it reaches is reported here too), Bogus's unreadable
// contract says nothing.
func timerFired(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	contractonly.Reset() // want `^Settle \(through contractonly.Reset -> Settle\) may be called at DISPATCH_LEVEL here: Settle's //ndis:irql max=PASSIVE_LEVEL requires <= PASSIVE_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`
	contractonly.Bogus()
	contractonly.Both()
	contractonly.Settle() // want `^contractonly.Settle may be called at DISPATCH_LEVEL here: its //ndis:irql max=PASSIVE_LEVEL requires <= PASSIVE_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`
}

var timer = ndis.TimerCharacteristics{TimerFunction: timerFired}
