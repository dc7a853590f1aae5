package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NDIS 6 filter DDIs of cancellation, Plug and Play, restart and
// synchronous OID requests. The cancellations and the synchronous request
// go down the stack as sends and OID requests do, and the PnP events the
// way their handlers say; the roles NDIS calls come from the catalogue's
// DDI.Invokes, one for each kind of driver the request may reach.

// invokedRole returns the role of DDI ddi's catalogue Invokes that NDIS
// calls in a driver of kind k ("" when the catalogue names none).
func (w *world) invokedRole(ddi string, k rules.DriverKind) string {
	c := w.st.Catalogue()
	if c == nil {
		return ""
	}
	for _, name := range w.invokes(ddi) {
		if r := c.Role(name); r != nil && r.Driver == k {
			return name
		}
	}
	return ""
}

// cancelSendDown passes the cancellation of the sends marked cancelId
// from layer from to the layer under it that takes cancellations: the
// next filter module down with a FilterCancelSendNetBufferLists, else the
// miniport's MiniportCancelSend, if it has one. The driver that holds
// sends marked with that CancelId (NetBufferListInfo[NetBufferListCancelId],
// NDIS_SET_NET_BUFFER_LIST_CANCEL_ID) completes them with
// NDIS_STATUS_SEND_ABORTED.
func (w *world) cancelSendDown(ddi string, a *adapter6, from layer, cancelId ndis.Handle) {
	to := a.below(from, func(m *module6) bool { return m.drv.chars.CancelSendNetBufferListsHandler != nil })
	switch x := to.(type) {
	case *module6:
		role := w.invokedRole(ddi, rules.DriverFilter)
		w.call(role, x.drv, args(x.ctx, cancelId), func() { x.drv.chars.CancelSendNetBufferListsHandler(x.ctx, cancelId) })
	case *adapter6:
		if x.drv.chars.CancelSendHandler == nil {
			w.st.Tracef("%s has no MiniportCancelSend: NDIS drops the cancellation", x.who())
			return
		}
		role := w.invokedRole(ddi, rules.DriverMiniport)
		w.call(role, x.drv, args(x.ctx, cancelId), func() { x.drv.chars.CancelSendHandler(x.ctx, cancelId) })
	}
}

// FCancelSendNetBufferLists runs NdisFCancelSendNetBufferLists in the
// simulated NDIS.
func (w *world) FCancelSendNetBufferLists(ndisFilterHandle ndis.Handle, cancelId ndis.Handle) {
	defer w.st.EnterDDI("NdisFCancelSendNetBufferLists", args(ndisFilterHandle, cancelId))()
	const ddi = "NdisFCancelSendNetBufferLists"
	if m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle); m != nil {
		w.cancelSendDown(ddi, m.adapter, m, cancelId)
	}
}

// cancelOidDown cancels the OID requests (direct ones when direct) whose
// RequestId is requestId that layer from issued to the layer under it. A
// request NDIS still queues for the miniport is NDIS's own to cancel: it
// leaves the queue and its issuer's completion handler gets
// NDIS_STATUS_REQUEST_ABORTED. A request the layer under it pended is
// cancelled by that layer's cancel handler (FilterCancelOidRequest,
// MiniportCancelOidRequest, or their direct twins), which completes it
// with NDIS_STATUS_REQUEST_ABORTED. A RequestId that names no request
// in flight cancels nothing.
func (w *world) cancelOidDown(ddi string, a *adapter6, from layer, requestId ndis.Handle, direct bool) {
	for i, o := range a.oidQueue {
		if o.issuer == from && o.req.RequestId == requestId && o.direct == direct {
			a.oidQueue = append(a.oidQueue[:i:i], a.oidQueue[i+1:]...)
			w.st.Tracef("NDIS takes %s off its queue and aborts it", o.what)
			w.oidEnd(o)
			w.oid6Deliver(o, ndis.StatusRequestAborted)
			return
		}
	}
	to := a.below(from, oidHandlers(direct))
	var o *oid6
	for k, x := range w.six().oids {
		if k.at == to && x.issuer == from && x.direct == direct && !x.done && x.req.RequestId == requestId {
			o = x
			break
		}
	}
	if o == nil {
		w.st.Tracef("%s: no OID request with RequestId %v from %s is in flight at %s: nothing to cancel", ddi, requestId, from.who(), to.who())
		return
	}
	switch x := to.(type) {
	case *module6:
		h := x.drv.chars.CancelOidRequestHandler
		if direct {
			h = nil
			if d := x.drv.chars.CancelDirectOidRequestHandler; d != nil {
				h = ndis.FilterCancelOidRequest(d)
			}
		}
		if h == nil {
			w.st.Tracef("%s has no cancel handler for %s: NDIS cannot cancel it", x.who(), o.what)
			return
		}
		w.call(w.invokedRole(ddi, rules.DriverFilter), x.drv, args(x.ctx, requestId), func() { h(x.ctx, requestId) })
	case *adapter6:
		h := x.drv.chars.CancelOidRequestHandler
		if direct {
			h = nil
			if d := x.drv.chars.CancelDirectOidRequestHandler; d != nil {
				h = ndis.MiniportCancelOidRequest(d)
			}
		}
		if h == nil {
			w.st.Tracef("%s has no cancel handler for %s: NDIS cannot cancel it", x.who(), o.what)
			return
		}
		w.call(w.invokedRole(ddi, rules.DriverMiniport), x.drv, args(x.ctx, requestId), func() { h(x.ctx, requestId) })
	}
}

// FCancelOidRequest runs NdisFCancelOidRequest in the simulated NDIS.
func (w *world) FCancelOidRequest(ndisFilterHandle ndis.Handle, requestId ndis.Handle) {
	defer w.st.EnterDDI("NdisFCancelOidRequest", args(ndisFilterHandle, requestId))()
	const ddi = "NdisFCancelOidRequest"
	if m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle); m != nil {
		w.cancelOidDown(ddi, m.adapter, m, requestId, false)
	}
}

// FCancelDirectOidRequest runs NdisFCancelDirectOidRequest in the
// simulated NDIS.
func (w *world) FCancelDirectOidRequest(ndisFilterHandle ndis.Handle, requestId ndis.Handle) {
	defer w.st.EnterDDI("NdisFCancelDirectOidRequest", args(ndisFilterHandle, requestId))()
	const ddi = "NdisFCancelDirectOidRequest"
	if m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle); m != nil {
		w.cancelOidDown(ddi, m.adapter, m, requestId, true)
	}
}

// FDevicePnPEventNotify runs NdisFDevicePnPEventNotify in the simulated
// NDIS: the event goes to the next filter module down with a
// FilterDevicePnPEventNotify, else to the miniport's
// MiniportDevicePnPEventNotify, if it has one.
func (w *world) FDevicePnPEventNotify(ndisFilterHandle ndis.Handle, netDevicePnPEvent *ndis.NetDevicePnpEvent) {
	defer w.st.EnterDDI("NdisFDevicePnPEventNotify", args(ndisFilterHandle, "NetDevicePnPEvent"))()
	const ddi = "NdisFDevicePnPEventNotify"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "NetDevicePnPEvent", netDevicePnPEvent == nil) {
		return
	}
	to := m.adapter.below(m, func(x *module6) bool { return x.drv.chars.DevicePnPEventNotifyHandler != nil })
	ev := fmt.Sprintf("device event %d", netDevicePnPEvent.DevicePnPEvent)
	switch x := to.(type) {
	case *module6:
		w.call(w.invokedRole(ddi, rules.DriverFilter), x.drv, args(x.ctx, ev), func() { x.drv.chars.DevicePnPEventNotifyHandler(x.ctx, netDevicePnPEvent) })
	case *adapter6:
		if h := x.drv.chars.DevicePnPEventNotifyHandler; h != nil {
			w.call(w.invokedRole(ddi, rules.DriverMiniport), x.drv, args(x.ctx, ev), func() { h(x.ctx, netDevicePnPEvent) })
		}
	}
}

// FNetPnPEvent runs NdisFNetPnPEvent in the simulated NDIS: the event goes
// to the next filter module up with a FilterNetPnPEvent, whose status is
// returned, else to the ProtocolNetPnPEvent of every binding of the
// adapter: the first status that is not NDIS_STATUS_SUCCESS is returned.
// A binding that answers NDIS_STATUS_PENDING owes NdisCompleteNetPnPEvent
// as for any ProtocolNetPnPEvent; NDIS does not wait for it here (the
// simulation has no blocking), so the call returns NDIS_STATUS_PENDING
// when no binding failed.
func (w *world) FNetPnPEvent(ndisFilterHandle ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	defer w.st.EnterDDI("NdisFNetPnPEvent", args(ndisFilterHandle, "NetPnPEventNotification"))()
	const ddi = "NdisFNetPnPEvent"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "NetPnPEventNotification", netPnPEventNotification == nil) {
		return ndis.StatusFailure
	}
	n := netPnPEventNotification
	ev := fmt.Sprintf("event %d", n.NetPnPEvent.NetEvent)
	up := w.above(m.adapter, m, func(x *module6) bool { return x.drv.chars.NetPnPEventHandler != nil })
	result := ndis.StatusSuccess
	for _, l := range up {
		switch x := l.(type) {
		case *module6:
			return w.callStatus6(w.invokedRole(ddi, rules.DriverFilter), x.drv, args(x.ctx, ev), func() ndis.Status {
				return x.drv.chars.NetPnPEventHandler(x.ctx, n)
			})
		case *binding6:
			role := w.invokedRole(ddi, rules.DriverProtocol)
			o, p := x.open, x.open.protocol
			what := fmt.Sprintf("%s (%s) of %s, forwarded by %s", role, ev, o.who(), m.who())
			st := w.forward(reqKey{"pnp", n}, what, w.completer(role, false), func() ndis.Status {
				return w.callStatusWith(role, p, args(o.ctx, ev), w.roleNulls(role, o.ctx, n), func() ndis.Status {
					if p.chars.NetPnPEventHandler == nil {
						return ndis.StatusSuccess
					}
					return p.chars.NetPnPEventHandler(o.ctx, n)
				})
			})
			if st != ndis.StatusSuccess && (result == ndis.StatusSuccess || result == ndis.StatusPending) {
				result = st
			}
		}
	}
	return result
}

// FRestartFilter runs NdisFRestartFilter in the simulated NDIS: NDIS
// schedules a pause and then a restart of the module (FilterPause, then
// FilterSetModuleOptions if the driver has it, then FilterRestart), from
// the event queue; the call returns NDIS_STATUS_SUCCESS when it started
// that. A module that is not Running, or whose stack is being paused,
// restarted or reset, is not restarted: NDIS_STATUS_FAILURE.
func (w *world) FRestartFilter(ndisFilterHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisFRestartFilter", args(ndisFilterHandle))()
	const ddi = "NdisFRestartFilter"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil {
		return ndis.StatusFailure
	}
	a := m.adapter
	if !w.can6(m.life, ev6("FILTER_PAUSE")) || a.op != nil || a.resetting {
		w.st.Tracef("%s: %s is %s: NDIS does not restart it", ddi, m.who(), m.life)
		return ndis.StatusFailure
	}
	op := &stackOp{kind: "restart of " + m.describe() + " (NdisFRestartFilter)"}
	op.steps = []func() stepResult{
		func() stepResult { return w.pauseModule(m) },
		func() stepResult { return w.restartModule(m) },
	}
	a.op = op
	w.st.Enqueue("NDIS pauses and restarts "+m.describe()+" (NdisFRestartFilter)", 0, func() {
		if a.op == op {
			w.runOp(a)
		}
	})
	return ndis.StatusSuccess
}

// FSynchronousOidRequest runs NdisFSynchronousOidRequest in the simulated
// NDIS: the request goes down through the FilterSynchronousOidRequest of
// each filter module under the caller that has one (NDIS_STATUS_SUCCESS
// passes it on; NDIS_STATUS_ALREADY_COMPLETE stops it with
// NDIS_STATUS_SUCCESS; another status stops it with that status) to the
// miniport's MiniportSynchronousOidRequest (NDIS_STATUS_NOT_SUPPORTED
// without one); then back up through the FilterSynchronousOidRequestComplete
// of each module that passed it on, with the CallContext it set. It never
// pends.
func (w *world) FSynchronousOidRequest(ndisFilterModuleHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisFSynchronousOidRequest", args(ndisFilterModuleHandle, oidArg(oidRequest)))()
	const ddi = "NdisFSynchronousOidRequest"
	m := w.module6Arg(ddi, "NdisFilterModuleHandle", ndisFilterModuleHandle)
	if m == nil || !w.needPtr(ddi, "OidRequest", oidRequest == nil) {
		return ndis.StatusInvalidParameter
	}
	return w.syncOidDown(ddi, m.adapter, m, oidRequest)
}

// syncOidDown carries the synchronous OID request req of layer from down
// a's stack and back (FSynchronousOidRequest).
func (w *world) syncOidDown(ddi string, a *adapter6, from layer, req *ndis.OidRequest) ndis.Status {
	roles := w.invokes(ddi)
	c := w.st.Catalogue()
	var filterRole, completeRole, miniportRole string
	for _, name := range roles {
		r := c.Role(name)
		switch {
		case r == nil:
		case r.Driver == rules.DriverMiniport:
			miniportRole = name
		case r.Driver == rules.DriverFilter && r.Returns == "VOID":
			completeRole = name
		case r.Driver == rules.DriverFilter:
			filterRole = name
		}
	}
	type passed struct {
		m   *module6
		ctx ndis.Handle
	}
	var through []passed
	has := func(x *module6) bool { return x.drv.chars.SynchronousOidRequestHandler != nil }
	st := ndis.StatusSuccess
	cur := from
	for {
		to := a.below(cur, has)
		if x, ok := to.(*module6); ok {
			var callCtx ndis.Handle
			s := w.callStatus6(filterRole, x.drv, args(x.ctx, oidArg(req), "CallContext"), func() ndis.Status {
				return x.drv.chars.SynchronousOidRequestHandler(x.ctx, req, &callCtx)
			})
			if s == ndis.StatusSuccess {
				through = append(through, passed{x, callCtx})
				cur = x
				continue
			}
			st = s
			if s == ndis.StatusAlreadyComplete {
				st = ndis.StatusSuccess
			}
			break
		}
		h := a.drv.chars.SynchronousOidRequestHandler
		if h == nil || w.ended6(a.life) {
			st = ndis.StatusNotSupported
			break
		}
		st = w.callStatus6(miniportRole, a.drv, args(a.ctx, oidArg(req)), func() ndis.Status { return h(a.ctx, req) })
		break
	}
	for i := len(through) - 1; i >= 0; i-- {
		p := through[i]
		if h := p.m.drv.chars.SynchronousOidRequestCompleteHandler; h != nil {
			w.call(completeRole, p.m.drv, args(p.m.ctx, oidArg(req), st, p.ctx), func() { h(p.m.ctx, req, &st, p.ctx) })
		}
	}
	return st
}
