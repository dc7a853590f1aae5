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
