// Package chain checks where a chain callback -> helper -> helper -> DDI
// is reported when the innermost helper has a contract: at the call in the
// callback, and at the call inside the helper when it breaks the helper's
// own contract.
package chain

import "github.com/ndislint/ndislint/ndis"

// pause promises DISPATCH_LEVEL but sleeps.
//
//ndis:irql max=DISPATCH_LEVEL
func pause() {
	ndis.MSleep(1) // want `^NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and its //ndis:irql max=DISPATCH_LEVEL contract lets callers call it at <= DISPATCH_LEVEL \(irql-contract-broken\)$`
}

// settle promises PASSIVE_LEVEL and sleeps: its contract holds.
//
//ndis:irql max=PASSIVE_LEVEL
func settle() { ndis.MSleep(1) }

// poke promises DISPATCH_LEVEL and keeps it.
//
//ndis:irql max=DISPATCH_LEVEL
func poke() {}

func middlePause()  { pause() }
func middleSettle() { settle() }
func middlePoke()   { poke() }

// timerFired runs at DISPATCH_LEVEL.
func timerFired(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	middlePause()  // want `^NdisMSleep \(through middlePause -> pause at chain.go:\d+\) may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`
	middleSettle() // want `^settle \(through middleSettle -> settle\) may be called at DISPATCH_LEVEL here: settle's //ndis:irql max=PASSIVE_LEVEL requires <= PASSIVE_LEVEL`
	middlePoke()
}

var timer = ndis.TimerCharacteristics{TimerFunction: timerFired}
