package ndis

// The NDIS 6 protocol DDIs of cancellation, direct and synchronous OID
// requests and unbinding (issue 13).

// CancelSendNetBufferLists models NdisCancelSendNetBufferLists. Protocol
// drivers call the NdisCancelSendNetBufferLists function to cancel the
// transmission of network data.
// NDIS: NdisCancelSendNetBufferLists. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscancelsendnetbufferlists.
func CancelSendNetBufferLists(ndisBindingHandle Handle, cancelId Handle) {
	sim().CancelSendNetBufferLists(ndisBindingHandle, cancelId)
}

// CancelOidRequest models NdisCancelOidRequest. Protocol drivers call the
// NdisCancelOidRequest function to cancel a previous request to the
// underlying drivers.
// NDIS: NdisCancelOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscanceloidrequest.
func CancelOidRequest(ndisBindingHandle Handle, requestId Handle) {
	sim().CancelOidRequest(ndisBindingHandle, requestId)
}

// CancelDirectOidRequest models NdisCancelDirectOidRequest. Protocol
// drivers call the NdisCancelDirectOidRequest function to cancel a
// previous direct OID request to the underlying drivers.
// NDIS: NdisCancelDirectOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscanceldirectoidrequest.
func CancelDirectOidRequest(ndisBindingHandle Handle, requestId Handle) {
	sim().CancelDirectOidRequest(ndisBindingHandle, requestId)
}

// DirectOidRequest models NdisDirectOidRequest. The NdisDirectOidRequest
// function forwards a direct OID request to the underlying drivers to
// query the capabilities or status of an adapter or set the state of an
// adapter.
// NDIS: NdisDirectOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisdirectoidrequest.
func DirectOidRequest(ndisBindingHandle Handle, oidRequest *OidRequest) Status {
	return sim().DirectOidRequest(ndisBindingHandle, oidRequest)
}

// SynchronousOidRequest models NdisSynchronousOidRequest. Protocol drivers
// call the NdisSynchronousOidRequest function to originate a new
// Synchronous OID request and issue it to underlying drivers.
// NDIS: NdisSynchronousOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndissynchronousoidrequest.
func SynchronousOidRequest(ndisBindingHandle Handle, oidRequest *OidRequest) Status {
	return sim().SynchronousOidRequest(ndisBindingHandle, oidRequest)
}

// UnbindAdapter models NdisUnbindAdapter. Protocol drivers call the
// NdisUnbindAdapter function to request NDIS to close a binding to an
// underlying miniport adapter.
// NDIS: NdisUnbindAdapter. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisunbindadapter.
func UnbindAdapter(ndisBindingHandle Handle) Status {
	return sim().UnbindAdapter(ndisBindingHandle)
}
