package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CmActivateVc runs NdisCmActivateVc in the simulated NDIS.
func (w *world) CmActivateVc(ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	defer w.st.EnterDDI("NdisCmActivateVc", args(ndisVcHandle, "CallParameters"))()
	const ddi = "NdisCmActivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) || !w.needPtr(ddi, "CallParameters", callParameters == nil) {
		return ndis.StatusFailure
	}
	v := vh.vc
	if v.act == actActivating || v.act == actDeactivating {
		w.report(rules.RuleVcState, "%s: %s is being activated or deactivated; wait for the pending request to complete", ddi, v)
		return ndis.StatusNotAccepted
	}
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") {
		return ndis.StatusNotAccepted
	}
	v.actPrev, v.act = v.act, actActivating
	a := v.adapter
	mco := a.driver.mco
	t := w.begin(v.callLife, on(ddi))
	st := w.forward(reqKey{"activate", v}, ddi+" of "+v.String(), w.completer("MINIPORT_CO_ACTIVATE_VC", false), func() ndis.Status {
		return w.callStatus("MINIPORT_CO_ACTIVATE_VC", a.driver, args(v.miniportCtx, "CallParameters"), func() ndis.Status {
			if mco.CoActivateVcHandler == nil {
				w.noHandler(a.driver, "MINIPORT_CO_ACTIVATE_VC")
				return ndis.StatusSuccess
			}
			return mco.CoActivateVcHandler(v.miniportCtx, callParameters)
		})
	})
	t.end(st)
	if st != ndis.StatusPending {
		activateFinish(v, st)
	}
	return st
}

// activateFinish applies the outcome of an activation: a failed
// reactivation leaves the VC active with its old parameters.
func activateFinish(v *vcBlock, st ndis.Status) {
	switch {
	case st == ndis.StatusSuccess:
		v.act = actActive
	case v.actPrev == actActive:
		v.act = actActive
	default:
		v.act = actInactive
	}
}

// CmDeactivateVc runs NdisCmDeactivateVc in the simulated NDIS.
func (w *world) CmDeactivateVc(ndisVcHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisCmDeactivateVc", args(ndisVcHandle))()
	const ddi = "NdisCmDeactivateVc"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideCM, 0)
	if vh == nil || !w.checkFamily(ddi, vh.vc.cm) {
		return ndis.StatusFailure
	}
	v := vh.vc
	switch v.act {
	case actInactive:
		// Nothing to deactivate: the call, if its state allows a
		// deactivation, counts as deactivated.
		if w.allows(v.callLife, on(ddi)) {
			w.begin(v.callLife, on(ddi)).end(ndis.StatusNotAccepted)
		}
		return ndis.StatusNotAccepted
	case actActivating, actDeactivating:
		w.report(rules.RuleVcState, "%s: %s is being activated or deactivated; wait for the pending request to complete", ddi, v)
		return ndis.StatusNotAccepted
	}
	if !w.admit(v.callLife, on(ddi), ddi, v.describe(), "", "") {
		return ndis.StatusNotAccepted
	}
	v.act = actDeactivating
	a := v.adapter
	mco := a.driver.mco
	t := w.begin(v.callLife, on(ddi))
	st := w.forward(reqKey{"deactivate", v}, ddi+" of "+v.String(), w.completer("MINIPORT_CO_DEACTIVATE_VC", false), func() ndis.Status {
		return w.callStatus("MINIPORT_CO_DEACTIVATE_VC", a.driver, args(v.miniportCtx), func() ndis.Status {
			if mco.CoDeactivateVcHandler == nil {
				w.noHandler(a.driver, "MINIPORT_CO_DEACTIVATE_VC")
				return ndis.StatusSuccess
			}
			return mco.CoDeactivateVcHandler(v.miniportCtx)
		})
	})
	t.end(st)
	if st != ndis.StatusPending {
		deactivateFinish(v, st)
	}
	return st
}

// deactivateFinish applies the outcome of a deactivation.
func deactivateFinish(v *vcBlock, st ndis.Status) {
	if st == ndis.StatusSuccess {
		v.act = actInactive
	} else {
		v.act = actActive
	}
}

// MCoActivateVcComplete runs NdisMCoActivateVcComplete in the simulated NDIS.
func (w *world) MCoActivateVcComplete(status ndis.Status, ndisVcHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisMCoActivateVcComplete", args(status, ndisVcHandle, "CallParameters"))()
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
	w.step(v.callLife, w.onStatus("PROTOCOL_CM_ACTIVATE_VC_COMPLETE", status))
	w.call("PROTOCOL_CM_ACTIVATE_VC_COMPLETE", drv, args(status, v.cmCtx, "CallParameters"), func() {
		if h.CmActivateVcCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CM_ACTIVATE_VC_COMPLETE")
			return
		}
		h.CmActivateVcCompleteHandler(status, v.cmCtx, callParameters)
	})
}

// MCoDeactivateVcComplete runs NdisMCoDeactivateVcComplete in the simulated NDIS.
func (w *world) MCoDeactivateVcComplete(status ndis.Status, ndisVcHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMCoDeactivateVcComplete", args(status, ndisVcHandle))()
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
	w.step(v.callLife, w.onStatus("PROTOCOL_CM_DEACTIVATE_VC_COMPLETE", status))
	w.call("PROTOCOL_CM_DEACTIVATE_VC_COMPLETE", drv, args(status, v.cmCtx), func() {
		if h.CmDeactivateVcCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CM_DEACTIVATE_VC_COMPLETE")
			return
		}
		h.CmDeactivateVcCompleteHandler(status, v.cmCtx)
	})
}
