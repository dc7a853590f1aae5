package ndissim

import (
	"fmt"
	"strings"

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
	life := w.advertOf(o, reg).clone()
	if !w.admit(life, on(ddi), ddi, fmt.Sprintf("AF 0x%x of %s on %q", addressFamily.AddressFamily, reg.cm.who(), o.adapter.name), "", "the client opens an address family NDIS told it of in its ProtocolCoAfRegisterNotify") {
		return ndis.StatusFailure
	}
	af := &afBlock{id: w.next("af"), reg: reg, client: o, clientCtx: clientAfContext, state: afOpening, life: life, cmLife: w.newLife(rules.ObjectAfCM)}
	af.clientH = &afHandle{issued: issued{w}, af: af, side: sideClient}
	af.cmH = &afHandle{issued: issued{w}, af: af, side: sideCM}
	w.afs = append(w.afs, af)
	*ndisAfHandle = af.clientH
	cm := reg.cm
	h := cm.handlers()
	fam := *addressFamily
	t := w.begin(af.life, on(ddi))
	st := w.forward(reqKey{"open-af", af}, ddi+" of "+af.String(), w.completer("PROTOCOL_CM_OPEN_AF", cm.isMCM()), func() ndis.Status {
		tc := w.begin(af.cmLife, event{by: "PROTOCOL_CM_OPEN_AF", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_OPEN_AF", cm.driver(), args(cm.bindingContext(), afArgString(&fam), af.cmH, "CallMgrAfContext"), func() ndis.Status {
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
		tc.end(r)
		return r
	})
	t.end(st)
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
	if !w.admit(af.life, on(ddi), ddi, af.String(), "", "") {
		return ndis.StatusFailure
	}
	if busy := w.afBusy(af, ddi); busy != "" {
		w.report(busyRule(af.life), "%s: the client still has %s on %s; it must close its calls, delete its VCs and deregister its SAPs first", ddi, busy, af)
		return ndis.StatusFailure
	}
	af.state = afClosing
	cm := af.reg.cm
	h := cm.handlers()
	t := w.begin(af.life, on(ddi))
	st := w.forward(reqKey{"close-af", af}, ddi+" of "+af.String(), w.completer("PROTOCOL_CM_CLOSE_AF", cm.isMCM()), func() ndis.Status {
		tc := w.begin(af.cmLife, event{by: "PROTOCOL_CM_CLOSE_AF", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_CLOSE_AF", cm.driver(), args(af.cmCtx), func() ndis.Status {
			if h.CmCloseAfHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_CLOSE_AF")
				return ndis.StatusSuccess
			}
			return h.CmCloseAfHandler(af.cmCtx)
		})
		tc.end(r)
		return r
	})
	if st == ndis.StatusSuccess {
		w.checkAfVcs(af, cm.driver().driverName()+"'s PROTOCOL_CM_CLOSE_AF returned NDIS_STATUS_SUCCESS")
	}
	t.end(st)
	if st != ndis.StatusPending {
		w.closeAfFinish(af, st)
	}
	return st
}

// afBusy describes what the client still has on af that the close ddi must
// not leave behind, or "". The objects of the lifetimes the close's edge
// names as Busy (rules.Edge.Busy: SAPs, VCs the client created), which took
// the AF's handle, must all have ended for the client: gone, or their handle
// invalidated (a deregistration or deletion it started). Calls on VCs the
// call manager created must be closed too: no lifetime says so (a vc-cm
// object is the call manager's to end), the pages' order of teardown does
// (nc-ndis-protocol_cl_notify_close_af), and it stays the simulator's check.
func (w *world) afBusy(af *afBlock, ddi string) string {
	open := map[string]int{}
	var order []string
	for _, e := range w.leaving(af.life, ddi) {
		for _, b := range e.Busy {
			if _, seen := open[b]; !seen {
				open[b] = 0
				order = append(order, b)
			}
		}
	}
	var lives []*life
	for _, s := range af.saps {
		lives = append(lives, s.life)
	}
	calls := 0
	for _, v := range af.vcs {
		if v.life != nil {
			lives = append(lives, v.life)
		}
		if v.creator == sideCM && !v.deleted && !v.clientDead() && v.call != callIdle {
			calls++
		}
	}
	n := calls
	for _, l := range lives {
		if _, busy := open[l.object]; busy && !w.gone(l) && !l.dead {
			open[l.object]++
			n++
		}
	}
	if n == 0 {
		return ""
	}
	var parts []string
	for _, b := range order {
		parts = append(parts, fmt.Sprintf("%d %s", open[b], objectNoun(b)))
	}
	parts = append(parts, fmt.Sprintf("%d call(s) on call-manager VCs", calls))
	return strings.Join(parts, ", ")
}

// objectNoun names the objects of a lifetime in reports.
func objectNoun(object string) string {
	switch object {
	case rules.ObjectSap:
		return "SAP(s)"
	case rules.ObjectVcClient:
		return "VC(s) it created"
	}
	return "object(s) of lifetime " + object
}

// ClNotifyCloseAddressFamilyComplete runs NdisClNotifyCloseAddressFamilyComplete in the simulated NDIS.
func (w *world) ClNotifyCloseAddressFamilyComplete(ndisAfHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisClNotifyCloseAddressFamilyComplete", args(ndisAfHandle, status))()
	const ddi = "NdisClNotifyCloseAddressFamilyComplete"
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideClient, 0)
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
