package callmanager

import "github.com/ndislint/ndislint/ndis"

// OfferCall is a call arriving from the network for the SAP whose address
// is sap: the call manager creates a VC of its own on the AF the SAP is
// registered on (NdisCoCreateVc), activates it (NdisCmActivateVc) and
// offers the call to the client (NdisCmDispatchIncomingCall). If the client
// accepts, the call manager reports it connected
// (NdisCmDispatchCallConnected); if it rejects, the VC is deactivated and
// deleted or kept. callParameters must stay valid until the client has
// answered. OfferCall returns NDIS_STATUS_INVALID_SAP when no client
// registered the SAP.
func (cm *CallManager) OfferCall(sap []byte, callParameters *ndis.CoCallParameters) (*Vc, ndis.Status) {
	if callParameters == nil {
		return nil, ndis.StatusInvalidParameter
	}
	ndis.AcquireSpinLock(&cm.lock)
	s := cm.findSapLocked(sap)
	ndis.ReleaseSpinLock(&cm.lock)
	if s == nil {
		return nil, ndis.StatusInvalidSap
	}
	v, st := cm.createOwnVc(s.af)
	if st != ndis.StatusSuccess {
		return nil, st
	}
	v.offer(s, callParameters)
	return &Vc{v: v, cm: cm}, ndis.StatusSuccess
}

// Reoffer offers a new call on one of the call manager's VCs whose last
// call closed (Config.KeepVcs), to the SAP of that call.
func (cm *CallManager) Reoffer(k *Vc, callParameters *ndis.CoCallParameters) ndis.Status {
	if k == nil || callParameters == nil {
		return ndis.StatusInvalidParameter
	}
	v := k.v
	ndis.AcquireSpinLock(&cm.lock)
	ok := v.createdByCM && v.state == vcIdle && v.sap != nil && v.af.state == afOpen
	s := v.sap
	ndis.ReleaseSpinLock(&cm.lock)
	if !ok {
		return ndis.StatusNotAccepted
	}
	v.offer(s, callParameters)
	return ndis.StatusSuccess
}

// offer activates v for an incoming call to s.
func (v *vc) offer(s *sapCtx, callParameters *ndis.CoCallParameters) {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	v.state = vcOffering
	v.sap = s
	v.callParameters = callParameters
	cm.stats.Offers++
	ndis.ReleaseSpinLock(&cm.lock)
	v.activate()
}

// offerActivated dispatches the call to the client once the VC is active.
func (v *vc) offerActivated(status ndis.Status) {
	if status != ndis.StatusSuccess {
		v.callClosed()
		return
	}
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	s := v.sap
	params := v.callParameters
	ndis.ReleaseSpinLock(&cm.lock)
	if s == nil {
		v.answered(ndis.StatusInvalidSap)
		return
	}
	st := ndis.CmDispatchIncomingCall(s.ndisSapHandle, v.ndisVcHandle, params)
	if st != ndis.StatusPending {
		v.answered(st)
	}
}

// cmIncomingCallComplete is the call manager's
// ProtocolCmIncomingCallComplete: the client answered a call it pended.
//
//ndis:role PROTOCOL_CM_INCOMING_CALL_COMPLETE
func cmIncomingCallComplete(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	if v, ok := callMgrVcContext.(*vc); ok {
		v.answered(status)
	}
}

// answered acts on the client's answer: an accepted call is reported
// connected; a rejected one is deactivated, then its VC kept or deleted.
func (v *vc) answered(status ndis.Status) {
	cm := v.callManager()
	ndis.AcquireSpinLock(&cm.lock)
	if status == ndis.StatusSuccess {
		v.state = vcConnected
		cm.stats.OffersAccepted++
	} else {
		v.state = vcRejecting
		cm.stats.OffersRejected++
	}
	ndis.ReleaseSpinLock(&cm.lock)
	if status == ndis.StatusSuccess {
		ndis.CmDispatchCallConnected(v.ndisVcHandle)
		return
	}
	v.deactivate()
}

// HangupFromNetwork is the remote party closing a connected call: the call
// manager indicates it to the client (NdisCmDispatchIncomingCloseCall), who
// answers with NdisClCloseCall. It returns NDIS_STATUS_NOT_ACCEPTED when
// the VC has no connected call.
func (cm *CallManager) HangupFromNetwork(k *Vc) ndis.Status {
	if k == nil {
		return ndis.StatusInvalidParameter
	}
	v := k.v
	ndis.AcquireSpinLock(&cm.lock)
	ok := v.state == vcConnected
	ndis.ReleaseSpinLock(&cm.lock)
	if !ok {
		return ndis.StatusNotAccepted
	}
	ndis.CmDispatchIncomingCloseCall(ndis.StatusSuccess, v.ndisVcHandle, nil, 0)
	return ndis.StatusSuccess
}
