package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// ClMakeCall runs NdisClMakeCall in the simulated NDIS.
func (w *world) ClMakeCall(ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters, protocolPartyContext ndis.Handle, ndisPartyHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClMakeCall", args(ndisVcHandle, "CallParameters", protocolPartyContext, "NdisPartyHandle"))()
	const ddi = "NdisClMakeCall"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideClient, allowDead)
	if vh == nil {
		return ndis.StatusFailure
	}
	v := vh.vc
	if v.creator != sideClient {
		w.report(rules.RuleMakeCallOnCmVc, "%s: %s; NdisClMakeCall sets up an outgoing call on a VC the client created with NdisCoCreateVc, never on one the call manager offered", ddi, v)
		if v.clientDead() {
			w.reportDead(ddi, "NdisVcHandle", v.life, sideClient, v.String())
		}
		return ndis.StatusNotAccepted
	}
	if !w.admit(v.life, on(ddi), ddi, v.describe(), "", "") || !w.admit(v.callLife, on("PROTOCOL_CM_MAKE_CALL"), ddi, v.describe(), "", "") {
		return ndis.StatusCallActive
	}
	if !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return ndis.StatusInvalidParameter
	}
	var party *partyBlock
	if protocolPartyContext != nil {
		if !w.needPtr(ddi, "NdisPartyHandle (with a ProtocolPartyContext)", ndisPartyHandle == nil) {
			return ndis.StatusInvalidParameter
		}
		party = w.newParty(v, protocolPartyContext)
		*ndisPartyHandle = party.clientH
	}
	v.multipoint = party != nil
	v.call = callMakePending
	cm := v.cm
	h := cm.handlers()
	var cmPartyH, pl ndis.Handle
	if party != nil {
		cmPartyH, pl = party.cmH, party
	}
	tv := w.begin(v.life, on(ddi))
	tp := w.begin(party.lifeOf(), on(ddi, "ProtocolPartyContext", pl))
	st := w.forward(reqKey{"make-call", v}, ddi+" on "+v.String(), w.completer("PROTOCOL_CM_MAKE_CALL", cm.isMCM()), func() ndis.Status {
		tc := w.begin(v.callLife, event{by: "PROTOCOL_CM_MAKE_CALL", mcm: cm.isMCM()})
		pe := on("PROTOCOL_CM_MAKE_CALL", "NdisPartyHandle", cmPartyH)
		pe.mcm = cm.isMCM()
		tq := w.begin(party.cmLifeOf(), pe)
		r := w.callStatus("PROTOCOL_CM_MAKE_CALL", cm.driver(), args(v.cmCtx, "CallParameters", cmPartyH, "CallMgrPartyContext"), func() ndis.Status {
			if h.CmMakeCallHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_MAKE_CALL")
				return ndis.StatusNotSupported
			}
			// CallMgrPartyContext is [out, optional]: NDIS may pass NULL, and
			// a driver must test it (role-optional-unchecked). The simulator
			// always passes a pointer, which the page's "If NdisPartyHandle is
			// NULL, this handle must be set to NULL" presumes; both agree
			// with the page.
			var pctx ndis.Handle
			r := h.CmMakeCallHandler(v.cmCtx, callParameters, cmPartyH, &pctx)
			if party != nil && r == ndis.StatusSuccess {
				party.cmCtx = pctx
			}
			return r
		})
		if r != ndis.StatusPending {
			w.checkActivated(v, "PROTOCOL_CM_MAKE_CALL", w.completer("PROTOCOL_CM_MAKE_CALL", cm.isMCM()), r)
		}
		tc.end(r)
		tq.end(r)
		return r
	})
	tv.end(st)
	tp.end(st)
	if st != ndis.StatusPending {
		w.makeCallFinish("PROTOCOL_CM_MAKE_CALL", v, st)
		if st != ndis.StatusSuccess && ndisPartyHandle != nil {
			*ndisPartyHandle = nil
		}
	}
	return st
}

// makeCallFinish applies the outcome of an outgoing call. The call
// lifetime checks that the VC was activated before the call completed with
// NDIS_STATUS_SUCCESS (checkActivated); only a run whose catalogue has no
// call lifetime is checked here.
func (w *world) makeCallFinish(by string, v *vcBlock, st ndis.Status) {
	if st == ndis.StatusSuccess {
		v.call = callConnected
		if v.act != actActive && (v.callLife == nil || v.callLife.state == "") {
			w.report(rules.RuleCallWithoutActivation, "%s: the call on %s completed with NDIS_STATUS_SUCCESS before the call manager activated the VC (Ndis(M)CmActivateVc); the miniport is not ready for transfers", by, v)
		}
		return
	}
	v.call = callIdle
	v.multipoint = false
}

// ClCloseCall runs NdisClCloseCall in the simulated NDIS.
func (w *world) ClCloseCall(ndisVcHandle ndis.Handle, ndisPartyHandle ndis.Handle, buffer []byte, size uint32) ndis.Status {
	defer w.st.EnterDDI("NdisClCloseCall", args(ndisVcHandle, ndisPartyHandle, "Buffer", size))()
	const ddi = "NdisClCloseCall"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideClient, 0)
	if vh == nil {
		return ndis.StatusFailure
	}
	v := vh.vc
	if !w.admit(v.life, on(ddi), ddi, v.describe(), "", "") {
		return ndis.StatusFailure
	}
	var (
		party *partyBlock
		last  bool
	)
	if v.multipoint {
		live := w.liveParties(v)
		if len(live) > 1 {
			w.report(rules.RuleCloseCallWithParties, "%s: %s still has %d parties; the client drops all but the last with NdisClDropParty before NdisClCloseCall", ddi, v, len(live))
		}
		if ph := w.partyArg(ddi, "NdisPartyHandle", ndisPartyHandle, sideClient, 0); ph != nil {
			party, last = ph.party, len(live) == 1
		}
	}
	if v.sends > 0 {
		w.report(rules.RuleCloseCallWithSends, "%s: %d send(s) on %s have not come back to ProtocolCoSendNetBufferListsComplete; a client waits for them before closing the call", ddi, v.sends, v)
	}
	if int(size) > len(buffer) {
		w.report(rules.RuleBadParameter, "%s: Size is %d but Buffer holds %d bytes", ddi, size, len(buffer))
	}
	v.call = callClosing
	v.remoteClosed = false
	cm := v.cm
	h := cm.handlers()
	var cmPartyCtx ndis.Handle
	if party != nil {
		cmPartyCtx = party.cmCtx
	}
	tv := w.begin(v.life, on(ddi))
	tp := w.begin(party.lifeOf(), event{by: ddi, vouch: last})
	st := w.forward(reqKey{"close-call", v}, ddi+" on "+v.String(), w.completer("PROTOCOL_CM_CLOSE_CALL", cm.isMCM()), func() ndis.Status {
		tc := w.begin(v.callLife, event{by: "PROTOCOL_CM_CLOSE_CALL", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_CLOSE_CALL", cm.driver(), args(v.cmCtx, cmPartyCtx, "CloseData", size), func() ndis.Status {
			if h.CmCloseCallHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_CLOSE_CALL")
				return ndis.StatusSuccess
			}
			return h.CmCloseCallHandler(v.cmCtx, cmPartyCtx, buffer, size)
		})
		tc.end(r)
		return r
	})
	tv.end(st)
	tp.end(st)
	if st != ndis.StatusPending {
		w.closeCallFinish(v, st)
	}
	return st
}

// checkActivated reports, as call-without-activation, a make-call request
// completed with status st (by the completion DDI done, or by the return of
// the call manager's handler by) in a state of the call lifetime that no
// edge of done with that status leaves: the lifetime completes a call with
// NDIS_STATUS_SUCCESS only once the VC is active.
func (w *world) checkActivated(v *vcBlock, by, done string, st ndis.Status) bool {
	how := "NdisCmActivateVc, then its ProtocolCmActivateVcComplete"
	if v.cm.isMCM() {
		how = "NdisMCmActivateVc"
	}
	return w.admit(v.callLife, w.onStatus(done, st), by, v.describe(), rules.RuleCallWithoutActivation,
		"the call manager activates the VC ("+how+") before it completes the call; the miniport is not ready for transfers")
}

// closeCallFinish applies the outcome of a client's close to the
// simulator's bookkeeping (the lifetimes move by their edges).
func (w *world) closeCallFinish(v *vcBlock, st ndis.Status) {
	if st == ndis.StatusSuccess {
		v.call = callIdle
		v.multipoint = false
		return
	}
	v.call = callCloseFailed
}

// ClModifyCallQoS runs NdisClModifyCallQoS in the simulated NDIS.
func (w *world) ClModifyCallQoS(ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	defer w.st.EnterDDI("NdisClModifyCallQoS", args(ndisVcHandle, "CallParameters"))()
	const ddi = "NdisClModifyCallQoS"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideClient, 0)
	if vh == nil || !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return ndis.StatusFailure
	}
	v := vh.vc
	switch v.call {
	case callConnected, callOffered, callAccepted:
	default:
		w.report(rules.RuleVcState, "%s: %s has %s; QoS is changed on an established call (or an offered one before NdisClIncomingCallComplete)", ddi, v, v.call)
		return ndis.StatusFailure
	}
	cm := v.cm
	h := cm.handlers()
	return w.forward(reqKey{"modify-qos", v}, ddi+" on "+v.String(), w.completer("PROTOCOL_CM_MODIFY_QOS_CALL", cm.isMCM()), func() ndis.Status {
		return w.callStatus("PROTOCOL_CM_MODIFY_QOS_CALL", cm.driver(), args(v.cmCtx, "CallParameters"), func() ndis.Status {
			if h.CmModifyCallQoSHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_MODIFY_QOS_CALL")
				return ndis.StatusNotSupported
			}
			return h.CmModifyCallQoSHandler(v.cmCtx, callParameters)
		})
	})
}

// ClIncomingCallComplete runs NdisClIncomingCallComplete in the simulated NDIS.
func (w *world) ClIncomingCallComplete(status ndis.Status, ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisClIncomingCallComplete", args(status, ndisVcHandle, "CallParameters"))()
	const ddi = "NdisClIncomingCallComplete"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideClient, 0)
	if vh == nil {
		return
	}
	v := vh.vc
	what := fmt.Sprintf("PROTOCOL_CL_INCOMING_CALL of client %q on %s", v.clientOpen.protocol.name, v)
	if !w.complete(reqKey{"incoming-call", v}, ddi, what, status) {
		return
	}
	if !w.admit(v.life, w.onStatus(ddi, status), ddi, v.describe(), "", "") {
		return
	}
	w.step(v.life, w.onStatus(ddi, status))
	incomingFinish(v, status)
	drv := v.cm.driver()
	h := v.cm.handlers()
	w.step(v.callLife, w.onStatus("PROTOCOL_CM_INCOMING_CALL_COMPLETE", status))
	w.call("PROTOCOL_CM_INCOMING_CALL_COMPLETE", drv, args(status, v.cmCtx, "CallParameters"), func() {
		if h.CmIncomingCallCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CM_INCOMING_CALL_COMPLETE")
			return
		}
		h.CmIncomingCallCompleteHandler(status, v.cmCtx, callParameters)
	})
}

// incomingFinish applies the client's answer to an offered call.
func incomingFinish(v *vcBlock, st ndis.Status) {
	if st == ndis.StatusSuccess {
		v.call = callAccepted
		return
	}
	v.call = callIdle
}
