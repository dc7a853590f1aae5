package ndissim

import (
	"fmt"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CmRegisterAddressFamilyEx runs NdisCmRegisterAddressFamilyEx in the simulated NDIS.
func (w *world) CmRegisterAddressFamilyEx(ndisBindingHandle ndis.Handle, addressFamily *ndis.CoAddressFamily) ndis.Status {
	defer w.st.EnterDDI("NdisCmRegisterAddressFamilyEx", args(ndisBindingHandle, afArgString(addressFamily)))()
	const ddi = "NdisCmRegisterAddressFamilyEx"
	o := w.openArg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if o == nil {
		return ndis.StatusFailure
	}
	if o.protocol.cm == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered no NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, so it cannot register an address family", ddi, o.protocol.driverName())
		return ndis.StatusFailure
	}
	return w.registerAf(ddi, cmRef{open: o}, o.adapter, addressFamily)
}

// afArgString renders an address family for traces.
func afArgString(af *ndis.CoAddressFamily) string {
	if af == nil {
		return "NULL"
	}
	return fmt.Sprintf("AF 0x%x v%d.%d", af.AddressFamily, af.MajorVersion, af.MinorVersion)
}

// registerAf records an address family of cm on adapter a and tells the
// clients bound to a.
func (w *world) registerAf(ddi string, cm cmRef, a *adapterBlock, addressFamily *ndis.CoAddressFamily) ndis.Status {
	if !w.needPtr(ddi, "AddressFamily", addressFamily == nil) {
		return ndis.StatusInvalidParameter
	}
	if a.driver == nil || a.driver.mco == nil {
		w.st.Tracef("%s: adapter %q is not a CoNDIS miniport adapter: NDIS_STATUS_FAILURE", ddi, a.name)
		return ndis.StatusFailure
	}
	for _, r := range w.regAfs {
		if r.adapter == a && !r.closed && r.af.AddressFamily == addressFamily.AddressFamily {
			w.st.Tracef("%s: %s already registered AF 0x%x on %q: NDIS_STATUS_FAILURE", ddi, r.cm.who(), r.af.AddressFamily, a.name)
			return ndis.StatusFailure
		}
	}
	r := &regAf{af: *addressFamily, cm: cm, adapter: a}
	w.regAfs = append(w.regAfs, r)
	for _, o := range append([]*openBlock(nil), a.opens...) {
		if o.bind != nil && o.bind.state == bindDone && !o.closed {
			w.notifyAf(o, r)
		}
	}
	return ndis.StatusSuccess
}

// CmOpenAddressFamilyComplete runs NdisCmOpenAddressFamilyComplete in the simulated NDIS.
func (w *world) CmOpenAddressFamilyComplete(status ndis.Status, ndisAfHandle ndis.Handle, callMgrAfContext ndis.Handle) {
	defer w.st.EnterDDI("NdisCmOpenAddressFamilyComplete", args(status, ndisAfHandle, callMgrAfContext))()
	w.openAfComplete("NdisCmOpenAddressFamilyComplete", status, ndisAfHandle, callMgrAfContext)
}

// openAfComplete implements Ndis(M)CmOpenAddressFamilyComplete.
func (w *world) openAfComplete(ddi string, status ndis.Status, h ndis.Handle, cmCtx ndis.Handle) {
	ah := w.afArg(ddi, "NdisAfHandle", h, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return
	}
	af := ah.af
	if !w.complete(reqKey{"open-af", af}, ddi, "NdisClOpenAddressFamilyEx of "+af.String(), status) {
		return
	}
	w.step(af.cmLife, w.onStatus(ddi, status))
	var clientH ndis.Handle
	if status == ndis.StatusSuccess {
		af.cmCtx = cmCtx
		af.state = afOpen
		clientH = af.clientH
	} else {
		af.state = afFailed
	}
	p := af.client.protocol
	w.step(af.life, w.onStatus("PROTOCOL_CL_OPEN_AF_COMPLETE_EX", status))
	w.call("PROTOCOL_CL_OPEN_AF_COMPLETE_EX", p, args(af.clientCtx, clientH, status), func() {
		if p.cl.ClOpenAfCompleteHandlerEx == nil {
			w.noHandler(p, "PROTOCOL_CL_OPEN_AF_COMPLETE_EX")
			return
		}
		p.cl.ClOpenAfCompleteHandlerEx(af.clientCtx, clientH, status)
	})
}

// CmCloseAddressFamilyComplete runs NdisCmCloseAddressFamilyComplete in the simulated NDIS.
func (w *world) CmCloseAddressFamilyComplete(status ndis.Status, ndisAfHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisCmCloseAddressFamilyComplete", args(status, ndisAfHandle))()
	w.closeAfComplete("NdisCmCloseAddressFamilyComplete", status, ndisAfHandle)
}

// closeAfComplete implements Ndis(M)CmCloseAddressFamilyComplete.
func (w *world) closeAfComplete(ddi string, status ndis.Status, h ndis.Handle) {
	ah := w.afArg(ddi, "NdisAfHandle", h, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return
	}
	af := ah.af
	if !w.complete(reqKey{"close-af", af}, ddi, "NdisClCloseAddressFamily of "+af.String(), status) {
		return
	}
	w.step(af.cmLife, w.onStatus(ddi, status))
	if status == ndis.StatusSuccess {
		w.checkAfVcs(af, ddi+" called with NDIS_STATUS_SUCCESS")
	}
	w.closeAfFinish(af, status)
	p := af.client.protocol
	w.step(af.life, w.onStatus("PROTOCOL_CL_CLOSE_AF_COMPLETE", status))
	w.call("PROTOCOL_CL_CLOSE_AF_COMPLETE", p, args(status, af.clientCtx), func() {
		if p.cl.ClCloseAfCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_CLOSE_AF_COMPLETE")
			return
		}
		p.cl.ClCloseAfCompleteHandler(status, af.clientCtx)
	})
}

// checkAfVcs reports a close of af that succeeds, by what, while VCs on af
// still exist. A call manager deletes the VCs it created on an address
// family before it lets the family close (or pends ProtocolCmCloseAf until it
// did): a VC that outlives the close would reach the client's
// ProtocolCoDeleteVc after its ProtocolClCloseAfComplete, when the client may
// have freed its AF context and unloaded. The client's own VCs cannot be
// left here: NdisClCloseAddressFamily refuses a close while it has any
// (rules.RuleAfCloseBusy).
func (w *world) checkAfVcs(af *afBlock, by string) {
	var left []string
	for _, v := range af.vcs {
		if !v.deleted {
			left = append(left, v.String())
		}
	}
	if len(left) == 0 {
		return
	}
	cm := af.reg.cm
	w.report(rules.RuleAfCloseWithVcs, "%s for NdisClCloseAddressFamily of %s while %d VC(s) on the AF still exist (%s); the call manager must delete the VCs it created on the AF (%s) before the close completes, or return NDIS_STATUS_PENDING from PROTOCOL_CM_CLOSE_AF and call %s once they are deleted: the client's PROTOCOL_CO_DELETE_VC must not run after its PROTOCOL_CL_CLOSE_AF_COMPLETE",
		by, af, len(left), strings.Join(left, ", "), cmDeleteVcDDI(cm), w.completer("PROTOCOL_CM_CLOSE_AF", cm.isMCM()))
}

// cmDeleteVcDDI names the function a call manager deletes its VCs with.
func cmDeleteVcDDI(cm cmRef) string {
	if cm.isMCM() {
		return "NdisMCmDeleteVc"
	}
	return "NdisCoDeleteVc"
}

// closeAfFinish applies the outcome of a close of af: closed on success,
// open again (the call manager refused) otherwise.
func (w *world) closeAfFinish(af *afBlock, status ndis.Status) {
	if status == ndis.StatusSuccess {
		af.state = afClosed
		return
	}
	af.state = afOpen
}

// CmNotifyCloseAddressFamily runs NdisCmNotifyCloseAddressFamily in the simulated NDIS.
func (w *world) CmNotifyCloseAddressFamily(ndisAfHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisCmNotifyCloseAddressFamily", args(ndisAfHandle))()
	return w.notifyCloseAf("NdisCmNotifyCloseAddressFamily", ndisAfHandle)
}

// notifyCloseAf implements Ndis(M)CmNotifyCloseAddressFamily.
func (w *world) notifyCloseAf(ddi string, h ndis.Handle) ndis.Status {
	ah := w.afArg(ddi, "NdisAfHandle", h, sideCM, 0)
	if ah == nil || !w.checkFamily(ddi, ah.af.reg.cm) {
		return ndis.StatusFailure
	}
	af := ah.af
	const role = "PROTOCOL_CL_NOTIFY_CLOSE_AF"
	if af.state != afOpen || !w.allows(af.life, on(role)) {
		w.st.Tracef("%s: %s is not open (or already being closed): NDIS_STATUS_FAILURE", ddi, af)
		return ndis.StatusFailure
	}
	p := af.client.protocol
	what := fmt.Sprintf("PROTOCOL_CL_NOTIFY_CLOSE_AF of client %q for %s", p.name, af)
	w.step(af.life, on(role))
	return w.forward(reqKey{"notify-close-af", af}, what, w.completer(role, false), func() ndis.Status {
		return w.callStatus(role, p, args(af.clientCtx), func() ndis.Status {
			if p.cl.ClNotifyCloseAfHandler == nil {
				w.noHandler(p, "PROTOCOL_CL_NOTIFY_CLOSE_AF")
				return ndis.StatusNotSupported
			}
			return p.cl.ClNotifyCloseAfHandler(af.clientCtx)
		})
	})
}
