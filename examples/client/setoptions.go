package client

import "github.com/ndislint/ndislint/ndis"

// clSetOptions is the client's SetOptions handler: a CoNDIS client registers
// NDIS_PROTOCOL_CO_CHARACTERISTICS and NDIS_CO_CLIENT_OPTIONAL_HANDLERS here
// (CoNDIS Client Registration). Every Cl* slot is filled: the features the
// client does not support (multipoint, QoS changes it asks for, OIDs) have
// stubs.
//
//ndis:role SET_OPTIONS
func clSetOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	co := ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   clCoStatusEx,
		CoAfRegisterNotifyHandler:           clCoAfRegisterNotify,
		CoReceiveNetBufferListsHandler:      clCoReceiveNetBufferLists,
		CoSendNetBufferListsCompleteHandler: clCoSendNetBufferListsComplete,
	}
	st := ndis.SetOptionalHandlers(ndisDriverHandle, &co)
	if st != ndis.StatusSuccess {
		return st
	}
	cl := ndis.CoClientOptionalHandlers{
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
		ClCloseCallCompleteHandler:     clCloseCallComplete,
		ClAddPartyCompleteHandler:      clAddPartyComplete,
		ClDropPartyCompleteHandler:     clDropPartyComplete,
		ClIncomingCallHandler:          clIncomingCall,
		ClIncomingCallQoSChangeHandler: clIncomingCallQoSChange,
		ClIncomingCloseCallHandler:     clIncomingCloseCall,
		ClIncomingDropPartyHandler:     clIncomingDropParty,
		ClCallConnectedHandler:         clCallConnected,
		ClNotifyCloseAfHandler:         clNotifyCloseAf,
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &cl)
}
