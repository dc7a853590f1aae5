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
	v, st := w.createVc(creator, af, cm, o.adapter, protocolVcContext)
	if st == ndis.StatusSuccess {
		*ndisVcHandle = v.handleFor(creator)
	}
	return st
}

// afOnBinding checks that an AF handle belongs to the caller's binding.
func (w *world) afOnBinding(ddi string, ah *afHandle, o *openBlock) bool {
	af := ah.af
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

// createVc creates a VC for creator: the miniport's create first (unless the
// call manager is a miniport call manager), then the peer's.
func (w *world) createVc(creator side, af *afBlock, cm cmRef, a *adapterBlock, ctx ndis.Handle) (*vcBlock, ndis.Status) {
	v := &vcBlock{id: w.next("vc"), adapter: a, af: af, cm: cm, creator: creator}
	v.cmH = &vcHandle{vc: v, side: sideCM}
	if af != nil {
		v.clientOpen = af.client
		v.clientH = &vcHandle{vc: v, side: sideClient}
	}
	if !cm.isMCM() {
		v.mpH = &vcHandle{vc: v, side: sideMiniport}
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
		if vh.side == sideClient && v.clientDead {
			w.reportDeadVc(ddi, "NdisVcHandle", v)
		}
		return ndis.StatusFailure
	}
	if st, ok := w.deletable(ddi, v); !ok {
		return st
	}
	if v.af != nil {
		peer := sideCM
		if v.creator == sideCM {
			peer = sideClient
		}
		w.peerDeleteVc(v, peer)
	}
	if !v.cm.isMCM() {
		w.miniportDeleteVc(v)
	}
	v.deleted = true
	for _, p := range v.parties {
		p.state = partyGone
	}
	w.st.Tracef("NDIS deleted %s", v)
	return ndis.StatusSuccess
}

// deletable checks that v has no call and is not active; it returns the
// status NDIS answers when it is not.
func (w *world) deletable(ddi string, v *vcBlock) (ndis.Status, bool) {
	switch {
	case v.call == callClosing || v.act == actDeactivating:
		w.report(rules.RuleVcDeleteCallActive, "%s: %s has %s (deactivation pending); a VC is deleted only after its close completed with NDIS_STATUS_SUCCESS", ddi, v, v.call)
		return ndis.StatusClosing, false
	case v.call != callIdle:
		w.report(rules.RuleVcDeleteCallActive, "%s: %s has %s; a VC is deleted only after its close completed with NDIS_STATUS_SUCCESS", ddi, v, v.call)
		return ndis.StatusNotAccepted, false
	case v.act == actActive || v.act == actActivating:
		w.report(rules.RuleVcDeleteCallActive, "%s: %s is still active; the call manager deactivates it before it is deleted", ddi, v)
		return ndis.StatusNotAccepted, false
	}
	return ndis.StatusSuccess, true
}
