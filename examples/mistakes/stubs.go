package mistakes

import "github.com/ndislint/ndislint/ndis"

// The handlers of what the client does not use.

//ndis:role PROTOCOL_CO_OID_REQUEST
func clOidRequest(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	return ndis.StatusNotSupported
}

//ndis:role PROTOCOL_CO_OID_REQUEST_COMPLETE
func clOidRequestComplete(protocolAfContext ndis.Handle, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE
func clModifyCallQoSComplete(status ndis.Status, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
}

//ndis:role PROTOCOL_CL_ADD_PARTY_COMPLETE
func clAddPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
}

//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE
func clIncomingCallQoSChange(protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {}

//ndis:role PROTOCOL_CL_INCOMING_DROP_PARTY
func clIncomingDropParty(dropStatus ndis.Status, protocolPartyContext ndis.Handle, closeData []byte, size uint32) {
}

//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status { return ndis.StatusNotSupported }

//ndis:role PROTOCOL_CO_STATUS_EX
func coStatus(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, statusIndication *ndis.StatusIndication) {
}

//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func coReceive(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
}

//ndis:role PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE
func coSendComplete(protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
}
