package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// MCoIndicateReceiveNetBufferLists runs NdisMCoIndicateReceiveNetBufferLists in the simulated NDIS.
func (w *world) MCoIndicateReceiveNetBufferLists(ndisVcHandle ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, coReceiveFlags uint32) {
	defer w.st.EnterDDI("NdisMCoIndicateReceiveNetBufferLists", args(ndisVcHandle, nblArg(netBufferLists), numberOfNetBufferLists, coReceiveFlags))()
	const ddi = "NdisMCoIndicateReceiveNetBufferLists"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideMiniport, 0)
	if vh == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	v := vh.vc
	if v.act != actActive {
		w.report(rules.RuleVcState, "%s: %s is not active; a miniport indicates receives only on an active VC", ddi, v)
		return
	}
	count := uint32(0)
	for n := netBufferLists; n != nil; n = n.Next {
		count++
	}
	if count != numberOfNetBufferLists {
		w.report(rules.RuleBadParameter, "%s: NumberOfNetBufferLists is %d but the chain holds %d", ddi, numberOfNetBufferLists, count)
	}
	s := sideCM
	if v.hasClient() && !v.clientDead() {
		s = sideClient
	}
	var o *openBlock
	if s == sideClient {
		o = v.clientOpen
	} else {
		o = v.cm.open
	}
	if o == nil {
		return
	}
	p := o.protocol
	ctx := v.ctxFor(s)
	w.call("PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS", p, args(o.ctx, ctx, nblArg(netBufferLists), numberOfNetBufferLists, coReceiveFlags), func() {
		if p.co == nil || p.co.CoReceiveNetBufferListsHandler == nil {
			w.noHandler(p, "PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS")
			return
		}
		p.co.CoReceiveNetBufferListsHandler(o.ctx, ctx, netBufferLists, numberOfNetBufferLists, coReceiveFlags)
	})
}

// MCoIndicateStatusEx runs NdisMCoIndicateStatusEx in the simulated NDIS.
func (w *world) MCoIndicateStatusEx(miniportAdapterHandle ndis.Handle, ndisVcHandle ndis.Handle, statusIndication *ndis.StatusIndication) {
	defer w.st.EnterDDI("NdisMCoIndicateStatusEx", args(miniportAdapterHandle, ndisVcHandle, "StatusIndication"))()
	const ddi = "NdisMCoIndicateStatusEx"
	a := w.adapterArg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "StatusIndication", statusIndication == nil) {
		return
	}
	if ndisVcHandle == nil {
		for _, o := range append([]*openBlock(nil), a.opens...) {
			if o.bind != nil && o.bind.state == bindDone {
				w.coStatus(o, nil, statusIndication)
			}
		}
		return
	}
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideMiniport, 0)
	if vh == nil {
		return
	}
	v := vh.vc
	if v.hasClient() && !v.clientDead() {
		w.coStatus(v.clientOpen, v.clientCtx, statusIndication)
	}
	if v.cm.open != nil {
		w.coStatus(v.cm.open, v.cmCtx, statusIndication)
	}
}

// coStatus calls a binding's ProtocolCoStatusEx.
func (w *world) coStatus(o *openBlock, vcCtx ndis.Handle, ind *ndis.StatusIndication) {
	p := o.protocol
	if p.co == nil {
		return
	}
	w.call("PROTOCOL_CO_STATUS_EX", p, args(o.ctx, vcCtx, ind.StatusCode), func() {
		if p.co.CoStatusHandlerEx == nil {
			w.noHandler(p, "PROTOCOL_CO_STATUS_EX")
			return
		}
		p.co.CoStatusHandlerEx(o.ctx, vcCtx, ind)
	})
}

// MCoOidRequestComplete runs NdisMCoOidRequestComplete in the simulated NDIS.
func (w *world) MCoOidRequestComplete(miniportAdapterHandle ndis.Handle, ndisMiniportVcHandle ndis.Handle, request *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisMCoOidRequestComplete", args(miniportAdapterHandle, ndisMiniportVcHandle, oidArg(request), status))()
	const ddi = "NdisMCoOidRequestComplete"
	a := w.adapterArg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "Request", request == nil) {
		return
	}
	rec := w.oids[request]
	if rec == nil {
		w.complete(reqKey{"oid", request}, ddi, "the OID request ("+oidArg(request)+")", status)
		return
	}
	if !rec.toMiniport || rec.open.adapter != a {
		w.report(rules.RuleBadHandle, "%s: %s was not sent to adapter %q's miniport", ddi, rec.what, a.name)
		return
	}
	if !w.complete(rec.key, ddi, rec.what, status) {
		return
	}
	delete(w.oids, request)
	w.oidDeliver(rec, request, status)
}
