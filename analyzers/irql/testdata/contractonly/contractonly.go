// Package contractonly imports neither ndis nor wdm: its functions state
// their IRQL contracts in directives only. The pass reads and checks those
// contracts here and exports them, so that callers in other packages are
// held to them.
package contractonly

import "time"

// Settle waits for the hardware to settle; it may sleep.
//
//ndis:irql max=PASSIVE_LEVEL
func Settle() { time.Sleep(time.Millisecond) } // want Settle:`irql\{max=PASSIVE_LEVEL\(Settle\) contract\}`

// Poke touches a register; any IRQL up to DISPATCH_LEVEL will do.
//
//ndis:irql max=DISPATCH_LEVEL
func Poke() {} // want Poke:`irql\{max=DISPATCH_LEVEL\(Poke\) contract\}`

// Bogus states a level that does not exist.
// want +2 `invalid //ndis:irql on Bogus: max=BOGUS: "BOGUS" is not an IRQL`
//
//ndis:irql max=BOGUS
func Bogus() {}

// Reset settles the hardware but promises DISPATCH_LEVEL: its body breaks
// its contract, found through the contract of Settle alone; callers are
// held to Settle's bound (its fact), not to the broken contract.
//
//ndis:irql max=DISPATCH_LEVEL
func Reset() { // want Reset:`irql\{max=PASSIVE_LEVEL\(Settle\) contract\}`
	Settle() // want `^Settle may be called at DISPATCH_LEVEL here: its //ndis:irql max=PASSIVE_LEVEL requires <= PASSIVE_LEVEL, and its //ndis:irql max=DISPATCH_LEVEL contract lets callers call it at <= DISPATCH_LEVEL \(irql-contract-broken\)$`
}

// Both states contradictory keys.
// want +2 `invalid //ndis:irql on Both: min=DISPATCH_LEVEL is above max=PASSIVE_LEVEL: no IRQL satisfies both`
//
//ndis:irql max=PASSIVE_LEVEL min=DISPATCH_LEVEL
func Both() {}

// A directive on a variable applies to nothing.
// want +2 `//ndis:irql applies to nothing: put it in the doc comment of a function declaration`
//
//ndis:irql max=PASSIVE_LEVEL
var Level = 0
