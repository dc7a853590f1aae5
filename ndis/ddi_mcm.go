package ndis

// The miniport call-manager DDIs (NdisMCm*).

// MCmActivateVc tells NDIS that the miniport call manager set up (or changed)
// the call parameters of a VC; the VC is ready for transfers.
// NDIS: NdisMCmActivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmactivatevc.
func MCmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	return sim().MCmActivateVc(ndisVcHandle, callParameters)
}

// MCmAddPartyComplete completes a client's add-party request for which the
// MCM's ProtocolCmAddParty returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmAddPartyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmaddpartycomplete.
func MCmAddPartyComplete(s Status, h Handle, c Handle, p *CoCallParameters) {
	sim().MCmAddPartyComplete(s, h, c, p)
}

// MCmCloseAddressFamilyComplete completes a client's close of the address
// family for which the MCM's ProtocolCmCloseAf returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmCloseAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmcloseaddressfamilycomplete.
func MCmCloseAddressFamilyComplete(s Status, h Handle) {
	sim().MCmCloseAddressFamilyComplete(s, h)
}

// MCmCloseCallComplete completes a client's close for which the MCM's
// ProtocolCmCloseCall returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmCloseCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmclosecallcomplete.
func MCmCloseCallComplete(s Status, vh Handle, ph Handle) {
	sim().MCmCloseCallComplete(s, vh, ph)
}

// MCmCreateVc creates a VC for an incoming call of a miniport call manager;
// NDIS runs the client's ProtocolCoCreateVc before it returns.
// NDIS: NdisMCmCreateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmcreatevc.
func MCmCreateVc(miniportAdapterHandle Handle, ndisAfHandle Handle, miniportVcContext Handle, ndisVcHandle *Handle) Status {
	return sim().MCmCreateVc(miniportAdapterHandle, ndisAfHandle, miniportVcContext, ndisVcHandle)
}

// MCmDeactivateVc tells NDIS there will be no more transfers on a VC of a
// miniport call manager; the VC handle stays valid.
// NDIS: NdisMCmDeactivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmdeactivatevc.
func MCmDeactivateVc(ndisVcHandle Handle) Status {
	return sim().MCmDeactivateVc(ndisVcHandle)
}

// MCmDeleteVc destroys a VC the miniport call manager created; NDIS runs the
// client's ProtocolCoDeleteVc.
// NDIS: NdisMCmDeleteVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmdeletevc.
func MCmDeleteVc(ndisVcHandle Handle) Status {
	return sim().MCmDeleteVc(ndisVcHandle)
}

// MCmDeregisterSapComplete completes a client's SAP deregistration for which
// the MCM's ProtocolCmDeregisterSap returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmDeregisterSapComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmderegistersapcomplete.
func MCmDeregisterSapComplete(s Status, h Handle) {
	sim().MCmDeregisterSapComplete(s, h)
}

// MCmDispatchCallConnected tells the client an incoming call it accepted is
// connected (its ProtocolClCallConnected).
// NDIS: NdisMCmDispatchCallConnected. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchcallconnected.
func MCmDispatchCallConnected(h Handle) {
	sim().MCmDispatchCallConnected(h)
}

// MCmDispatchIncomingCall offers an incoming call on a VC the MCM created to
// the client that registered the SAP (its ProtocolClIncomingCall).
// NDIS: NdisMCmDispatchIncomingCall. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingcall.
func MCmDispatchIncomingCall(sh Handle, vh Handle, cp *CoCallParameters) Status {
	return sim().MCmDispatchIncomingCall(sh, vh, cp)
}

// MCmDispatchIncomingCallQoSChange tells the client the remote party changed
// a call's quality of service (its ProtocolClIncomingCallQoSChange).
// NDIS: NdisMCmDispatchIncomingCallQoSChange. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingcallqoschange.
func MCmDispatchIncomingCallQoSChange(h Handle, p *CoCallParameters) {
	sim().MCmDispatchIncomingCallQoSChange(h, p)
}

// MCmDispatchIncomingCloseCall tells the client a call was closed from the
// network (its ProtocolClIncomingCloseCall).
// NDIS: NdisMCmDispatchIncomingCloseCall. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingclosecall.
func MCmDispatchIncomingCloseCall(s Status, h Handle, b []byte, z uint32) {
	sim().MCmDispatchIncomingCloseCall(s, h, b, z)
}

// MCmDispatchIncomingDropParty tells the client a remote party left a
// multipoint call (its ProtocolClIncomingDropParty).
// NDIS: NdisMCmDispatchIncomingDropParty. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingdropparty.
func MCmDispatchIncomingDropParty(s Status, h Handle, b []byte, z uint32) {
	sim().MCmDispatchIncomingDropParty(s, h, b, z)
}

// MCmDropPartyComplete completes a client's drop-party request for which the
// MCM's ProtocolCmDropParty returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmDropPartyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdroppartycomplete.
func MCmDropPartyComplete(s Status, h Handle) {
	sim().MCmDropPartyComplete(s, h)
}

// MCmMakeCallComplete completes a client's outgoing call for which the
// MCM's ProtocolCmMakeCall returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmMakeCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmmakecallcomplete.
func MCmMakeCallComplete(s Status, vh Handle, ph Handle, cc Handle, cp *CoCallParameters) {
	sim().MCmMakeCallComplete(s, vh, ph, cc, cp)
}

// MCmModifyCallQoSComplete completes a client's QoS change for which the
// MCM's ProtocolCmModifyCallQoS returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmModifyCallQoSComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmmodifycallqoscomplete.
func MCmModifyCallQoSComplete(s Status, h Handle, p *CoCallParameters) {
	sim().MCmModifyCallQoSComplete(s, h, p)
}

// MCmNotifyCloseAddressFamily tells the client of an open address family
// that the miniport call manager is closing it (from MiniportHaltEx); NDIS
// calls the client's ProtocolClNotifyCloseAf.
// NDIS: NdisMCmNotifyCloseAddressFamily. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndismcmnotifycloseaddressfamily.
func MCmNotifyCloseAddressFamily(ah Handle) Status {
	return sim().MCmNotifyCloseAddressFamily(ah)
}

// MCmOidRequest sends an OID request from a miniport call manager to the
// client of an address family (its ProtocolCoOidRequest).
// NDIS: NdisMCmOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmoidrequest.
func MCmOidRequest(ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, ndisOidRequest *OidRequest) Status {
	return sim().MCmOidRequest(ndisAfHandle, ndisVcHandle, ndisPartyHandle, ndisOidRequest)
}

// MCmOidRequestComplete completes a client's OID request for which the
// miniport call manager's ProtocolCoOidRequest returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmOidRequestComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmoidrequestcomplete.
func MCmOidRequestComplete(ah Handle, vh Handle, ph Handle, r *OidRequest, s Status) {
	sim().MCmOidRequestComplete(ah, vh, ph, r, s)
}

// MCmOpenAddressFamilyComplete completes a client's open of the address family
// for which the MCM's ProtocolCmOpenAf returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmOpenAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmopenaddressfamilycomplete.
func MCmOpenAddressFamilyComplete(s Status, h Handle, c Handle) {
	sim().MCmOpenAddressFamilyComplete(s, h, c)
}

// MCmRegisterAddressFamilyEx registers the address family a miniport call
// manager supports on its adapter; NDIS advertises it to every client that
// binds to the adapter.
// NDIS: NdisMCmRegisterAddressFamilyEx. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndismcmregisteraddressfamilyex.
func MCmRegisterAddressFamilyEx(miniportAdapterHandle Handle, addressFamily *CoAddressFamily) Status {
	return sim().MCmRegisterAddressFamilyEx(miniportAdapterHandle, addressFamily)
}

// MCmRegisterSapComplete completes a client's SAP registration for which the
// MCM's ProtocolCmRegisterSap returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmRegisterSapComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmregistersapcomplete.
func MCmRegisterSapComplete(s Status, h Handle, c Handle) {
	sim().MCmRegisterSapComplete(s, h, c)
}
