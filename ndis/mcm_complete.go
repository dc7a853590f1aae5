package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
)

// The NdisMCm*Complete and NdisMCmDispatch* macros: a miniport call manager's
// counterparts of the NdisCm* functions, on the same machinery.

// MCmOpenAddressFamilyComplete completes a client's open of the address family
// for which the MCM's ProtocolCmOpenAf returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmOpenAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmopenaddressfamilycomplete.
func MCmOpenAddressFamilyComplete(s Status, h Handle, c Handle) {
	defer kernel.Current().EnterDDI("NdisMCmOpenAddressFamilyComplete", args(s, h, c))()
	theWorld().openAfComplete("NdisMCmOpenAddressFamilyComplete", s, h, c)
}

// MCmCloseAddressFamilyComplete completes a client's close of the address
// family for which the MCM's ProtocolCmCloseAf returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmCloseAddressFamilyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmcloseaddressfamilycomplete.
func MCmCloseAddressFamilyComplete(s Status, h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmCloseAddressFamilyComplete", args(s, h))()
	theWorld().closeAfComplete("NdisMCmCloseAddressFamilyComplete", s, h)
}

// MCmRegisterSapComplete completes a client's SAP registration for which the
// MCM's ProtocolCmRegisterSap returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmRegisterSapComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmregistersapcomplete.
func MCmRegisterSapComplete(s Status, h Handle, c Handle) {
	defer kernel.Current().EnterDDI("NdisMCmRegisterSapComplete", args(s, h, c))()
	theWorld().registerSapComplete("NdisMCmRegisterSapComplete", s, h, c)
}

// MCmDeregisterSapComplete completes a client's SAP deregistration for which
// the MCM's ProtocolCmDeregisterSap returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmDeregisterSapComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmderegistersapcomplete.
func MCmDeregisterSapComplete(s Status, h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmDeregisterSapComplete", args(s, h))()
	theWorld().deregisterSapComplete("NdisMCmDeregisterSapComplete", s, h)
}

// MCmMakeCallComplete completes a client's outgoing call for which the
// MCM's ProtocolCmMakeCall returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmMakeCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmmakecallcomplete.
func MCmMakeCallComplete(s Status, vh Handle, ph Handle, cc Handle, cp *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmMakeCallComplete", args(s, vh, ph, cc, "CallParameters"))()
	theWorld().makeCallComplete("NdisMCmMakeCallComplete", s, vh, ph, cc, cp)
}

// MCmCloseCallComplete completes a client's close for which the MCM's
// ProtocolCmCloseCall returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmCloseCallComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmclosecallcomplete.
func MCmCloseCallComplete(s Status, vh Handle, ph Handle) {
	defer kernel.Current().EnterDDI("NdisMCmCloseCallComplete", args(s, vh, ph))()
	theWorld().closeCallComplete("NdisMCmCloseCallComplete", s, vh, ph)
}

// MCmModifyCallQoSComplete completes a client's QoS change for which the
// MCM's ProtocolCmModifyCallQoS returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmModifyCallQoSComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmmodifycallqoscomplete.
func MCmModifyCallQoSComplete(s Status, h Handle, p *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmModifyCallQoSComplete", args(s, h, "CallParameters"))()
	theWorld().modifyQoSComplete("NdisMCmModifyCallQoSComplete", s, h, p)
}

// MCmAddPartyComplete completes a client's add-party request for which the
// MCM's ProtocolCmAddParty returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmAddPartyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmaddpartycomplete.
func MCmAddPartyComplete(s Status, h Handle, c Handle, p *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmAddPartyComplete", args(s, h, c, "CallParameters"))()
	theWorld().addPartyComplete("NdisMCmAddPartyComplete", s, h, c, p)
}

// MCmDropPartyComplete completes a client's drop-party request for which the
// MCM's ProtocolCmDropParty returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmDropPartyComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdroppartycomplete.
func MCmDropPartyComplete(s Status, h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmDropPartyComplete", args(s, h))()
	theWorld().dropPartyComplete("NdisMCmDropPartyComplete", s, h)
}

// MCmDispatchIncomingCall offers an incoming call on a VC the MCM created to
// the client that registered the SAP (its ProtocolClIncomingCall).
// NDIS: NdisMCmDispatchIncomingCall. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingcall.
func MCmDispatchIncomingCall(sh Handle, vh Handle, cp *CoCallParameters) Status {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingCall", args(sh, vh, "CallParameters"))()
	return theWorld().dispatchIncomingCall("NdisMCmDispatchIncomingCall", sh, vh, cp)
}

// MCmDispatchCallConnected tells the client an incoming call it accepted is
// connected (its ProtocolClCallConnected).
// NDIS: NdisMCmDispatchCallConnected. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchcallconnected.
func MCmDispatchCallConnected(h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchCallConnected", args(h))()
	theWorld().dispatchCallConnected("NdisMCmDispatchCallConnected", h)
}

// MCmDispatchIncomingCallQoSChange tells the client the remote party changed
// a call's quality of service (its ProtocolClIncomingCallQoSChange).
// NDIS: NdisMCmDispatchIncomingCallQoSChange. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingcallqoschange.
func MCmDispatchIncomingCallQoSChange(h Handle, p *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingCallQoSChange", args(h, "CallParameters"))()
	theWorld().dispatchQoSChange("NdisMCmDispatchIncomingCallQoSChange", h, p)
}

// MCmDispatchIncomingCloseCall tells the client a call was closed from the
// network (its ProtocolClIncomingCloseCall).
// NDIS: NdisMCmDispatchIncomingCloseCall. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingclosecall.
func MCmDispatchIncomingCloseCall(s Status, h Handle, b []byte, z uint32) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingCloseCall", args(s, h, "Buffer", z))()
	theWorld().dispatchIncomingClose("NdisMCmDispatchIncomingCloseCall", s, h, b, z)
}

// MCmDispatchIncomingDropParty tells the client a remote party left a
// multipoint call (its ProtocolClIncomingDropParty).
// NDIS: NdisMCmDispatchIncomingDropParty. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmdispatchincomingdropparty.
func MCmDispatchIncomingDropParty(s Status, h Handle, b []byte, z uint32) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingDropParty", args(s, h, "Buffer", z))()
	theWorld().dispatchIncomingDrop("NdisMCmDispatchIncomingDropParty", s, h, b, z)
}
