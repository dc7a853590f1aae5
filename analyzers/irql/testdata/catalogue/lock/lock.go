// Package lock acquires a spin lock twice, for the test that the pass
// follows the catalogue: its wants hold when NdisAcquireSpinLock's entry
// has its lock operation (acquire _SpinLock), and the pass says nothing
// here when the entry has none (it is then a plain raise to
// DISPATCH_LEVEL).
package lock

import "github.com/ndislint/ndislint/ndis"

type ctx struct {
	lock ndis.SpinLock
	n    int
}

// lockTwice is a lock wrapper that takes its lock twice.
//
//ndis:irql raises=DISPATCH_LEVEL
func lockTwice(c *ctx) {
	ndis.AcquireSpinLock(&c.lock)
	ndis.AcquireSpinLock(&c.lock) // want `NdisAcquireSpinLock on spin lock c.lock, which is already held \(NdisAcquireSpinLock at line 19\): the acquire spins forever \(spinlock-double-acquire\)`
}

var _ = lockTwice
