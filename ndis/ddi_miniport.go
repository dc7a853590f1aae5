package ndis

// The CoNDIS miniport DDIs (NdisMCo*).

// MCoActivateVcComplete completes an activation for which the miniport's
// MiniportCoActivateVc returned NDIS_STATUS_PENDING; NDIS calls the call
// manager's ProtocolCmActivateVcComplete.
// NDIS: NdisMCoActivateVcComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcoactivatevccomplete.
func MCoActivateVcComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters) {
	sim().MCoActivateVcComplete(status, ndisVcHandle, callParameters)
}

// MCoDeactivateVcComplete completes a deactivation for which the miniport's
// MiniportCoDeactivateVc returned NDIS_STATUS_PENDING; NDIS calls the call
// manager's ProtocolCmDeactivateVcComplete.
// NDIS: NdisMCoDeactivateVcComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcodeactivatevccomplete.
func MCoDeactivateVcComplete(status Status, ndisVcHandle Handle) {
	sim().MCoDeactivateVcComplete(status, ndisVcHandle)
}

// MCoIndicateReceiveNetBufferLists indicates received data on a VC; NDIS
// calls ProtocolCoReceiveNetBufferLists of the protocol that uses the VC (the
// client of a call, the call manager on a VC it created for itself).
// NDIS: NdisMCoIndicateReceiveNetBufferLists. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcoindicatereceivenetbufferlists.
func MCoIndicateReceiveNetBufferLists(ndisVcHandle Handle, netBufferLists *NetBufferList, numberOfNetBufferLists uint32, coReceiveFlags uint32) {
	sim().MCoIndicateReceiveNetBufferLists(ndisVcHandle, netBufferLists, numberOfNetBufferLists, coReceiveFlags)
}

// MCoIndicateStatusEx indicates a status change of the adapter or of one VC;
// NDIS calls ProtocolCoStatusEx of the protocols bound to the adapter (for a
// VC, of the protocols that share it).
// NDIS: NdisMCoIndicateStatusEx. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcoindicatestatusex.
func MCoIndicateStatusEx(miniportAdapterHandle Handle, ndisVcHandle Handle, statusIndication *StatusIndication) {
	sim().MCoIndicateStatusEx(miniportAdapterHandle, ndisVcHandle, statusIndication)
}

// MCoOidRequestComplete completes an OID request for which the miniport's
// MiniportCoOidRequest returned NDIS_STATUS_PENDING; NDIS calls the
// requester's ProtocolCoOidRequestComplete.
// NDIS: NdisMCoOidRequestComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcooidrequestcomplete.
func MCoOidRequestComplete(miniportAdapterHandle Handle, ndisMiniportVcHandle Handle, request *OidRequest, status Status) {
	sim().MCoOidRequestComplete(miniportAdapterHandle, ndisMiniportVcHandle, request, status)
}

// MCoSendNetBufferListsComplete returns sent lists to NDIS, which returns
// each to the protocol that sent it (ProtocolCoSendNetBufferListsComplete).
// NDIS: NdisMCoSendNetBufferListsComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcosendnetbufferlistscomplete.
func MCoSendNetBufferListsComplete(ndisVcHandle Handle, netBufferLists *NetBufferList, sendCompleteFlags uint32) {
	sim().MCoSendNetBufferListsComplete(ndisVcHandle, netBufferLists, sendCompleteFlags)
}
