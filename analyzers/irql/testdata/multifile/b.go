package multifile

import "github.com/ndislint/ndislint/ndis"

// Client is a client context.
type Client struct {
	lock  ndis.SpinLock
	event ndis.Event
}

// Lock takes the client's lock.
//
//ndis:irql raises=DISPATCH_LEVEL
func (c *Client) Lock() { ndis.AcquireSpinLock(&c.lock) } // want Lock:`irql\{max=DISPATCH_LEVEL\(\(\*Client\).Lock\) exit=DISPATCH_LEVEL acquire\(\$0.lock\) takes\(\$0.lock\) contract\}`

// Unlock releases it.
//
//ndis:irql restores=c
func (c *Client) Unlock() { ndis.ReleaseSpinLock(&c.lock) } // want Unlock:`irql\{max=DISPATCH_LEVEL\(NdisReleaseSpinLock\) min=DISPATCH_LEVEL\(NdisReleaseSpinLock\) exit=\$0 release\(\$0.lock\) contract\}`

// settle waits for the client's event.
func settle(c *Client) { ndis.WaitEvent(&c.event, 0) }

// Settle is settle for other packages.
func Settle(c *Client) { settle(c) } // want Settle:`irql\{max=PASSIVE_LEVEL\(NdisWaitEvent\)\}`

var handlers = ndis.CoClientOptionalHandlers{
	ClCallConnectedHandler:     clCallConnected,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}

// grab takes the lock and keeps it.
func grab(c *Client) {
	ndis.AcquireSpinLock(&c.lock)
} // want `grab returns with spin lock c.lock held \(NdisAcquireSpinLock at line 34\); if taking the lock is its job, say so with //ndis:irql raises=DISPATCH_LEVEL \(spinlock-held-on-return\)`

var _ = grab
