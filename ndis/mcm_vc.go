package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// MCmRegisterAddressFamilyEx runs NdisMCmRegisterAddressFamilyEx in the simulated NDIS.
func (w *world) MCmRegisterAddressFamilyEx(miniportAdapterHandle Handle, addressFamily *CoAddressFamily) Status {
	defer kernel.Current().EnterDDI("NdisMCmRegisterAddressFamilyEx", args(miniportAdapterHandle, afArgString(addressFamily)))()
	const ddi = "NdisMCmRegisterAddressFamilyEx"
	a := w.adapterArg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil {
		return StatusFailure
	}
	if a.driver.cm == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered no NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, so it cannot register an address family", ddi, a.driver.driverName())
		return StatusFailure
	}
	return w.registerAf(ddi, cmRef{adapter: a}, a, addressFamily)
}

// MCmCreateVc runs NdisMCmCreateVc in the simulated NDIS.
func (w *world) MCmCreateVc(miniportAdapterHandle Handle, ndisAfHandle Handle, miniportVcContext Handle, ndisVcHandle *Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmCreateVc", args(miniportAdapterHandle, ndisAfHandle, miniportVcContext, "NdisVcHandle"))()
	const ddi = "NdisMCmCreateVc"
	a := w.adapterArg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "NdisVcHandle", ndisVcHandle == nil) {
		return StatusFailure
	}
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return StatusFailure
	}
	af := ah.af
	if af.reg.cm.adapter != a || af.state != afOpen {
		w.report(rules.RuleBadHandle, "%s: %s is not an open AF of adapter %q", ddi, af, a.name)
		return StatusFailure
	}
	v, st := w.createVc(sideCM, af, af.reg.cm, a, miniportVcContext)
	if st == StatusSuccess {
		*ndisVcHandle = v.cmH
	}
	return st
}

// MCmDeleteVc runs NdisMCmDeleteVc in the simulated NDIS.
func (w *world) MCmDeleteVc(ndisVcHandle Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmDeleteVc", args(ndisVcHandle))()
	const ddi = "NdisMCmDeleteVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return StatusFailure
	}
	return w.deleteVc(ddi, vh)
}

// MCmActivateVc runs NdisMCmActivateVc in the simulated NDIS.
func (w *world) MCmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	defer kernel.Current().EnterDDI("NdisMCmActivateVc", args(ndisVcHandle, "CallParameters"))()
	const ddi = "NdisMCmActivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return StatusFailure
	}
	vh.vc.act = actActive
	return StatusSuccess
}

// MCmDeactivateVc runs NdisMCmDeactivateVc in the simulated NDIS.
func (w *world) MCmDeactivateVc(ndisVcHandle Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmDeactivateVc", args(ndisVcHandle))()
	const ddi = "NdisMCmDeactivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return StatusFailure
	}
	if vh.vc.act == actInactive {
		return StatusNotAccepted
	}
	vh.vc.act = actInactive
	return StatusSuccess
}

// MCmNotifyCloseAddressFamily runs NdisMCmNotifyCloseAddressFamily in the simulated NDIS.
func (w *world) MCmNotifyCloseAddressFamily(ah Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmNotifyCloseAddressFamily", args(ah))()
	return w.notifyCloseAf("NdisMCmNotifyCloseAddressFamily", ah)
}

// MCmOidRequest runs NdisMCmOidRequest in the simulated NDIS.
func (w *world) MCmOidRequest(ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, ndisOidRequest *OidRequest) Status {
	defer kernel.Current().EnterDDI("NdisMCmOidRequest", args(ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidArg(ndisOidRequest)))()
	const ddi = "NdisMCmOidRequest"
	if !w.needPtr(ddi, "NdisOidRequest", ndisOidRequest == nil) || !w.oidFree(ddi, ndisOidRequest) {
		return StatusFailure
	}
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return StatusFailure
	}
	rec := &oidRecord{requester: sideCM, drv: ah.af.reg.cm.driver(), af: ah.af, mcm: true}
	if !w.oidObjects(ddi, rec, ndisVcHandle, ndisPartyHandle) {
		return StatusFailure
	}
	return w.oidToPeer(rec, ndisOidRequest)
}

// MCmOidRequestComplete runs NdisMCmOidRequestComplete in the simulated NDIS.
func (w *world) MCmOidRequestComplete(ah Handle, vh Handle, ph Handle, r *OidRequest, s Status) {
	defer kernel.Current().EnterDDI("NdisMCmOidRequestComplete", args(ah, vh, ph, oidArg(r), s))()
	w.oidComplete("NdisMCmOidRequestComplete", ah, r, s)
}
