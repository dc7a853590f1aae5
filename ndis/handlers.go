package ndis

// ObjectHeader models NDIS_OBJECT_HEADER.
type ObjectHeader struct {
	Type     uint8
	Revision uint8
	Size     uint16
}

// ProtocolDriverCharacteristics models NDIS_PROTOCOL_DRIVER_CHARACTERISTICS,
// passed to NdisRegisterProtocolDriver.
// Page: ns-ndis-_ndis_protocol_driver_characteristics.
type ProtocolDriverCharacteristics struct {
	Header                            ObjectHeader
	MajorNdisVersion                  uint8
	MinorNdisVersion                  uint8
	MajorDriverVersion                uint8
	MinorDriverVersion                uint8
	Flags                             uint32
	Name                              String
	SetOptionsHandler                 SetOptions
	BindAdapterHandlerEx              ProtocolBindAdapterEx
	UnbindAdapterHandlerEx            ProtocolUnbindAdapterEx
	OpenAdapterCompleteHandlerEx      ProtocolOpenAdapterCompleteEx
	CloseAdapterCompleteHandlerEx     ProtocolCloseAdapterCompleteEx
	NetPnPEventHandler                ProtocolNetPnPEvent
	UninstallHandler                  ProtocolUninstall
	OidRequestCompleteHandler         ProtocolOidRequestComplete
	StatusHandlerEx                   ProtocolStatusEx
	ReceiveNetBufferListsHandler      ProtocolReceiveNetBufferLists
	SendNetBufferListsCompleteHandler ProtocolSendNetBufferListsComplete
	DirectOidRequestCompleteHandler   ProtocolDirectOidRequestComplete
}

// ProtocolCoCharacteristics models NDIS_PROTOCOL_CO_CHARACTERISTICS, passed to
// NdisSetOptionalHandlers by CoNDIS clients and call managers.
// Page: ns-ndis-_ndis_protocol_co_characteristics.
type ProtocolCoCharacteristics struct {
	Header                              ObjectHeader
	Flags                               uint32
	CoStatusHandlerEx                   ProtocolCoStatusEx
	CoAfRegisterNotifyHandler           ProtocolCoAfRegisterNotify
	CoReceiveNetBufferListsHandler      ProtocolCoReceiveNetBufferLists
	CoSendNetBufferListsCompleteHandler ProtocolCoSendNetBufferListsComplete
}

// CoClientOptionalHandlers models NDIS_CO_CLIENT_OPTIONAL_HANDLERS, passed to
// NdisSetOptionalHandlers by a CoNDIS client.
// Page: ns-ndis-_ndis_co_client_optional_handlers.
type CoClientOptionalHandlers struct {
	Header                         ObjectHeader
	Reserved                       uint32
	ClCreateVcHandler              ProtocolCoCreateVc
	ClDeleteVcHandler              ProtocolCoDeleteVc
	ClOidRequestHandler            ProtocolCoOidRequest
	ClOidRequestCompleteHandler    ProtocolCoOidRequestComplete
	ClOpenAfCompleteHandlerEx      ProtocolClOpenAfCompleteEx
	ClCloseAfCompleteHandler       ProtocolClCloseAfComplete
	ClRegisterSapCompleteHandler   ProtocolClRegisterSapComplete
	ClDeregisterSapCompleteHandler ProtocolClDeregisterSapComplete
	ClMakeCallCompleteHandler      ProtocolClMakeCallComplete
	ClModifyCallQoSCompleteHandler ProtocolClModifyCallQoSComplete
	ClCloseCallCompleteHandler     ProtocolClCloseCallComplete
	ClAddPartyCompleteHandler      ProtocolClAddPartyComplete
	ClDropPartyCompleteHandler     ProtocolClDropPartyComplete
	ClIncomingCallHandler          ProtocolClIncomingCall
	ClIncomingCallQoSChangeHandler ProtocolClIncomingCallQoSChange
	ClIncomingCloseCallHandler     ProtocolClIncomingCloseCall
	ClIncomingDropPartyHandler     ProtocolClIncomingDropParty
	ClCallConnectedHandler         ProtocolClCallConnected
	ClNotifyCloseAfHandler         ProtocolClNotifyCloseAf
}

// CoCallManagerOptionalHandlers models NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS,
// passed to NdisSetOptionalHandlers by a call manager (or by a miniport call
// manager from MiniportSetOptions).
// Page: ns-ndis-_ndis_co_call_manager_optional_handlers.
type CoCallManagerOptionalHandlers struct {
	Header                         ObjectHeader
	Reserved                       uint32
	CmCreateVcHandler              ProtocolCoCreateVc
	CmDeleteVcHandler              ProtocolCoDeleteVc
	CmOpenAfHandler                ProtocolCmOpenAf
	CmCloseAfHandler               ProtocolCmCloseAf
	CmRegisterSapHandler           ProtocolCmRegisterSap
	CmDeregisterSapHandler         ProtocolCmDeregisterSap
	CmMakeCallHandler              ProtocolCmMakeCall
	CmCloseCallHandler             ProtocolCmCloseCall
	CmIncomingCallCompleteHandler  ProtocolCmIncomingCallComplete
	CmAddPartyHandler              ProtocolCmAddParty
	CmDropPartyHandler             ProtocolCmDropParty
	CmActivateVcCompleteHandler    ProtocolCmActivateVcComplete
	CmDeactivateVcCompleteHandler  ProtocolCmDeactivateVcComplete
	CmModifyCallQoSHandler         ProtocolCmModifyCallQoS
	CmOidRequestHandler            ProtocolCoOidRequest
	CmOidRequestCompleteHandler    ProtocolCoOidRequestComplete
	CmNotifyCloseAfCompleteHandler ProtocolCmNotifyCloseAfComplete
}

// MiniportCoCharacteristics models NDIS_MINIPORT_CO_CHARACTERISTICS, passed
// to NdisSetOptionalHandlers by a CoNDIS miniport.
// Page: ns-ndis-_ndis_miniport_co_characteristics.
type MiniportCoCharacteristics struct {
	Header                      ObjectHeader
	Flags                       uint32
	CoCreateVcHandler           MiniportCoCreateVc
	CoDeleteVcHandler           MiniportCoDeleteVc
	CoActivateVcHandler         MiniportCoActivateVc
	CoDeactivateVcHandler       MiniportCoDeactivateVc
	CoSendNetBufferListsHandler MiniportCoSendNetBufferLists
	CoOidRequestHandler         MiniportCoOidRequest
}
