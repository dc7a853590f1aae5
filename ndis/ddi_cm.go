package ndis

// The CoNDIS call-manager DDIs (NdisCm*).

// CmActivateVc passes a VC's call parameters to the miniport (its
// MiniportCoActivateVc) to make it ready for transfers, or changes them.
// NDIS: NdisCmActivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscmactivatevc.
func CmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	return sim().CmActivateVc(ndisVcHandle, callParameters)
}

// CmAddPartyComplete completes a client's add-party request for which
// ProtocolCmAddParty returned NDIS_STATUS_PENDING; NDIS calls the client's
// ProtocolClAddPartyComplete.
// NDIS: NdisCmAddPartyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmaddpartycomplete.
func CmAddPartyComplete(status Status, ndisPartyHandle Handle, callMgrPartyContext Handle, callParameters *CoCallParameters) {
	sim().CmAddPartyComplete(status, ndisPartyHandle, callMgrPartyContext, callParameters)
}

// CmCloseAddressFamilyComplete completes a client's close of an address
// family for which ProtocolCmCloseAf returned NDIS_STATUS_PENDING; the AF
// handle is invalid for the call manager after it.
// NDIS: NdisCmCloseAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmcloseaddressfamilycomplete.
func CmCloseAddressFamilyComplete(status Status, ndisAfHandle Handle) {
	sim().CmCloseAddressFamilyComplete(status, ndisAfHandle)
}

// CmCloseCallComplete completes a client's close for which
// ProtocolCmCloseCall returned NDIS_STATUS_PENDING; NDIS calls the client's
// ProtocolClCloseCallComplete.
// NDIS: NdisCmCloseCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmclosecallcomplete.
func CmCloseCallComplete(status Status, ndisVcHandle Handle, ndisPartyHandle Handle) {
	sim().CmCloseCallComplete(status, ndisVcHandle, ndisPartyHandle)
}

// CmDeactivateVc tells NDIS and the miniport (its MiniportCoDeactivateVc)
// that there will be no more transfers on a VC; the VC handle stays valid.
// NDIS: NdisCmDeactivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscmdeactivatevc.
func CmDeactivateVc(ndisVcHandle Handle) Status {
	return sim().CmDeactivateVc(ndisVcHandle)
}

// CmDeregisterSapComplete completes a client's SAP deregistration for which
// ProtocolCmDeregisterSap returned NDIS_STATUS_PENDING.
// NDIS: NdisCmDeregisterSapComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmderegistersapcomplete.
func CmDeregisterSapComplete(status Status, ndisSapHandle Handle) {
	sim().CmDeregisterSapComplete(status, ndisSapHandle)
}

// CmDispatchCallConnected tells the client that an incoming call it accepted
// is connected; NDIS calls the client's ProtocolClCallConnected.
// NDIS: NdisCmDispatchCallConnected. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmdispatchcallconnected.
func CmDispatchCallConnected(ndisVcHandle Handle) {
	sim().CmDispatchCallConnected(ndisVcHandle)
}

// CmDispatchIncomingCall offers an incoming call on a VC the call manager
// created to the client that registered the SAP; NDIS calls the client's
// ProtocolClIncomingCall. A VC whose earlier call closed is offered again
// this way, which makes the client's handle valid again.
// NDIS: NdisCmDispatchIncomingCall. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmdispatchincomingcall.
func CmDispatchIncomingCall(ndisSapHandle Handle, ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	return sim().CmDispatchIncomingCall(ndisSapHandle, ndisVcHandle, callParameters)
}

// CmDispatchIncomingCallQoSChange tells the client the remote party changed
// the quality of service of a call; NDIS calls the client's
// ProtocolClIncomingCallQoSChange.
// NDIS: NdisCmDispatchIncomingCallQoSChange. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmdispatchincomingcallqoschange.
func CmDispatchIncomingCallQoSChange(ndisVcHandle Handle, callParameters *CoCallParameters) {
	sim().CmDispatchIncomingCallQoSChange(ndisVcHandle, callParameters)
}

// CmDispatchIncomingCloseCall tells the client that the remote party (or the
// call manager) closed a call; NDIS calls the client's
// ProtocolClIncomingCloseCall, and the client answers with NdisClCloseCall.
// NDIS: NdisCmDispatchIncomingCloseCall. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmdispatchincomingclosecall.
func CmDispatchIncomingCloseCall(closeStatus Status, ndisVcHandle Handle, buffer []byte, size uint32) {
	sim().CmDispatchIncomingCloseCall(closeStatus, ndisVcHandle, buffer, size)
}

// CmDispatchIncomingDropParty tells the client a remote party left a
// multipoint call; NDIS calls the client's ProtocolClIncomingDropParty, or,
// for the last party, ProtocolClIncomingCloseCall.
// NDIS: NdisCmDispatchIncomingDropParty. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmdispatchincomingdropparty.
func CmDispatchIncomingDropParty(dropStatus Status, ndisPartyHandle Handle, buffer []byte, size uint32) {
	sim().CmDispatchIncomingDropParty(dropStatus, ndisPartyHandle, buffer, size)
}

// CmDropPartyComplete completes a client's drop-party request for which
// ProtocolCmDropParty returned NDIS_STATUS_PENDING; NDIS calls the client's
// ProtocolClDropPartyComplete.
// NDIS: NdisCmDropPartyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmdroppartycomplete.
func CmDropPartyComplete(status Status, ndisPartyHandle Handle) {
	sim().CmDropPartyComplete(status, ndisPartyHandle)
}

// CmMakeCallComplete completes a client's outgoing call for which
// ProtocolCmMakeCall returned NDIS_STATUS_PENDING; NDIS calls the client's
// ProtocolClMakeCallComplete.
// NDIS: NdisCmMakeCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmmakecallcomplete.
func CmMakeCallComplete(status Status, ndisVcHandle Handle, ndisPartyHandle Handle, callMgrPartyContext Handle, callParameters *CoCallParameters) {
	sim().CmMakeCallComplete(status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters)
}

// CmModifyCallQoSComplete completes a client's QoS change for which
// ProtocolCmModifyCallQoS returned NDIS_STATUS_PENDING; NDIS calls the
// client's ProtocolClModifyCallQoSComplete.
// NDIS: NdisCmModifyCallQoSComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmmodifycallqoscomplete.
func CmModifyCallQoSComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters) {
	sim().CmModifyCallQoSComplete(status, ndisVcHandle, callParameters)
}

// CmNotifyCloseAddressFamily tells the client of an open address family that
// the call manager is closing it; NDIS calls the client's
// ProtocolClNotifyCloseAf.
// NDIS: NdisCmNotifyCloseAddressFamily. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndiscmnotifycloseaddressfamily.
func CmNotifyCloseAddressFamily(ndisAfHandle Handle) Status {
	return sim().CmNotifyCloseAddressFamily(ndisAfHandle)
}

// CmOpenAddressFamilyComplete completes a client's open of an address family
// for which the call manager's ProtocolCmOpenAf returned NDIS_STATUS_PENDING.
// NDIS: NdisCmOpenAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmopenaddressfamilycomplete.
func CmOpenAddressFamilyComplete(status Status, ndisAfHandle Handle, callMgrAfContext Handle) {
	sim().CmOpenAddressFamilyComplete(status, ndisAfHandle, callMgrAfContext)
}

// CmRegisterAddressFamilyEx registers an address family a stand-alone call
// manager supports on a binding; NDIS advertises it to every client bound to
// the same adapter through ProtocolCoAfRegisterNotify.
// NDIS: NdisCmRegisterAddressFamilyEx. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndiscmregisteraddressfamilyex.
func CmRegisterAddressFamilyEx(ndisBindingHandle Handle, addressFamily *CoAddressFamily) Status {
	return sim().CmRegisterAddressFamilyEx(ndisBindingHandle, addressFamily)
}

// CmRegisterSapComplete completes a client's SAP registration for which
// ProtocolCmRegisterSap returned NDIS_STATUS_PENDING.
// NDIS: NdisCmRegisterSapComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndiscmregistersapcomplete.
func CmRegisterSapComplete(status Status, ndisSapHandle Handle, callMgrSapContext Handle) {
	sim().CmRegisterSapComplete(status, ndisSapHandle, callMgrSapContext)
}
