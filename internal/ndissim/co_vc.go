package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CoCreateVc runs NdisCoCreateVc in the simulated NDIS.
func (w *world) CoCreateVc(ndisBindingHandle ndis.Handle, ndisAfHandle ndis.Handle, protocolVcContext ndis.Handle, ndisVcHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisCoCreateVc", args(ndisBindingHandle, ndisAfHandle, protocolVcContext, "NdisVcHandle"))()
	const ddi = "NdisCoCreateVc"
	o := w.openArg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if o == nil || !w.needPtr(ddi, "NdisVcHandle", ndisVcHandle == nil) {
		return ndis.StatusFailure
	}
	if *ndisVcHandle != nil {
		w.report(rules.RuleCreateVcHandleNotNull, "%s: *NdisVcHandle is %s on entry; the page requires the caller to initialize it to NULL", ddi, describe(*ndisVcHandle))
	}
	var (
		af      *afBlock
		cm      cmRef
		creator side
	)
	if ndisAfHandle == nil {
		if o.protocol.cm == nil {
			w.report(rules.RuleBadHandle, "%s: NdisAfHandle is NULL; only a call manager creating a VC for its own use passes NULL, and %s is not a call manager", ddi, o.protocol.driverName())
			return ndis.StatusFailure
		}
		cm, creator = cmRef{open: o}, sideCM
	} else {
		ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, 0, 0)
		if ah == nil {
			return ndis.StatusFailure
		}
		af, cm, creator = ah.af, ah.af.reg.cm, ah.side
		if !w.afOnBinding(ddi, ah, o) {
			return ndis.StatusFailure
		}
	}
	v, st := w.createVc(ddi, creator, af, cm, o.adapter, protocolVcContext)
	if st == ndis.StatusSuccess {
		*ndisVcHandle = v.handleFor(creator)
	}
	return st
}

// afOnBinding checks that an AF handle belongs to the caller's binding.
func (w *world) afOnBinding(ddi string, ah *afHandle, o *openBlock) bool {
	af := ah.af
	// As in NdisClRegisterSap: the lifetimes leave this to report an AF
	// whose open still pends.
	if af.state != afOpen {
		w.report(rules.RuleBadHandle, "%s: %s is not open", ddi, af)
		return false
	}
	mine := (ah.side == sideClient && af.client == o) || (ah.side == sideCM && af.reg.cm.open == o)
	if !mine {
		w.report(rules.RuleBadHandle, "%s: NdisBindingHandle (%s) is not the binding %s belongs to on the %s side", ddi, o.who(), af, ah.side)
	}
	return mine
}

// createVc creates a VC for creator, which called ddi: the miniport's create
// first (unless the call manager is a miniport call manager), then the
// peer's. A VC a client shares starts its lifetimes: vc-client, created by
// ddi, or vc-cm, created by the client's PROTOCOL_CO_CREATE_VC; and the
// call manager's call.
func (w *world) createVc(ddi string, creator side, af *afBlock, cm cmRef, a *adapterBlock, ctx ndis.Handle) (*vcBlock, ndis.Status) {
	v := &vcBlock{id: w.next("vc"), adapter: a, af: af, cm: cm, creator: creator}
	v.cmH = &vcHandle{issued: issued{w}, vc: v, side: sideCM}
	var t *transition
	if af != nil {
		v.clientOpen = af.client
		v.clientH = &vcHandle{issued: issued{w}, vc: v, side: sideClient}
		if creator == sideClient {
			v.life = w.newLife(rules.ObjectVcClient)
			t = w.begin(v.life, on(ddi))
		} else {
			v.life = w.newLife(rules.ObjectVcCM)
		}
		v.callLife = w.newLife(rules.ObjectCall)
	}
	if !cm.isMCM() {
		v.mpH = &vcHandle{issued: issued{w}, vc: v, side: sideMiniport}
	}
	if creator == sideClient {
		v.clientCtx = ctx
	} else {
		v.cmCtx = ctx
	}
	w.st.Tracef("NDIS creates %s", v)
	if !cm.isMCM() {
		if st := w.miniportCreateVc(v); st != ndis.StatusSuccess {
			v.deleted = true
			return nil, st
		}
	}
	if af != nil {
		peer := sideCM
		if creator == sideCM {
			peer = sideClient
		}
		if st := w.peerCreateVc(v, peer); st != ndis.StatusSuccess {
			if !cm.isMCM() {
				w.miniportDeleteVc(v)
			}
			v.deleted = true
			return nil, st
		}
		af.vcs = append(af.vcs, v)
	}
	if t != nil {
		t.end(ndis.StatusSuccess)
	}
	w.vcs = append(w.vcs, v)
	return v, ndis.StatusSuccess
}

// CoDeleteVc runs NdisCoDeleteVc in the simulated NDIS.
func (w *world) CoDeleteVc(ndisVcHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisCoDeleteVc", args(ndisVcHandle))()
	const ddi = "NdisCoDeleteVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, 0, allowDead)
	if vh == nil {
		return ndis.StatusFailure
	}
	if vh.side == sideMiniport {
		w.report(rules.RuleBadHandle, "%s: NdisVcHandle is the miniport's handle of %s; only the protocol that created a VC deletes it", ddi, vh.vc)
		return ndis.StatusFailure
	}
	if vh.side == sideCM && vh.vc.cm.isMCM() {
		w.report(rules.RuleBadHandle, "%s: %s belongs to %s, which calls NdisMCmDeleteVc; only stand-alone call managers and clients call NdisCoDeleteVc", ddi, vh.vc, vh.vc.cm.who())
		return ndis.StatusFailure
	}
	return w.deleteVc(ddi, vh)
}

// deleteVc deletes the VC of vh for its creator, checking who deletes and the
// state of the call.
func (w *world) deleteVc(ddi string, vh *vcHandle) ndis.Status {
	v := vh.vc
	if vh.side != v.creator {
		w.report(rules.RuleVcDeleteNotCreator, "%s: the %s deletes %s; only the driver that created a VC may delete it (the %s learned of it from its ProtocolCoCreateVc)", ddi, vh.side, v, vh.side)
		if vh.side == sideClient && v.clientDead() {
			w.reportDead(ddi, "NdisVcHandle", v.life, sideClient, v.String())
		}
		return ndis.StatusFailure
	}
	if st, ok := w.deletable(ddi, v); !ok {
		return st
	}
	var t *transition
	if v.af != nil {
		peer := sideCM
		if v.creator == sideCM {
			peer = sideClient
		} else {
			t = w.begin(v.life, on(ddi))
		}
		w.peerDeleteVc(v, peer)
	}
	if t != nil {
		t.end(ndis.StatusSuccess)
	}
	if !v.cm.isMCM() {
		w.miniportDeleteVc(v)
	}
	v.deleted = true
	w.st.Tracef("NDIS deleted %s", v)
	return ndis.StatusSuccess
}

// deletable checks that the client's lifetime of v lets its creator delete
// it now (for a VC the client created, an NdisCoDeleteVc edge leaves its
// state; for one the call manager created, a PROTOCOL_CO_DELETE_VC edge, the
// callback NDIS makes to the client), and that the VC is not active in the
// miniport; it returns the status NDIS answers when it is not. A VC whose
// close is still pending (a deactivation pending, or the client's close
// not completed) is NDIS_STATUS_CLOSING, as nf-ndis-ndiscodeletevc says.
func (w *world) deletable(ddi string, v *vcBlock) (ndis.Status, bool) {
	by := ddi
	if v.creator == sideCM {
		by = deleteVcRole
	}
	refused := ndis.StatusNotAccepted
	if v.call == callClosing || v.act == actDeactivating {
		refused = ndis.StatusClosing
	}
	switch {
	case v.af != nil && !w.admit(v.life, on(by), ddi, v.describe(), rules.RuleVcDeleteCallActive, "a VC is deleted only after its close completed with NDIS_STATUS_SUCCESS"):
		return refused, false
	case v.act == actDeactivating:
		w.report(rules.RuleVcDeleteCallActive, "%s: %s is being deactivated; a VC is deleted only once its deactivation completed", ddi, v)
		return refused, false
	case v.act == actActive || v.act == actActivating:
		w.report(rules.RuleVcDeleteCallActive, "%s: %s is still active; the call manager deactivates it before it is deleted", ddi, v)
		return refused, false
	}
	return ndis.StatusSuccess, true
}

// deleteVcRole is the callback by which NDIS tells a VC's peer that its
// creator deletes it.
const deleteVcRole = "PROTOCOL_CO_DELETE_VC"
