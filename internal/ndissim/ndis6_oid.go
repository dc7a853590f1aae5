package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// OID requests down an NDIS 6 stack: a binding's NdisOidRequest or a
// module's NdisFOidRequest goes to the next filter module down that has a
// FilterOidRequest, else to the miniport's MiniportOidRequest; a pended
// request is completed by NdisFOidRequestComplete or NdisMOidRequestComplete
// (the catalogue's Role.CompletedBy, on the request the role's Request
// parameter names), which NDIS delivers to the issuer's
// FilterOidRequestComplete or ProtocolOidRequestComplete. NDIS serializes
// the requests to a miniport (Miniport Adapter OID Request Serialization):
// one waits until the pending one completes. Direct OID requests take the
// direct handlers and are not serialized.

// oidKey names one request at the layer that handles it.
type oidKey struct {
	at  layer
	req *ndis.OidRequest
}

// oid6 is one OID request at one layer.
type oid6 struct {
	req      *ndis.OidRequest
	issuer   layer
	at       layer
	direct   bool
	key      reqKey
	what     string
	done     bool
	timer    *kernel.Event
	timedOut bool
}

// The roles of the two kinds of request, as each layer handles and
// completes them.
type oidRoles struct {
	filter, filterComplete, miniport, protocolComplete string
}

// oidRolesOf returns the roles of normal or direct requests.
func oidRolesOf(direct bool) oidRoles {
	if direct {
		return oidRoles{"FILTER_DIRECT_OID_REQUEST", "FILTER_DIRECT_OID_REQUEST_COMPLETE", "MINIPORT_DIRECT_OID_REQUEST", "PROTOCOL_DIRECT_OID_REQUEST_COMPLETE"}
	}
	return oidRoles{"FILTER_OID_REQUEST", "FILTER_OID_REQUEST_COMPLETE", "MINIPORT_OID_REQUEST", "PROTOCOL_OID_REQUEST_COMPLETE"}
}

// oidHandlers selects the filter modules that take the kind of request.
func oidHandlers(direct bool) func(*module6) bool {
	if direct {
		return func(m *module6) bool { return m.drv.chars.DirectOidRequestHandler != nil }
	}
	return oidsThrough
}

// oidDown sends request req of layer from to the layer under it and
// returns the status the caller's DDI returns.
func (w *world) oidDown(ddi string, a *adapter6, from layer, req *ndis.OidRequest, direct bool) ndis.Status {
	to := a.below(from, oidHandlers(direct))
	k := oidKey{to, req}
	if o := w.six().oids[k]; o != nil && !o.done {
		w.report(rules.RuleBadParameter, "%s: OidRequest (%s) is still in flight at %s; a request structure is reused only after its completion", ddi, oidArg(req), to.who())
		return ndis.StatusFailure
	}
	o := &oid6{req: req, issuer: from, at: to, direct: direct}
	o.what = fmt.Sprintf("the OID request (%s) of %s at %s", oidArg(req), from.who(), to.who())
	w.six().oids[k] = o
	roles := oidRolesOf(direct)
	if m, ok := to.(*module6); ok {
		o.key = reqKey{"foid6", k}
		if direct {
			o.key.op = "fdoid6"
		}
		st := w.forward(o.key, o.what, w.completer(roles.filter, false), func() ndis.Status {
			return w.callStatus6(roles.filter, m.drv, args(m.ctx, oidArg(req)), func() ndis.Status {
				if direct {
					return m.drv.chars.DirectOidRequestHandler(m.ctx, req)
				}
				return m.drv.chars.OidRequestHandler(m.ctx, req)
			})
		})
		if st != ndis.StatusPending {
			w.oidEnd(o)
		}
		return st
	}
	if w.ended6(a.life) {
		// NDIS gives a shut-down adapter no more requests.
		w.oidEnd(o)
		return ndis.StatusFailure
	}
	if direct && a.drv.chars.DirectOidRequestHandler == nil {
		// A miniport that registered no MiniportDirectOidRequest takes no
		// direct requests: NDIS fails them.
		w.oidEnd(o)
		return ndis.StatusNotSupported
	}
	if !direct && (a.oidBusy != nil || a.resetting || !w.st.CanCall(roles.miniport)) {
		// NDIS serializes the requests, and calls MiniportOidRequest at its
		// role's IRQL: from a worker when the caller is above it.
		a.oidQueue = append(a.oidQueue, o)
		w.st.Tracef("NDIS queues %s", o.what)
		w.startQueuedOid(a)
		return ndis.StatusPending
	}
	return w.oid6ToMiniport(a, o, true)
}

// oid6ToMiniport calls a's MiniportOidRequest (or MiniportDirectOidRequest)
// for o. now is false for a request NDIS had queued: its issuer was told
// NDIS_STATUS_PENDING, so a synchronous status is delivered to it.
func (w *world) oid6ToMiniport(a *adapter6, o *oid6, now bool) ndis.Status {
	roles := oidRolesOf(o.direct)
	o.key = reqKey{"moid6", oidKey{a, o.req}}
	if o.direct {
		o.key.op = "mdoid6"
	}
	if !o.direct {
		// The request is the adapter's current one from the moment NDIS
		// gives it to MiniportOidRequest: a completion of another request
		// inside the handler is already oid-complete-not-current.
		a.oidBusy = o
	}
	st := w.forward(o.key, o.what, w.completer(roles.miniport, false), func() ndis.Status {
		return w.callStatus6(roles.miniport, a.drv, args(a.ctx, oidArg(o.req)), func() ndis.Status {
			if o.direct {
				return a.drv.chars.DirectOidRequestHandler(a.ctx, o.req)
			}
			return a.drv.chars.OidRequestHandler(a.ctx, o.req)
		})
	})
	w.oidReturned(a.who(), roles.miniport, o.req, st)
	if st == ndis.StatusPending {
		if !o.done && !o.direct {
			key := o.key
			o.timer = w.watchdog(rules.RuleOidTimeout, a.describe(), func(seconds int) {
				if o.done || a.oidBusy != o {
					return
				}
				o.timedOut = true
				w.st.Complete(key)
				w.report(rules.RuleOidTimeout, "%s pended %s and had not completed it with NdisMOidRequestComplete %d s later (NdisTimedOidComplete)", a.who(), o.what, seconds)
			})
		}
		return st
	}
	w.oidEnd(o)
	if !now {
		w.oid6Deliver(o, st)
		w.startQueuedOid(a)
	}
	return st
}

// startQueuedOid gives a's miniport the next request NDIS queued, if it
// has none pending.
func (w *world) startQueuedOid(a *adapter6) {
	if a.oidBusy != nil || a.resetting || len(a.oidQueue) == 0 || w.gone6(a.life) {
		return
	}
	if w.current() != nil || !w.st.CanCall(oidRolesOf(false).miniport) {
		w.st.Enqueue("NDIS issues the next queued OID request to "+a.describe(), 0, func() { w.startQueuedOid(a) })
		return
	}
	for a.oidBusy == nil && !a.resetting && len(a.oidQueue) > 0 && !w.gone6(a.life) {
		o := a.oidQueue[0]
		a.oidQueue = a.oidQueue[1:]
		w.oid6ToMiniport(a, o, false)
	}
}

// oidEnd forgets o.
func (w *world) oidEnd(o *oid6) {
	o.done = true
	if o.timer != nil {
		o.timer.Cancel()
		o.timer = nil
	}
	k := oidKey{o.at, o.req}
	if w.six().oids[k] == o {
		delete(w.six().oids, k)
	}
	if a, ok := o.at.(*adapter6); ok && a.oidBusy == o {
		a.oidBusy = nil
	}
}

// oid6Deliver calls the issuer's completion handler for o.
func (w *world) oid6Deliver(o *oid6, st ndis.Status) {
	roles := oidRolesOf(o.direct)
	switch x := o.issuer.(type) {
	case *module6:
		w.call(roles.filterComplete, x.drv, args(x.ctx, oidArg(o.req), st), func() {
			fn := x.drv.chars.OidRequestCompleteHandler
			if o.direct {
				if h := x.drv.chars.DirectOidRequestCompleteHandler; h != nil {
					h(x.ctx, o.req, st)
					return
				}
				fn = nil
			}
			if fn == nil {
				w.noHandler(x.drv, roles.filterComplete)
				return
			}
			fn(x.ctx, o.req, st)
		})
	case *binding6:
		p := x.open.protocol
		w.call(roles.protocolComplete, p, args(x.open.ctx, oidArg(o.req), st), func() {
			if o.direct {
				if h := p.chars.DirectOidRequestCompleteHandler; h != nil {
					h(x.open.ctx, o.req, st)
					return
				}
				w.noHandler(p, roles.protocolComplete)
				return
			}
			if p.chars.OidRequestCompleteHandler == nil {
				w.noHandler(p, roles.protocolComplete)
				return
			}
			p.chars.OidRequestCompleteHandler(x.open.ctx, o.req, st)
		})
	}
}

// NdisOidRequest runs NdisOidRequest in the simulated NDIS.
func (w *world) NdisOidRequest(ndisBindingHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisOidRequest", args(ndisBindingHandle, oidArg(oidRequest)))()
	const ddi = "NdisOidRequest"
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil || !w.needPtr(ddi, "OidRequest", oidRequest == nil) {
		return ndis.StatusInvalidParameter
	}
	return w.oidDown(ddi, b.adapter, b, oidRequest, false)
}

// FOidRequest runs NdisFOidRequest in the simulated NDIS.
func (w *world) FOidRequest(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisFOidRequest", args(ndisFilterHandle, oidArg(oidRequest)))()
	return w.fOid("NdisFOidRequest", ndisFilterHandle, oidRequest, false)
}

// FDirectOidRequest runs NdisFDirectOidRequest in the simulated NDIS.
func (w *world) FDirectOidRequest(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisFDirectOidRequest", args(ndisFilterHandle, oidArg(oidRequest)))()
	return w.fOid("NdisFDirectOidRequest", ndisFilterHandle, oidRequest, true)
}

// fOid implements NdisFOidRequest and NdisFDirectOidRequest.
func (w *world) fOid(ddi string, h ndis.Handle, req *ndis.OidRequest, direct bool) ndis.Status {
	m := w.module6Arg(ddi, "NdisFilterHandle", h)
	if m == nil || !w.needPtr(ddi, "OidRequest", req == nil) {
		return ndis.StatusInvalidParameter
	}
	if f := w.forbids6(m.life, ddi); f != nil {
		w.report(rules.RuleFilterState, "%s: %s is %s, which forbids it (%s)", ddi, m.who(), m.life, f.Reason)
		return ndis.StatusFailure
	}
	return w.oidDown(ddi, m.adapter, m, req, direct)
}

// FOidRequestComplete runs NdisFOidRequestComplete in the simulated NDIS.
func (w *world) FOidRequestComplete(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisFOidRequestComplete", args(ndisFilterHandle, oidArg(oidRequest), status))()
	w.fOidComplete("NdisFOidRequestComplete", ndisFilterHandle, oidRequest, status, "foid6")
}

// FDirectOidRequestComplete runs NdisFDirectOidRequestComplete in the simulated NDIS.
func (w *world) FDirectOidRequestComplete(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisFDirectOidRequestComplete", args(ndisFilterHandle, oidArg(oidRequest), status))()
	w.fOidComplete("NdisFDirectOidRequestComplete", ndisFilterHandle, oidRequest, status, "fdoid6")
}

// fOidComplete implements the filter's OID completions.
func (w *world) fOidComplete(ddi string, h ndis.Handle, req *ndis.OidRequest, status ndis.Status, op string) {
	m := w.module6Arg(ddi, "NdisFilterHandle", h)
	if m == nil || !w.needPtr(ddi, "OidRequest", req == nil) {
		return
	}
	k := oidKey{m, req}
	o := w.six().oids[k]
	if o == nil || o.key.op != op {
		w.complete(reqKey{op, k}, ddi, fmt.Sprintf("the OID request (%s) at %s", oidArg(req), m.who()), status)
		return
	}
	if !w.complete(o.key, ddi, o.what, status) {
		return
	}
	w.oidEnd(o)
	w.oid6Deliver(o, status)
}

// MOidRequestComplete runs NdisMOidRequestComplete in the simulated NDIS.
func (w *world) MOidRequestComplete(miniportAdapterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisMOidRequestComplete", args(miniportAdapterHandle, oidArg(oidRequest), status))()
	w.mOidComplete("NdisMOidRequestComplete", miniportAdapterHandle, oidRequest, status, "moid6")
}

// MDirectOidRequestComplete runs NdisMDirectOidRequestComplete in the simulated NDIS.
func (w *world) MDirectOidRequestComplete(miniportAdapterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisMDirectOidRequestComplete", args(miniportAdapterHandle, oidArg(oidRequest), status))()
	w.mOidComplete("NdisMDirectOidRequestComplete", miniportAdapterHandle, oidRequest, status, "mdoid6")
}

// mOidComplete implements the miniport's OID completions.
func (w *world) mOidComplete(ddi string, h ndis.Handle, req *ndis.OidRequest, status ndis.Status, op string) {
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", h)
	if a == nil || !w.needPtr(ddi, "OidRequest", req == nil) {
		return
	}
	w.oidCompleted(ddi, req, status)
	k := oidKey{a, req}
	o := w.six().oids[k]
	key := reqKey{op, k}
	if o != nil && o.key.op == op {
		key = o.key
	}
	if op == "moid6" && a.oidBusy != nil && a.oidBusy != o && !w.completed[key] {
		w.report(rules.RuleOidCompleteNotCurrent, "%s: OidRequest (%s) is not the request pending on %s, %s; a miniport completes the request that is pending (NdisOidDoubleRequest)", ddi, oidArg(req), a.who(), a.oidBusy.what)
		return
	}
	if o == nil || o.key.op != op {
		w.complete(key, ddi, fmt.Sprintf("the OID request (%s) at %s", oidArg(req), a.who()), status)
		return
	}
	if !o.timedOut && !w.complete(o.key, ddi, o.what, status) {
		return
	}
	w.completed[o.key] = true
	w.oidEnd(o)
	w.oid6Deliver(o, status)
	w.startQueuedOid(a)
}
