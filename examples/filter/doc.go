// Package filter is a pass-through NDIS 6 lightweight filter driver, in the
// spirit of the public ndislwf sample, written against the ndis runtime the
// way a C author ports one: every FilterXxx function keeps its role and C
// shape (FilterPause is fPause, registered in the PauseHandler slot of
// NDIS_FILTER_DRIVER_CHARACTERISTICS and declared with
// //ndis:role FILTER_PAUSE), every DDI is called by its Go name
// (NdisFPauseComplete is ndis.FPauseComplete) with its C arguments.
//
// The driver
//   - registers with NdisFRegisterFilterDriver from DriverEntry (attach,
//     detach, pause, restart, the send and receive paths and the OID
//     handlers) and deregisters with NdisFDeregisterFilterDriver from
//     DriverUnload;
//   - allocates a filter module context in FilterAttach
//     (NdisAllocateMemoryWithTagPriority) and gives it to NDIS with
//     NdisFSetAttributes; the module starts Paused, runs after
//     FilterRestart, and is freed in FilterDetach;
//   - passes sends down with NdisFSendNetBufferLists, counting the lists it
//     has sent and not seen back, and passes their completions up with
//     NdisFSendNetBufferListsComplete from FilterSendNetBufferListsComplete;
//     sends that arrive while the module is not running are completed at
//     once with NDIS_STATUS_PAUSED;
//   - passes receives up with NdisFIndicateReceiveNetBufferLists, counting
//     the lists it indicated and not seen back, and passes them down with
//     NdisFReturnNetBufferLists from FilterReturnNetBufferLists; a receive
//     indicated with NDIS_RECEIVE_FLAGS_RESOURCES is passed up with the
//     flag and never returned (it is the miniport's again when the call
//     returns); receives that arrive while the module is not running are
//     returned at once, or dropped when they carry the flag;
//   - pends FilterPause while sends or receives it passed on are
//     outstanding, and completes the pause with NdisFPauseComplete when
//     the last one comes back;
//   - forwards every OID request with a clone: FilterOidRequest copies the
//     request, sends the clone down with NdisFOidRequest and returns
//     NDIS_STATUS_PENDING; FilterOidRequestComplete copies the results back
//     and completes the original with NdisFOidRequestComplete (calling
//     FilterOidRequestComplete itself when NdisFOidRequest did not pend,
//     as ndislwf does).
//
// It follows the pages of ../shared/ndis6: attaching-a-filter-module,
// detaching-a-filter-module, starting-a-filter-module,
// pausing-a-filter-module, filter-module-states-and-operations,
// filter-module-oid-requests and filtering-oid-requests-in-an-ndis-filter-driver,
// and the reference pages of the roles and DDIs it uses (nc-ndis-filter_pause,
// nf-ndis-ndisfpausecomplete, nc-ndis-filter_send_net_buffer_lists_complete,
// nf-ndis-ndisfreturnnetbufferlists, nf-ndis-ndisfoidrequest, ...).
package filter
