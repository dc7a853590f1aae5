package testclient

import (
	"github.com/ndislint/ndislint/ndis"
)

// clCreateVc is ProtocolCoCreateVc: the call manager created a VC for an
// incoming call. The client stores the handle and marks the VC as not its
// own.
func clCreateVc(protocolAfContext ndis.Handle, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	a := protocolAfContext.(*Af)
	c := a.b.c
	v := &VC{c: c, af: a, h: ndisVcHandle, createdByCM: true, state: "idle"}
	c.vcs = append(c.vcs, v)
	*protocolVcContext = v
	c.log("PROTOCOL_CO_CREATE_VC", v, "")
	if c.opts.CreateVcAnswer != 0 {
		v.deleted = true
		return c.opts.CreateVcAnswer
	}
	return ndis.StatusSuccess
}

// clDeleteVc is ProtocolCoDeleteVc: the VC is gone; the client frees its
// context.
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v := protocolVcContext.(*VC)
	v.c.log("PROTOCOL_CO_DELETE_VC", v, "")
	v.deleted = true
	return ndis.StatusSuccess
}

// clOidRequest is the client's ProtocolCoOidRequest.
func clOidRequest(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*Af)
	v, _ := protocolVcContext.(*VC)
	c := a.b.c
	c.log("PROTOCOL_CO_OID_REQUEST", v, "")
	if c.opts.OidPends {
		c.heldOids = append(c.heldOids, heldOid{af: a, v: v, req: oidRequest})
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// clOidRequestComplete is the client's ProtocolCoOidRequestComplete. The
// client finds itself through the request's RequestId, which it set: a
// request to the miniport has no AF context.
func clOidRequestComplete(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	v, _ := protocolVcContext.(*VC)
	c, ok := oidRequest.RequestId.(*Client)
	if !ok {
		return
	}
	c.log("PROTOCOL_CO_OID_REQUEST_COMPLETE", v, status.String())
	c.oidResults = append(c.oidResults, status)
}

// clCloseAfComplete is ProtocolClCloseAfComplete.
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*Af)
	b := a.b
	b.c.log("PROTOCOL_CL_CLOSE_AF_COMPLETE", nil, status.String())
	a.closing = false
	if status != ndis.StatusSuccess {
		return
	}
	a.closed, a.open = true, false
	if a.notifyPending {
		a.notifyPending = false
		ndis.ClNotifyCloseAddressFamilyComplete(a.h, ndis.StatusSuccess)
	}
	if b.waiting && !b.afsBusy() {
		ndis.SetEvent(&b.afsClosed)
	}
}

// clRegisterSapComplete is ProtocolClRegisterSapComplete.
func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	s := protocolSapContext.(*Sap)
	s.af.b.c.log("PROTOCOL_CL_REGISTER_SAP_COMPLETE", nil, status.String())
	s.registered = status == ndis.StatusSuccess
	s.h = ndisSapHandle
}

// clDeregisterSapComplete is ProtocolClDeregisterSapComplete.
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {
	s := protocolSapContext.(*Sap)
	s.af.b.c.log("PROTOCOL_CL_DEREGISTER_SAP_COMPLETE", nil, status.String())
	if status == ndis.StatusSuccess {
		s.registered = false
	}
	s.closing = false
	s.af.step()
}

// clMakeCallComplete is ProtocolClMakeCallComplete.
func clMakeCallComplete(status ndis.Status, protocolVcContext ndis.Handle, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*VC)
	v.c.log("PROTOCOL_CL_MAKE_CALL_COMPLETE", v, status.String())
	if status != ndis.StatusSuccess {
		v.state = "idle"
		for _, p := range v.parties {
			p.state = "dropped"
		}
		return
	}
	v.state = "connected"
	for _, p := range v.parties {
		if p.state == "adding" {
			p.state, p.h = "active", ndisPartyHandle
		}
	}
}

// clModifyCallQoSComplete is ProtocolClModifyCallQoSComplete.
func clModifyCallQoSComplete(status ndis.Status, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*VC)
	v.c.log("PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE", v, status.String())
}

// clCloseCallComplete is ProtocolClCloseCallComplete: for its own VC after
// a successful close the client deletes the VC; a VC the call manager
// created is left alone (its handle is dead; NDIS calls ProtocolCoDeleteVc
// when the call manager deletes it). With DeleteInCloseComplete it makes
// the classic mistake.
func clCloseCallComplete(status ndis.Status, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*VC)
	c := v.c
	c.log("PROTOCOL_CL_CLOSE_CALL_COMPLETE", v, status.String())
	if status != ndis.StatusSuccess {
		v.state = "failed"
		return
	}
	v.state = "closed"
	for _, p := range v.parties {
		p.state = "dropped"
	}
	switch {
	case c.opts.DeleteInCloseComplete:
		c.DeleteVc(v)
	case !v.createdByCM && !c.opts.KeepOwnVcs:
		c.DeleteVc(v)
	}
	v.af.step()
}

// clAddPartyComplete is ProtocolClAddPartyComplete.
func clAddPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	p := protocolPartyContext.(*Party)
	p.vc.c.log("PROTOCOL_CL_ADD_PARTY_COMPLETE", p.vc, status.String())
	if status == ndis.StatusSuccess {
		p.state, p.h = "active", ndisPartyHandle
	} else {
		p.state, p.h = "dropped", nil
	}
}

// clDropPartyComplete is ProtocolClDropPartyComplete.
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {
	p := protocolPartyContext.(*Party)
	p.vc.c.log("PROTOCOL_CL_DROP_PARTY_COMPLETE", p.vc, status.String())
	if status == ndis.StatusSuccess {
		p.state = "dropped"
	} else {
		p.state = "active"
	}
}

// clIncomingCall is ProtocolClIncomingCall.
func clIncomingCall(protocolSapContext ndis.Handle, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*VC)
	c := v.c
	c.log("PROTOCOL_CL_INCOMING_CALL", v, "")
	v.params = callParameters
	switch c.opts.Incoming {
	case Reject:
		v.state = "idle"
		return ndis.StatusFailure
	case Hold:
		v.state = "offered"
		return ndis.StatusPending
	}
	v.state = "accepted"
	return ndis.StatusSuccess
}

// clIncomingCallQoSChange is ProtocolClIncomingCallQoSChange: the client
// accepts the change.
func clIncomingCallQoSChange(protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*VC)
	v.c.log("PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE", v, "")
	v.params = callParameters
}

// clIncomingCloseCall is ProtocolClIncomingCloseCall: the client answers
// with NdisClCloseCall (or, with DeferIncomingClose, notes the obligation).
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*VC)
	c := v.c
	c.log("PROTOCOL_CL_INCOMING_CLOSE_CALL", v, closeStatus.String())
	v.remoteClose = true
	if c.opts.DeferIncomingClose {
		return
	}
	c.CloseCall(v)
}

// clIncomingDropParty is ProtocolClIncomingDropParty: the client drops the
// party (or, with DeferIncomingDrop, leaves it to the test).
func clIncomingDropParty(dropStatus ndis.Status, protocolPartyContext ndis.Handle, closeData []byte, size uint32) {
	p := protocolPartyContext.(*Party)
	c := p.vc.c
	c.log("PROTOCOL_CL_INCOMING_DROP_PARTY", p.vc, dropStatus.String())
	if c.opts.DeferIncomingDrop {
		return
	}
	c.DropParty(p)
}

// clCallConnected is ProtocolClCallConnected.
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*VC)
	v.c.log("PROTOCOL_CL_CALL_CONNECTED", v, "")
	v.state = "connected"
}

// clNotifyCloseAf is ProtocolClNotifyCloseAf: the client tears the AF down
// and closes it; it returns NDIS_STATUS_PENDING unless the close completed
// before it returned.
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	a := clientAfContext.(*Af)
	c := a.b.c
	c.log("PROTOCOL_CL_NOTIFY_CLOSE_AF", nil, "")
	if c.opts.HoldNotifyCloseAf {
		return ndis.StatusPending
	}
	a.tearingDown = true
	a.step()
	if a.closed {
		return ndis.StatusSuccess
	}
	a.notifyPending = true
	return ndis.StatusPending
}
