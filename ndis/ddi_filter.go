package ndis

// FDeregisterFilterDriver models NdisFDeregisterFilterDriver. A filter
// drivers calls the NdisFDeregisterFilterDriver function to release
// resources that it previously allocated with the NdisFRegisterFilterDriver
// function.
// NDIS: NdisFDeregisterFilterDriver. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfderegisterfilterdriver.
func FDeregisterFilterDriver(ndisFilterDriverHandle Handle) {
	sim().FDeregisterFilterDriver(ndisFilterDriverHandle)
}

// FDirectOidRequest models NdisFDirectOidRequest. Filter drivers call the
// NdisFDirectOidRequest function to forward a direct OID request to
// underlying drivers or to originate such a request.
// NDIS: NdisFDirectOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfdirectoidrequest.
func FDirectOidRequest(ndisFilterHandle Handle, oidRequest *OidRequest) Status {
	return sim().FDirectOidRequest(ndisFilterHandle, oidRequest)
}

// FDirectOidRequestComplete models NdisFDirectOidRequestComplete. Filter
// drivers call the NdisFDirectOidRequestComplete function to return the
// final status of a direct OID request for which the driver's
// FilterDirectOidRequest function returned NDIS_STATUS_PENDING.
// NDIS: NdisFDirectOidRequestComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfdirectoidrequestcomplete.
func FDirectOidRequestComplete(ndisFilterHandle Handle, oidRequest *OidRequest, status Status) {
	sim().FDirectOidRequestComplete(ndisFilterHandle, oidRequest, status)
}

// FIndicateReceiveNetBufferLists models NdisFIndicateReceiveNetBufferLists.
// A filter driver calls NdisFIndicateReceiveNetBufferLists to indicate that
// it has received network data. For more information, see Receiving Data in
// a Filter Driver.
// NDIS: NdisFIndicateReceiveNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfindicatereceivenetbufferlists.
func FIndicateReceiveNetBufferLists(ndisFilterHandle Handle, netBufferLists *NetBufferList, portNumber PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	sim().FIndicateReceiveNetBufferLists(ndisFilterHandle, netBufferLists, portNumber, numberOfNetBufferLists, receiveFlags)
}

// FIndicateStatus models NdisFIndicateStatus. The NdisFIndicateStatus
// function passes on a filtered status indication from an underlying driver
// or originates a status indication.
// NDIS: NdisFIndicateStatus. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfindicatestatus.
func FIndicateStatus(ndisFilterHandle Handle, statusIndication *StatusIndication) {
	sim().FIndicateStatus(ndisFilterHandle, statusIndication)
}

// FOidRequest models NdisFOidRequest. Filter drivers call the
// NdisFOidRequest function to forward an OID request to underlying drivers
// or to originate such a request.
// NDIS: NdisFOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfoidrequest.
func FOidRequest(ndisFilterHandle Handle, oidRequest *OidRequest) Status {
	return sim().FOidRequest(ndisFilterHandle, oidRequest)
}

// FOidRequestComplete models NdisFOidRequestComplete. Filter drivers call
// the NdisFOidRequestComplete function to return the final status of an OID
// request for which the driver's FilterOidRequest function returned
// NDIS_STATUS_PENDING.
// NDIS: NdisFOidRequestComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfoidrequestcomplete.
func FOidRequestComplete(ndisFilterHandle Handle, oidRequest *OidRequest, status Status) {
	sim().FOidRequestComplete(ndisFilterHandle, oidRequest, status)
}

// FPauseComplete models NdisFPauseComplete. A filter driver must call the
// NdisFPauseComplete function to complete a pause operation if the driver
// returned NDIS_STATUS_PENDING from its FilterPause function.
// NDIS: NdisFPauseComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfpausecomplete.
func FPauseComplete(ndisFilterHandle Handle) {
	sim().FPauseComplete(ndisFilterHandle)
}

// FRegisterFilterDriver models NdisFRegisterFilterDriver. A filter driver
// calls the NdisFRegisterFilterDriver function to register its FilterXxx
// functions with NDIS.
// NDIS: NdisFRegisterFilterDriver. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfregisterfilterdriver.
func FRegisterFilterDriver(driverObject *DriverObject, filterDriverContext Handle, filterDriverCharacteristics *FilterDriverCharacteristics, ndisFilterDriverHandle *Handle) Status {
	return sim().FRegisterFilterDriver(driverObject, filterDriverContext, filterDriverCharacteristics, ndisFilterDriverHandle)
}

// FRestartComplete models NdisFRestartComplete. A filter driver must call
// the NdisFRestartComplete function to complete a restart operation if the
// driver returned NDIS_STATUS_PENDING from its FilterRestart function.
// NDIS: NdisFRestartComplete. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfrestartcomplete.
func FRestartComplete(ndisFilterHandle Handle, status Status) {
	sim().FRestartComplete(ndisFilterHandle, status)
}

// FReturnNetBufferLists models NdisFReturnNetBufferLists. Filter drivers
// call NdisFReturnNetBufferLists to release the ownership of one or more
// NET_BUFFER_LIST structures and their associated NET_BUFFER structures.
// NDIS: NdisFReturnNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfreturnnetbufferlists.
func FReturnNetBufferLists(ndisFilterHandle Handle, netBufferLists *NetBufferList, returnFlags uint32) {
	sim().FReturnNetBufferLists(ndisFilterHandle, netBufferLists, returnFlags)
}

// FSendNetBufferLists models NdisFSendNetBufferLists. Filter drivers call
// the NdisFSendNetBufferLists function to send a list of network data
// buffers.
// NDIS: NdisFSendNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfsendnetbufferlists.
func FSendNetBufferLists(ndisFilterHandle Handle, netBufferList *NetBufferList, portNumber PortNumber, sendFlags uint32) {
	sim().FSendNetBufferLists(ndisFilterHandle, netBufferList, portNumber, sendFlags)
}

// FSendNetBufferListsComplete models NdisFSendNetBufferListsComplete.
// Filter drivers call the NdisFSendNetBufferListsComplete function to
// return a linked list of NET_BUFFER_LIST structures to an overlying driver
// and to return the final status of a send request.
// NDIS: NdisFSendNetBufferListsComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfsendnetbufferlistscomplete.
func FSendNetBufferListsComplete(ndisFilterHandle Handle, netBufferList *NetBufferList, sendCompleteFlags uint32) {
	sim().FSendNetBufferListsComplete(ndisFilterHandle, netBufferList, sendCompleteFlags)
}

// FSetAttributes models NdisFSetAttributes. A filter driver calls the
// NdisFSetAttributes function to specify a filter module context area.
// NDIS: NdisFSetAttributes. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfsetattributes.
func FSetAttributes(ndisFilterHandle Handle, filterModuleContext Handle, filterAttributes *FilterAttributes) Status {
	return sim().FSetAttributes(ndisFilterHandle, filterModuleContext, filterAttributes)
}
