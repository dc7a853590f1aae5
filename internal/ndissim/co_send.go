package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CoSendNetBufferLists runs NdisCoSendNetBufferLists in the simulated NDIS.
func (w *world) CoSendNetBufferLists(ndisVcHandle ndis.Handle, netBufferLists *ndis.NetBufferList, sendFlags uint32) {
	defer w.st.EnterDDI("NdisCoSendNetBufferLists", args(ndisVcHandle, nblArg(netBufferLists), sendFlags))()
	const ddi = "NdisCoSendNetBufferLists"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, 0, 0)
	if vh == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	if vh.side == sideMiniport {
		w.report(rules.RuleBadHandle, "%s: NdisVcHandle is the miniport's handle of %s; protocols send with their own", ddi, vh.vc)
		return
	}
	v := vh.vc
	if why := sendBlocked(vh); why != "" {
		w.report(rules.RuleVcState, "%s: %s %s; NDIS returns the lists with NDIS_STATUS_FAILURE", ddi, v, why)
		w.failSends(vh, netBufferLists, sendFlags)
		return
	}
	bad := false
	for n := netBufferLists; n != nil; n = n.Next {
		if n.SourceHandle != ndisVcHandle && !bad {
			bad = true
			w.report(rules.RuleBadParameter, "%s: a NET_BUFFER_LIST's SourceHandle is %s; the page requires it to be the NdisVcHandle passed (%s)", ddi, describe(n.SourceHandle), describe(ndisVcHandle))
		}
		if _, out := w.sends[n]; out {
			w.report(rules.RuleBadParameter, "%s: a NET_BUFFER_LIST is sent again before ProtocolCoSendNetBufferListsComplete returned it", ddi)
			return
		}
	}
	for n := netBufferLists; n != nil; n = n.Next {
		rec := &sendRecord{vc: v, sender: vh.side, key: reqKey{"send", n}}
		w.sends[n] = rec
		w.st.Pend(rec.key, fmt.Sprintf("a NET_BUFFER_LIST sent on %s", v), w.completer("MINIPORT_CO_SEND_NET_BUFFER_LISTS", false))
		if vh.side == sideClient {
			v.sends++
		}
	}
	a := v.adapter
	mpCtx := v.ctxFor(v.miniportSide())
	w.call("MINIPORT_CO_SEND_NET_BUFFER_LISTS", a.driver, args(mpCtx, nblArg(netBufferLists), sendFlags), func() {
		if a.driver.mco.CoSendNetBufferListsHandler == nil {
			w.noHandler(a.driver, "MINIPORT_CO_SEND_NET_BUFFER_LISTS")
			return
		}
		a.driver.mco.CoSendNetBufferListsHandler(mpCtx, netBufferLists, sendFlags)
	})
}

// nblArg renders a chain of NET_BUFFER_LISTs for traces.
func nblArg(n *ndis.NetBufferList) string {
	if n == nil {
		return "NULL"
	}
	c := 0
	for ; n != nil; n = n.Next {
		c++
	}
	return fmt.Sprintf("%d NET_BUFFER_LIST(s)", c)
}

// sendBlocked says why side vh may not send on its VC now, or "".
func sendBlocked(vh *vcHandle) string {
	v := vh.vc
	if vh.side == sideClient || v.hasClient() {
		switch v.call {
		case callConnected:
			return ""
		case callClosing, callCloseFailed:
			return "is being closed (NdisClCloseCall was called): no sends after it"
		}
		return fmt.Sprintf("has %s: data moves only on a connected call", v.call)
	}
	if v.act != actActive {
		return "is not active"
	}
	return ""
}

// failSends returns lists NDIS refused through the sender's completion, from
// the queue (sends always complete asynchronously).
func (w *world) failSends(vh *vcHandle, nbls *ndis.NetBufferList, flags uint32) {
	for n := nbls; n != nil; n = n.Next {
		n.Status = ndis.StatusFailure
	}
	w.st.Enqueue(fmt.Sprintf("NDIS returns refused sends on %s", vh.vc), 0, func() {
		w.sendDeliver(vh.vc, vh.side, nbls, flags)
	})
}

// sendDeliver calls side s's ProtocolCoSendNetBufferListsComplete.
func (w *world) sendDeliver(v *vcBlock, s side, nbls *ndis.NetBufferList, flags uint32) {
	drv := v.protocolDriver(s)
	p, ok := drv.(*protocolBlock)
	if !ok {
		return
	}
	ctx := v.ctxFor(s)
	w.call("PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE", p, args(ctx, nblArg(nbls), flags), func() {
		if p.co == nil || p.co.CoSendNetBufferListsCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE")
			return
		}
		p.co.CoSendNetBufferListsCompleteHandler(ctx, nbls, flags)
	})
}

// MCoSendNetBufferListsComplete runs NdisMCoSendNetBufferListsComplete in the simulated NDIS.
func (w *world) MCoSendNetBufferListsComplete(ndisVcHandle ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
	defer w.st.EnterDDI("NdisMCoSendNetBufferListsComplete", args(ndisVcHandle, nblArg(netBufferLists), sendCompleteFlags))()
	const ddi = "NdisMCoSendNetBufferListsComplete"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideMiniport, allowDead)
	if vh == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	v := vh.vc
	var order []side
	groups := map[side][]*ndis.NetBufferList{}
	for n := netBufferLists; n != nil; {
		next := n.Next
		rec := w.sends[n]
		if rec == nil || rec.vc != v {
			w.complete(reqKey{"send", n}, ddi, fmt.Sprintf("a NET_BUFFER_LIST on %s", v), n.Status)
			n = next
			continue
		}
		w.complete(rec.key, ddi, fmt.Sprintf("a NET_BUFFER_LIST sent on %s", v), n.Status)
		delete(w.sends, n)
		if rec.sender == sideClient && v.sends > 0 {
			v.sends--
		}
		if _, seen := groups[rec.sender]; !seen {
			order = append(order, rec.sender)
		}
		groups[rec.sender] = append(groups[rec.sender], n)
		n = next
	}
	for _, s := range order {
		list := groups[s]
		for i := range list {
			list[i].Next = nil
			if i > 0 {
				list[i-1].Next = list[i]
			}
		}
		w.sendDeliver(v, s, list[0], sendCompleteFlags)
	}
}
