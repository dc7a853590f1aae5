package ndis

// Protocol driver registration and binding.

// CloseAdapterEx releases a binding; the protocol first closes every address
// family that depends on it.
// NDIS: NdisCloseAdapterEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndiscloseadapterex.
func CloseAdapterEx(ndisBindingHandle Handle) Status {
	return sim().CloseAdapterEx(ndisBindingHandle)
}

// CompleteBindAdapterEx completes a bind for which ProtocolBindAdapterEx
// returned NDIS_STATUS_PENDING.
// NDIS: NdisCompleteBindAdapterEx. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscompletebindadapterex.
func CompleteBindAdapterEx(bindAdapterContext Handle, status Status) {
	sim().CompleteBindAdapterEx(bindAdapterContext, status)
}

// CompleteNetPnPEvent completes a Plug and Play or power event for which the
// protocol's ProtocolNetPnPEvent returned NDIS_STATUS_PENDING.
// NDIS: NdisCompleteNetPnPEvent. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndiscompletenetpnpevent.
func CompleteNetPnPEvent(ndisBindingHandle Handle, netPnPEventNotification *NetPnpEventNotification, status Status) {
	sim().CompleteNetPnPEvent(ndisBindingHandle, netPnPEventNotification, status)
}

// CompleteUnbindAdapterEx completes an unbind for which
// ProtocolUnbindAdapterEx returned NDIS_STATUS_PENDING.
// NDIS: NdisCompleteUnbindAdapterEx. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscompleteunbindadapterex.
func CompleteUnbindAdapterEx(unbindContext Handle) {
	sim().CompleteUnbindAdapterEx(unbindContext)
}

// DeregisterProtocolDriver releases a protocol driver's registration; NDIS
// first unbinds it from every adapter it is bound to.
// NDIS: NdisDeregisterProtocolDriver. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndisderegisterprotocoldriver.
func DeregisterProtocolDriver(ndisProtocolHandle Handle) {
	sim().DeregisterProtocolDriver(ndisProtocolHandle)
}

// OpenAdapterEx binds a protocol driver to a miniport adapter; a protocol
// calls it from its ProtocolBindAdapterEx handler.
// NDIS: NdisOpenAdapterEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisopenadapterex.
func OpenAdapterEx(ndisProtocolHandle Handle, protocolBindingContext Handle, openParameters *OpenParameters, bindContext Handle, ndisBindingHandle *Handle) Status {
	return sim().OpenAdapterEx(ndisProtocolHandle, protocolBindingContext, openParameters, bindContext, ndisBindingHandle)
}

// RegisterProtocolDriver registers a protocol driver's entry points with NDIS;
// NDIS calls its SetOptions handler, in which a CoNDIS client or call manager
// registers its CoNDIS handlers with NdisSetOptionalHandlers.
// NDIS: NdisRegisterProtocolDriver. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndisregisterprotocoldriver.
func RegisterProtocolDriver(protocolDriverContext Handle, protocolCharacteristics *ProtocolDriverCharacteristics, ndisProtocolHandle *Handle) Status {
	return sim().RegisterProtocolDriver(protocolDriverContext, protocolCharacteristics, ndisProtocolHandle)
}

// SetOptionalHandlers registers optional handlers: for CoNDIS, a protocol
// driver's NDIS_PROTOCOL_CO_CHARACTERISTICS and client or call-manager
// handlers, a miniport's NDIS_MINIPORT_CO_CHARACTERISTICS and a miniport call
// manager's call-manager handlers, each from the driver's SetOptions handler.
// NDIS: NdisSetOptionalHandlers. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndissetoptionalhandlers.
func SetOptionalHandlers(ndisHandle Handle, optionalHandlers DriverOptionalHandlers) Status {
	return sim().SetOptionalHandlers(ndisHandle, optionalHandlers)
}
