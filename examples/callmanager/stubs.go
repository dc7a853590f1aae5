package callmanager

import "github.com/ndislint/ndislint/ndis"

// The handlers of features this call manager does not support. NDIS
// requires every NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS member to be
// non-NULL, so each gets a stub.

// cmAddParty is the call manager's ProtocolCmAddParty: no multipoint calls.
func cmAddParty(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

// cmDropParty is the call manager's ProtocolCmDropParty: no multipoint
// calls.
func cmDropParty(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	return ndis.StatusNotSupported
}

// cmModifyCallQoS is the call manager's ProtocolCmModifyCallQoS: the
// network cannot change a call's QoS.
func cmModifyCallQoS(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusNotSupported
}

// cmOidRequest is the call manager's ProtocolCoOidRequest: it answers no
// OIDs.
func cmOidRequest(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	return ndis.StatusNotSupported
}

// cmOidRequestComplete is the call manager's ProtocolCoOidRequestComplete:
// it issues no OIDs.
func cmOidRequestComplete(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
}

// cmCoStatusEx is the call manager's ProtocolCoStatusEx: it ignores status
// indications.
func cmCoStatusEx(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, statusIndication *ndis.StatusIndication) {
}

// cmCoReceiveNetBufferLists is the call manager's
// ProtocolCoReceiveNetBufferLists: its signalling VCs carry nothing here.
func cmCoReceiveNetBufferLists(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
}

// cmCoSendNetBufferListsComplete is the call manager's
// ProtocolCoSendNetBufferListsComplete: it sends nothing.
func cmCoSendNetBufferListsComplete(protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
}
