package ndis

// MDeregisterMiniportDriver models NdisMDeregisterMiniportDriver. A
// miniport driver calls the NdisMDeregisterMiniportDriver function to
// release resources that it allocated with a previous call to the
// NdisMRegisterMiniportDriver function.
// NDIS: NdisMDeregisterMiniportDriver. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismderegisterminiportdriver.
func MDeregisterMiniportDriver(ndisMiniportDriverHandle Handle) {
	sim().MDeregisterMiniportDriver(ndisMiniportDriverHandle)
}

// MDirectOidRequestComplete models NdisMDirectOidRequestComplete. Miniport
// drivers call the NdisMDirectOidRequestComplete function to return the
// final status of a direct OID request for which the driver's
// MiniportDirectOidRequest function returned NDIS_STATUS_PENDING.
// NDIS: NdisMDirectOidRequestComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismdirectoidrequestcomplete.
func MDirectOidRequestComplete(miniportAdapterHandle Handle, oidRequest *OidRequest, status Status) {
	sim().MDirectOidRequestComplete(miniportAdapterHandle, oidRequest, status)
}

// MIndicateReceiveNetBufferLists models NdisMIndicateReceiveNetBufferLists.
// Miniport drivers call the NdisMIndicateReceiveNetBufferLists function to
// indicate the receipt of data from the network.
// NDIS: NdisMIndicateReceiveNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismindicatereceivenetbufferlists.
func MIndicateReceiveNetBufferLists(miniportAdapterHandle Handle, netBufferList *NetBufferList, portNumber PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	sim().MIndicateReceiveNetBufferLists(miniportAdapterHandle, netBufferList, portNumber, numberOfNetBufferLists, receiveFlags)
}

// MIndicateStatusEx models NdisMIndicateStatusEx. The NdisMIndicateStatusEx
// function reports a change in the status of a miniport adapter.
// NDIS: NdisMIndicateStatusEx. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismindicatestatusex.
func MIndicateStatusEx(miniportAdapterHandle Handle, statusIndication *StatusIndication) {
	sim().MIndicateStatusEx(miniportAdapterHandle, statusIndication)
}

// MOidRequestComplete models NdisMOidRequestComplete. Miniport drivers call
// the NdisMOidRequestComplete function to return the final status of an OID
// request for which the driver's MiniportOidRequest function returned
// NDIS_STATUS_PENDING.
// NDIS: NdisMOidRequestComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismoidrequestcomplete.
func MOidRequestComplete(miniportAdapterHandle Handle, oidRequest *OidRequest, status Status) {
	sim().MOidRequestComplete(miniportAdapterHandle, oidRequest, status)
}

// MPauseComplete models NdisMPauseComplete. A miniport driver must call the
// NdisMPauseComplete function to complete a pause operation if the driver
// returned NDIS_STATUS_PENDING from its MiniportPause function.
// NDIS: NdisMPauseComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismpausecomplete.
func MPauseComplete(miniportAdapterHandle Handle) {
	sim().MPauseComplete(miniportAdapterHandle)
}

// MRegisterMiniportDriver models NdisMRegisterMiniportDriver. A miniport
// driver calls the NdisMRegisterMiniportDriver function to register
// MiniportXxx entry points with NDIS as the first step in initialization.
// NDIS: NdisMRegisterMiniportDriver. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismregisterminiportdriver.
func MRegisterMiniportDriver(driverObject *DriverObject, registryPath *String, miniportDriverContext Handle, miniportDriverCharacteristics *MiniportDriverCharacteristics, ndisMiniportDriverHandle *Handle) Status {
	return sim().MRegisterMiniportDriver(driverObject, registryPath, miniportDriverContext, miniportDriverCharacteristics, ndisMiniportDriverHandle)
}

// MResetComplete models NdisMResetComplete. "Learn more about:
// NdisMResetComplete function (NDIS 6.x)"
// NDIS: NdisMResetComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismresetcomplete~r1.
func MResetComplete(miniportAdapterHandle Handle, status Status, addressingReset bool) {
	sim().MResetComplete(miniportAdapterHandle, status, addressingReset)
}

// MRestartComplete models NdisMRestartComplete. A miniport driver must call
// the NdisMRestartComplete function to complete a restart operation if the
// driver returned NDIS_STATUS_PENDING from its MiniportRestart function.
// NDIS: NdisMRestartComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismrestartcomplete.
func MRestartComplete(miniportAdapterHandle Handle, status Status) {
	sim().MRestartComplete(miniportAdapterHandle, status)
}

// MSendNetBufferListsComplete models NdisMSendNetBufferListsComplete.
// Miniport drivers call the NdisMSendNetBufferListsComplete function to
// return a linked list of NET_BUFFER_LIST structures to an overlying driver
// and to return the final status of a send request.
// NDIS: NdisMSendNetBufferListsComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismsendnetbufferlistscomplete.
func MSendNetBufferListsComplete(miniportAdapterHandle Handle, netBufferList *NetBufferList, sendCompleteFlags uint32) {
	sim().MSendNetBufferListsComplete(miniportAdapterHandle, netBufferList, sendCompleteFlags)
}

// MSetMiniportAttributes models NdisMSetMiniportAttributes. A miniport
// driver must call the NdisMSetMiniportAttributes function from its
// MiniportInitializeEx function to identify a context area for miniport
// adapter to NDIS, and to provide NDIS with information about the miniport
// adapter.
// NDIS: NdisMSetMiniportAttributes. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismsetminiportattributes.
func MSetMiniportAttributes(ndisMiniportHandle Handle, miniportAttributes *MiniportAdapterAttributes) Status {
	return sim().MSetMiniportAttributes(ndisMiniportHandle, miniportAttributes)
}
