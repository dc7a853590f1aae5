package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// MCmRegisterAddressFamilyEx runs NdisMCmRegisterAddressFamilyEx in the simulated NDIS.
func (w *world) MCmRegisterAddressFamilyEx(miniportAdapterHandle ndis.Handle, addressFamily *ndis.CoAddressFamily) ndis.Status {
	defer w.st.EnterDDI("NdisMCmRegisterAddressFamilyEx", args(miniportAdapterHandle, afArgString(addressFamily)))()
	const ddi = "NdisMCmRegisterAddressFamilyEx"
	a := w.adapterArg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil {
		return ndis.StatusFailure
	}
	if a.driver.cm == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered no NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, so it cannot register an address family", ddi, a.driver.driverName())
		return ndis.StatusFailure
	}
	return w.registerAf(ddi, cmRef{adapter: a}, a, addressFamily)
}

// MCmCreateVc runs NdisMCmCreateVc in the simulated NDIS.
func (w *world) MCmCreateVc(miniportAdapterHandle ndis.Handle, ndisAfHandle ndis.Handle, miniportVcContext ndis.Handle, ndisVcHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisMCmCreateVc", args(miniportAdapterHandle, ndisAfHandle, miniportVcContext, "NdisVcHandle"))()
	const ddi = "NdisMCmCreateVc"
	a := w.adapterArg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "NdisVcHandle", ndisVcHandle == nil) {
		return ndis.StatusFailure
	}
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return ndis.StatusFailure
	}
	af := ah.af
	if af.reg.cm.adapter != a || af.state != afOpen {
		w.report(rules.RuleBadHandle, "%s: %s is not an open AF of adapter %q", ddi, af, a.name)
		return ndis.StatusFailure
	}
	v, st := w.createVc(ddi, sideCM, af, af.reg.cm, a, miniportVcContext)
	if st == ndis.StatusSuccess {
		*ndisVcHandle = v.cmH
	}
	return st
}

// MCmDeleteVc runs NdisMCmDeleteVc in the simulated NDIS.
func (w *world) MCmDeleteVc(ndisVcHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisMCmDeleteVc", args(ndisVcHandle))()
	const ddi = "NdisMCmDeleteVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return ndis.StatusFailure
	}
	return w.deleteVc(ddi, vh)
}

// MCmActivateVc runs NdisMCmActivateVc in the simulated NDIS.
func (w *world) MCmActivateVc(ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	defer w.st.EnterDDI("NdisMCmActivateVc", args(ndisVcHandle, "CallParameters"))()
	const ddi = "NdisMCmActivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return ndis.StatusFailure
	}
	v := vh.vc
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") {
		return ndis.StatusNotAccepted
	}
	w.begin(v.callLife, on(ddi)).end(ndis.StatusSuccess)
	v.act = actActive
	return ndis.StatusSuccess
}

// MCmDeactivateVc runs NdisMCmDeactivateVc in the simulated NDIS.
func (w *world) MCmDeactivateVc(ndisVcHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisMCmDeactivateVc", args(ndisVcHandle))()
	const ddi = "NdisMCmDeactivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return ndis.StatusFailure
	}
	v := vh.vc
	if v.act == actInactive {
		// Nothing to deactivate: the call, if its state allows a
		// deactivation, counts as deactivated.
		if w.allows(v.callLife, on(ddi)) {
			w.begin(v.callLife, on(ddi)).end(ndis.StatusNotAccepted)
		}
		return ndis.StatusNotAccepted
	}
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") {
		return ndis.StatusNotAccepted
	}
	w.begin(v.callLife, on(ddi)).end(ndis.StatusSuccess)
	v.act = actInactive
	return ndis.StatusSuccess
}

// MCmNotifyCloseAddressFamily runs NdisMCmNotifyCloseAddressFamily in the simulated NDIS.
func (w *world) MCmNotifyCloseAddressFamily(ah ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisMCmNotifyCloseAddressFamily", args(ah))()
	return w.notifyCloseAf("NdisMCmNotifyCloseAddressFamily", ah)
}

// MCmOidRequest runs NdisMCmOidRequest in the simulated NDIS.
func (w *world) MCmOidRequest(ndisAfHandle ndis.Handle, ndisVcHandle ndis.Handle, ndisPartyHandle ndis.Handle, ndisOidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisMCmOidRequest", args(ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidArg(ndisOidRequest)))()
	const ddi = "NdisMCmOidRequest"
	if !w.needPtr(ddi, "NdisOidRequest", ndisOidRequest == nil) || !w.oidFree(ddi, ndisOidRequest) {
		return ndis.StatusFailure
	}
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return ndis.StatusFailure
	}
	rec := &oidRecord{requester: sideCM, drv: ah.af.reg.cm.driver(), af: ah.af, mcm: true}
	if !w.oidObjects(ddi, rec, ndisVcHandle, ndisPartyHandle) {
		return ndis.StatusFailure
	}
	return w.oidToPeer(rec, ndisOidRequest)
}

// MCmOidRequestComplete runs NdisMCmOidRequestComplete in the simulated NDIS.
func (w *world) MCmOidRequestComplete(ah ndis.Handle, vh ndis.Handle, ph ndis.Handle, r *ndis.OidRequest, s ndis.Status) {
	defer w.st.EnterDDI("NdisMCmOidRequestComplete", args(ah, vh, ph, oidArg(r), s))()
	w.oidComplete("NdisMCmOidRequestComplete", ah, r, s)
}
