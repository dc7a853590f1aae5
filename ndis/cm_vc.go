package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// CmActivateVc passes a VC's call parameters to the miniport (its
// MiniportCoActivateVc) to make it ready for transfers, or changes them.
// NDIS: NdisCmActivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscmactivatevc.
func CmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status {
	defer kernel.Current().EnterDDI("NdisCmActivateVc", args(ndisVcHandle, "CallParameters"))()
	w := theWorld()
	const ddi = "NdisCmActivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return StatusFailure
	}
	v := vh.vc
	if v.act == actActivating || v.act == actDeactivating {
		w.report(rules.RuleVcState, "%s: %s is being activated or deactivated; wait for the pending request to complete", ddi, v)
		return StatusNotAccepted
	}
	v.actPrev, v.act = v.act, actActivating
	a := v.adapter
	mco := a.driver.mco
	st := w.forward(reqKey{"activate", v}, ddi+" of "+v.String(), w.completer("MINIPORT_CO_ACTIVATE_VC", false), func() Status {
		return w.callStatus("MINIPORT_CO_ACTIVATE_VC", a.driver, args(v.miniportCtx, "CallParameters"), func() Status {
			if mco.CoActivateVcHandler == nil {
				w.noHandler(a.driver, "MINIPORT_CO_ACTIVATE_VC")
				return StatusSuccess
			}
			return mco.CoActivateVcHandler(v.miniportCtx, callParameters)
		})
	})
	if st != StatusPending {
		activateFinish(v, st)
	}
	return st
}

// activateFinish applies the outcome of an activation: a failed
// reactivation leaves the VC active with its old parameters.
func activateFinish(v *vcBlock, st Status) {
	switch {
	case st == StatusSuccess:
		v.act = actActive
	case v.actPrev == actActive:
		v.act = actActive
	default:
		v.act = actInactive
	}
}

// CmDeactivateVc tells NDIS and the miniport (its MiniportCoDeactivateVc)
// that there will be no more transfers on a VC; the VC handle stays valid.
// NDIS: NdisCmDeactivateVc. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiscmdeactivatevc.
func CmDeactivateVc(ndisVcHandle Handle) Status {
	defer kernel.Current().EnterDDI("NdisCmDeactivateVc", args(ndisVcHandle))()
	w := theWorld()
	const ddi = "NdisCmDeactivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return StatusFailure
	}
	v := vh.vc
	switch v.act {
	case actInactive:
		return StatusNotAccepted
	case actActivating, actDeactivating:
		w.report(rules.RuleVcState, "%s: %s is being activated or deactivated; wait for the pending request to complete", ddi, v)
		return StatusNotAccepted
	}
	v.act = actDeactivating
	a := v.adapter
	mco := a.driver.mco
	st := w.forward(reqKey{"deactivate", v}, ddi+" of "+v.String(), w.completer("MINIPORT_CO_DEACTIVATE_VC", false), func() Status {
		return w.callStatus("MINIPORT_CO_DEACTIVATE_VC", a.driver, args(v.miniportCtx), func() Status {
			if mco.CoDeactivateVcHandler == nil {
				w.noHandler(a.driver, "MINIPORT_CO_DEACTIVATE_VC")
				return StatusSuccess
			}
			return mco.CoDeactivateVcHandler(v.miniportCtx)
		})
	})
	if st != StatusPending {
		deactivateFinish(v, st)
	}
	return st
}

// deactivateFinish applies the outcome of a deactivation.
func deactivateFinish(v *vcBlock, st Status) {
	if st == StatusSuccess {
		v.act = actInactive
	} else {
		v.act = actActive
	}
}

// MCoActivateVcComplete completes an activation for which the miniport's
// MiniportCoActivateVc returned NDIS_STATUS_PENDING; NDIS calls the call
// manager's ProtocolCmActivateVcComplete.
// NDIS: NdisMCoActivateVcComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcoactivatevccomplete.
func MCoActivateVcComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters) {
	defer kernel.Current().EnterDDI("NdisMCoActivateVcComplete", args(status, ndisVcHandle, "CallParameters"))()
	w := theWorld()
	const ddi = "NdisMCoActivateVcComplete"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideMiniport, 0)
	if vh == nil {
		return
	}
	v := vh.vc
	if !w.complete(reqKey{"activate", v}, ddi, "NdisCmActivateVc of "+v.String(), status) {
		return
	}
	activateFinish(v, status)
	drv := v.cm.driver()
	h := v.cm.handlers()
	w.call("PROTOCOL_CM_ACTIVATE_VC_COMPLETE", drv, args(status, v.cmCtx, "CallParameters"), func() {
		if h.CmActivateVcCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CM_ACTIVATE_VC_COMPLETE")
			return
		}
		h.CmActivateVcCompleteHandler(status, v.cmCtx, callParameters)
	})
}

// MCoDeactivateVcComplete completes a deactivation for which the miniport's
// MiniportCoDeactivateVc returned NDIS_STATUS_PENDING; NDIS calls the call
// manager's ProtocolCmDeactivateVcComplete.
// NDIS: NdisMCoDeactivateVcComplete. IRQL: <= DISPATCH_LEVEL.
// Page: nf-ndis-ndismcodeactivatevccomplete.
func MCoDeactivateVcComplete(status Status, ndisVcHandle Handle) {
	defer kernel.Current().EnterDDI("NdisMCoDeactivateVcComplete", args(status, ndisVcHandle))()
	w := theWorld()
	const ddi = "NdisMCoDeactivateVcComplete"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideMiniport, 0)
	if vh == nil {
		return
	}
	v := vh.vc
	if !w.complete(reqKey{"deactivate", v}, ddi, "NdisCmDeactivateVc of "+v.String(), status) {
		return
	}
	deactivateFinish(v, status)
	drv := v.cm.driver()
	h := v.cm.handlers()
	w.call("PROTOCOL_CM_DEACTIVATE_VC_COMPLETE", drv, args(status, v.cmCtx), func() {
		if h.CmDeactivateVcCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CM_DEACTIVATE_VC_COMPLETE")
			return
		}
		h.CmDeactivateVcCompleteHandler(status, v.cmCtx)
	})
}
