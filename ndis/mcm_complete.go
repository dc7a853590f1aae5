package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
)

// The NdisMCm*Complete and NdisMCmDispatch* macros: a miniport call manager's
// counterparts of the NdisCm* functions, on the same machinery.

// MCmOpenAddressFamilyComplete runs NdisMCmOpenAddressFamilyComplete in the simulated NDIS.
func (w *world) MCmOpenAddressFamilyComplete(s Status, h Handle, c Handle) {
	defer kernel.Current().EnterDDI("NdisMCmOpenAddressFamilyComplete", args(s, h, c))()
	w.openAfComplete("NdisMCmOpenAddressFamilyComplete", s, h, c)
}

// MCmCloseAddressFamilyComplete runs NdisMCmCloseAddressFamilyComplete in the simulated NDIS.
func (w *world) MCmCloseAddressFamilyComplete(s Status, h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmCloseAddressFamilyComplete", args(s, h))()
	w.closeAfComplete("NdisMCmCloseAddressFamilyComplete", s, h)
}

// MCmRegisterSapComplete runs NdisMCmRegisterSapComplete in the simulated NDIS.
func (w *world) MCmRegisterSapComplete(s Status, h Handle, c Handle) {
	defer kernel.Current().EnterDDI("NdisMCmRegisterSapComplete", args(s, h, c))()
	w.registerSapComplete("NdisMCmRegisterSapComplete", s, h, c)
}

// MCmDeregisterSapComplete runs NdisMCmDeregisterSapComplete in the simulated NDIS.
func (w *world) MCmDeregisterSapComplete(s Status, h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmDeregisterSapComplete", args(s, h))()
	w.deregisterSapComplete("NdisMCmDeregisterSapComplete", s, h)
}

// MCmMakeCallComplete runs NdisMCmMakeCallComplete in the simulated NDIS.
func (w *world) MCmMakeCallComplete(s Status, vh Handle, ph Handle, cc Handle, cp *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmMakeCallComplete", args(s, vh, ph, cc, "CallParameters"))()
	w.makeCallComplete("NdisMCmMakeCallComplete", s, vh, ph, cc, cp)
}

// MCmCloseCallComplete runs NdisMCmCloseCallComplete in the simulated NDIS.
func (w *world) MCmCloseCallComplete(s Status, vh Handle, ph Handle) {
	defer kernel.Current().EnterDDI("NdisMCmCloseCallComplete", args(s, vh, ph))()
	w.closeCallComplete("NdisMCmCloseCallComplete", s, vh, ph)
}

// MCmModifyCallQoSComplete runs NdisMCmModifyCallQoSComplete in the simulated NDIS.
func (w *world) MCmModifyCallQoSComplete(s Status, h Handle, p *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmModifyCallQoSComplete", args(s, h, "CallParameters"))()
	w.modifyQoSComplete("NdisMCmModifyCallQoSComplete", s, h, p)
}

// MCmAddPartyComplete runs NdisMCmAddPartyComplete in the simulated NDIS.
func (w *world) MCmAddPartyComplete(s Status, h Handle, c Handle, p *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmAddPartyComplete", args(s, h, c, "CallParameters"))()
	w.addPartyComplete("NdisMCmAddPartyComplete", s, h, c, p)
}

// MCmDropPartyComplete runs NdisMCmDropPartyComplete in the simulated NDIS.
func (w *world) MCmDropPartyComplete(s Status, h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmDropPartyComplete", args(s, h))()
	w.dropPartyComplete("NdisMCmDropPartyComplete", s, h)
}

// MCmDispatchIncomingCall runs NdisMCmDispatchIncomingCall in the simulated NDIS.
func (w *world) MCmDispatchIncomingCall(sh Handle, vh Handle, cp *CoCallParameters) Status {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingCall", args(sh, vh, "CallParameters"))()
	return w.dispatchIncomingCall("NdisMCmDispatchIncomingCall", sh, vh, cp)
}

// MCmDispatchCallConnected runs NdisMCmDispatchCallConnected in the simulated NDIS.
func (w *world) MCmDispatchCallConnected(h Handle) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchCallConnected", args(h))()
	w.dispatchCallConnected("NdisMCmDispatchCallConnected", h)
}

// MCmDispatchIncomingCallQoSChange runs NdisMCmDispatchIncomingCallQoSChange in the simulated NDIS.
func (w *world) MCmDispatchIncomingCallQoSChange(h Handle, p *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingCallQoSChange", args(h, "CallParameters"))()
	w.dispatchQoSChange("NdisMCmDispatchIncomingCallQoSChange", h, p)
}

// MCmDispatchIncomingCloseCall runs NdisMCmDispatchIncomingCloseCall in the simulated NDIS.
func (w *world) MCmDispatchIncomingCloseCall(s Status, h Handle, b []byte, z uint32) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingCloseCall", args(s, h, "Buffer", z))()
	w.dispatchIncomingClose("NdisMCmDispatchIncomingCloseCall", s, h, b, z)
}

// MCmDispatchIncomingDropParty runs NdisMCmDispatchIncomingDropParty in the simulated NDIS.
func (w *world) MCmDispatchIncomingDropParty(s Status, h Handle, b []byte, z uint32) {
	defer kernel.Current().EnterDDI("NdisMCmDispatchIncomingDropParty", args(s, h, "Buffer", z))()
	w.dispatchIncomingDrop("NdisMCmDispatchIncomingDropParty", s, h, b, z)
}
