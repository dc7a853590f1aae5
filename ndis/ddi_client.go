package ndis

// The CoNDIS client DDIs (NdisCl*).

// ClAddParty adds a party to a multipoint call the client made; NDIS
// forwards it to the call manager's ProtocolCmAddParty.
// NDIS: NdisClAddParty. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscladdparty.
func ClAddParty(ndisVcHandle Handle, protocolPartyContext Handle, callParameters *CoCallParameters, ndisPartyHandle *Handle) Status {
	return sim().ClAddParty(ndisVcHandle, protocolPartyContext, callParameters, ndisPartyHandle)
}

// ClCloseAddressFamily releases a client's open of an address family; the AF
// handle is invalid for the client as soon as it is called.
// NDIS: NdisClCloseAddressFamily. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndisclcloseaddressfamily.
func ClCloseAddressFamily(ndisAfHandle Handle) Status {
	return sim().ClCloseAddressFamily(ndisAfHandle)
}

// ClCloseCall tears down the call on a VC; NDIS marks the VC closing and
// forwards it to the call manager's ProtocolCmCloseCall. For a VC the call
// manager created, the client's handle is dead once the close completes.
// NDIS: NdisClCloseCall. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisclclosecall.
func ClCloseCall(ndisVcHandle Handle, ndisPartyHandle Handle, buffer []byte, size uint32) Status {
	return sim().ClCloseCall(ndisVcHandle, ndisPartyHandle, buffer, size)
}

// ClDeregisterSap releases a SAP; the SAP handle is invalid for the client as
// soon as it is called. Calls already offered on it are not affected.
// NDIS: NdisClDeregisterSap. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisclderegistersap.
func ClDeregisterSap(ndisSapHandle Handle) Status {
	return sim().ClDeregisterSap(ndisSapHandle)
}

// ClDropParty drops a party, other than the last, from a multipoint call;
// the party handle is invalid for the client as soon as it is called. NDIS
// forwards it to the call manager's ProtocolCmDropParty.
// NDIS: NdisClDropParty. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscldropparty.
func ClDropParty(ndisPartyHandle Handle, buffer []byte, size uint32) Status {
	return sim().ClDropParty(ndisPartyHandle, buffer, size)
}

// ClGetProtocolVcContextFromTapiCallId returns the client's context for the
// VC a TAPI call identifier (from NdisCoGetTapiCallId) names.
// NDIS: NdisClGetProtocolVcContextFromTapiCallId. IRQL: DISPATCH_LEVEL.
// Page: nf-ndis-ndisclgetprotocolvccontextfromtapicallid.
func ClGetProtocolVcContextFromTapiCallId(tapiCallId String, protocolVcContext *Handle) Status {
	return sim().ClGetProtocolVcContextFromTapiCallId(tapiCallId, protocolVcContext)
}

// ClIncomingCallComplete accepts or rejects an offered call for which the
// client's ProtocolClIncomingCall returned NDIS_STATUS_PENDING; NDIS calls
// the call manager's ProtocolCmIncomingCallComplete.
// NDIS: NdisClIncomingCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndisclincomingcallcomplete.
func ClIncomingCallComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters) {
	sim().ClIncomingCallComplete(status, ndisVcHandle, callParameters)
}

// ClMakeCall sets up an outgoing call on a VC the client created; NDIS
// forwards it to the call manager's ProtocolCmMakeCall. A non-NULL
// ProtocolPartyContext makes the call multipoint.
// NDIS: NdisClMakeCall. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisclmakecall.
func ClMakeCall(ndisVcHandle Handle, callParameters *CoCallParameters, protocolPartyContext Handle, ndisPartyHandle *Handle) Status {
	return sim().ClMakeCall(ndisVcHandle, callParameters, protocolPartyContext, ndisPartyHandle)
}

// ClModifyCallQoS asks to change the quality of service of a call; NDIS
// forwards it to the call manager's ProtocolCmModifyCallQoS.
// NDIS: NdisClModifyCallQoS. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisclmodifycallqos.
func ClModifyCallQoS(ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	return sim().ClModifyCallQoS(ndisVcHandle, callParameters)
}

// ClNotifyCloseAddressFamilyComplete completes a ProtocolClNotifyCloseAf that
// returned NDIS_STATUS_PENDING; NDIS calls the call manager's
// ProtocolCmNotifyCloseAfComplete.
// NDIS: NdisClNotifyCloseAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndisclnotifycloseaddressfamilycomplete.
func ClNotifyCloseAddressFamilyComplete(ndisAfHandle Handle, status Status) {
	sim().ClNotifyCloseAddressFamilyComplete(ndisAfHandle, status)
}

// ClOpenAddressFamilyEx opens an address family a call manager advertised,
// for a client; NDIS forwards it to the call manager's ProtocolCmOpenAf.
// NDIS: NdisClOpenAddressFamilyEx. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndisclopenaddressfamilyex.
func ClOpenAddressFamilyEx(ndisBindingHandle Handle, addressFamily *CoAddressFamily, clientAfContext Handle, ndisAfHandle *Handle) Status {
	return sim().ClOpenAddressFamilyEx(ndisBindingHandle, addressFamily, clientAfContext, ndisAfHandle)
}

// ClRegisterSap registers a SAP on which a client accepts incoming calls;
// NDIS forwards it to the call manager's ProtocolCmRegisterSap.
// NDIS: NdisClRegisterSap. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisclregistersap.
func ClRegisterSap(ndisAfHandle Handle, protocolSapContext Handle, sap *CoSap, ndisSapHandle *Handle) Status {
	return sim().ClRegisterSap(ndisAfHandle, protocolSapContext, sap, ndisSapHandle)
}
