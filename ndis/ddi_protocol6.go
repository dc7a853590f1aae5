package ndis

// NdisOidRequest models NdisOidRequest. The NdisOidRequest function
// forwards a request to the underlying drivers to query the capabilities or
// status of an adapter or set the state of an adapter.
// NDIS: NdisOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisoidrequest.
func NdisOidRequest(ndisBindingHandle Handle, oidRequest *OidRequest) Status {
	return sim().NdisOidRequest(ndisBindingHandle, oidRequest)
}

// ReturnNetBufferLists models NdisReturnNetBufferLists. NDIS drivers call
// the NdisReturnNetBufferLists function to release ownership of a list of
// NET_BUFFER_LIST structures, along with the associated NET_BUFFER
// structures and network data.
// NDIS: NdisReturnNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisreturnnetbufferlists.
func ReturnNetBufferLists(ndisBindingHandle Handle, netBufferLists *NetBufferList, returnFlags uint32) {
	sim().ReturnNetBufferLists(ndisBindingHandle, netBufferLists, returnFlags)
}

// SendNetBufferLists models NdisSendNetBufferLists. Protocol drivers call
// the NdisSendNetBufferLists function to send network data that is
// contained in a list of NET_BUFFER_LIST structures.
// NDIS: NdisSendNetBufferLists. IRQL: <=DISPATCH_LEVEL. Page: nf-ndis-ndissendnetbufferlists.
func SendNetBufferLists(ndisBindingHandle Handle, netBufferLists *NetBufferList, portNumber PortNumber, sendFlags uint32) {
	sim().SendNetBufferLists(ndisBindingHandle, netBufferLists, portNumber, sendFlags)
}

// QueryBindInstanceName models NdisQueryBindInstanceName. The
// NdisQueryBindInstanceName function retrieves the friendly name of a
// physical NIC or a virtual adapter that the calling protocol driver will
// bind to.
// NDIS: NdisQueryBindInstanceName. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisquerybindinstancename.
func QueryBindInstanceName(pAdapterInstanceName *String, bindingContext Handle) Status {
	return sim().QueryBindInstanceName(pAdapterInstanceName, bindingContext)
}

// ReEnumerateProtocolBindings models NdisReEnumerateProtocolBindings. The
// NdisReEnumerateProtocolBindings function causes NDIS to call a protocol
// driver's ProtocolBindAdapterEx function one time for each miniport
// adapter for which the driver is configured to bind but to which the
// driver is not currently bound.
// NDIS: NdisReEnumerateProtocolBindings. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisreenumerateprotocolbindings.
func ReEnumerateProtocolBindings(ndisProtocolHandle Handle) {
	sim().ReEnumerateProtocolBindings(ndisProtocolHandle)
}
