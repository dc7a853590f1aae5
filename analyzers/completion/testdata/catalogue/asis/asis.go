// Package asis is checked with the embedded catalogue; package moved holds // want package:`uses\(NdisClIncomingCallComplete, NdisCmMakeCallComplete\)`
// the same code, checked with a catalogue whose pairs differ.
package asis

import "github.com/ndislint/ndislint/ndis"

// vc is a VC context; sap a SAP context (a test double that keeps a
// handle).
type (
	vc  struct{ h ndis.Handle }
	sap struct{ h ndis.Handle }
)

// cmMakeCall completes the make-call twice.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters) // want `completes the ProtocolCmMakeCall request a second time`
	return ndis.StatusPending
}

// clIncomingCall completes with the VC's handle and returns
// NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.h, callParameters) // want `completes the ProtocolClIncomingCall request on a path where clIncomingCall returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// clIncomingCallBySap completes with a handle its SAP context keeps and
// returns NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCallBySap(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	s := protocolSapContext.(*sap)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, s.h, callParameters)
	return ndis.StatusSuccess
}
