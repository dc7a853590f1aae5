package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CmMakeCallComplete runs NdisCmMakeCallComplete in the simulated NDIS.
func (w *world) CmMakeCallComplete(status ndis.Status, ndisVcHandle ndis.Handle, ndisPartyHandle ndis.Handle, callMgrPartyContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisCmMakeCallComplete", args(status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, "CallParameters"))()
	w.makeCallComplete("NdisCmMakeCallComplete", status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters)
}

// makeCallComplete implements Ndis(M)CmMakeCallComplete.
func (w *world) makeCallComplete(ddi string, status ndis.Status, vcH, partyH, cmPartyCtx ndis.Handle, cp *ndis.CoCallParameters) {
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return
	}
	v := vh.vc
	if !w.complete(reqKey{"make-call", v}, ddi, "NdisClMakeCall on "+v.String(), status) {
		return
	}
	if w.checkActivated(v, ddi, ddi, status) {
		w.step(v.callLife, w.onStatus(ddi, status))
	}
	var party *partyBlock
	if ph := w.partyArg(ddi, "NdisPartyHandle", partyH, sideCM, optional); ph != nil {
		party = ph.party
		if status == ndis.StatusSuccess {
			party.cmCtx = cmPartyCtx
		}
		w.step(party.cmLife, w.onStatus(ddi, status))
	}
	w.makeCallFinish(ddi, v, status)
	var clientParty ndis.Handle
	if status == ndis.StatusSuccess && party != nil {
		clientParty = party.clientH
	}
	p := v.clientOpen.protocol
	const role = "PROTOCOL_CL_MAKE_CALL_COMPLETE"
	w.step(v.life, w.onStatus(role, status))
	for _, q := range v.parties {
		w.step(q.life, w.onStatus(role, status))
	}
	w.call(role, p, args(status, v.clientCtx, clientParty, "CallParameters"), func() {
		if p.cl.ClMakeCallCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_MAKE_CALL_COMPLETE")
			return
		}
		p.cl.ClMakeCallCompleteHandler(status, v.clientCtx, clientParty, cp)
	})
}

// CmCloseCallComplete runs NdisCmCloseCallComplete in the simulated NDIS.
func (w *world) CmCloseCallComplete(status ndis.Status, ndisVcHandle ndis.Handle, ndisPartyHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisCmCloseCallComplete", args(status, ndisVcHandle, ndisPartyHandle))()
	w.closeCallComplete("NdisCmCloseCallComplete", status, ndisVcHandle, ndisPartyHandle)
}

// closeCallComplete implements Ndis(M)CmCloseCallComplete.
func (w *world) closeCallComplete(ddi string, status ndis.Status, vcH, partyH ndis.Handle) {
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return
	}
	v := vh.vc
	if !w.complete(reqKey{"close-call", v}, ddi, "NdisClCloseCall on "+v.String(), status) {
		return
	}
	if w.admit(v.callLife, w.onStatus(ddi, status), ddi, v.describe(), "", "the call manager deactivates the VC (NdisCmDeactivateVc) before it completes the close with NDIS_STATUS_SUCCESS") {
		w.step(v.callLife, w.onStatus(ddi, status))
	}
	var (
		partyCtx ndis.Handle
		last     *partyBlock
	)
	if v.creator == sideClient && v.multipoint {
		if live := w.liveParties(v); len(live) > 0 {
			last = live[len(live)-1]
			partyCtx = last.clientCtx
		}
	}
	w.closeCallFinish(v, status)
	p := v.clientOpen.protocol
	const role = "PROTOCOL_CL_CLOSE_CALL_COMPLETE"
	w.step(v.life, w.onStatus(role, status))
	w.step(last.lifeOf(), w.onStatus(role, status))
	w.call(role, p, args(status, v.clientCtx, partyCtx), func() {
		if p.cl.ClCloseCallCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_CLOSE_CALL_COMPLETE")
			return
		}
		p.cl.ClCloseCallCompleteHandler(status, v.clientCtx, partyCtx)
	})
}

// CmModifyCallQoSComplete runs NdisCmModifyCallQoSComplete in the simulated NDIS.
func (w *world) CmModifyCallQoSComplete(status ndis.Status, ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisCmModifyCallQoSComplete", args(status, ndisVcHandle, "CallParameters"))()
	w.modifyQoSComplete("NdisCmModifyCallQoSComplete", status, ndisVcHandle, callParameters)
}

// modifyQoSComplete implements Ndis(M)CmModifyCallQoSComplete.
func (w *world) modifyQoSComplete(ddi string, status ndis.Status, vcH ndis.Handle, cp *ndis.CoCallParameters) {
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return
	}
	v := vh.vc
	if !w.complete(reqKey{"modify-qos", v}, ddi, "NdisClModifyCallQoS on "+v.String(), status) {
		return
	}
	p := v.clientOpen.protocol
	w.call("PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE", p, args(status, v.clientCtx, "CallParameters"), func() {
		if p.cl.ClModifyCallQoSCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE")
			return
		}
		p.cl.ClModifyCallQoSCompleteHandler(status, v.clientCtx, cp)
	})
}

// CmDispatchIncomingCall runs NdisCmDispatchIncomingCall in the simulated NDIS.
func (w *world) CmDispatchIncomingCall(ndisSapHandle ndis.Handle, ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	defer w.st.EnterDDI("NdisCmDispatchIncomingCall", args(ndisSapHandle, ndisVcHandle, "CallParameters"))()
	return w.dispatchIncomingCall("NdisCmDispatchIncomingCall", ndisSapHandle, ndisVcHandle, callParameters)
}

// dispatchIncomingCall implements Ndis(M)CmDispatchIncomingCall.
func (w *world) dispatchIncomingCall(ddi string, sapH, vcH ndis.Handle, cp *ndis.CoCallParameters) ndis.Status {
	sh := w.sapArg(ddi, "NdisSapHandle", sapH, sideCM)
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if sh == nil || vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", cp == nil) {
		return ndis.StatusFailure
	}
	s, v := sh.sap, vh.vc
	if v.creator != sideCM || v.af != s.af {
		w.report(rules.RuleBadHandle, "%s: %s is not a VC the call manager created on af #%d, the AF of %s", ddi, v, s.af.id, s)
		return ndis.StatusFailure
	}
	const role = "PROTOCOL_CL_INCOMING_CALL"
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") || !w.admit(v.life, on(role), ddi, v.describe(), "", "") {
		return ndis.StatusFailure
	}
	v.remoteClosed = false
	v.sap, v.call = s, callOffered
	p := v.clientOpen.protocol
	what := fmt.Sprintf("PROTOCOL_CL_INCOMING_CALL of client %q on %s", p.name, v)
	tc := w.begin(v.callLife, on(ddi))
	st := w.forward(reqKey{"incoming-call", v}, what, w.completer(role, false), func() ndis.Status {
		tv := w.begin(v.life, on(role))
		r := w.callStatus(role, p, args(s.clientCtx, v.clientCtx, "CallParameters"), func() ndis.Status {
			if p.cl.ClIncomingCallHandler == nil {
				w.noHandler(p, role)
				return ndis.StatusNotSupported
			}
			return p.cl.ClIncomingCallHandler(s.clientCtx, v.clientCtx, cp)
		})
		tv.end(r)
		return r
	})
	tc.end(st)
	if st != ndis.StatusPending {
		incomingFinish(v, st)
	}
	return st
}

// CmDispatchCallConnected runs NdisCmDispatchCallConnected in the simulated NDIS.
func (w *world) CmDispatchCallConnected(ndisVcHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisCmDispatchCallConnected", args(ndisVcHandle))()
	w.dispatchCallConnected("NdisCmDispatchCallConnected", ndisVcHandle)
}

// dispatchCallConnected implements Ndis(M)CmDispatchCallConnected.
func (w *world) dispatchCallConnected(ddi string, vcH ndis.Handle) {
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return
	}
	v := vh.vc
	const role = "PROTOCOL_CL_CALL_CONNECTED"
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") || !w.admit(v.life, on(role), ddi, v.describe(), "", "") {
		return
	}
	w.step(v.callLife, on(ddi))
	w.step(v.life, on(role))
	v.call = callConnected
	p := v.clientOpen.protocol
	w.call(role, p, args(v.clientCtx), func() {
		if p.cl.ClCallConnectedHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_CALL_CONNECTED")
			return
		}
		p.cl.ClCallConnectedHandler(v.clientCtx)
	})
}

// CmDispatchIncomingCallQoSChange runs NdisCmDispatchIncomingCallQoSChange in the simulated NDIS.
func (w *world) CmDispatchIncomingCallQoSChange(ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisCmDispatchIncomingCallQoSChange", args(ndisVcHandle, "CallParameters"))()
	w.dispatchQoSChange("NdisCmDispatchIncomingCallQoSChange", ndisVcHandle, callParameters)
}

// dispatchQoSChange implements Ndis(M)CmDispatchIncomingCallQoSChange.
func (w *world) dispatchQoSChange(ddi string, vcH ndis.Handle, cp *ndis.CoCallParameters) {
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", cp == nil) {
		return
	}
	v := vh.vc
	if v.call != callConnected || !v.hasClient() || v.clientDead() {
		w.report(rules.RuleVcState, "%s: %s has %s; a QoS change is indicated on a connected call", ddi, v, v.call)
		return
	}
	p := v.clientOpen.protocol
	w.call("PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE", p, args(v.clientCtx, "CallParameters"), func() {
		if p.cl.ClIncomingCallQoSChangeHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE")
			return
		}
		p.cl.ClIncomingCallQoSChangeHandler(v.clientCtx, cp)
	})
}

// CmDispatchIncomingCloseCall runs NdisCmDispatchIncomingCloseCall in the simulated NDIS.
func (w *world) CmDispatchIncomingCloseCall(closeStatus ndis.Status, ndisVcHandle ndis.Handle, buffer []byte, size uint32) {
	defer w.st.EnterDDI("NdisCmDispatchIncomingCloseCall", args(closeStatus, ndisVcHandle, "Buffer", size))()
	w.dispatchIncomingClose("NdisCmDispatchIncomingCloseCall", closeStatus, ndisVcHandle, buffer, size)
}

// dispatchIncomingClose implements Ndis(M)CmDispatchIncomingCloseCall.
func (w *world) dispatchIncomingClose(ddi string, closeStatus ndis.Status, vcH ndis.Handle, buffer []byte, size uint32) {
	vh := w.vcArg(ddi, "NdisVcHandle", vcH, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return
	}
	v := vh.vc
	if !v.hasClient() {
		w.report(rules.RuleVcState, "%s: %s has no client call to close", ddi, v)
		return
	}
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") || !w.admit(v.life, on(incomingCloseRole), ddi, v.describe(), "", "") {
		return
	}
	w.step(v.callLife, on(ddi))
	w.incomingClose(v, closeStatus, buffer, size)
}

// incomingCloseRole is the callback by which NDIS tells the client that the
// call manager closed a call.
const incomingCloseRole = "PROTOCOL_CL_INCOMING_CLOSE_CALL"

// incomingClose calls the client's ProtocolClIncomingCloseCall; the client
// owes NdisClCloseCall from now on.
func (w *world) incomingClose(v *vcBlock, closeStatus ndis.Status, buffer []byte, size uint32) {
	v.remoteClosed = true
	w.step(v.life, w.onStatus(incomingCloseRole, closeStatus))
	p := v.clientOpen.protocol
	w.call(incomingCloseRole, p, args(closeStatus, v.clientCtx, "CloseData", size), func() {
		if p.cl.ClIncomingCloseCallHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_INCOMING_CLOSE_CALL")
			return
		}
		p.cl.ClIncomingCloseCallHandler(closeStatus, v.clientCtx, buffer, size)
	})
}
