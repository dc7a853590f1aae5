package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
)

// The NdisMCm*Complete and NdisMCmDispatch* macros: a miniport call manager's
// counterparts of the NdisCm* functions, on the same machinery.

// MCmOpenAddressFamilyComplete runs NdisMCmOpenAddressFamilyComplete in the simulated NDIS.
func (w *world) MCmOpenAddressFamilyComplete(s ndis.Status, h ndis.Handle, c ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmOpenAddressFamilyComplete", args(s, h, c))()
	w.openAfComplete("NdisMCmOpenAddressFamilyComplete", s, h, c)
}

// MCmCloseAddressFamilyComplete runs NdisMCmCloseAddressFamilyComplete in the simulated NDIS.
func (w *world) MCmCloseAddressFamilyComplete(s ndis.Status, h ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmCloseAddressFamilyComplete", args(s, h))()
	w.closeAfComplete("NdisMCmCloseAddressFamilyComplete", s, h)
}

// MCmRegisterSapComplete runs NdisMCmRegisterSapComplete in the simulated NDIS.
func (w *world) MCmRegisterSapComplete(s ndis.Status, h ndis.Handle, c ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmRegisterSapComplete", args(s, h, c))()
	w.registerSapComplete("NdisMCmRegisterSapComplete", s, h, c)
}

// MCmDeregisterSapComplete runs NdisMCmDeregisterSapComplete in the simulated NDIS.
func (w *world) MCmDeregisterSapComplete(s ndis.Status, h ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmDeregisterSapComplete", args(s, h))()
	w.deregisterSapComplete("NdisMCmDeregisterSapComplete", s, h)
}

// MCmMakeCallComplete runs NdisMCmMakeCallComplete in the simulated NDIS.
func (w *world) MCmMakeCallComplete(s ndis.Status, vh ndis.Handle, ph ndis.Handle, cc ndis.Handle, cp *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisMCmMakeCallComplete", args(s, vh, ph, cc, "CallParameters"))()
	w.makeCallComplete("NdisMCmMakeCallComplete", s, vh, ph, cc, cp)
}

// MCmCloseCallComplete runs NdisMCmCloseCallComplete in the simulated NDIS.
func (w *world) MCmCloseCallComplete(s ndis.Status, vh ndis.Handle, ph ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmCloseCallComplete", args(s, vh, ph))()
	w.closeCallComplete("NdisMCmCloseCallComplete", s, vh, ph)
}

// MCmModifyCallQoSComplete runs NdisMCmModifyCallQoSComplete in the simulated NDIS.
func (w *world) MCmModifyCallQoSComplete(s ndis.Status, h ndis.Handle, p *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisMCmModifyCallQoSComplete", args(s, h, "CallParameters"))()
	w.modifyQoSComplete("NdisMCmModifyCallQoSComplete", s, h, p)
}

// MCmAddPartyComplete runs NdisMCmAddPartyComplete in the simulated NDIS.
func (w *world) MCmAddPartyComplete(s ndis.Status, h ndis.Handle, c ndis.Handle, p *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisMCmAddPartyComplete", args(s, h, c, "CallParameters"))()
	w.addPartyComplete("NdisMCmAddPartyComplete", s, h, c, p)
}

// MCmDropPartyComplete runs NdisMCmDropPartyComplete in the simulated NDIS.
func (w *world) MCmDropPartyComplete(s ndis.Status, h ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmDropPartyComplete", args(s, h))()
	w.dropPartyComplete("NdisMCmDropPartyComplete", s, h)
}

// MCmDispatchIncomingCall runs NdisMCmDispatchIncomingCall in the simulated NDIS.
func (w *world) MCmDispatchIncomingCall(sh ndis.Handle, vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status {
	defer w.st.EnterDDI("NdisMCmDispatchIncomingCall", args(sh, vh, "CallParameters"))()
	return w.dispatchIncomingCall("NdisMCmDispatchIncomingCall", sh, vh, cp)
}

// MCmDispatchCallConnected runs NdisMCmDispatchCallConnected in the simulated NDIS.
func (w *world) MCmDispatchCallConnected(h ndis.Handle) {
	defer w.st.EnterDDI("NdisMCmDispatchCallConnected", args(h))()
	w.dispatchCallConnected("NdisMCmDispatchCallConnected", h)
}

// MCmDispatchIncomingCallQoSChange runs NdisMCmDispatchIncomingCallQoSChange in the simulated NDIS.
func (w *world) MCmDispatchIncomingCallQoSChange(h ndis.Handle, p *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisMCmDispatchIncomingCallQoSChange", args(h, "CallParameters"))()
	w.dispatchQoSChange("NdisMCmDispatchIncomingCallQoSChange", h, p)
}

// MCmDispatchIncomingCloseCall runs NdisMCmDispatchIncomingCloseCall in the simulated NDIS.
func (w *world) MCmDispatchIncomingCloseCall(s ndis.Status, h ndis.Handle, b []byte, z uint32) {
	defer w.st.EnterDDI("NdisMCmDispatchIncomingCloseCall", args(s, h, "Buffer", z))()
	w.dispatchIncomingClose("NdisMCmDispatchIncomingCloseCall", s, h, b, z)
}

// MCmDispatchIncomingDropParty runs NdisMCmDispatchIncomingDropParty in the simulated NDIS.
func (w *world) MCmDispatchIncomingDropParty(s ndis.Status, h ndis.Handle, b []byte, z uint32) {
	defer w.st.EnterDDI("NdisMCmDispatchIncomingDropParty", args(s, h, "Buffer", z))()
	w.dispatchIncomingDrop("NdisMCmDispatchIncomingDropParty", s, h, b, z)
}
