package callmanager

import "github.com/ndislint/ndislint/ndis"

// cmCloseCall is the call manager's ProtocolCmCloseCall: a client closes a
// call. The call manager deactivates the VC (NdisCmDeactivateVc) and
// completes the close once it is inactive: by returning the status
// (Config.CloseCall Synchronous, when the deactivation does not pend),
// with NdisCmCloseCallComplete later from its signalling timer (Deferred),
// or with NdisCmCloseCallComplete before it returns NDIS_STATUS_PENDING
// (Nested), deleting its own VC there too, so that the client sees
// ProtocolClCloseCallComplete and ProtocolCoDeleteVc before its
// NdisClCloseCall returns.
//
//ndis:role PROTOCOL_CM_CLOSE_CALL
func cmCloseCall(callMgrVcContext ndis.Handle, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v, ok := callMgrVcContext.(*vc)
	if !ok {
		return ndis.StatusFailure
	}
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.state = vcClosing
	v.inHandler = true
	v.result = noStatus
	mode := cm.cfg.CloseCall
	ndis.ReleaseSpinLock(&cm.lock)
	if mode == Deferred {
		v.af.binding.later(v.deactivate)
	} else {
		v.deactivate()
	}
	st := v.leaveHandler()
	if st != ndis.StatusPending && v.createdByCM {
		// The close completes only when this handler returns: the VC is
		// kept or deleted after that, from the signalling timer.
		ndis.AcquireSpinLock(&cm.lock)
		v.reaping = true
		ndis.ReleaseSpinLock(&cm.lock)
		v.af.binding.later(v.callClosed)
	}
	return st
}

// closeDone completes a client's close once the VC is deactivated.
func (v *vc) closeDone(status ndis.Status) {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.state = vcIdle
	cm.stats.CallsClosed++
	if v.returnsSyncLocked(cm.cfg.CloseCall, status) {
		ndis.ReleaseSpinLock(&cm.lock)
		return
	}
	own := v.createdByCM
	v.reaping = own
	ndis.ReleaseSpinLock(&cm.lock)
	ndis.CmCloseCallComplete(status, v.ndisVcHandle, nil)
	if own {
		v.callClosed()
	}
}
