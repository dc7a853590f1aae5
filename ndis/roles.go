package ndis

// The callback role types. Each is a named function type for one NDIS role
// typedef; roles are nominal (several share a signature), so a function's role
// is the type it is declared with or the slot it is registered in.

// ProtocolClAddPartyComplete is the PROTOCOL_CL_ADD_PARTY_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_add_party_complete.
type ProtocolClAddPartyComplete func(status Status, protocolPartyContext Handle, ndisPartyHandle Handle, callParameters *CoCallParameters)

// ProtocolClCallConnected is the PROTOCOL_CL_CALL_CONNECTED role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_call_connected.
type ProtocolClCallConnected func(protocolVcContext Handle)

// ProtocolClCloseAfComplete is the PROTOCOL_CL_CLOSE_AF_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_close_af_complete.
type ProtocolClCloseAfComplete func(status Status, protocolAfContext Handle)

// ProtocolClCloseCallComplete is the PROTOCOL_CL_CLOSE_CALL_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_close_call_complete.
type ProtocolClCloseCallComplete func(status Status, protocolVcContext Handle, protocolPartyContext Handle)

// ProtocolClDeregisterSapComplete is the PROTOCOL_CL_DEREGISTER_SAP_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_deregister_sap_complete.
type ProtocolClDeregisterSapComplete func(status Status, protocolSapContext Handle)

// ProtocolClDropPartyComplete is the PROTOCOL_CL_DROP_PARTY_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_drop_party_complete.
type ProtocolClDropPartyComplete func(status Status, protocolPartyContext Handle)

// ProtocolClIncomingCall is the PROTOCOL_CL_INCOMING_CALL role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_incoming_call.
type ProtocolClIncomingCall func(protocolSapContext Handle, protocolVcContext Handle, callParameters *CoCallParameters) Status

// ProtocolClIncomingCallQoSChange is the PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_incoming_call_qos_change.
type ProtocolClIncomingCallQoSChange func(protocolVcContext Handle, callParameters *CoCallParameters)

// ProtocolClIncomingCloseCall is the PROTOCOL_CL_INCOMING_CLOSE_CALL role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_incoming_close_call.
type ProtocolClIncomingCloseCall func(closeStatus Status, protocolVcContext Handle, closeData []byte, size uint32)

// ProtocolClIncomingDropParty is the PROTOCOL_CL_INCOMING_DROP_PARTY role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_incoming_drop_party.
type ProtocolClIncomingDropParty func(dropStatus Status, protocolPartyContext Handle, closeData []byte, size uint32)

// ProtocolClMakeCallComplete is the PROTOCOL_CL_MAKE_CALL_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_make_call_complete.
type ProtocolClMakeCallComplete func(status Status, protocolVcContext Handle, ndisPartyHandle Handle, callParameters *CoCallParameters)

// ProtocolClModifyCallQoSComplete is the PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_modify_call_qos_complete.
type ProtocolClModifyCallQoSComplete func(status Status, protocolVcContext Handle, callParameters *CoCallParameters)

// ProtocolClNotifyCloseAf is the PROTOCOL_CL_NOTIFY_CLOSE_AF role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_notify_close_af.
type ProtocolClNotifyCloseAf func(clientAfContext Handle) Status

// ProtocolClOpenAfCompleteEx is the PROTOCOL_CL_OPEN_AF_COMPLETE_EX role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_cl_open_af_complete_ex.
type ProtocolClOpenAfCompleteEx func(protocolAfContext Handle, ndisAfHandle Handle, status Status)

// ProtocolClRegisterSapComplete is the PROTOCOL_CL_REGISTER_SAP_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cl_register_sap_complete.
type ProtocolClRegisterSapComplete func(status Status, protocolSapContext Handle, sap *CoSap, ndisSapHandle Handle)

// ProtocolCmActivateVcComplete is the PROTOCOL_CM_ACTIVATE_VC_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_activate_vc_complete.
type ProtocolCmActivateVcComplete func(status Status, callMgrVcContext Handle, callParameters *CoCallParameters)

// ProtocolCmAddParty is the PROTOCOL_CM_ADD_PARTY role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_add_party.
type ProtocolCmAddParty func(callMgrVcContext Handle, callParameters *CoCallParameters, ndisPartyHandle Handle, callMgrPartyContext *Handle) Status

// ProtocolCmCloseAf is the PROTOCOL_CM_CLOSE_AF role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_close_af.
type ProtocolCmCloseAf func(callMgrAfContext Handle) Status

// ProtocolCmCloseCall is the PROTOCOL_CM_CLOSE_CALL role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_close_call.
type ProtocolCmCloseCall func(callMgrVcContext Handle, callMgrPartyContext Handle, closeData []byte, size uint32) Status

// ProtocolCmDeactivateVcComplete is the PROTOCOL_CM_DEACTIVATE_VC_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_deactivate_vc_complete.
type ProtocolCmDeactivateVcComplete func(status Status, callMgrVcContext Handle)

// ProtocolCmDeregisterSap is the PROTOCOL_CM_DEREGISTER_SAP role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_deregister_sap.
type ProtocolCmDeregisterSap func(callMgrSapContext Handle) Status

// ProtocolCmDropParty is the PROTOCOL_CM_DROP_PARTY role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_drop_party.
type ProtocolCmDropParty func(callMgrPartyContext Handle, closeData []byte, size uint32) Status

// ProtocolCmIncomingCallComplete is the PROTOCOL_CM_INCOMING_CALL_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_incoming_call_complete.
type ProtocolCmIncomingCallComplete func(status Status, callMgrVcContext Handle, callParameters *CoCallParameters)

// ProtocolCmMakeCall is the PROTOCOL_CM_MAKE_CALL role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_make_call.
type ProtocolCmMakeCall func(callMgrVcContext Handle, callParameters *CoCallParameters, ndisPartyHandle Handle, callMgrPartyContext *Handle) Status

// ProtocolCmModifyCallQoS is the PROTOCOL_CM_MODIFY_QOS_CALL role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_modify_qos_call.
type ProtocolCmModifyCallQoS func(callMgrVcContext Handle, callParameters *CoCallParameters) Status

// ProtocolCmNotifyCloseAfComplete is the PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_notify_close_af_complete.
type ProtocolCmNotifyCloseAfComplete func(callMgrAfContext Handle, status Status)

// ProtocolCmOpenAf is the PROTOCOL_CM_OPEN_AF role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_open_af.
type ProtocolCmOpenAf func(callMgrBindingContext Handle, addressFamily *CoAddressFamily, ndisAfHandle Handle, callMgrAfContext *Handle) Status

// ProtocolCmRegisterSap is the PROTOCOL_CM_REG_SAP role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_cm_reg_sap.
type ProtocolCmRegisterSap func(callMgrAfContext Handle, sap *CoSap, ndisSapHandle Handle, callMgrSapContext *Handle) Status

// ProtocolCoAfRegisterNotify is the PROTOCOL_CO_AF_REGISTER_NOTIFY role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_co_af_register_notify.
type ProtocolCoAfRegisterNotify func(protocolBindingContext Handle, addressFamily *CoAddressFamily)

// ProtocolCoCreateVc is the PROTOCOL_CO_CREATE_VC role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_create_vc.
type ProtocolCoCreateVc func(protocolAfContext Handle, ndisVcHandle Handle, protocolVcContext *Handle) Status

// ProtocolCoDeleteVc is the PROTOCOL_CO_DELETE_VC role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_delete_vc.
type ProtocolCoDeleteVc func(protocolVcContext Handle) Status

// ProtocolCoOidRequest is the PROTOCOL_CO_OID_REQUEST role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_oid_request.
type ProtocolCoOidRequest func(protocolAfContext Handle, protocolVcContext Handle, protocolPartyContext Handle, oidRequest *OidRequest) Status

// ProtocolCoOidRequestComplete is the PROTOCOL_CO_OID_REQUEST_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_oid_request_complete.
type ProtocolCoOidRequestComplete func(protocolAfContext Handle, protocolVcContext Handle, protocolPartyContext Handle, oidRequest *OidRequest, status Status)

// ProtocolCoReceiveNetBufferLists is the PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_receive_net_buffer_lists.
type ProtocolCoReceiveNetBufferLists func(protocolBindingContext Handle, protocolVcContext Handle, netBufferLists *NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32)

// ProtocolCoSendNetBufferListsComplete is the PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_send_net_buffer_lists_complete.
type ProtocolCoSendNetBufferListsComplete func(protocolVcContext Handle, netBufferLists *NetBufferList, sendCompleteFlags uint32)

// ProtocolCoStatusEx is the PROTOCOL_CO_STATUS_EX role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_co_status_ex.
type ProtocolCoStatusEx func(protocolBindingContext Handle, protocolVcContext Handle, statusIndication *StatusIndication)

// MiniportCoActivateVc is the MINIPORT_CO_ACTIVATE_VC role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_co_activate_vc.
type MiniportCoActivateVc func(miniportVcContext Handle, callParameters *CoCallParameters) Status

// MiniportCoCreateVc is the MINIPORT_CO_CREATE_VC role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_co_create_vc.
type MiniportCoCreateVc func(miniportAdapterContext Handle, ndisVcHandle Handle, miniportVcContext *Handle) Status

// MiniportCoDeactivateVc is the MINIPORT_CO_DEACTIVATE_VC role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_co_deactivate_vc.
type MiniportCoDeactivateVc func(miniportVcContext Handle) Status

// MiniportCoDeleteVc is the MINIPORT_CO_DELETE_VC role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_co_delete_vc.
type MiniportCoDeleteVc func(miniportVcContext Handle) Status

// MiniportCoOidRequest is the MINIPORT_CO_OID_REQUEST role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_co_oid_request.
type MiniportCoOidRequest func(miniportAdapterContext Handle, miniportVcContext Handle, ndisRequest *OidRequest) Status

// MiniportCoSendNetBufferLists is the MINIPORT_CO_SEND_NET_BUFFER_LISTS role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_co_send_net_buffer_lists.
type MiniportCoSendNetBufferLists func(miniportVcContext Handle, netBufferLists *NetBufferList, sendFlags uint32)

// ProtocolBindAdapterEx is the PROTOCOL_BIND_ADAPTER_EX role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_bind_adapter_ex.
type ProtocolBindAdapterEx func(protocolDriverContext Handle, bindContext Handle, bindParameters *BindParameters) Status

// ProtocolUnbindAdapterEx is the PROTOCOL_UNBIND_ADAPTER_EX role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_unbind_adapter_ex.
type ProtocolUnbindAdapterEx func(unbindContext Handle, protocolBindingContext Handle) Status

// ProtocolOpenAdapterCompleteEx is the PROTOCOL_OPEN_ADAPTER_COMPLETE_EX role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_open_adapter_complete_ex.
type ProtocolOpenAdapterCompleteEx func(protocolBindingContext Handle, status Status)

// ProtocolCloseAdapterCompleteEx is the PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_close_adapter_complete_ex.
type ProtocolCloseAdapterCompleteEx func(protocolBindingContext Handle)

// ProtocolNetPnPEvent is the PROTOCOL_NET_PNP_EVENT role (the page's spelling).
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_net_pnp_event.
type ProtocolNetPnPEvent func(protocolBindingContext Handle, netPnPEventNotification *NetPnpEventNotification) Status

// ProtocolUninstall is the PROTOCOL_UNINSTALL role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-protocol_uninstall.
type ProtocolUninstall func()

// ProtocolStatusEx is the PROTOCOL_STATUS_EX role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_status_ex.
type ProtocolStatusEx func(protocolBindingContext Handle, statusIndication *StatusIndication)

// ProtocolOidRequestComplete is the PROTOCOL_OID_REQUEST_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_oid_request_complete.
type ProtocolOidRequestComplete func(protocolBindingContext Handle, oidRequest *OidRequest, status Status)

// ProtocolReceiveNetBufferLists is the PROTOCOL_RECEIVE_NET_BUFFER_LISTS role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_receive_net_buffer_lists.
type ProtocolReceiveNetBufferLists func(protocolBindingContext Handle, netBufferLists *NetBufferList, portNumber PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32)

// ProtocolSendNetBufferListsComplete is the PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_send_net_buffer_lists_complete.
type ProtocolSendNetBufferListsComplete func(protocolBindingContext Handle, netBufferList *NetBufferList, sendCompleteFlags uint32)

// ProtocolDirectOidRequestComplete is the PROTOCOL_DIRECT_OID_REQUEST_COMPLETE role.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-protocol_direct_oid_request_complete.
type ProtocolDirectOidRequestComplete func(protocolBindingContext Handle, oidRequest *OidRequest, status Status)

// SetOptions is the SET_OPTIONS role.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-set_options.
type SetOptions func(ndisDriverHandle Handle, driverContext Handle) Status

// TimerFunction is the NDIS_TIMER_FUNCTION role.
// NDIS calls it at DISPATCH_LEVEL.
// Page: nc-ndis-ndis_timer_function.
type TimerFunction func(systemSpecific1 Handle, functionContext Handle, systemSpecific2 Handle, systemSpecific3 Handle)

// IoWorkitemFunction is the NDIS_IO_WORKITEM_FUNCTION role (the work-item routine queued with NdisQueueIoWorkItem).
// NDIS calls it at PASSIVE_LEVEL.
// Page: nf-ndis-ndisqueueioworkitem.
type IoWorkitemFunction func(workItemContext Handle, ndisIoWorkItemHandle Handle)
