package client

import "github.com/ndislint/ndislint/ndis"

// The handlers of features this client does not use. NDIS requires every
// NDIS_CO_CLIENT_OPTIONAL_HANDLERS member to be non-NULL, so each gets a
// stub that fails the request with NDIS_STATUS_NOT_SUPPORTED or does
// nothing.

// clOidRequest is the client's ProtocolCoOidRequest: it answers no OIDs.
//
//ndis:role PROTOCOL_CO_OID_REQUEST
func clOidRequest(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	return ndis.StatusNotSupported
}

// clOidRequestComplete is the client's ProtocolCoOidRequestComplete: it
// never issues NdisCoOidRequest, so nothing completes.
//
//ndis:role PROTOCOL_CO_OID_REQUEST_COMPLETE
func clOidRequestComplete(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
}

// clModifyCallQoSComplete is the client's ProtocolClModifyCallQoSComplete:
// it never calls NdisClModifyCallQoS.
//
//ndis:role PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE
func clModifyCallQoSComplete(status ndis.Status, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
}

// clIncomingCallQoSChange is the client's ProtocolClIncomingCallQoSChange:
// it accepts any change by returning.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE
func clIncomingCallQoSChange(protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
}

// clAddPartyComplete is the client's ProtocolClAddPartyComplete: it makes
// no multipoint calls.
//
//ndis:role PROTOCOL_CL_ADD_PARTY_COMPLETE
func clAddPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
}

// clDropPartyComplete is the client's ProtocolClDropPartyComplete: it makes
// no multipoint calls.
//
//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {
}

// clIncomingDropParty is the client's ProtocolClIncomingDropParty: with no
// multipoint calls there is no party to drop.
//
//ndis:role PROTOCOL_CL_INCOMING_DROP_PARTY
func clIncomingDropParty(dropStatus ndis.Status, protocolPartyContext ndis.Handle, closeData []byte, size uint32) {
}
