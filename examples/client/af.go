package client

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// clCoAfRegisterNotify is the client's ProtocolCoAfRegisterNotify, at
// PASSIVE_LEVEL: a call manager advertised an address family on the
// binding. The client opens the family it is configured for with
// NdisClOpenAddressFamilyEx; if that does not pend, NDIS will not call
// ProtocolClOpenAfCompleteEx, so the client calls it itself.
//
//ndis:role PROTOCOL_CO_AF_REGISTER_NOTIFY
func clCoAfRegisterNotify(protocolBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily) {
	b, ok := protocolBindingContext.(*binding)
	if !ok || addressFamily == nil {
		return
	}
	c := b.client
	if addressFamily.AddressFamily != c.cfg.AddressFamily.AddressFamily || addressFamily.MajorVersion != c.cfg.AddressFamily.MajorVersion {
		return
	}
	a := c.newAf(b)
	if a == nil {
		return
	}
	ndis.AcquireSpinLock(&c.lock)
	if b.af != nil || b.unbinding {
		ndis.ReleaseSpinLock(&c.lock)
		freeCtx(a.mem)
		return
	}
	b.af = a
	ndis.ReleaseSpinLock(&c.lock)
	ndis.ResetEvent(&b.afGone)
	st := ndis.ClOpenAddressFamilyEx(b.ndisBindingHandle, addressFamily, a, &a.ndisAfHandle)
	if st != ndis.StatusPending {
		clOpenAfCompleteEx(a, a.ndisAfHandle, st)
	}
}

// newAf allocates an address-family context on b.
func (c *Client) newAf(b *binding) *af {
	a := &af{binding: b, state: afOpening}
	a.mem = c.allocCtx(unsafe.Sizeof(*a))
	if a.mem == nil {
		return nil
	}
	return a
}

// clOpenAfCompleteEx is the client's ProtocolClOpenAfCompleteEx, at
// PASSIVE_LEVEL (called by NDIS, or by the client after a non-PENDING
// NdisClOpenAddressFamilyEx). On success the client registers its SAP; on
// failure NdisAfHandle is NULL and NDIS has cleaned up.
//
//ndis:role PROTOCOL_CL_OPEN_AF_COMPLETE_EX
func clOpenAfCompleteEx(protocolAfContext ndis.Handle, ndisAfHandle ndis.Handle, status ndis.Status) {
	a, ok := protocolAfContext.(*af)
	if !ok {
		return
	}
	b := a.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	if status != ndis.StatusSuccess {
		b.af = nil
		ndis.ReleaseSpinLock(&c.lock)
		freeCtx(a.mem)
		ndis.SetEvent(&b.afGone)
		return
	}
	a.ndisAfHandle = ndisAfHandle
	a.state = afOpen
	c.stats.AfsOpened++
	closing := a.closing
	ndis.ReleaseSpinLock(&c.lock)
	if c.cfg.Sap != nil && !closing {
		c.registerSap(a)
	}
	b.progress()
}

// closeAf closes the address family once nothing is left on it; a
// non-PENDING NdisClCloseAddressFamily is completed by calling
// ProtocolClCloseAfComplete.
func (a *af) closeAf() {
	st := ndis.ClCloseAddressFamily(a.ndisAfHandle)
	if st != ndis.StatusPending {
		clCloseAfComplete(st, a)
	}
}

// clCloseAfComplete is the client's ProtocolClCloseAfComplete. On success
// the binding has no AF left; a pended ProtocolClNotifyCloseAf is completed
// with NdisClNotifyCloseAddressFamilyComplete (the one call the AF handle
// is still good for).
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a, ok := protocolAfContext.(*af)
	if !ok {
		return
	}
	b := a.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	a.closeStatus = status
	if status != ndis.StatusSuccess {
		// The call manager refused: something is still open on the AF. The
		// teardown stops here rather than loop.
		a.state = afCloseFailed
		notify := a.notify
		ndis.ReleaseSpinLock(&c.lock)
		if notify == notifyPending {
			ndis.ClNotifyCloseAddressFamilyComplete(a.ndisAfHandle, status)
		}
		return
	}
	a.state = afClosed
	b.af = nil
	c.stats.AfsClosed++
	notify := a.notify
	ndis.ReleaseSpinLock(&c.lock)
	switch notify {
	case notifyPending:
		ndis.ClNotifyCloseAddressFamilyComplete(a.ndisAfHandle, status)
		freeCtx(a.mem)
	case notifyNone:
		freeCtx(a.mem)
	}
	// notifyInHandler: ProtocolClNotifyCloseAf returns the status and frees.
	ndis.SetEvent(&b.afGone)
}

// clNotifyCloseAf is the client's ProtocolClNotifyCloseAf: the call manager
// is closing the address family. The client closes its calls, deletes its
// VCs, deregisters its SAP and closes the AF (teardown.go). If all that
// finished before the handler returns, it returns the close's status;
// otherwise NDIS_STATUS_PENDING, and NdisClNotifyCloseAddressFamilyComplete
// follows when the AF is closed.
//
//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	a, ok := clientAfContext.(*af)
	if !ok {
		return ndis.StatusFailure
	}
	b := a.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	c.stats.NotifyCloseAf++
	a.closing = true
	a.notify = notifyInHandler
	ndis.ReleaseSpinLock(&c.lock)
	b.progress()
	ndis.AcquireSpinLock(&c.lock)
	switch a.state {
	case afClosed:
		st := a.closeStatus
		ndis.ReleaseSpinLock(&c.lock)
		freeCtx(a.mem)
		return st
	case afCloseFailed:
		a.notify = notifyNone
		st := a.closeStatus
		ndis.ReleaseSpinLock(&c.lock)
		return st
	}
	a.notify = notifyPending
	ndis.ReleaseSpinLock(&c.lock)
	return ndis.StatusPending
}
