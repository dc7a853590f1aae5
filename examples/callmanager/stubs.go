package callmanager

import "github.com/ndislint/ndislint/ndis"

// The handlers of features this call manager does not support. NDIS
// requires every NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS member to be
// non-NULL, so each gets a stub.

// cmAddParty is the call manager's ProtocolCmAddParty: no multipoint calls.
//
//ndis:role PROTOCOL_CM_ADD_PARTY
func cmAddParty(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

// cmDropParty is the call manager's ProtocolCmDropParty: no multipoint
// calls.
//
//ndis:role PROTOCOL_CM_DROP_PARTY
func cmDropParty(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	return ndis.StatusNotSupported
}

// cmModifyCallQoS is the call manager's ProtocolCmModifyCallQoS: the
// network cannot change a call's QoS.
//
//ndis:role PROTOCOL_CM_MODIFY_QOS_CALL
func cmModifyCallQoS(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusNotSupported
}

// cmOidRequest is the call manager's ProtocolCoOidRequest: it answers no
// OIDs.
//
//ndis:role PROTOCOL_CO_OID_REQUEST
func cmOidRequest(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	return ndis.StatusNotSupported
}

// cmOidRequestComplete is the call manager's ProtocolCoOidRequestComplete:
// it issues no OIDs.
//
//ndis:role PROTOCOL_CO_OID_REQUEST_COMPLETE
func cmOidRequestComplete(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
}

// cmCoStatusEx is the call manager's ProtocolCoStatusEx: it ignores status
// indications.
//
//ndis:role PROTOCOL_CO_STATUS_EX
func cmCoStatusEx(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, statusIndication *ndis.StatusIndication) {
}

// cmCoReceiveNetBufferLists is the call manager's
// ProtocolCoReceiveNetBufferLists: its signalling VCs carry nothing here.
//
//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func cmCoReceiveNetBufferLists(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
}

// cmCoSendNetBufferListsComplete is the call manager's
// ProtocolCoSendNetBufferListsComplete: it sends nothing.
//
//ndis:role PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE
func cmCoSendNetBufferListsComplete(protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
}
