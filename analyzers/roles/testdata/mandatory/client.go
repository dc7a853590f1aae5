// Package mandatory registers handler structures with mandatory slots
// empty.
package mandatory

import "github.com/ndislint/ndislint/ndis"

//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

//ndis:role PROTOCOL_CO_OID_REQUEST
func clOidRequest(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	return ndis.StatusNotSupported
}

//ndis:role PROTOCOL_CO_OID_REQUEST_COMPLETE
func clOidRequestComplete(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
}

//ndis:role PROTOCOL_CL_OPEN_AF_COMPLETE_EX
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_REGISTER_SAP_COMPLETE
func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
}

//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
}

//ndis:role PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE
func clModifyCallQoSComplete(status ndis.Status, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
}

//ndis:role PROTOCOL_CL_ADD_PARTY_COMPLETE
func clAddPartyComplete(status ndis.Status, protocolPartyContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
}

//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE
func clIncomingCallQoSChange(protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {}

//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
}

//ndis:role PROTOCOL_CL_INCOMING_DROP_PARTY
func clIncomingDropParty(dropStatus ndis.Status, protocolPartyContext ndis.Handle, closeData []byte, size uint32) {
}

//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func clCoReceiveNetBufferLists(protocolBindingContext, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists, receiveFlags uint32) {
}

// setOptions registers the client's handlers.
//
//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	co := ndis.ProtocolCoCharacteristics{ // want `^NDIS_PROTOCOL_CO_CHARACTERISTICS is registered with NdisSetOptionalHandlers without its mandatory CoAfRegisterNotifyHandler \(PROTOCOL_CO_AF_REGISTER_NOTIFY\): All connection-oriented NDIS clients must have fully functional ProtocolCoAfRegisterNotify functions \(nc-ndis-protocol_co_af_register_notify\) \(role-missing-handler\)$`
		CoReceiveNetBufferListsHandler: clCoReceiveNetBufferLists,
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, &co); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{ // want `^NDIS_CO_CLIENT_OPTIONAL_HANDLERS is registered with NdisSetOptionalHandlers without 2 mandatory handlers: ClCloseCallCompleteHandler \(PROTOCOL_CL_CLOSE_CALL_COMPLETE\), ClIncomingCallHandler \(PROTOCOL_CL_INCOMING_CALL\) \(role-missing-handler\)$`
		ClCreateVcHandler:              clCreateVc,
		ClDeleteVcHandler:              clDeleteVc,
		ClOidRequestHandler:            clOidRequest,
		ClOidRequestCompleteHandler:    clOidRequestComplete,
		ClOpenAfCompleteHandlerEx:      clOpenAfCompleteEx,
		ClCloseAfCompleteHandler:       clCloseAfComplete,
		ClRegisterSapCompleteHandler:   clRegisterSapComplete,
		ClDeregisterSapCompleteHandler: clDeregisterSapComplete,
		ClMakeCallCompleteHandler:      clMakeCallComplete,
		ClModifyCallQoSCompleteHandler: clModifyCallQoSComplete,
		// Multipoint calls.
		ClAddPartyCompleteHandler:      clAddPartyComplete,
		ClDropPartyCompleteHandler:     clDropPartyComplete,
		ClIncomingCallQoSChangeHandler: clIncomingCallQoSChange,
		ClIncomingCloseCallHandler:     clIncomingCloseCall,
		ClIncomingDropPartyHandler:     clIncomingDropParty,
		ClCallConnectedHandler:         clCallConnected,
		ClNotifyCloseAfHandler:         clNotifyCloseAf, // keeps its comment
		ClCloseCallCompleteHandler:     nil,
	})
}

// setOptionsNew fills a structure from new: reported, with no fix.
//
//ndis:role SET_OPTIONS
func setOptionsNew(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	h := new(ndis.CoCallManagerOptionalHandlers)
	h.CmCreateVcHandler = clCreateVc
	return ndis.SetOptionalHandlers(ndisDriverHandle, h) // want `^NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS is registered with NdisSetOptionalHandlers without 16 mandatory handlers: CmDeleteVcHandler \(PROTOCOL_CO_DELETE_VC\), CmOpenAfHandler \(PROTOCOL_CM_OPEN_AF\), CmCloseAfHandler \(PROTOCOL_CM_CLOSE_AF\) and 13 more \(role-missing-handler\)$`
}
