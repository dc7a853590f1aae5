package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CoOidRequest runs NdisCoOidRequest in the simulated NDIS.
func (w *world) CoOidRequest(ndisBindingHandle ndis.Handle, ndisAfHandle ndis.Handle, ndisVcHandle ndis.Handle, ndisPartyHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisCoOidRequest", args(ndisBindingHandle, ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidArg(oidRequest)))()
	const ddi = "NdisCoOidRequest"
	o := w.openArg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if o == nil || !w.needPtr(ddi, "OidRequest", oidRequest == nil) || !w.oidFree(ddi, oidRequest) {
		return ndis.StatusFailure
	}
	if ndisAfHandle == nil {
		return w.oidToMiniport(ddi, o, ndisVcHandle, oidRequest)
	}
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, 0, 0)
	if ah == nil || !w.afOnBinding(ddi, ah, o) {
		return ndis.StatusFailure
	}
	rec := &oidRecord{requester: ah.side, drv: o.protocol, open: o, af: ah.af}
	if !w.oidObjects(ddi, rec, ndisVcHandle, ndisPartyHandle) {
		return ndis.StatusFailure
	}
	return w.oidToPeer(rec, oidRequest)
}

// oidArg renders an OID request for traces.
func oidArg(r *ndis.OidRequest) string {
	if r == nil {
		return "NULL"
	}
	return fmt.Sprintf("OID 0x%08X", uint32(r.Oid))
}

// oidFree reports an OID request passed again while it is in flight.
func (w *world) oidFree(ddi string, r *ndis.OidRequest) bool {
	if _, busy := w.oids[r]; busy {
		w.report(rules.RuleBadParameter, "%s: OidRequest (%s) is still in flight; a request structure is reused only after its completion", ddi, oidArg(r))
		return false
	}
	return true
}

// oidObjects resolves the optional VC and party handles of an OID request on
// the requester's side.
func (w *world) oidObjects(ddi string, rec *oidRecord, vcH, partyH ndis.Handle) bool {
	if vcH != nil {
		vh := w.vcArg(ddi, "NdisVcHandle", vcH, rec.requester, 0)
		if vh == nil {
			return false
		}
		rec.vc = vh.vc
	}
	if partyH != nil {
		ph := w.partyArg(ddi, "NdisPartyHandle", partyH, rec.requester, 0)
		if ph == nil {
			return false
		}
		rec.party = ph.party
	}
	return true
}

// oidToPeer forwards an OID request to the other protocol of the AF.
func (w *world) oidToPeer(rec *oidRecord, r *ndis.OidRequest) ndis.Status {
	af := rec.af
	peer := sideCM
	if rec.requester == sideCM {
		peer = sideClient
	}
	var (
		drv driverRef
		fn  ndis.ProtocolCoOidRequest
	)
	if peer == sideClient {
		drv = af.client.protocol
		fn = af.client.protocol.cl.ClOidRequestHandler
		rec.completedBy = w.completer("PROTOCOL_CO_OID_REQUEST", false)
	} else {
		drv = af.reg.cm.driver()
		fn = af.reg.cm.handlers().CmOidRequestHandler
		rec.completedBy = w.completer("PROTOCOL_CO_OID_REQUEST", af.reg.cm.isMCM())
	}
	afCtx, vcCtx, partyCtx := rec.contexts(peer)
	rec.key = reqKey{"oid", r}
	rec.what = fmt.Sprintf("the OID request (%s) of the %s on %s", oidArg(r), rec.requester, af)
	w.oids[r] = rec
	st := w.forward(rec.key, rec.what, rec.completedBy, func() ndis.Status {
		return w.callStatus("PROTOCOL_CO_OID_REQUEST", drv, args(afCtx, vcCtx, partyCtx, oidArg(r)), func() ndis.Status {
			if fn == nil {
				w.noHandler(drv, "PROTOCOL_CO_OID_REQUEST")
				return ndis.StatusNotSupported
			}
			return fn(afCtx, vcCtx, partyCtx, r)
		})
	})
	if st != ndis.StatusPending {
		delete(w.oids, r)
	}
	return st
}

// contexts returns the AF, VC and party contexts side s gave NDIS for the
// objects of an OID request.
func (rec *oidRecord) contexts(s side) (af, vc, party ndis.Handle) {
	if rec.af != nil {
		af = rec.af.clientCtx
		if s == sideCM {
			af = rec.af.cmCtx
		}
	}
	if rec.vc != nil {
		vc = rec.vc.ctxFor(s)
	}
	if rec.party != nil {
		party = rec.party.clientCtx
		if s == sideCM {
			party = rec.party.cmCtx
		}
	}
	return af, vc, party
}

// oidToMiniport sends a protocol's OID request to the miniport under it.
func (w *world) oidToMiniport(ddi string, o *openBlock, vcH ndis.Handle, r *ndis.OidRequest) ndis.Status {
	requester := sideCM
	if o.protocol.cl != nil {
		requester = sideClient
	}
	rec := &oidRecord{requester: requester, drv: o.protocol, open: o, toMiniport: true, completedBy: w.completer("MINIPORT_CO_OID_REQUEST", false)}
	if vcH != nil {
		vh := w.vcArg(ddi, "NdisVcHandle", vcH, 0, 0)
		if vh == nil {
			return ndis.StatusFailure
		}
		rec.vc, rec.requester = vh.vc, vh.side
	}
	a := o.adapter
	var mpVc ndis.Handle
	if rec.vc != nil {
		mpVc = rec.vc.ctxFor(rec.vc.miniportSide())
	}
	rec.key = reqKey{"oid", r}
	rec.what = fmt.Sprintf("the OID request (%s) of %s to the miniport", oidArg(r), o.who())
	w.oids[r] = rec
	mco := a.driver.mco
	st := w.forward(rec.key, rec.what, rec.completedBy, func() ndis.Status {
		return w.callStatus("MINIPORT_CO_OID_REQUEST", a.driver, args(a.ctx, mpVc, oidArg(r)), func() ndis.Status {
			if mco.CoOidRequestHandler == nil {
				w.noHandler(a.driver, "MINIPORT_CO_OID_REQUEST")
				return ndis.StatusNotSupported
			}
			return mco.CoOidRequestHandler(a.ctx, mpVc, r)
		})
	})
	if st != ndis.StatusPending {
		delete(w.oids, r)
	}
	return st
}

// CoOidRequestComplete runs NdisCoOidRequestComplete in the simulated NDIS.
func (w *world) CoOidRequestComplete(ndisAfHandle ndis.Handle, ndisVcHandle ndis.Handle, ndisPartyHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisCoOidRequestComplete", args(ndisAfHandle, ndisVcHandle, ndisPartyHandle, oidArg(oidRequest), status))()
	w.oidComplete("NdisCoOidRequestComplete", ndisAfHandle, oidRequest, status)
}

// oidComplete implements NdisCoOidRequestComplete and NdisMCmOidRequestComplete.
func (w *world) oidComplete(ddi string, afH ndis.Handle, r *ndis.OidRequest, status ndis.Status) {
	if !w.needPtr(ddi, "OidRequest", r == nil) {
		return
	}
	ah := w.afArg(ddi, "NdisAfHandle", afH, 0, 0)
	if ah == nil {
		return
	}
	rec := w.oids[r]
	if rec == nil {
		w.complete(reqKey{"oid", r}, ddi, fmt.Sprintf("the OID request (%s)", oidArg(r)), status)
		return
	}
	if rec.toMiniport || rec.af != ah.af || rec.requester == ah.side {
		w.report(rules.RuleBadHandle, "%s: %s was not sent to the %s on af #%d", ddi, rec.what, ah.side, ah.af.id)
		return
	}
	if ah.side == sideCM && !w.checkFamily(ddi, ah.af.reg.cm) {
		return
	}
	if !w.complete(rec.key, ddi, rec.what, status) {
		return
	}
	delete(w.oids, r)
	w.oidDeliver(rec, r, status)
}

// oidDeliver calls the requester's ProtocolCoOidRequestComplete.
func (w *world) oidDeliver(rec *oidRecord, r *ndis.OidRequest, status ndis.Status) {
	var fn ndis.ProtocolCoOidRequestComplete
	switch d := rec.drv.(type) {
	case *protocolBlock:
		if rec.requester == sideClient && d.cl != nil {
			fn = d.cl.ClOidRequestCompleteHandler
		} else if d.cm != nil {
			fn = d.cm.CmOidRequestCompleteHandler
		}
	case *miniportDriverBlock:
		if d.cm != nil {
			fn = d.cm.CmOidRequestCompleteHandler
		}
	}
	afCtx, vcCtx, partyCtx := rec.contexts(rec.requester)
	w.call("PROTOCOL_CO_OID_REQUEST_COMPLETE", rec.drv, args(afCtx, vcCtx, partyCtx, oidArg(r), status), func() {
		if fn == nil {
			w.noHandler(rec.drv, "PROTOCOL_CO_OID_REQUEST_COMPLETE")
			return
		}
		fn(afCtx, vcCtx, partyCtx, r, status)
	})
}
