package ndis

// The NDIS 6 filter DDIs of cancellation, Plug and Play, restart and
// synchronous OID requests, and the OID request clones of filter and
// intermediate drivers (issue 13).

// FCancelSendNetBufferLists models NdisFCancelSendNetBufferLists. Filter
// drivers call the NdisFCancelSendNetBufferLists function to cancel the
// transmission of network data.
// NDIS: NdisFCancelSendNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfcancelsendnetbufferlists.
func FCancelSendNetBufferLists(ndisFilterHandle Handle, cancelId Handle) {
	sim().FCancelSendNetBufferLists(ndisFilterHandle, cancelId)
}

// FCancelOidRequest models NdisFCancelOidRequest. Filter drivers call the
// NdisFCancelOidRequest function to cancel a previous request to the
// underlying drivers.
// NDIS: NdisFCancelOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfcanceloidrequest.
func FCancelOidRequest(ndisFilterHandle Handle, requestId Handle) {
	sim().FCancelOidRequest(ndisFilterHandle, requestId)
}

// FCancelDirectOidRequest models NdisFCancelDirectOidRequest. Filter
// drivers call the NdisFCancelDirectOidRequest function to cancel a
// previous direct OID request to the underlying drivers.
// NDIS: NdisFCancelDirectOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfcanceldirectoidrequest.
func FCancelDirectOidRequest(ndisFilterHandle Handle, requestId Handle) {
	sim().FCancelDirectOidRequest(ndisFilterHandle, requestId)
}

// FDevicePnPEventNotify models NdisFDevicePnPEventNotify. A filter driver
// can call the NdisFDevicePnPEventNotify function to forward a device Plug
// and Play (PnP) or Power Management event to underlying drivers.
// NDIS: NdisFDevicePnPEventNotify. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfdevicepnpeventnotify.
func FDevicePnPEventNotify(ndisFilterHandle Handle, netDevicePnPEvent *NetDevicePnpEvent) {
	sim().FDevicePnPEventNotify(ndisFilterHandle, netDevicePnPEvent)
}

// FNetPnPEvent models NdisFNetPnPEvent. A filter driver can call the
// NdisFNetPnPEvent function to forward a network Plug and Play (PnP) or
// Power Management event to overlying drivers.
// NDIS: NdisFNetPnPEvent. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfnetpnpevent.
func FNetPnPEvent(ndisFilterHandle Handle, netPnPEventNotification *NetPnpEventNotification) Status {
	return sim().FNetPnPEvent(ndisFilterHandle, netPnPEventNotification)
}

// FRestartFilter models NdisFRestartFilter. A filter driver calls the
// NdisFRestartFilter function to request NDIS to initiate a restart
// operation for a filter module.
// NDIS: NdisFRestartFilter. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfrestartfilter.
func FRestartFilter(ndisFilterHandle Handle) Status {
	return sim().FRestartFilter(ndisFilterHandle)
}

// FSynchronousOidRequest models NdisFSynchronousOidRequest. Filter drivers
// call the NdisFSynchronousOidRequest function to originate a new
// Synchronous OID request and issue it to underlying drivers.
// NDIS: NdisFSynchronousOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfsynchronousoidrequest.
func FSynchronousOidRequest(ndisFilterModuleHandle Handle, oidRequest *OidRequest) Status {
	return sim().FSynchronousOidRequest(ndisFilterModuleHandle, oidRequest)
}

// AllocateCloneOidRequest models NdisAllocateCloneOidRequest. The
// NdisAllocateCloneOidRequest function allocates memory for a new
// NDIS_OID_REQUEST structure and copies all the information from an
// existing NDIS_OID_REQUEST structure to the newly allocated structure.
// NDIS: NdisAllocateCloneOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisallocatecloneoidrequest.
func AllocateCloneOidRequest(sourceHandle Handle, oidRequest *OidRequest, poolTag uint32, clonedOidRequest **OidRequest) Status {
	return sim().AllocateCloneOidRequest(sourceHandle, oidRequest, poolTag, clonedOidRequest)
}

// FreeCloneOidRequest models NdisFreeCloneOidRequest. The
// NdisFreeCloneOidRequest function frees a cloned NDIS_OID_REQUEST
// structure.
// NDIS: NdisFreeCloneOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfreecloneoidrequest.
func FreeCloneOidRequest(sourceHandle Handle, request *OidRequest) {
	sim().FreeCloneOidRequest(sourceHandle, request)
}
