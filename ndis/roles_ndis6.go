package ndis

// The NDIS 6 miniport and filter callback role types (issue 13), in the form
// of roles.go: one named function type per role typedef.

// FilterAttach is the FILTER_ATTACH role. NDIS calls a filter driver's
// FilterAttach function to allocate and initialize a filter module's data
// structures.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_attach.
type FilterAttach func(ndisFilterHandle Handle, filterDriverContext Handle, attachParameters *FilterAttachParameters) Status

// FilterCancelDirectOidRequest is the FILTER_CANCEL_DIRECT_OID_REQUEST
// role. NDIS calls a filter driver's FilterCancelDirectOidRequest function
// to cancel a direct OID request.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_cancel_direct_oid_request.
type FilterCancelDirectOidRequest func(filterModuleContext Handle, requestId Handle)

// FilterCancelOidRequest is the FILTER_CANCEL_OID_REQUEST role. NDIS calls
// a filter driver's FilterCancelOidRequest function to cancel an OID
// request.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_cancel_oid_request.
type FilterCancelOidRequest func(filterModuleContext Handle, requestId Handle)

// FilterCancelSendNetBufferLists is the FILTER_CANCEL_SEND_NET_BUFFER_LISTS
// role. NDIS calls a filter driver's FilterCancelSendNetBufferLists
// function to cancel the transmission of all NET_BUFFER_LIST structures
// that are marked with a specified cancellation identifier.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_cancel_send_net_buffer_lists.
type FilterCancelSendNetBufferLists func(filterModuleContext Handle, cancelId Handle)

// FilterDetach is the FILTER_DETACH role. NDIS calls a filter driver's
// FilterDetach function to release all the resources that are associated
// with a filter module.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_detach.
type FilterDetach func(filterModuleContext Handle)

// FilterDevicePnPEventNotify is the FILTER_DEVICE_PNP_EVENT_NOTIFY role.
// NDIS calls a filter driver's FilterDevicePnPEventNotify function to
// notify the driver of device Plug and Play (PnP) and Power Management
// events.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_device_pnp_event_notify.
type FilterDevicePnPEventNotify func(filterModuleContext Handle, netDevicePnPEvent *NetDevicePnpEvent)

// FilterDirectOidRequest is the FILTER_DIRECT_OID_REQUEST role. NDIS calls
// a filter driver's FilterDirectOidRequest function to process a direct OID
// request that is associated with the specified filter module.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_direct_oid_request.
type FilterDirectOidRequest func(filterModuleContext Handle, oidRequest *OidRequest) Status

// FilterDirectOidRequestComplete is the FILTER_DIRECT_OID_REQUEST_COMPLETE
// role. NDIS calls the FilterDirectOidRequestComplete function to complete
// a filter driver direct OID request that queried or set information in an
// underlying driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_direct_oid_request_complete.
type FilterDirectOidRequestComplete func(filterModuleContext Handle, oidRequest *OidRequest, status Status)

// FilterNetPnPEvent is the FILTER_NET_PNP_EVENT role. NDIS calls a filter
// driver's FilterNetPnPEvent function to notify the driver of network Plug
// and Play (PnP) and Power Management events.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_net_pnp_event.
type FilterNetPnPEvent func(filterModuleContext Handle, netPnPEventNotification *NetPnpEventNotification) Status

// FilterOidRequest is the FILTER_OID_REQUEST role. NDIS calls a filter
// driver's FilterOidRequest function to process an OID request that is
// associated with the specified filter module.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_oid_request.
type FilterOidRequest func(filterModuleContext Handle, oidRequest *OidRequest) Status

// FilterOidRequestComplete is the FILTER_OID_REQUEST_COMPLETE role. NDIS
// calls the FilterOidRequestComplete function to complete a filter driver
// request that queried or set information in an underlying driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_oid_request_complete.
type FilterOidRequestComplete func(filterModuleContext Handle, oidRequest *OidRequest, status Status)

// FilterPause is the FILTER_PAUSE role. NDIS calls a filter driver's
// FilterPause function to initiate a pause operation for the specified
// filter module.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_pause.
type FilterPause func(filterModuleContext Handle, pauseParameters *FilterPauseParameters) Status

// FilterReceiveNetBufferLists is the FILTER_RECEIVE_NET_BUFFER_LISTS role.
// NDIS calls the FilterReceiveNetBufferLists function to request a filter
// driver to process a receive indication.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_receive_net_buffer_lists.
type FilterReceiveNetBufferLists func(filterModuleContext Handle, netBufferLists *NetBufferList, portNumber PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32)

// FilterRestart is the FILTER_RESTART role. The FilterRestart function
// initiates a restart operation for the specified filter module.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_restart.
type FilterRestart func(filterModuleContext Handle, restartParameters *FilterRestartParameters) Status

// FilterReturnNetBufferLists is the FILTER_RETURN_NET_BUFFER_LISTS role.
// NDIS calls the FilterReturnNetBufferLists function to return a linked
// list of NET_BUFFER_LIST structures and associated data to a filter
// driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_return_net_buffer_lists.
type FilterReturnNetBufferLists func(filterModuleContext Handle, netBufferLists *NetBufferList, returnFlags uint32)

// FilterSendNetBufferLists is the FILTER_SEND_NET_BUFFER_LISTS role. NDIS
// calls the FilterSendNetBufferLists function to allow a filter driver to
// filter a linked list of NET_BUFFER_LIST structures.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_send_net_buffer_lists.
type FilterSendNetBufferLists func(filterModuleContext Handle, netBufferList *NetBufferList, portNumber PortNumber, sendFlags uint32)

// FilterSendNetBufferListsComplete is the
// FILTER_SEND_NET_BUFFER_LISTS_COMPLETE role. NDIS calls the
// FilterSendNetBufferListsComplete function to complete a send request that
// a filter driver started by calling the NdisFSendNetBufferLists function.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_send_net_buffer_lists_complete.
type FilterSendNetBufferListsComplete func(filterModuleContext Handle, netBufferList *NetBufferList, sendCompleteFlags uint32)

// FilterSetModuleOptions is the FILTER_SET_MODULE_OPTIONS role. The
// FilterSetModuleOptions function changes the set of optional services that
// are associated with a specified filter module.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-filter_set_module_options.
type FilterSetModuleOptions func(filterModuleContext Handle) Status

// FilterStatus is the FILTER_STATUS role. The FilterStatus function
// indicates status changes that are reported by NDIS or an underlying
// driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-filter_status.
type FilterStatus func(filterModuleContext Handle, statusIndication *StatusIndication)

// FilterSynchronousOidRequest is the FILTER_SYNCHRONOUS_OID_REQUEST role.
// NDIS calls a filter driver's FilterSynchronousOidRequest function to
// preview a Synchronous OID request before the request is given to the
// underlying miniport driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nf-ndis-filter_synchronous_oid_request.
type FilterSynchronousOidRequest func(filterModuleContext Handle, oidRequest *OidRequest, callContext *Handle) Status

// FilterSynchronousOidRequestComplete is the
// FILTER_SYNCHRONOUS_OID_REQUEST_COMPLETE role. NDIS calls a filter
// driver’s FilterSynchronousOidRequestComplete function after a Synchronous
// OID request has been completed from an underlying driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nf-ndis-filter_synchronous_oid_request_complete.
type FilterSynchronousOidRequestComplete func(filterModuleContext Handle, oidRequest *OidRequest, status *Status, callContext Handle)

// MiniportCancelDirectOidRequest is the MINIPORT_CANCEL_DIRECT_OID_REQUEST
// role. NDIS calls a miniport driver's MiniportCancelDirectOidRequest
// function to cancel a direct OID request.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_cancel_direct_oid_request.
type MiniportCancelDirectOidRequest func(miniportAdapterContext Handle, requestId Handle)

// MiniportCancelOidRequest is the MINIPORT_CANCEL_OID_REQUEST role. NDIS
// calls a miniport driver's MiniportCancelOidRequest function to cancel an
// OID request.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_cancel_oid_request.
type MiniportCancelOidRequest func(miniportAdapterContext Handle, requestId Handle)

// MiniportCancelSend is the MINIPORT_CANCEL_SEND role. NDIS calls a
// miniport driver's MiniportCancelSend function to cancel the transmission
// of all NET_BUFFER_LIST structures that are marked with a specified
// cancellation identifier.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_cancel_send.
type MiniportCancelSend func(miniportAdapterContext Handle, cancelId Handle)

// MiniportCheckForHang is the MINIPORT_CHECK_FOR_HANG role. NDIS calls a
// miniport driver's MiniportCheckForHangEx function to check the
// operational state of the miniport adapter that represents a network
// interface card (NIC).
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_check_for_hang.
type MiniportCheckForHang func(miniportAdapterContext Handle) bool

// MiniportDevicePnPEventNotify is the MINIPORT_DEVICE_PNP_EVENT_NOTIFY
// role. NDIS calls a miniport driver's MiniportDevicePnPEventNotify
// function to notify the driver of Plug and Play (PnP) events.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_device_pnp_event_notify.
type MiniportDevicePnPEventNotify func(miniportAdapterContext Handle, netDevicePnPEvent *NetDevicePnpEvent)

// MiniportDirectOidRequest is the MINIPORT_DIRECT_OID_REQUEST role. NDIS
// calls a miniport driver's MiniportDirectOidRequest function to handle a
// direct OID request to query or set information in the driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_direct_oid_request.
type MiniportDirectOidRequest func(miniportAdapterContext Handle, oidRequest *OidRequest) Status

// MiniportHalt is the MINIPORT_HALT role. NDIS calls a miniport driver's
// MiniportHaltEx function to free resources when a miniport adapter is
// removed, and to stop the hardware.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_halt.
type MiniportHalt func(miniportAdapterContext Handle, haltAction HaltAction)

// MiniportInitialize is the MINIPORT_INITIALIZE role. NDIS calls a miniport
// driver's MiniportInitializeEx function to initialize a miniport adapter
// for network I/O operations.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_initialize.
type MiniportInitialize func(ndisMiniportHandle Handle, miniportDriverContext Handle, miniportInitParameters *MiniportInitParameters) Status

// MiniportOidRequest is the MINIPORT_OID_REQUEST role. NDIS calls a
// miniport driver's MiniportOidRequest function to handle an OID request to
// query or set information in the driver.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_oid_request.
type MiniportOidRequest func(miniportAdapterContext Handle, oidRequest *OidRequest) Status

// MiniportPause is the MINIPORT_PAUSE role. NDIS calls a miniport driver's
// MiniportPause function to stop the flow of network data through a
// specified miniport adapter.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_pause.
type MiniportPause func(miniportAdapterContext Handle, pauseParameters *MiniportPauseParameters) Status

// MiniportReset is the MINIPORT_RESET role. NDIS calls an NDIS miniport
// driver's MiniportResetEx function to initiate a reset of a network
// interface card (NIC). For more information, see Miniport Adapter
// Check-for-Hang and Reset Operations and Miniport Driver Hardware Reset.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_reset.
type MiniportReset func(miniportAdapterContext Handle, addressingReset *bool) Status

// MiniportRestart is the MINIPORT_RESTART role. The MiniportRestart
// function initiates a restart request for a miniport adapter that is
// paused.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_restart.
type MiniportRestart func(miniportAdapterContext Handle, restartParameters *MiniportRestartParameters) Status

// MiniportReturnNetBufferLists is the MINIPORT_RETURN_NET_BUFFER_LISTS
// role. NDIS calls the MiniportReturnNetBufferLists function to return
// ownership of NET_BUFFER_LIST structures, associated NET_BUFFER
// structures, and any attached MDLs to a miniport driver.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_return_net_buffer_lists.
type MiniportReturnNetBufferLists func(miniportAdapterContext Handle, netBufferLists *NetBufferList, returnFlags uint32)

// MiniportSendNetBufferLists is the MINIPORT_SEND_NET_BUFFER_LISTS role.
// NDIS calls the MiniportSendNetBufferLists function to transmit network
// data that is contained in a linked list of NET_BUFFER_LIST structures.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-ndis-miniport_send_net_buffer_lists.
type MiniportSendNetBufferLists func(miniportAdapterContext Handle, netBufferList *NetBufferList, portNumber PortNumber, sendFlags uint32)

// MiniportShutdown is the MINIPORT_SHUTDOWN role. NDIS calls a miniport
// driver's MiniportShutdownEx function when the system is shutting down.
// NDIS calls it at any IRQL.
// Page: nc-ndis-miniport_shutdown.
type MiniportShutdown func(miniportAdapterContext Handle, shutdownAction ShutdownAction)

// MiniportSynchronousOidRequest is the MINIPORT_SYNCHRONOUS_OID_REQUEST
// role. NDIS calls a miniport driver's MiniportSynchronousOidRequest
// callback function to issue a Synchronous OID request.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nf-ndis-miniport_synchronous_oid_request.
type MiniportSynchronousOidRequest func(miniportAdapterContext Handle, oidRequest *OidRequest) Status

// MiniportUnload is the MINIPORT_UNLOAD role. NDIS calls a miniport
// driver's MiniportDriverUnload function to request the driver to release
// resources before the system completes a driver unload operation.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_unload.
type MiniportUnload func(driverObject *DriverObject)
