package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// MCmRegisterAddressFamilyEx registers the address family a miniport call
// manager supports on its adapter; NDIS advertises it to every client that
// binds to the adapter.
// NDIS: NdisMCmRegisterAddressFamilyEx. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndismcmregisteraddressfamilyex.
func MCmRegisterAddressFamilyEx(miniportAdapterHandle Handle, addressFamily *CoAddressFamily) Status {
	defer kernel.Current().EnterDDI("NdisMCmRegisterAddressFamilyEx", args(miniportAdapterHandle, afArgString(addressFamily)))()
	w := theWorld()
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

// MCmCreateVc creates a VC for an incoming call of a miniport call manager;
// NDIS runs the client's ProtocolCoCreateVc before it returns.
// NDIS: NdisMCmCreateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmcreatevc.
func MCmCreateVc(miniportAdapterHandle Handle, ndisAfHandle Handle, miniportVcContext Handle, ndisVcHandle *Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmCreateVc", args(miniportAdapterHandle, ndisAfHandle, miniportVcContext, "NdisVcHandle"))()
	w := theWorld()
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

// MCmDeleteVc destroys a VC the miniport call manager created; NDIS runs the
// client's ProtocolCoDeleteVc.
// NDIS: NdisMCmDeleteVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmdeletevc.
func MCmDeleteVc(ndisVcHandle Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmDeleteVc", args(ndisVcHandle))()
	w := theWorld()
	const ddi = "NdisMCmDeleteVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return StatusFailure
	}
	return w.deleteVc(ddi, vh)
}

// MCmActivateVc tells NDIS that the miniport call manager set up (or changed)
// the call parameters of a VC; the VC is ready for transfers.
// NDIS: NdisMCmActivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmactivatevc.
func MCmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	defer kernel.Current().EnterDDI("NdisMCmActivateVc", args(ndisVcHandle, "CallParameters"))()
	w := theWorld()
	const ddi = "NdisMCmActivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return StatusFailure
	}
	vh.vc.act = actActive
	return StatusSuccess
}

// MCmDeactivateVc tells NDIS there will be no more transfers on a VC of a
// miniport call manager; the VC handle stays valid.
// NDIS: NdisMCmDeactivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmdeactivatevc.
func MCmDeactivateVc(ndisVcHandle Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmDeactivateVc", args(ndisVcHandle))()
	w := theWorld()
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

// MCmNotifyCloseAddressFamily tells the client of an open address family
// that the miniport call manager is closing it (from MiniportHaltEx); NDIS
// calls the client's ProtocolClNotifyCloseAf.
// NDIS: NdisMCmNotifyCloseAddressFamily. IRQL: PASSIVE_LEVEL.
// Page: nf-ndis-ndismcmnotifycloseaddressfamily.
func MCmNotifyCloseAddressFamily(ah Handle) Status {
	defer kernel.Current().EnterDDI("NdisMCmNotifyCloseAddressFamily", args(ah))()
	return theWorld().notifyCloseAf("NdisMCmNotifyCloseAddressFamily", ah)
}

// MCmOidRequest sends an OID request from a miniport call manager to the
// client of an address family (its ProtocolCoOidRequest).
// NDIS: NdisMCmOidRequest. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcmoidrequest.
func MCmOidRequest(ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, ndisOidRequest *OidRequest) Status {
	defer kernel.Current().EnterDDI("NdisMCmOidRequest", args(ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidArg(ndisOidRequest)))()
	w := theWorld()
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

// MCmOidRequestComplete completes a client's OID request for which the
// miniport call manager's ProtocolCoOidRequest returned NDIS_STATUS_PENDING.
// NDIS: NdisMCmOidRequestComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcmoidrequestcomplete.
func MCmOidRequestComplete(ah Handle, vh Handle, ph Handle, r *OidRequest, s Status) {
	defer kernel.Current().EnterDDI("NdisMCmOidRequestComplete", args(ah, vh, ph, oidArg(r), s))()
	theWorld().oidComplete("NdisMCmOidRequestComplete", ah, r, s)
}
