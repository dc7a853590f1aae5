package ndis

// The DDIs CoNDIS clients and call managers share (NdisCo*).

// VarString models VAR_STRING (tapi.h), the variable-size string
// NdisCoGetTapiCallId fills. The C fields keep their names (capitalized to be
// exported); Buffer stands for the bytes that follow the structure in C.
type VarString struct {
	UlTotalSize    uint32
	UlNeededSize   uint32
	UlUsedSize     uint32
	UlStringFormat uint32
	UlStringSize   uint32
	UlStringOffset uint32
	Buffer         []byte
}

// The STRINGFORMAT_XXX values of VAR_STRING.
const (
	StringFormatAscii   uint32 = 0x00000001
	StringFormatDbcs    uint32 = 0x00000002
	StringFormatUnicode uint32 = 0x00000003
	StringFormatBinary  uint32 = 0x00000004
)

// CoAssignInstanceName gives a VC a WMI instance name built from a base
// name, so WMI clients can query OIDs on it.
// NDIS: NdisCoAssignInstanceName. IRQL: DISPATCH_LEVEL.
// Page: nf-ndis-ndiscoassigninstancename.
func CoAssignInstanceName(ndisVcHandle Handle, baseInstanceName *String, vcInstanceName *String) Status {
	return sim().CoAssignInstanceName(ndisVcHandle, baseInstanceName, vcInstanceName)
}

// CoCreateVc creates a VC: a client's for an outgoing call, a call manager's
// for an incoming call (with the AF handle) or for itself (NULL AF). NDIS
// runs the miniport's MiniportCoCreateVc and the other protocol's
// ProtocolCoCreateVc before it returns.
// NDIS: NdisCoCreateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscocreatevc.
func CoCreateVc(ndisBindingHandle Handle, ndisAfHandle Handle, protocolVcContext Handle, ndisVcHandle *Handle) Status {
	return sim().CoCreateVc(ndisBindingHandle, ndisAfHandle, protocolVcContext, ndisVcHandle)
}

// CoDeleteVc destroys a VC its caller created; NDIS runs the other
// protocol's ProtocolCoDeleteVc and the miniport's MiniportCoDeleteVc. The
// VC must have no call and be deactivated.
// NDIS: NdisCoDeleteVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscodeletevc.
func CoDeleteVc(ndisVcHandle Handle) Status {
	return sim().CoDeleteVc(ndisVcHandle)
}

// CoGetTapiCallId returns a string TAPI applications can use to identify a
// VC.
// NDIS: NdisCoGetTapiCallId. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndiscogettapicallid.
func CoGetTapiCallId(ndisVcHandle Handle, tapiCallId *VarString) Status {
	return sim().CoGetTapiCallId(ndisVcHandle, tapiCallId)
}

// CoOidRequest sends an OID request: with an AF handle to the other
// protocol of the AF (its ProtocolCoOidRequest), with a NULL AF handle to the
// miniport (its MiniportCoOidRequest).
// NDIS: NdisCoOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscooidrequest.
func CoOidRequest(ndisBindingHandle Handle, ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, oidRequest *OidRequest) Status {
	return sim().CoOidRequest(ndisBindingHandle, ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidRequest)
}

// CoOidRequestComplete completes an OID request for which the protocol's
// ProtocolCoOidRequest returned NDIS_STATUS_PENDING; NDIS calls the
// requester's ProtocolCoOidRequestComplete.
// NDIS: NdisCoOidRequestComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscooidrequestcomplete.
func CoOidRequestComplete(ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, oidRequest *OidRequest, status Status) {
	sim().CoOidRequestComplete(ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidRequest, status)
}

// CoSendNetBufferLists sends data on a VC; NDIS passes the lists to the
// miniport's MiniportCoSendNetBufferLists and always returns them later
// through the sender's ProtocolCoSendNetBufferListsComplete.
// NDIS: NdisCoSendNetBufferLists. IRQL: <=DISPATCH_LEVEL.
// Page: nf-ndis-ndiscosendnetbufferlists.
func CoSendNetBufferLists(ndisVcHandle Handle, netBufferLists *NetBufferList, sendFlags uint32) {
	sim().CoSendNetBufferLists(ndisVcHandle, netBufferLists, sendFlags)
}
