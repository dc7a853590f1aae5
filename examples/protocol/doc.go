// Package protocol is an NDIS 6 connectionless protocol driver, in the
// spirit of the public ndisprot sample, written against the ndis runtime
// the way a C author ports one: every ProtocolXxx function keeps its role
// and C shape (ProtocolNetPnPEvent is ptNetPnPEvent, registered in the
// NetPnPEventHandler slot of NDIS_PROTOCOL_DRIVER_CHARACTERISTICS and
// declared with //ndis:role PROTOCOL_NET_PNP_EVENT), every DDI is called by
// its Go name (NdisSendNetBufferLists is ndis.SendNetBufferLists) with its
// C arguments.
//
// The driver
//   - registers with NdisRegisterProtocolDriver from DriverEntry and
//     deregisters with NdisDeregisterProtocolDriver from DriverUnload;
//   - binds in ProtocolBindAdapterEx: it allocates the binding context
//     (NdisAllocateMemoryWithTagPriority) and a NET_BUFFER_LIST pool for
//     its sends, opens the adapter with NdisOpenAdapterEx
//     (waiting at PASSIVE_LEVEL for ProtocolOpenAdapterCompleteEx when the
//     open pends, as ndisprot does), reads the adapter's MAC address and
//     maximum frame size and sets its packet filter (directed and
//     broadcast frames) with NdisOidRequest, waiting for
//     ProtocolOidRequestComplete when a request pends; the binding is then
//     Paused;
//   - runs and pauses through ProtocolNetPnPEvent: NetEventRestart makes
//     the binding Running; NetEventPause makes it Pausing and, while sends
//     are outstanding, waits at PASSIVE_LEVEL for the last
//     ProtocolSendNetBufferListsComplete to signal an event, as ndisprot
//     does (a protocol driver has no NDIS work item with which to call
//     NdisCompleteNetPnPEvent at PASSIVE_LEVEL after pending); on
//     NetEventReconfigure for all bindings (a NULL ProtocolBindingContext,
//     the only ProtocolNetPnPEvent where its page allows it) it calls
//     NdisReEnumerateProtocolBindings (the page's advice to intermediate
//     drivers);
//   - sends frames (Binding.Send) with NdisSendNetBufferLists, on lists
//     from its pool over NDIS memory, and frees them in
//     ProtocolSendNetBufferListsComplete, reading each list's Next before it
//     frees the list;
//   - copies received frames into its receive queue in
//     ProtocolReceiveNetBufferLists and returns the lists at once with
//     NdisReturnNetBufferLists, except those indicated with
//     NDIS_RECEIVE_FLAGS_RESOURCES, which are the miniport's again when the
//     handler returns;
//   - unbinds in ProtocolUnbindAdapterEx with NdisCloseAdapterEx,
//     completing a pended close from ProtocolCloseAdapterCompleteEx with
//     NdisCompleteUnbindAdapterEx, and frees the binding.
//
// It follows the pages of ../shared/ndis6: binding-to-an-adapter,
// starting-and-pausing-a-binding, pausing-a-binding, restarting-a-binding,
// protocol-binding-states-and-operations, sending-data-from-a-protocol-driver,
// generating-oid-requests-from-an-ndis-protocol-driver and
// unbinding-from-an-adapter, and the reference pages of the roles and DDIs
// it uses (nc-ndis-protocol_net_pnp_event, nf-ndis-ndiscompletenetpnpevent,
// nf-ndis-ndissendnetbufferlists, nf-ndis-ndisreturnnetbufferlists,
// nf-ndis-ndisoidrequest, ...).
package protocol
