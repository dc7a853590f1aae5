package client

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// registerSap registers the configured SAP on a, so that the call manager
// offers incoming calls; a non-PENDING NdisClRegisterSap is completed by
// calling ProtocolClRegisterSapComplete.
func (c *Client) registerSap(a *af) {
	s := &sapCtx{af: a, coSap: *c.cfg.Sap, state: sapRegistering}
	s.mem = c.allocCtx(unsafe.Sizeof(*s))
	if s.mem == nil {
		return
	}
	ndis.AcquireSpinLock(&c.lock)
	a.sap = s
	ndis.ReleaseSpinLock(&c.lock)
	st := ndis.ClRegisterSap(a.ndisAfHandle, s, &s.coSap, &s.ndisSapHandle)
	if st != ndis.StatusPending {
		clRegisterSapComplete(st, s, &s.coSap, s.ndisSapHandle)
	}
}

// clRegisterSapComplete is the client's ProtocolClRegisterSapComplete. On
// failure NdisSapHandle is NULL and the SAP context is released.
//
//ndis:role PROTOCOL_CL_REGISTER_SAP_COMPLETE
func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	s, ok := protocolSapContext.(*sapCtx)
	if !ok {
		return
	}
	a := s.af
	c := a.binding.client
	ndis.AcquireSpinLock(&c.lock)
	if status != ndis.StatusSuccess {
		a.sap = nil
		ndis.ReleaseSpinLock(&c.lock)
		freeCtx(s.mem)
		a.binding.progress()
		return
	}
	s.ndisSapHandle = ndisSapHandle
	s.state = sapRegistered
	c.stats.SapsRegistered++
	ndis.ReleaseSpinLock(&c.lock)
	a.binding.progress()
}

// deregisterSap deregisters the SAP (a teardown step); a non-PENDING
// NdisClDeregisterSap is completed by calling
// ProtocolClDeregisterSapComplete.
func (s *sapCtx) deregisterSap() {
	st := ndis.ClDeregisterSap(s.ndisSapHandle)
	if st != ndis.StatusPending {
		clDeregisterSapComplete(st, s)
	}
}

// clDeregisterSapComplete is the client's ProtocolClDeregisterSapComplete.
//
//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {
	s, ok := protocolSapContext.(*sapCtx)
	if !ok {
		return
	}
	a := s.af
	c := a.binding.client
	ndis.AcquireSpinLock(&c.lock)
	if status != ndis.StatusSuccess {
		// The teardown waits on a stuck SAP rather than retry for ever.
		s.state = sapStuck
		ndis.ReleaseSpinLock(&c.lock)
		return
	}
	a.sap = nil
	c.stats.SapsDeregistered++
	ndis.ReleaseSpinLock(&c.lock)
	freeCtx(s.mem)
	a.binding.progress()
}
