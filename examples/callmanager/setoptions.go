package callmanager

import "github.com/ndislint/ndislint/ndis"

// cmSetOptions is the call manager's SetOptions handler: it registers
// NDIS_PROTOCOL_CO_CHARACTERISTICS and NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS
// (CoNDIS Call Manager Registration). Every Cm* slot is filled; the
// features it does not support (multipoint, QoS changes, OIDs) have stubs.
//
//ndis:role SET_OPTIONS
func cmSetOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	co := ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   cmCoStatusEx,
		CoAfRegisterNotifyHandler:           cmCoAfRegisterNotify,
		CoReceiveNetBufferListsHandler:      cmCoReceiveNetBufferLists,
		CoSendNetBufferListsCompleteHandler: cmCoSendNetBufferListsComplete,
	}
	st := ndis.SetOptionalHandlers(ndisDriverHandle, &co)
	if st != ndis.StatusSuccess {
		return st
	}
	h := ndis.CoCallManagerOptionalHandlers{
		CmCreateVcHandler:              cmCreateVc,
		CmDeleteVcHandler:              cmDeleteVc,
		CmOpenAfHandler:                cmOpenAf,
		CmCloseAfHandler:               cmCloseAf,
		CmRegisterSapHandler:           cmRegisterSap,
		CmDeregisterSapHandler:         cmDeregisterSap,
		CmMakeCallHandler:              cmMakeCall,
		CmCloseCallHandler:             cmCloseCall,
		CmIncomingCallCompleteHandler:  cmIncomingCallComplete,
		CmAddPartyHandler:              cmAddParty,
		CmDropPartyHandler:             cmDropParty,
		CmActivateVcCompleteHandler:    cmActivateVcComplete,
		CmDeactivateVcCompleteHandler:  cmDeactivateVcComplete,
		CmModifyCallQoSHandler:         cmModifyCallQoS,
		CmOidRequestHandler:            cmOidRequest,
		CmOidRequestCompleteHandler:    cmOidRequestComplete,
		CmNotifyCloseAfCompleteHandler: cmNotifyCloseAfComplete,
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &h)
}
