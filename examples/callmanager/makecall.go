package callmanager

import "github.com/ndislint/ndislint/ndis"

// cmMakeCall is the call manager's ProtocolCmMakeCall: a client makes an
// outgoing call on its VC. The call manager activates the VC
// (NdisCmActivateVc) and completes the call once it is active: by
// returning the status (Config.MakeCall Synchronous, when the activation
// does not pend), with NdisCmMakeCallComplete later from its signalling
// timer (Deferred), or with NdisCmMakeCallComplete before it returns
// NDIS_STATUS_PENDING (Nested). Multipoint calls are not supported.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v, ok := callMgrVcContext.(*vc)
	if !ok || callParameters == nil {
		return ndis.StatusNotSupported
	}
	if callMgrPartyContext != nil {
		*callMgrPartyContext = nil
	}
	if ndisPartyHandle != nil {
		return ndis.StatusNotSupported
	}
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.state = vcMaking
	v.callParameters = callParameters
	v.inHandler = true
	v.result = noStatus
	mode := cm.cfg.MakeCall
	ndis.ReleaseSpinLock(&cm.lock)
	if mode == Deferred {
		v.af.binding.later(v.activate)
	} else {
		v.activate()
	}
	return v.leaveHandler()
}

// leaveHandler ends ProtocolCmMakeCall or ProtocolCmCloseCall: it returns
// the status of a synchronous completion, else NDIS_STATUS_PENDING.
func (v *vc) leaveHandler() ndis.Status {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.inHandler = false
	st := v.result
	v.result = noStatus
	ndis.ReleaseSpinLock(&cm.lock)
	return st
}

// returnsSyncLocked reports, with the lock held, whether a completion happening
// now is returned by the handler instead of a Complete call: the handler is
// still running and completes synchronously.
func (v *vc) returnsSyncLocked(mode Completion, status ndis.Status) bool {
	if !v.inHandler || mode != Synchronous {
		return false
	}
	v.result = status
	return true
}

// makeCallDone completes an outgoing call once the activation is done.
func (v *vc) makeCallDone(status ndis.Status) {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	if status == ndis.StatusSuccess {
		v.state = vcConnected
		cm.stats.CallsMade++
	} else {
		v.state = vcIdle
	}
	params := v.callParameters
	if v.returnsSyncLocked(cm.cfg.MakeCall, syncMakeCallStatus(status)) {
		ndis.ReleaseSpinLock(&cm.lock)
		return
	}
	ndis.ReleaseSpinLock(&cm.lock)
	ndis.CmMakeCallComplete(status, v.ndisVcHandle, nil, nil, params)
}

// syncMakeCallStatus maps the outcome of a make-call to what
// ProtocolCmMakeCall may return (nc-ndis-protocol_cm_make_call): a VC the
// miniport could not activate is NDIS_STATUS_NOT_SUPPORTED, unless it was
// short of resources. NdisCmMakeCallComplete passes any status.
func syncMakeCallStatus(status ndis.Status) ndis.Status {
	switch status {
	case ndis.StatusSuccess, ndis.StatusResources:
		return status
	}
	return ndis.StatusNotSupported
}
