// Package mandatorycm is a miniport call manager that registers its call
// manager and miniport handlers with mandatory slots empty: the generated
// handlers return the status the catalogue picks for each slot.
package mandatorycm

import "github.com/ndislint/ndislint/ndis"

// setOptions registers the handlers.
//
//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	mp := ndis.MiniportCoCharacteristics{ // want `^NDIS_MINIPORT_CO_CHARACTERISTICS is registered with NdisSetOptionalHandlers without its mandatory CoDeactivateVcHandler \(MINIPORT_CO_DEACTIVATE_VC\): The MiniportCoDeactivateVc function is required for connection-oriented miniports \(nc-ndis-miniport_co_deactivate_vc\) \(role-missing-handler\)$`
		CoActivateVcHandler: func(miniportVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
			return ndis.StatusSuccess
		},
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, &mp); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoCallManagerOptionalHandlers{ // want `^NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS is registered with NdisSetOptionalHandlers without 3 mandatory handlers: CmDeleteVcHandler \(PROTOCOL_CO_DELETE_VC\), CmDeregisterSapHandler \(PROTOCOL_CM_DEREGISTER_SAP\), CmDeactivateVcCompleteHandler \(PROTOCOL_CM_DEACTIVATE_VC_COMPLETE\) \(role-missing-handler\)$`
		CmCreateVcHandler: func(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
			return ndis.StatusSuccess
		},
		CmOpenAfHandler: func(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
			return ndis.StatusSuccess
		},
		CmCloseAfHandler: func(callMgrAfContext ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		CmRegisterSapHandler: func(callMgrAfContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle, callMgrSapContext *ndis.Handle) ndis.Status {
			return ndis.StatusSuccess
		},
		CmMakeCallHandler: func(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
			return ndis.StatusSuccess
		},
		CmCloseCallHandler: func(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
			return ndis.StatusSuccess
		},
		CmIncomingCallCompleteHandler: func(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {},
		CmAddPartyHandler: func(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
			return ndis.StatusSuccess
		},
		CmDropPartyHandler: func(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
			return ndis.StatusSuccess
		},
		CmActivateVcCompleteHandler: func(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {},
		CmModifyCallQoSHandler: func(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
			return ndis.StatusSuccess
		},
		CmOidRequestHandler: func(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
			return ndis.StatusSuccess
		},
		CmOidRequestCompleteHandler: func(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
		},
		CmNotifyCloseAfCompleteHandler: func(callMgrAfContext ndis.Handle, status ndis.Status) {},
	})
}
