// Package odd holds shapes the pass must survive without a word, or
// report only what it can tell: generics, interfaces, recursion, function
// values, goroutines, loops.
package odd

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type client struct {
	lock  ndis.SpinLock
	locks [4]ndis.SpinLock
	n     int
}

type sleeper interface{ Sleep() }

type realSleeper struct{}

func (realSleeper) Sleep() { ndis.MSleep(1) } // want Sleep:`irql\{max=APC_LEVEL\(NdisMSleep\)\}`

// each is generic.
func each[T any](xs []T, f func(T)) {
	for _, x := range xs {
		f(x)
	}
}

// recurse calls itself.
func recurse(c *client, n int) {
	if n == 0 {
		return
	}
	ndis.AcquireSpinLock(&c.lock)
	c.n++
	ndis.ReleaseSpinLock(&c.lock)
	recurse(c, n-1)
}

var table = map[string]func(){"sleep": func() { ndis.MSleep(1) }}

func clCallConnected(protocolVcContext ndis.Handle) {
	c := protocolVcContext.(*client)
	var s sleeper = realSleeper{}
	s.Sleep()        // an interface call: not resolved, not reported
	table["sleep"]() // a function value from a map: not resolved
	each([]int{1, 2}, func(int) { c.n++ })
	recurse(c, 3)
	go func() { ndis.MSleep(1) }() // another thread: not this handler's IRQL
	f := realSleeper{}.Sleep
	f() // want `NdisMSleep \(through \(realSleeper\).Sleep at odd.go:21\) may be called at DISPATCH_LEVEL here`
	for i := range c.locks {
		ndis.AcquireSpinLock(&c.locks[i]) // a lock the pass cannot name: what follows is not tracked
		ndis.ReleaseSpinLock(&c.locks[i])
	}
	ndis.MSleep(1)
}

// loop takes and releases in a loop with early exits: clean.
func loop(c *client, n int) {
	for i := 0; i < n; i++ {
		ndis.AcquireSpinLock(&c.lock)
		if c.n > 10 {
			ndis.ReleaseSpinLock(&c.lock)
			break
		}
		c.n++
		ndis.ReleaseSpinLock(&c.lock)
	}
	switch wdm.KeGetCurrentIrql() {
	case wdm.PassiveLevel:
		ndis.MSleep(1)
	case wdm.DispatchLevel:
		ndis.DprAcquireSpinLock(&c.lock)
		ndis.DprReleaseSpinLock(&c.lock)
	}
}

var handlers = ndis.CoClientOptionalHandlers{ClCallConnectedHandler: clCallConnected}

var _ = loop
