package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// bind runs p's ProtocolBindAdapterEx for adapter a, the way NDIS binds a
// protocol to an adapter that comes up. It returns the handler's status.
func (w *world) bind(p *protocolBlock, a *adapterBlock) ndis.Status {
	if p.tried == nil {
		p.tried = map[*adapterBlock]bool{}
	}
	p.tried[a] = true
	bc := &bindCtx{issued: issued{w}, protocol: p, adapter: a}
	bp := &ndis.BindParameters{ProtocolSection: p.name, AdapterName: a.name, MediaType: a.medium, MtuSize: 9180}
	what := fmt.Sprintf("PROTOCOL_BIND_ADAPTER_EX of %s for adapter %q", p.driverName(), a.name)
	st := w.forward(reqKey{"bind", bc}, what, w.completer("PROTOCOL_BIND_ADAPTER_EX", false), func() ndis.Status {
		return w.callStatus("PROTOCOL_BIND_ADAPTER_EX", p, args(p.ctx, bc, "BindParameters"), func() ndis.Status {
			return p.chars.BindAdapterHandlerEx(p.ctx, bc, bp)
		})
	})
	if st != ndis.StatusPending {
		w.bindFinish(bc, st)
	}
	return st
}

// bindFinish ends a bind: on success NDIS tells a client about every address
// family already registered on the adapter.
func (w *world) bindFinish(bc *bindCtx, st ndis.Status) {
	if bc.state == bindDone || bc.state == bindFailed {
		return
	}
	if st != ndis.StatusSuccess || bc.open == nil || bc.open.closed {
		bc.state = bindFailed
		w.st.Tracef("binding of %s to %q failed (%s)", bc.protocol.driverName(), bc.adapter.name, st)
		return
	}
	bc.state = bindDone
	for _, r := range w.regAfs {
		if r.adapter == bc.adapter && !r.closed {
			w.notifyAf(bc.open, r)
		}
	}
}

// notifyAf calls a client's ProtocolCoAfRegisterNotify for a registered AF.
func (w *world) notifyAf(o *openBlock, r *regAf) {
	p := o.protocol
	if p.cl == nil || p.co == nil || p.co.CoAfRegisterNotifyHandler == nil {
		return
	}
	if r.cm.open == o {
		return
	}
	af := r.af
	w.step(w.advertOf(o, r), on("PROTOCOL_CO_AF_REGISTER_NOTIFY"))
	w.call("PROTOCOL_CO_AF_REGISTER_NOTIFY", p, args(o.ctx, fmt.Sprintf("AF 0x%x", af.AddressFamily)), func() {
		p.co.CoAfRegisterNotifyHandler(o.ctx, &af)
	})
}

// unbind runs the protocol's ProtocolUnbindAdapterEx for binding o.
func (w *world) unbind(o *openBlock) ndis.Status {
	p := o.protocol
	uc := &unbindCtx{issued: issued{w}, open: o}
	what := fmt.Sprintf("PROTOCOL_UNBIND_ADAPTER_EX of %s", o.who())
	st := w.forward(reqKey{"unbind", uc}, what, w.completer("PROTOCOL_UNBIND_ADAPTER_EX", false), func() ndis.Status {
		return w.callStatus("PROTOCOL_UNBIND_ADAPTER_EX", p, args(uc, o.ctx), func() ndis.Status {
			return p.chars.UnbindAdapterHandlerEx(uc, o.ctx)
		})
	})
	if st != ndis.StatusPending {
		w.unbindFinish(uc)
	}
	return st
}

// unbindFinish ends an unbind; the binding must have been closed.
func (w *world) unbindFinish(uc *unbindCtx) {
	if uc.done {
		return
	}
	uc.done = true
	if !uc.open.closed {
		w.report(rules.RuleUnbindWithoutClose, "%s completed PROTOCOL_UNBIND_ADAPTER_EX without closing its binding with NdisCloseAdapterEx", uc.open.who())
		w.closeOpen(uc.open)
	}
}

// closeOpen removes a binding from NDIS's tables.
func (w *world) closeOpen(o *openBlock) {
	o.closed = true
	o.adapter.opens = removeOpen(o.adapter.opens, o)
	o.protocol.opens = removeOpen(o.protocol.opens, o)
	for _, r := range w.regAfs {
		if r.cm.open == o {
			r.closed = true
		}
	}
}

// removeOpen returns list without o.
func removeOpen(list []*openBlock, o *openBlock) []*openBlock {
	out := list[:0]
	for _, x := range list {
		if x != o {
			out = append(out, x)
		}
	}
	return out
}

// OpenAdapterEx runs NdisOpenAdapterEx in the simulated NDIS.
func (w *world) OpenAdapterEx(ndisProtocolHandle ndis.Handle, protocolBindingContext ndis.Handle, openParameters *ndis.OpenParameters, bindContext ndis.Handle, ndisBindingHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisOpenAdapterEx", args(ndisProtocolHandle, protocolBindingContext, "OpenParameters", bindContext, "NdisBindingHandle"))()
	const ddi = "NdisOpenAdapterEx"
	p, ok := handleOf[*protocolBlock](w, ddi, "NdisProtocolHandle", ndisProtocolHandle, "the handle from NdisRegisterProtocolDriver")
	if !ok {
		return ndis.StatusInvalidParameter
	}
	if !p.registered || p.deregistered {
		w.report(rules.RuleBadHandle, "%s: NdisProtocolHandle is %s, which is not registered", ddi, p.driverName())
		return ndis.StatusInvalidParameter
	}
	bc, ok := handleOf[*bindCtx](w, ddi, "BindContext", bindContext, "the BindContext NDIS passed to ProtocolBindAdapterEx")
	if !ok {
		return ndis.StatusInvalidParameter
	}
	if bc.protocol != p || bc.open != nil || bc.state == bindDone || bc.state == bindFailed {
		w.report(rules.RuleBadHandle, "%s: BindContext is %s, which is not an open bind of %s", ddi, describe(bc), p.driverName())
		return ndis.StatusInvalidParameter
	}
	if !w.needPtr(ddi, "OpenParameters", openParameters == nil) || !w.needPtr(ddi, "NdisBindingHandle", ndisBindingHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	a := bc.adapter
	if openParameters.AdapterName != a.name {
		return ndis.StatusAdapterNotFound
	}
	idx := -1
	for i, m := range openParameters.MediumArray {
		if m == a.medium {
			idx = i
			break
		}
	}
	if idx < 0 {
		return ndis.StatusUnsupportedMedia
	}
	if openParameters.SelectedMediumIndex != nil {
		*openParameters.SelectedMediumIndex = uint32(idx)
	}
	o := &openBlock{issued: issued{w}, protocol: p, adapter: a, ctx: protocolBindingContext, bind: bc}
	bc.open = o
	a.opens = append(a.opens, o)
	p.opens = append(p.opens, o)
	*ndisBindingHandle = o
	if !a.openPends {
		return ndis.StatusSuccess
	}
	o.opening = true
	key := reqKey{"open-adapter", o}
	w.st.Pend(key, fmt.Sprintf("NdisOpenAdapterEx of %s", o.who()), w.ddiCompleter("NdisOpenAdapterEx"))
	w.st.Enqueue(fmt.Sprintf("NDIS completes NdisOpenAdapterEx of %s", o.who()), 0, func() {
		w.st.Complete(key)
		o.opening = false
		w.call("PROTOCOL_OPEN_ADAPTER_COMPLETE_EX", p, args(o.ctx, ndis.StatusSuccess), func() {
			if p.chars.OpenAdapterCompleteHandlerEx != nil {
				p.chars.OpenAdapterCompleteHandlerEx(o.ctx, ndis.StatusSuccess)
			}
		})
	})
	return ndis.StatusPending
}

// CloseAdapterEx runs NdisCloseAdapterEx in the simulated NDIS.
func (w *world) CloseAdapterEx(ndisBindingHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisCloseAdapterEx", args(ndisBindingHandle))()
	o := w.openArg("NdisCloseAdapterEx", "NdisBindingHandle", ndisBindingHandle)
	if o == nil {
		return ndis.StatusInvalidParameter
	}
	w.checkBindingIdle(o)
	pends := o.adapter.openPends
	w.closeOpen(o)
	if !pends {
		return ndis.StatusSuccess
	}
	cc := &closeCtx{open: o}
	key := reqKey{"close-adapter", cc}
	w.st.Pend(key, fmt.Sprintf("NdisCloseAdapterEx of %s", o.who()), w.ddiCompleter("NdisCloseAdapterEx"))
	p := o.protocol
	w.st.Enqueue(fmt.Sprintf("NDIS completes NdisCloseAdapterEx of %s", o.who()), 0, func() {
		w.st.Complete(key)
		w.call("PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX", p, args(o.ctx), func() {
			if p.chars.CloseAdapterCompleteHandlerEx != nil {
				p.chars.CloseAdapterCompleteHandlerEx(o.ctx)
			}
		})
	})
	return ndis.StatusPending
}

// checkBindingIdle reports address families that still depend on binding o.
func (w *world) checkBindingIdle(o *openBlock) {
	for _, af := range w.afs {
		if af.state == afClosed || af.state == afFailed {
			continue
		}
		if af.client == o && !af.life.dead {
			w.report(rules.RuleBindingBusy, "NdisCloseAdapterEx: %s still has af #%d open; ProtocolUnbindAdapterEx must close every AF that depends on the binding (NdisClCloseAddressFamily) before NdisCloseAdapterEx", o.who(), af.id)
		}
		if af.reg.cm.open == o {
			w.report(rules.RuleBindingBusy, "NdisCloseAdapterEx: %s still has clients on af #%d; a call manager closes them with NdisCmNotifyCloseAddressFamily before NdisCloseAdapterEx", o.who(), af.id)
		}
	}
}

// CompleteBindAdapterEx runs NdisCompleteBindAdapterEx in the simulated NDIS.
func (w *world) CompleteBindAdapterEx(bindAdapterContext ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisCompleteBindAdapterEx", args(bindAdapterContext, status))()
	bc, ok := handleOf[*bindCtx](w, "NdisCompleteBindAdapterEx", "BindAdapterContext", bindAdapterContext, "the BindContext NDIS passed to ProtocolBindAdapterEx")
	if !ok {
		return
	}
	what := fmt.Sprintf("PROTOCOL_BIND_ADAPTER_EX of %s for adapter %q", bc.protocol.driverName(), bc.adapter.name)
	if !w.complete(reqKey{"bind", bc}, "NdisCompleteBindAdapterEx", what, status) {
		return
	}
	w.bindFinish(bc, status)
}

// CompleteUnbindAdapterEx runs NdisCompleteUnbindAdapterEx in the simulated NDIS.
func (w *world) CompleteUnbindAdapterEx(unbindContext ndis.Handle) {
	defer w.st.EnterDDI("NdisCompleteUnbindAdapterEx", args(unbindContext))()
	uc, ok := handleOf[*unbindCtx](w, "NdisCompleteUnbindAdapterEx", "UnbindContext", unbindContext, "the UnbindContext NDIS passed to ProtocolUnbindAdapterEx")
	if !ok {
		return
	}
	what := fmt.Sprintf("PROTOCOL_UNBIND_ADAPTER_EX of %s", uc.open.who())
	if !w.complete(reqKey{"unbind", uc}, "NdisCompleteUnbindAdapterEx", what, ndis.StatusSuccess) {
		return
	}
	w.unbindFinish(uc)
}
