package callmanager

import "github.com/ndislint/ndislint/ndis"

// cmCreateVc is the call manager's ProtocolCoCreateVc: a client created a VC
// for an outgoing call. It never returns NDIS_STATUS_PENDING.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func cmCreateVc(protocolAfContext ndis.Handle, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	a, ok := protocolAfContext.(*af)
	if !ok || protocolVcContext == nil {
		return ndis.StatusFailure
	}
	cm := a.binding.cm
	v := cm.newVc(a, false)
	if v == nil {
		return ndis.StatusResources
	}
	v.ndisVcHandle = ndisVcHandle
	ndis.AcquireSpinLock(&cm.lock)
	a.vcs = append(a.vcs, v)
	cm.stats.ClientVcsCreated++
	ndis.ReleaseSpinLock(&cm.lock)
	*protocolVcContext = v
	return ndis.StatusSuccess
}

// cmDeleteVc is the call manager's ProtocolCoDeleteVc: a client deleted its
// VC. It never returns NDIS_STATUS_PENDING.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func cmDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return ndis.StatusFailure
	}
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.af.removeVc(v)
	v.state = vcDeleted
	cm.stats.ClientVcsDeleted++
	ndis.ReleaseSpinLock(&cm.lock)
	freeCtx(v.mem)
	return ndis.StatusSuccess
}

// createOwnVc creates a VC of the call manager's own on a, for an incoming
// call: NDIS runs the client's ProtocolCoCreateVc before it returns.
func (cm *CallManager) createOwnVc(a *af) (*vc, ndis.Status) {
	v := cm.newVc(a, true)
	if v == nil {
		return nil, ndis.StatusResources
	}
	st := ndis.CoCreateVc(a.binding.ndisBindingHandle, a.ndisAfHandle, v, &v.ndisVcHandle)
	if st != ndis.StatusSuccess {
		freeCtx(v.mem)
		return nil, st
	}
	ndis.AcquireSpinLock(&cm.lock)
	a.vcs = append(a.vcs, v)
	cm.stats.OwnVcsCreated++
	ndis.ReleaseSpinLock(&cm.lock)
	return v, ndis.StatusSuccess
}

// deleteOwnVc deletes one of the call manager's VCs, whose call is closed
// and which is deactivated: NDIS runs the client's ProtocolCoDeleteVc. Only
// VCs with createdByCM set come here.
func (v *vc) deleteOwnVc() {
	cm := v.callManager()
	st := ndis.CoDeleteVc(v.ndisVcHandle)
	ndis.AcquireSpinLock(&cm.lock)
	if st != ndis.StatusSuccess {
		v.state = vcIdle
		ndis.ReleaseSpinLock(&cm.lock)
		return
	}
	v.af.removeVc(v)
	v.state = vcDeleted
	cm.stats.OwnVcsDeleted++
	ndis.ReleaseSpinLock(&cm.lock)
	freeCtx(v.mem)
}

// callClosed ends a call on one of the call manager's VCs: the VC is kept
// for another call (Config.KeepVcs) or deleted.
func (v *vc) callClosed() {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.reaping = false
	keep := cm.cfg.KeepVcs && v.af.state == afOpen
	if keep {
		v.state = vcIdle
	} else {
		v.state = vcDeleted
	}
	ndis.ReleaseSpinLock(&cm.lock)
	if !keep {
		v.deleteOwnVc()
	}
}

// activate activates v with its call parameters (NdisCmActivateVc); a
// non-PENDING result goes straight to activated, a pended one comes back
// through ProtocolCmActivateVcComplete.
func (v *vc) activate() {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	cm.stats.Activations++
	ndis.ReleaseSpinLock(&cm.lock)
	st := ndis.CmActivateVc(v.ndisVcHandle, v.callParameters)
	if st != ndis.StatusPending {
		v.activated(st)
	}
}

// cmActivateVcComplete is the call manager's ProtocolCmActivateVcComplete.
//
//ndis:role PROTOCOL_CM_ACTIVATE_VC_COMPLETE
func cmActivateVcComplete(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	if v, ok := callMgrVcContext.(*vc); ok {
		v.activated(status)
	}
}

// activated continues the call the activation was for.
func (v *vc) activated(status ndis.Status) {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	state := v.state
	ndis.ReleaseSpinLock(&cm.lock)
	switch state {
	case vcMaking:
		v.makeCallDone(status)
	case vcOffering:
		v.offerActivated(status)
	}
}

// deactivate deactivates v (NdisCmDeactivateVc); NDIS_STATUS_NOT_ACCEPTED
// means it was not active, which is as good.
func (v *vc) deactivate() {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	cm.stats.Deactivations++
	ndis.ReleaseSpinLock(&cm.lock)
	st := ndis.CmDeactivateVc(v.ndisVcHandle)
	if st == ndis.StatusPending {
		return
	}
	if st == ndis.StatusNotAccepted {
		st = ndis.StatusSuccess
	}
	v.deactivated(st)
}

// cmDeactivateVcComplete is the call manager's
// ProtocolCmDeactivateVcComplete.
//
//ndis:role PROTOCOL_CM_DEACTIVATE_VC_COMPLETE
func cmDeactivateVcComplete(status ndis.Status, callMgrVcContext ndis.Handle) {
	if v, ok := callMgrVcContext.(*vc); ok {
		v.deactivated(status)
	}
}

// deactivated continues what the deactivation was for: a close, or the end
// of a rejected offer.
func (v *vc) deactivated(status ndis.Status) {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	state := v.state
	ndis.ReleaseSpinLock(&cm.lock)
	switch state {
	case vcClosing:
		v.closeDone(status)
	case vcRejecting:
		v.callClosed()
	}
}
