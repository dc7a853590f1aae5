// Package incoming is a client that answers every incoming call at once, by // want package:`uses\(NdisClIncomingCallComplete\)`
// its ProtocolClIncomingCall's return, and then also calls
// NdisClIncomingCallComplete when the call connects: NDIS never waits for
// that completion.
package incoming

import "github.com/ndislint/ndislint/ndis"

// vc is the client's VC context.
type vc struct {
	ndisVcHandle ndis.Handle
	params       *ndis.CoCallParameters
	accepted     bool
}

// clCreateVc keeps the handle of a VC the call manager creates.
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

// clIncomingCall accepts or rejects at once.
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	v.params = callParameters
	if callParameters == nil {
		return ndis.StatusFailure
	}
	v.accepted = true
	return ndis.StatusSuccess
}

// clCallConnected confirms the call it already accepted: one completion
// too many.
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.ndisVcHandle, v.params) // want `NdisClIncomingCallComplete completes a ProtocolClIncomingCall request, but clIncomingCall, this package's ProtocolClIncomingCall, never returns NDIS_STATUS_PENDING \(it returns NDIS_STATUS_FAILURE or NDIS_STATUS_SUCCESS\)`
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:      clCreateVc,
	ClIncomingCallHandler:  clIncomingCall,
	ClCallConnectedHandler: clCallConnected,
}
