// Package miniport is a virtual Ethernet miniport driver for NDIS 6, in the
// spirit of the public netvmini sample, written against the ndis runtime
// the way a C author ports one: every MiniportXxx function keeps its role
// and C shape (MiniportPause is mpPause, registered in the PauseHandler
// slot of NDIS_MINIPORT_DRIVER_CHARACTERISTICS and declared with
// //ndis:role MINIPORT_PAUSE), every DDI is called by its Go name
// (NdisMPauseComplete is ndis.MPauseComplete) with its C arguments.
//
// The driver
//   - registers every mandatory MiniportXxx handler with
//     NdisMRegisterMiniportDriver from DriverEntry and deregisters in
//     MiniportDriverUnload;
//   - allocates its adapter context in MiniportInitializeEx
//     (NdisAllocateMemoryWithTagPriority), gives it to NDIS with
//     NdisMSetMiniportAttributes (registration attributes, then general
//     attributes), and allocates a NET_BUFFER_LIST pool, its receive
//     buffers and the timers that stand for its interrupt DPCs; the adapter
//     starts Paused and runs after MiniportRestart;
//   - queues sends under an NDIS spin lock (reading each list's Next before
//     it queues the list), completes them from its transmit DPC with
//     NdisMSendNetBufferListsComplete and NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL,
//     and loops every sent frame back as a receive; sends that arrive while
//     the adapter is not running are completed at once with
//     NDIS_STATUS_PAUSED and the dispatch-level flag the send came with;
//   - indicates the receives its packet filter passes (nothing before an
//     overlying driver sets OID_GEN_CURRENT_PACKET_FILTER; directed,
//     broadcast, multicast by the list, promiscuous) with
//     NdisMIndicateReceiveNetBufferLists from its receive DPC, normally
//     leaving the lists with NDIS until
//     MiniportReturnNetBufferLists gives them back, and with
//     NDIS_RECEIVE_FLAGS_RESOURCES, reclaiming them as soon as the call
//     returns, when its free receive buffers run low;
//   - answers OID queries and sets synchronously in MiniportOidRequest,
//     except the multicast list, which it "programs into the hardware"
//     from a timer: it returns NDIS_STATUS_PENDING and completes the
//     request with NdisMOidRequestComplete (or with
//     NDIS_STATUS_REQUEST_ABORTED from MiniportCancelOidRequest);
//   - pends MiniportPause while sends or receive indications are
//     outstanding and completes it with NdisMPauseComplete when the last
//     one completes or comes back; MiniportPause returns only
//     NDIS_STATUS_SUCCESS or NDIS_STATUS_PENDING;
//   - frees everything in MiniportHaltEx, and in MiniportInitializeEx when
//     initialization fails part way;
//   - takes its spin lock with NdisDprAcquireSpinLock where it knows it
//     runs at DISPATCH_LEVEL: in its DPCs, and in
//     MiniportReturnNetBufferLists when NDIS_RETURN_FLAGS_DISPATCH_LEVEL
//     says so (dispatch-irql-tracking), with NdisAcquireSpinLock elsewhere.
//
// It follows the pages of ../shared/ndis6: initializing-a-miniport-adapter,
// starting-an-adapter, dispatch-irql-tracking, pausing-an-adapter, halting-a-miniport-adapter,
// sending-data-from-a-miniport-driver, indicating-received-data-from-a-miniport-driver,
// handling-oid-requests-in-a-miniport-adapter and
// miniport-adapter-oid-request-serialization, and the reference pages of
// the DDIs and roles it uses (nc-ndis-miniport_pause, nf-ndis-ndismpausecomplete,
// nf-ndis-ndismsendnetbufferlistscomplete, nf-ndis-ndismindicatereceivenetbufferlists,
// nc-ndis-miniport_oid_request, nf-ndis-ndismoidrequestcomplete, ...).
package miniport
