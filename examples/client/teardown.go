package client

import "github.com/ndislint/ndislint/ndis"

// The teardown of an address family, in the order CoNDIS requires
// (Closing an Address Family in a CoNDIS Client; ProtocolClNotifyCloseAf):
// close every call, delete the VCs the client created, deregister the SAP,
// then NdisClCloseAddressFamily. Each step is decided under the lock and
// run after it is released; every completion calls progress again, so the
// teardown moves on whether the requests complete synchronously, nested or
// later.

// step is one teardown action, run without the lock held.
type step func()

// progress runs the teardown of b's address family as far as it can go
// now.
func (b *binding) progress() {
	c := b.client
	for {
		ndis.AcquireSpinLock(&c.lock)
		s := b.nextStepLocked()
		ndis.ReleaseSpinLock(&c.lock)
		if s == nil {
			return
		}
		s()
	}
}

// nextStepLocked returns the next teardown action, or nil when there is
// nothing to do now (no teardown, or a request in flight to wait for). The
// caller holds the lock; the states it sets claim the objects.
func (b *binding) nextStepLocked() step {
	a := b.af
	if a == nil || !a.closing || a.state != afOpen {
		return nil
	}
	for _, v := range a.vcs {
		switch v.state {
		case CallConnected, CallAccepted:
			v.state = CallClosing
			return func() { v.closeCall() }
		case CallIdle:
			if !v.createdByCM {
				v.state = CallDeleting
				return v.deleteVc
			}
		case CallMaking, CallOffered, CallClosing, CallDeleting, CallCloseFailed, CallStuck:
			// A request is in flight, or the VC cannot be torn down: wait.
			return nil
		}
	}
	if s := a.sap; s != nil {
		if s.state != sapRegistered {
			return nil
		}
		s.state = sapDeregistering
		return s.deregisterSap
	}
	a.state = afClosing
	return a.closeAf
}
