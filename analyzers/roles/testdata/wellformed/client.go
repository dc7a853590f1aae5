// Package wellformed is a complete CoNDIS client the pass must leave alone:
// every handler declared and registered in its role, the mandatory slots
// filled, statuses from the pages' lists, its ProtocolClCloseCallComplete
// checking ProtocolPartyContext for nil, one handler shared by design by
// every VC, methods as handlers.
package wellformed

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	createdByCM  bool
	parties      int
}

type party struct{ ndisPartyHandle ndis.Handle }

type client struct {
	ndisHandle ndis.Handle
	vcs        int
}

var theClient = &client{}

//ndis:role PROTOCOL_CO_CREATE_VC
func (c *client) createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true}
	c.vcs++
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CO_DELETE_VC
func (c *client) deleteVc(protocolVcContext ndis.Handle) ndis.Status {
	c.vcs--
	return ndis.StatusSuccess
}

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
	v := protocolVcContext.(*vc)
	if p, ok := ndisPartyHandle.(*party); ok && status == ndis.StatusSuccess {
		v.parties++
		_ = p
	}
}

//ndis:role PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE
func clModifyCallQoSComplete(status ndis.Status, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
}

// clCloseCallComplete checks ProtocolPartyContext for nil: it is NULL
// unless the VC is multipoint.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if protocolPartyContext != nil {
		p := protocolPartyContext.(*party)
		p.ndisPartyHandle = nil
		v.parties--
	}
	if status == ndis.StatusSuccess && !v.createdByCM {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

//ndis:role PROTOCOL_CL_ADD_PARTY_COMPLETE
func clAddPartyComplete(status ndis.Status, protocolPartyContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
}

//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE
func clIncomingCallQoSChange(protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {}

//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	if st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0); st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
}

//ndis:role PROTOCOL_CL_INCOMING_DROP_PARTY
func clIncomingDropParty(dropStatus ndis.Status, protocolPartyContext ndis.Handle, closeData []byte, size uint32) {
}

//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

//ndis:role PROTOCOL_CO_AF_REGISTER_NOTIFY
func coAfRegisterNotify(protocolBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily) {}

//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func coReceive(protocolBindingContext, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists, receiveFlags uint32) {
}

// setOptions registers the client's handlers.
//
//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	co := ndis.ProtocolCoCharacteristics{
		CoAfRegisterNotifyHandler:      coAfRegisterNotify,
		CoReceiveNetBufferListsHandler: coReceive,
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, &co); st != ndis.StatusSuccess {
		return st
	}
	var cl ndis.CoClientOptionalHandlers
	cl.ClCreateVcHandler = theClient.createVc
	cl.ClDeleteVcHandler = theClient.deleteVc
	cl.ClOidRequestHandler = clOidRequest
	cl.ClOidRequestCompleteHandler = clOidRequestComplete
	cl.ClOpenAfCompleteHandlerEx = clOpenAfCompleteEx
	cl.ClCloseAfCompleteHandler = clCloseAfComplete
	cl.ClRegisterSapCompleteHandler = clRegisterSapComplete
	cl.ClDeregisterSapCompleteHandler = clDeregisterSapComplete
	cl.ClMakeCallCompleteHandler = clMakeCallComplete
	cl.ClModifyCallQoSCompleteHandler = clModifyCallQoSComplete
	cl.ClCloseCallCompleteHandler = clCloseCallComplete
	cl.ClAddPartyCompleteHandler = clAddPartyComplete
	cl.ClDropPartyCompleteHandler = clDropPartyComplete
	cl.ClIncomingCallHandler = clIncomingCall
	cl.ClIncomingCallQoSChangeHandler = clIncomingCallQoSChange
	cl.ClIncomingCloseCallHandler = clIncomingCloseCall
	cl.ClIncomingDropPartyHandler = clIncomingDropParty
	cl.ClCallConnectedHandler = clCallConnected
	cl.ClNotifyCloseAfHandler = clNotifyCloseAf
	return ndis.SetOptionalHandlers(ndisDriverHandle, &cl)
}

var driverChars = ndis.ProtocolDriverCharacteristics{
	SetOptionsHandler: setOptions,
}

// A plain Go package that does not use the runtime is not examined; see
// package nondriver.
