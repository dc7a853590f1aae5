// Package incominghold is the twin of package incoming: its // want package:`uses\(NdisClIncomingCallComplete\)`
// ProtocolClIncomingCall holds some calls (NDIS_STATUS_PENDING) and answers
// them later; and a ProtocolClIncomingCall that completes inside itself and
// returns NDIS_STATUS_SUCCESS.
package incominghold

import "github.com/ndislint/ndislint/ndis"

// vc is the client's VC context.
type vc struct {
	ndisVcHandle ndis.Handle
	params       *ndis.CoCallParameters
	held         bool
}

// client is the client's global state.
type client struct {
	ask bool // ask the user before accepting
}

var the client

// clCreateVc keeps the handle of a VC the call manager creates.
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

// clIncomingCall holds the call when the user is to be asked.
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	v.params = callParameters
	if the.ask {
		v.held = true
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// answer is the user's answer to a held call: a completion later, from
// another path, which the pass does not tie to the handler's return.
func answer(v *vc, accept bool) {
	st := ndis.StatusSuccess
	if !accept {
		st = ndis.StatusFailure
	}
	v.held = false
	ndis.ClIncomingCallComplete(st, v.ndisVcHandle, v.params)
}

// answered completes inside the handler and then returns
// NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func answered(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.ndisVcHandle, callParameters) // want `NdisClIncomingCallComplete completes the ProtocolClIncomingCall request on a path where answered returns NDIS_STATUS_SUCCESS, not NDIS_STATUS_PENDING`
	return ndis.StatusSuccess
}

// answeredNested completes inside the handler and returns
// NDIS_STATUS_PENDING: allowed.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func answeredNested(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.ndisVcHandle, callParameters)
	return ndis.StatusPending
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:     clCreateVc,
	ClIncomingCallHandler: clIncomingCall,
}

var _ = answer
