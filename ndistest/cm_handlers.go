package ndistest

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// cmHandlers returns the scripted call manager's
// NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS.
func cmHandlers() *ndis.CoCallManagerOptionalHandlers {
	return &ndis.CoCallManagerOptionalHandlers{
		CmCreateVcHandler:              cmCreateVc,
		CmDeleteVcHandler:              cmDeleteVc,
		CmOpenAfHandler:                cmOpenAf,
		CmCloseAfHandler:               cmCloseAf,
		CmRegisterSapHandler:           cmRegisterSap,
		CmDeregisterSapHandler:         cmDeregisterSap,
		CmMakeCallHandler:              cmMakeCall,
		CmCloseCallHandler:             cmCloseCall,
		CmIncomingCallCompleteHandler:  cmIncomingCallComplete,
		CmAddPartyHandler:              cmAddParty,
		CmDropPartyHandler:             cmDropParty,
		CmActivateVcCompleteHandler:    cmActivateVcComplete,
		CmDeactivateVcCompleteHandler:  cmDeactivateVcComplete,
		CmModifyCallQoSHandler:         cmModifyQoS,
		CmOidRequestHandler:            cmOidRequest,
		CmOidRequestCompleteHandler:    cmOidRequestComplete,
		CmNotifyCloseAfCompleteHandler: cmNotifyCloseAfComplete,
	}
}

// cmCreateVc is ProtocolCoCreateVc: a client created a VC on the AF.
func cmCreateVc(protocolAfContext ndis.Handle, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	a := protocolAfContext.(*cmAf)
	v := &VC{cm: a.cm, af: a, h: ndisVcHandle}
	a.cm.vcs = append(a.cm.vcs, v)
	*protocolVcContext = v
	return ndis.StatusSuccess
}

// cmDeleteVc is ProtocolCoDeleteVc.
func cmDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	protocolVcContext.(*VC).deleted = true
	return ndis.StatusSuccess
}

// cmOpenAf is ProtocolCmOpenAf.
func cmOpenAf(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
	cm := callMgrBindingContext.(*CallManager)
	if addressFamily.AddressFamily != cm.af.AddressFamily {
		return ndis.StatusInvalidData
	}
	a := &cmAf{cm: cm, h: ndisAfHandle}
	cm.afs = append(cm.afs, a)
	*callMgrAfContext = a
	st := cm.run(cm.script.OpenAf, "the open of an AF", nil, func(st ndis.Status) {
		if st != ndis.StatusSuccess {
			a.closed = true
		}
		cm.ops.openAfComplete(st, a.h, a)
	})
	if st != ndis.StatusSuccess && st != ndis.StatusPending {
		a.closed = true
	}
	return st
}

// cmCloseAf is ProtocolCmCloseAf. Before it lets the close succeed, the call
// manager deletes the VCs it created on the AF (NOTES §2, §4c): one left
// behind would reach the client's ProtocolCoDeleteVc after its
// ProtocolClCloseAfComplete. A VC whose activation or deactivation is still
// pending is deleted once it completes; the close then completes from there
// (NDIS_STATUS_PENDING, then Ndis(M)CmCloseAddressFamilyComplete) even when
// the script says Sync.
func cmCloseAf(callMgrAfContext ndis.Handle) ndis.Status {
	a := callMgrAfContext.(*cmAf)
	cm := a.cm
	a.closing = true
	st := cm.run(cm.script.CloseAf, "the close of an AF", func(next func(ndis.Status)) {
		cm.releaseVcs(a, next)
	}, func(st ndis.Status) {
		a.closeDone(st)
		cm.ops.closeAfComplete(st, a.h)
		if st == ndis.StatusSuccess {
			cm.afClosed()
		}
	})
	if st != ndis.StatusPending {
		a.closeDone(st)
		if st == ndis.StatusSuccess {
			cm.afClosed()
		}
	}
	return st
}

// closeDone records the outcome of the close of a.
func (a *cmAf) closeDone(st ndis.Status) {
	a.closing = false
	if st == ndis.StatusSuccess {
		a.closed = true
	}
}

// releaseVcs deletes every VC the call manager created on a, now or once
// their pending activation or deactivation completed, then calls next:
// with NDIS_STATUS_SUCCESS when they are all gone, NDIS_STATUS_NOT_ACCEPTED
// when NDIS refused to delete one (the AF then stays open). A deletion the
// call manager queued earlier (DeleteLater) finds the VC deleted and does
// nothing.
func (cm *CallManager) releaseVcs(a *cmAf, next func(ndis.Status)) {
	left, result := 1, ndis.StatusSuccess
	done := func(deleted bool) {
		if !deleted {
			result = ndis.StatusNotAccepted
		}
		if left--; left == 0 {
			next(result)
		}
	}
	for _, v := range cm.vcs {
		if v.af != a || !v.createdByCM || v.deleted {
			continue
		}
		left++
		cm.releaseVc(v, done)
	}
	done(true)
}

// releaseVc deletes v, a VC the call manager created on an AF being closed,
// and calls done with whether it is gone. An offer whose activation is still
// pending is abandoned (the VC is deactivated instead of offered); a pending
// deactivation finishes what it was for first; an active VC is deactivated.
// A VC the miniport failed to deactivate stays (NDIS would refuse to delete
// an active VC), and the close of the AF fails.
func (cm *CallManager) releaseVc(v *VC, done func(bool)) {
	del := func(ndis.Status) {
		if !v.Info().Active {
			cm.deleteOwn(v)
		}
		done(v.deleted)
	}
	switch {
	case v.onActivated != nil:
		v.onActivated = func(st ndis.Status) {
			v.state = vcIdle
			if st == ndis.StatusSuccess {
				cm.deactivate(v, del)
				return
			}
			del(st)
		}
	case v.onDeactivated != nil:
		prev := v.onDeactivated
		v.onDeactivated = func(st ndis.Status) {
			prev(st)
			del(st)
		}
	case v.Info().Active:
		cm.deactivate(v, del)
	default:
		del(ndis.StatusSuccess)
	}
}

// cmRegisterSap is ProtocolCmRegisterSap.
func cmRegisterSap(callMgrAfContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle, callMgrSapContext *ndis.Handle) ndis.Status {
	a := callMgrAfContext.(*cmAf)
	for _, s := range a.saps {
		if !s.deregister && sameSap(s.sap, sap) {
			return ndis.StatusInvalidData
		}
	}
	s := &cmSap{af: a, h: ndisSapHandle, sap: sap}
	a.saps = append(a.saps, s)
	*callMgrSapContext = s
	cm := a.cm
	st := cm.run(cm.script.RegisterSap, "a SAP registration", nil, func(st ndis.Status) {
		if st != ndis.StatusSuccess {
			s.deregister = true
		}
		cm.ops.registerSapComplete(st, s.h, s)
	})
	if st != ndis.StatusSuccess && st != ndis.StatusPending {
		s.deregister = true
	}
	return st
}

// sameSap reports whether two SAPs are the same address.
func sameSap(a, b *ndis.CoSap) bool {
	return a != nil && b != nil && a.SapType == b.SapType && string(a.Sap) == string(b.Sap)
}

// cmDeregisterSap is ProtocolCmDeregisterSap.
func cmDeregisterSap(callMgrSapContext ndis.Handle) ndis.Status {
	s := callMgrSapContext.(*cmSap)
	cm := s.af.cm
	st := cm.run(cm.script.DeregisterSap, "a SAP deregistration", nil, func(st ndis.Status) {
		if st == ndis.StatusSuccess {
			s.deregister = true
		}
		cm.ops.deregisterSapComplete(st, s.h)
	})
	if st == ndis.StatusSuccess {
		s.deregister = true
	}
	return st
}

// cmMakeCall is ProtocolCmMakeCall: the call manager activates the VC, then
// completes.
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*VC)
	cm := v.cm
	var p *Party
	if ndisPartyHandle != nil {
		p = &Party{vc: v, h: ndisPartyHandle}
		v.parties = append(v.parties, p)
		*callMgrPartyContext = p
	} else if callMgrPartyContext != nil {
		*callMgrPartyContext = nil
	}
	v.state, v.params = vcOutgoing, callParameters
	finish := func(st ndis.Status) {
		if st == ndis.StatusSuccess {
			v.state = vcConnected
		} else {
			v.state = vcIdle
			if p != nil {
				p.dropped = true
			}
		}
	}
	st := cm.run(cm.script.MakeCall, fmt.Sprintf("an outgoing call on vc #%d", v.Number()), func(next func(ndis.Status)) {
		cm.activate(v, callParameters, next)
	}, func(st ndis.Status) {
		finish(st)
		var pctx ndis.Handle
		if p != nil {
			pctx = p
		}
		cm.ops.makeCallComplete(st, v.h, ndisPartyHandle, pctx, callParameters)
	})
	if st != ndis.StatusPending {
		finish(st)
	}
	return st
}

// cmCloseCall is ProtocolCmCloseCall: the call manager deactivates the VC,
// then completes, then (for its own VCs) deletes it as the script says.
func cmCloseCall(callMgrVcContext ndis.Handle, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v := callMgrVcContext.(*VC)
	cm := v.cm
	var ph ndis.Handle
	if p, ok := callMgrPartyContext.(*Party); ok && p != nil {
		ph = p.h
	}
	st := cm.run(cm.script.CloseCall, fmt.Sprintf("the close of the call on vc #%d", v.Number()), func(next func(ndis.Status)) {
		cm.deactivate(v, next)
	}, func(st ndis.Status) {
		if st == ndis.StatusSuccess {
			v.closeParties()
		}
		cm.ops.closeCallComplete(st, v.h, ph)
		cm.afterClose(v, st, true)
	})
	if st != ndis.StatusPending {
		if st == ndis.StatusSuccess {
			v.closeParties()
		}
		cm.afterClose(v, st, false)
	}
	return st
}

// closeParties marks the call closed and its parties gone.
func (v *VC) closeParties() {
	v.state = vcClosed
	for _, p := range v.parties {
		p.dropped = true
	}
}

// afterClose deletes a VC the call manager created once its call closed,
// as DeleteVcAfterClose says; inline is true when the close completed in
// the call manager's own context.
func (cm *CallManager) afterClose(v *VC, st ndis.Status, inline bool) {
	if st != ndis.StatusSuccess || !v.createdByCM || v.deleted {
		return
	}
	switch cm.script.DeleteVcAfterClose {
	case DeleteNested:
		if inline {
			cm.deleteOwn(v)
			return
		}
		fallthrough
	case DeleteLater:
		cm.sys.st.Enqueue(fmt.Sprintf("call manager %q deletes vc #%d", cm.name, v.Number()), 0, func() { cm.deleteOwn(v) })
	}
}

// deleteOwn deletes a VC the call manager created.
func (cm *CallManager) deleteOwn(v *VC) {
	if v.deleted {
		return
	}
	if st := cm.ops.deleteVc(v.h); st == ndis.StatusSuccess {
		v.deleted = true
	}
}

// cmIncomingCallComplete is ProtocolCmIncomingCallComplete: the client
// answered an offered call it had pended.
func cmIncomingCallComplete(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := callMgrVcContext.(*VC)
	v.cm.answered(v, status)
}

// answered applies the client's answer to an offered call.
func (cm *CallManager) answered(v *VC, st ndis.Status) {
	if st == ndis.StatusSuccess {
		v.state = vcAccepted
		if cm.script.AutoConnect {
			v.state = vcConnected
			cm.ops.dispatchCallConnected(v.h)
		}
		return
	}
	v.state = vcClosed
	cm.deactivate(v, func(ndis.Status) { cm.afterClose(v, ndis.StatusSuccess, true) })
}

// cmAddParty is ProtocolCmAddParty.
func cmAddParty(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*VC)
	cm := v.cm
	p := &Party{vc: v, h: ndisPartyHandle}
	v.parties = append(v.parties, p)
	*callMgrPartyContext = p
	st := cm.run(cm.script.AddParty, "an add-party request", nil, func(st ndis.Status) {
		if st != ndis.StatusSuccess {
			p.dropped = true
		}
		cm.ops.addPartyComplete(st, p.h, p, callParameters)
	})
	if st != ndis.StatusSuccess && st != ndis.StatusPending {
		p.dropped = true
	}
	return st
}

// cmDropParty is ProtocolCmDropParty.
func cmDropParty(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	p := callMgrPartyContext.(*Party)
	cm := p.vc.cm
	st := cm.run(cm.script.DropParty, "a drop-party request", nil, func(st ndis.Status) {
		if st == ndis.StatusSuccess {
			p.dropped = true
		}
		cm.ops.dropPartyComplete(st, p.h)
	})
	if st == ndis.StatusSuccess {
		p.dropped = true
	}
	return st
}

// cmActivateVcComplete is ProtocolCmActivateVcComplete.
func cmActivateVcComplete(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := callMgrVcContext.(*VC)
	if next := v.onActivated; next != nil {
		v.onActivated = nil
		next(status)
	}
}

// cmDeactivateVcComplete is ProtocolCmDeactivateVcComplete.
func cmDeactivateVcComplete(status ndis.Status, callMgrVcContext ndis.Handle) {
	v := callMgrVcContext.(*VC)
	if next := v.onDeactivated; next != nil {
		v.onDeactivated = nil
		next(status)
	}
}

// activate activates v (NdisCmActivateVc / NdisMCmActivateVc) and calls next
// with the outcome, now or when ProtocolCmActivateVcComplete comes.
func (cm *CallManager) activate(v *VC, cp *ndis.CoCallParameters, next func(ndis.Status)) {
	v.onActivated = next
	st := cm.ops.activate(v.h, cp)
	if st == ndis.StatusPending {
		return
	}
	v.onActivated = nil
	next(st)
}

// deactivate deactivates v and calls next with the outcome, now or when
// ProtocolCmDeactivateVcComplete comes. A VC already inactive counts as
// deactivated.
func (cm *CallManager) deactivate(v *VC, next func(ndis.Status)) {
	v.onDeactivated = next
	st := cm.ops.deactivate(v.h)
	if st == ndis.StatusPending {
		return
	}
	v.onDeactivated = nil
	if st == ndis.StatusNotAccepted {
		st = ndis.StatusSuccess
	}
	next(st)
}

// cmModifyQoS is ProtocolCmModifyCallQoS: on success the call manager
// reactivates the VC with the new parameters.
func cmModifyQoS(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := callMgrVcContext.(*VC)
	cm := v.cm
	return cm.run(cm.script.ModifyQoS, fmt.Sprintf("a QoS change on vc #%d", v.Number()), func(next func(ndis.Status)) {
		cm.activate(v, callParameters, next)
	}, func(st ndis.Status) {
		cm.ops.modifyQoSComplete(st, v.h, callParameters)
	})
}

// cmOidRequest is the call manager's ProtocolCoOidRequest.
func cmOidRequest(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*cmAf)
	cm := a.cm
	cm.oidsIn = append(cm.oidsIn, oidRequest.Oid)
	var vh, ph ndis.Handle
	if v, ok := protocolVcContext.(*VC); ok && v != nil {
		vh = v.h
	}
	if p, ok := protocolPartyContext.(*Party); ok && p != nil {
		ph = p.h
	}
	return cm.run(cm.script.OidRequest, "an OID request", nil, func(st ndis.Status) {
		cm.ops.oidRequestComplete(a.h, vh, ph, oidRequest, st)
	})
}

// cmOidRequestComplete is the call manager's ProtocolCoOidRequestComplete.
func cmOidRequestComplete(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	a := protocolAfContext.(*cmAf)
	a.cm.oidResults = append(a.cm.oidResults, status)
}

// cmNotifyCloseAfComplete is ProtocolCmNotifyCloseAfComplete.
func cmNotifyCloseAfComplete(callMgrAfContext ndis.Handle, status ndis.Status) {
	a := callMgrAfContext.(*cmAf)
	a.notify, a.notifed = status, true
}
