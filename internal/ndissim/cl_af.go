package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// ClOpenAddressFamilyEx runs NdisClOpenAddressFamilyEx in the simulated NDIS.
func (w *world) ClOpenAddressFamilyEx(ndisBindingHandle ndis.Handle, addressFamily *ndis.CoAddressFamily, clientAfContext ndis.Handle, ndisAfHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClOpenAddressFamilyEx", args(ndisBindingHandle, afArgString(addressFamily), clientAfContext, "NdisAfHandle"))()
	const ddi = "NdisClOpenAddressFamilyEx"
	o := w.openArg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if o == nil {
		return ndis.StatusFailure
	}
	if o.protocol.cl == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered no NDIS_CO_CLIENT_OPTIONAL_HANDLERS, so it cannot open an address family", ddi, o.protocol.driverName())
		return ndis.StatusFailure
	}
	if !w.needPtr(ddi, "AddressFamily", addressFamily == nil) || !w.needPtr(ddi, "NdisAfHandle", ndisAfHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	var reg *regAf
	for _, r := range w.regAfs {
		if r.adapter == o.adapter && !r.closed && r.af.AddressFamily == addressFamily.AddressFamily {
			reg = r
		}
	}
	if reg == nil {
		w.st.Tracef("%s: no call manager registered AF 0x%x on %q: NDIS_STATUS_FAILURE", ddi, addressFamily.AddressFamily, o.adapter.name)
		return ndis.StatusFailure
	}
	af := &afBlock{id: w.next("af"), reg: reg, client: o, clientCtx: clientAfContext, state: afOpening}
	af.clientH = &afHandle{af: af, side: sideClient}
	af.cmH = &afHandle{af: af, side: sideCM}
	w.afs = append(w.afs, af)
	*ndisAfHandle = af.clientH
	cm := reg.cm
	h := cm.handlers()
	fam := *addressFamily
	st := w.forward(reqKey{"open-af", af}, ddi+" of "+af.String(), w.completer("PROTOCOL_CM_OPEN_AF", cm.isMCM()), func() ndis.Status {
		return w.callStatus("PROTOCOL_CM_OPEN_AF", cm.driver(), args(cm.bindingContext(), afArgString(&fam), af.cmH, "CallMgrAfContext"), func() ndis.Status {
			if h.CmOpenAfHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_OPEN_AF")
				return ndis.StatusNotSupported
			}
			var ctx ndis.Handle
			s := h.CmOpenAfHandler(cm.bindingContext(), &fam, af.cmH, &ctx)
			if s == ndis.StatusSuccess {
				af.cmCtx = ctx
			}
			return s
		})
	})
	switch st {
	case ndis.StatusPending:
	case ndis.StatusSuccess:
		af.state = afOpen
	default:
		af.state = afFailed
		*ndisAfHandle = nil
	}
	return st
}

// ClCloseAddressFamily runs NdisClCloseAddressFamily in the simulated NDIS.
func (w *world) ClCloseAddressFamily(ndisAfHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClCloseAddressFamily", args(ndisAfHandle))()
	const ddi = "NdisClCloseAddressFamily"
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideClient, 0)
	if ah == nil {
		return ndis.StatusFailure
	}
	af := ah.af
	if af.state == afOpening {
		w.report(rules.RuleBadHandle, "%s: %s is still being opened; its open has not completed", ddi, af)
		return ndis.StatusFailure
	}
	if busy := w.afBusy(af); busy != "" {
		w.report(rules.RuleAfCloseBusy, "%s: the client still has %s on %s; it must close its calls, delete its VCs and deregister its SAPs first", ddi, busy, af)
		return ndis.StatusFailure
	}
	af.clientClosed = true
	af.state = afClosing
	cm := af.reg.cm
	h := cm.handlers()
	st := w.forward(reqKey{"close-af", af}, ddi+" of "+af.String(), w.completer("PROTOCOL_CM_CLOSE_AF", cm.isMCM()), func() ndis.Status {
		return w.callStatus("PROTOCOL_CM_CLOSE_AF", cm.driver(), args(af.cmCtx), func() ndis.Status {
			if h.CmCloseAfHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_CLOSE_AF")
				return ndis.StatusSuccess
			}
			return h.CmCloseAfHandler(af.cmCtx)
		})
	})
	if st == ndis.StatusSuccess {
		w.checkAfVcs(af, cm.driver().driverName()+"'s PROTOCOL_CM_CLOSE_AF returned NDIS_STATUS_SUCCESS")
	}
	if st != ndis.StatusPending {
		w.closeAfFinish(af, st)
	}
	return st
}

// afBusy describes what the client still has on af, or "".
func (w *world) afBusy(af *afBlock) string {
	saps, vcs, calls := 0, 0, 0
	for _, s := range af.saps {
		if s.state == sapRegistering || s.state == sapRegistered {
			saps++
		}
	}
	for _, v := range af.vcs {
		if v.deleted {
			continue
		}
		if v.creator == sideClient {
			vcs++
		} else if !v.clientDead && v.call != callIdle {
			calls++
		}
	}
	if saps+vcs+calls == 0 {
		return ""
	}
	return fmt.Sprintf("%d SAP(s), %d VC(s) it created and %d call(s) on call-manager VCs", saps, vcs, calls)
}

// ClNotifyCloseAddressFamilyComplete runs NdisClNotifyCloseAddressFamilyComplete in the simulated NDIS.
func (w *world) ClNotifyCloseAddressFamilyComplete(ndisAfHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisClNotifyCloseAddressFamilyComplete", args(ndisAfHandle, status))()
	const ddi = "NdisClNotifyCloseAddressFamilyComplete"
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideClient, allowClosed)
	if ah == nil {
		return
	}
	af := ah.af
	what := fmt.Sprintf("PROTOCOL_CL_NOTIFY_CLOSE_AF of client %q for %s", af.client.protocol.name, af)
	if !w.complete(reqKey{"notify-close-af", af}, ddi, what, status) {
		return
	}
	cm := af.reg.cm
	h := cm.handlers()
	w.call("PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE", cm.driver(), args(af.cmCtx, status), func() {
		if h.CmNotifyCloseAfCompleteHandler == nil {
			w.noHandler(cm.driver(), "PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE")
			return
		}
		h.CmNotifyCloseAfCompleteHandler(af.cmCtx, status)
	})
}
