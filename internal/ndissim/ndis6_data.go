package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Sends down and receive indications up an NDIS 6 driver stack.

// attached reports whether a filter module is in the stack (attach done,
// not detached).
func (m *module6) attached() bool { return !m.by.starting6(m.life) && !m.by.gone6(m.life) }

// below returns the layer under from in a's stack that takes what has
// selects (the filter modules that registered the handler; the miniport
// at the bottom).
func (a *adapter6) below(from layer, has func(*module6) bool) layer {
	i := len(a.filters) - 1
	if m, ok := from.(*module6); ok {
		i = a.indexOf(m) - 1
	}
	for ; i >= 0; i-- {
		if m := a.filters[i]; m.attached() && has(m) {
			return m
		}
	}
	return a
}

// above returns the layers over from in a's stack that take what has
// selects: the first such filter module, else the bindings.
func (w *world) above(a *adapter6, from layer, has func(*module6) bool) []layer {
	i := 0
	if m, ok := from.(*module6); ok {
		i = a.indexOf(m) + 1
	}
	for ; i < len(a.filters); i++ {
		if m := a.filters[i]; m.attached() && has(m) {
			return []layer{m}
		}
	}
	var out []layer
	for _, b := range w.bindings(a) {
		out = append(out, b)
	}
	return out
}

// indexOf returns m's place in a's stack, -1 if it is not in it.
func (a *adapter6) indexOf(m *module6) int {
	for i, x := range a.filters {
		if x == m {
			return i
		}
	}
	return -1
}

// Handler selectors for below and above.
func sendsThrough(m *module6) bool    { return m.drv.chars.SendNetBufferListsHandler != nil }
func receivesThrough(m *module6) bool { return m.drv.chars.ReceiveNetBufferListsHandler != nil }
func oidsThrough(m *module6) bool     { return m.drv.chars.OidRequestHandler != nil }
func statusThrough(m *module6) bool   { return m.drv.chars.StatusHandler != nil }

// dispatchFlag returns flags with the dispatch-level flag of role's
// parameter param (the catalogue's Param.IrqlFlag) set when NDIS calls the
// role at DISPATCH_LEVEL and cleared when below: NDIS tells the handler the
// IRQL it runs at (Dispatch IRQL Tracking), whatever the caller's flag said.
// The other bits (NDIS_RECEIVE_FLAGS_RESOURCES, ...) pass unchanged.
func (w *world) dispatchFlag(role, param string, flags uint32) uint32 {
	c := w.st.Catalogue()
	if c == nil {
		return flags
	}
	r := c.Role(role)
	if r == nil {
		return flags
	}
	for _, p := range r.Params {
		if p.Name != param || p.IrqlFlag == nil {
			continue
		}
		lvl := w.st.RoleLevel(role)
		if w.st.Irql() > lvl {
			lvl = w.st.Irql() // deferred: it runs no lower than now
		}
		if lvl >= rules.DispatchLevel {
			return flags | p.IrqlFlag.Value
		}
		return flags &^ p.IrqlFlag.Value
	}
	return flags
}

// sendDown hands lists layer from passed down to the layer under it.
func (w *world) sendDown(a *adapter6, from layer, lists []*ndis.NetBufferList, port ndis.PortNumber, flags uint32) {
	for _, n := range lists {
		r := w.nblOf(n)
		r.release(from)
		r.handOff(from)
		r.sendPath = append(r.sendPath, from)
	}
	to := a.below(from, sendsThrough)
	for _, n := range lists {
		w.nblOf(n).holders = []layer{to}
	}
	head := chainOf(lists)
	if m, ok := to.(*module6); ok {
		f := w.dispatchFlag("FILTER_SEND_NET_BUFFER_LISTS", "SendFlags", flags)
		w.call("FILTER_SEND_NET_BUFFER_LISTS", m.drv, args(m.ctx, nblArg(head), port, f), func() {
			m.drv.chars.SendNetBufferListsHandler(m.ctx, head, port, f)
		})
		return
	}
	if !w.can6(a.life, ev6("MINIPORT_SEND_NET_BUFFER_LISTS")) {
		// NDIS gives an adapter sends only in the states the catalogue's
		// machine has MiniportSendNetBufferLists in: it returns the others.
		w.st.Tracef("NDIS returns %s to the sender: %s is %s", nblArg(head), a.describe(), a.life)
		for _, n := range lists {
			n.Status = ndis.StatusPaused
		}
		w.sendComplete(a, lists, 0)
		return
	}
	for _, n := range lists {
		w.atMiniport(a, n)
	}
	f := w.dispatchFlag("MINIPORT_SEND_NET_BUFFER_LISTS", "SendFlags", flags)
	w.call("MINIPORT_SEND_NET_BUFFER_LISTS", a.drv, args(a.ctx, nblArg(head), port, f), func() {
		a.drv.chars.SendNetBufferListsHandler(a.ctx, head, port, f)
	})
}

// atMiniport records list n as held by a's MiniportSendNetBufferLists and
// starts its NdisTimedDataSend watchdog (and the adapter's
// NdisTimedDataHang one).
func (w *world) atMiniport(a *adapter6, n *ndis.NetBufferList) {
	r := w.nblOf(n)
	r.at, r.sentAt, r.timedOut = a, w.st.Now(), false
	r.key = reqKey{"send6", n}
	a.sending++
	what := fmt.Sprintf("a NET_BUFFER_LIST given to MiniportSendNetBufferLists of %s", a.who())
	w.st.Pend(r.key, what, w.completer("MINIPORT_SEND_NET_BUFFER_LISTS", false))
	key := r.key
	r.timer = w.watchdog(rules.RuleSendTimeout, a.describe(), func(seconds int) {
		if r.at != a || r.key != key || r.timedOut {
			return
		}
		r.timedOut = true
		w.st.Complete(key)
		w.report(rules.RuleSendTimeout, "%s got a NET_BUFFER_LIST at t=%d and had not completed it with NdisMSendNetBufferListsComplete %d s later (NdisTimedDataSend)", a.who(), r.sentAt, seconds)
	})
	if a.hang == nil {
		w.armHang(a)
	}
}

// armHang starts a's NdisTimedDataHang watchdog (22 s from now, the
// catalogue's bound).
func (w *world) armHang(a *adapter6) {
	a.hang = w.watchdog(rules.RuleSendHang, a.describe(), func(seconds int) {
		a.hang = nil
		if a.sending == 0 {
			return
		}
		n := 0
		for _, r := range w.six().nbls {
			if r.at == a && !r.timedOut {
				r.timedOut = true
				w.st.Complete(r.key)
				n++
			}
		}
		if n == 0 {
			return
		}
		w.report(rules.RuleSendHang, "%s holds %d NET_BUFFER_LIST(s) from MiniportSendNetBufferLists and has completed none for %d s (NdisTimedDataHang)", a.who(), n, seconds)
	})
}

// leaveMiniport ends the miniport's hold of list n.
func (w *world) leaveMiniport(a *adapter6, n *ndis.NetBufferList) {
	r := w.nblOf(n)
	if r.at != a {
		return
	}
	r.at = nil
	a.sending--
	if !r.timedOut {
		w.st.Complete(r.key)
	}
	if r.timer != nil {
		r.timer.Cancel()
		r.timer = nil
	}
}

// giveBack takes each list one step back along a path (its send path or
// its receive path, which path selects): the last layer of the path gets it
// back, and holds it while the list is still out on some path. It returns
// those layers in first-seen order and each one's lists, for one call per
// layer; lists with nothing left on the path are skipped.
func (w *world) giveBack(lists []*ndis.NetBufferList, path func(*nblState) *[]layer) ([]layer, map[layer][]*ndis.NetBufferList) {
	var order []layer
	groups := map[layer][]*ndis.NetBufferList{}
	for _, n := range lists {
		r := w.nblOf(n)
		p := path(r)
		if len(*p) == 0 {
			continue
		}
		to := (*p)[len(*p)-1]
		*p = (*p)[:len(*p)-1]
		r.backTo(to)
		if len(r.sendPath) > 0 || len(r.recvPath) > 0 {
			r.holders = []layer{to}
		} else {
			r.holders = nil
		}
		if groups[to] == nil {
			order = append(order, to)
		}
		groups[to] = append(groups[to], n)
	}
	return order, groups
}

// sendComplete gives lists back up, each to the layer that passed it down
// (the last of its send path), in order, one call per layer.
func (w *world) sendComplete(from layer, lists []*ndis.NetBufferList, flags uint32) {
	for _, n := range lists {
		r := w.nblOf(n)
		r.release(from)
		r.handOff(from)
	}
	order, groups := w.giveBack(lists, func(r *nblState) *[]layer { return &r.sendPath })
	for _, to := range order {
		head := chainOf(groups[to])
		switch x := to.(type) {
		case *module6:
			f := w.dispatchFlag("FILTER_SEND_NET_BUFFER_LISTS_COMPLETE", "SendCompleteFlags", flags)
			w.call("FILTER_SEND_NET_BUFFER_LISTS_COMPLETE", x.drv, args(x.ctx, nblArg(head), f), func() {
				if x.drv.chars.SendNetBufferListsCompleteHandler == nil {
					w.noHandler(x.drv, "FILTER_SEND_NET_BUFFER_LISTS_COMPLETE")
					return
				}
				x.drv.chars.SendNetBufferListsCompleteHandler(x.ctx, head, f)
			})
		case *binding6:
			p := x.open.protocol
			f := w.dispatchFlag("PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE", "SendCompleteFlags", flags)
			w.call("PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE", p, args(x.open.ctx, nblArg(head), f), func() {
				if p.chars.SendNetBufferListsCompleteHandler == nil {
					w.noHandler(p, "PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE")
					return
				}
				p.chars.SendNetBufferListsCompleteHandler(x.open.ctx, head, f)
			})
		}
	}
}

// SendNetBufferLists runs NdisSendNetBufferLists in the simulated NDIS.
func (w *world) SendNetBufferLists(ndisBindingHandle ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	defer w.st.EnterDDI("NdisSendNetBufferLists", args(ndisBindingHandle, nblArg(netBufferLists), portNumber, sendFlags))()
	const ddi = "NdisSendNetBufferLists"
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	lists := listOf(netBufferLists)
	if !w.passes(ddi, "NetBufferLists", b, lists, sendPathOf) {
		return
	}
	if f := w.forbids6(b.life, ddi); f != nil {
		w.report(rules.RuleBindingState, "%s: %s is %s, which forbids it (%s); NDIS returns the lists with NDIS_STATUS_PAUSED", ddi, b.who(), b.life, f.Reason)
		for _, n := range lists {
			r := w.nblOf(n)
			r.sendPath = append(r.sendPath, b)
			n.Status = ndis.StatusPaused
		}
		w.st.Enqueue("NDIS returns the sends of "+b.who(), 0, func() { w.sendComplete(nil, lists, 0) })
		return
	}
	w.sendDown(b.adapter, b, lists, portNumber, sendFlags)
}

// FSendNetBufferLists runs NdisFSendNetBufferLists in the simulated NDIS.
func (w *world) FSendNetBufferLists(ndisFilterHandle ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	defer w.st.EnterDDI("NdisFSendNetBufferLists", args(ndisFilterHandle, nblArg(netBufferList), portNumber, sendFlags))()
	const ddi = "NdisFSendNetBufferLists"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "NetBufferList", netBufferList == nil) {
		return
	}
	lists := listOf(netBufferList)
	if !w.passes(ddi, "NetBufferList", m, lists, sendPathOf) {
		return
	}
	if !w.moduleMayPass(ddi, "send", m, lists) {
		for _, n := range lists {
			r := w.nblOf(n)
			r.release(m)
			r.sendPath = append(r.sendPath, m)
			n.Status = ndis.StatusPaused
		}
		w.st.Enqueue("NDIS returns the sends of "+m.who(), 0, func() { w.sendComplete(nil, lists, 0) })
		return
	}
	w.sendDown(m.adapter, m, lists, portNumber, sendFlags)
}

// moduleMayPass reports whether filter module m may send or indicate
// lists now. The catalogue's state machine of filter modules
// (Catalogue.States) says which DDIs each state forbids, for every list or
// only for those the module allocated (StateDDI.OnlyFrom).
func (w *world) moduleMayPass(ddi, what string, m *module6, lists []*ndis.NetBufferList) bool {
	state := m.life.String()
	f := w.forbids6(m.life, ddi)
	if f == nil {
		return true
	}
	for _, n := range lists {
		r := w.nblOf(n)
		if len(f.OnlyFrom) > 0 && !r.atRestFrom(f.OnlyFrom) {
			continue
		}
		w.report(rules.RuleFilterState, "%s: %s is %s and passes a %s the state forbids (%s)", ddi, m.who(), state, what, f.Reason)
		return false
	}
	return true
}

// MSendNetBufferListsComplete runs NdisMSendNetBufferListsComplete in the simulated NDIS.
func (w *world) MSendNetBufferListsComplete(miniportAdapterHandle ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	defer w.st.EnterDDI("NdisMSendNetBufferListsComplete", args(miniportAdapterHandle, nblArg(netBufferList), sendCompleteFlags))()
	const ddi = "NdisMSendNetBufferListsComplete"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "NetBufferList", netBufferList == nil) {
		return
	}
	lists := listOf(netBufferList)
	if !w.passes(ddi, "NetBufferList", a, lists, sendPathOf) {
		return
	}
	for _, n := range lists {
		w.leaveMiniport(a, n)
	}
	if a.hang != nil {
		a.hang.Cancel()
		a.hang = nil
	}
	if a.sending > 0 {
		w.armHang(a)
	}
	w.sendComplete(a, lists, sendCompleteFlags)
}

// FSendNetBufferListsComplete runs NdisFSendNetBufferListsComplete in the simulated NDIS.
func (w *world) FSendNetBufferListsComplete(ndisFilterHandle ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	defer w.st.EnterDDI("NdisFSendNetBufferListsComplete", args(ndisFilterHandle, nblArg(netBufferList), sendCompleteFlags))()
	const ddi = "NdisFSendNetBufferListsComplete"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "NetBufferList", netBufferList == nil) {
		return
	}
	lists := listOf(netBufferList)
	if !w.passes(ddi, "NetBufferList", m, lists, sendPathOf) {
		return
	}
	w.sendComplete(m, lists, sendCompleteFlags)
}

// indicateUp hands lists layer from indicated to the layers over it. When
// keep is set (NDIS_RECEIVE_FLAGS_RESOURCES), they are from's again when
// the indication returns.
func (w *world) indicateUp(a *adapter6, from layer, lists []*ndis.NetBufferList, port ndis.PortNumber, flags uint32, keep bool) {
	for _, n := range lists {
		r := w.nblOf(n)
		r.release(from)
		r.handOff(from)
		r.recvPath = append(r.recvPath, from)
	}
	to := w.above(a, from, receivesThrough)
	for _, n := range lists {
		w.nblOf(n).holders = append([]layer(nil), to...)
	}
	head := chainOf(lists)
	count := uint32(len(lists))
	if keep {
		for _, n := range lists {
			w.nblOf(n).lent++
		}
		defer func() {
			for _, n := range lists {
				w.nblOf(n).lent--
			}
		}()
	}
	for _, l := range to {
		switch x := l.(type) {
		case *module6:
			f := w.dispatchFlag("FILTER_RECEIVE_NET_BUFFER_LISTS", "ReceiveFlags", flags)
			w.call("FILTER_RECEIVE_NET_BUFFER_LISTS", x.drv, args(x.ctx, nblArg(head), port, count, f), func() {
				x.drv.chars.ReceiveNetBufferListsHandler(x.ctx, head, port, count, f)
			})
		case *binding6:
			p := x.open.protocol
			f := w.dispatchFlag("PROTOCOL_RECEIVE_NET_BUFFER_LISTS", "ReceiveFlags", flags)
			w.call("PROTOCOL_RECEIVE_NET_BUFFER_LISTS", p, args(x.open.ctx, nblArg(head), port, count, f), func() {
				if p.chars.ReceiveNetBufferListsHandler == nil {
					w.noHandler(p, "PROTOCOL_RECEIVE_NET_BUFFER_LISTS")
					if !keep {
						w.returnUp(x, lists, 0)
					}
					return
				}
				p.chars.ReceiveNetBufferListsHandler(x.open.ctx, head, port, count, f)
			})
		}
	}
	if keep {
		w.reclaim(from, lists)
		return
	}
	if len(to) == 0 {
		// Nobody above: NDIS gives the lists back at once.
		w.st.Enqueue("NDIS returns an indication nobody takes", 0, func() { w.returnDown(lists, 0) })
	}
}

// reclaim gives lists indicated with NDIS_RECEIVE_FLAGS_RESOURCES back to
// from, their indicator, when the indication returns, and reports a layer
// above that indicated them on and still holds them.
func (w *world) reclaim(from layer, lists []*ndis.NetBufferList) {
	for i, n := range lists {
		r := w.nblOf(n)
		at := -1
		for j, l := range r.recvPath {
			if l == from {
				at = j
			}
		}
		if at < 0 {
			continue
		}
		if at < len(r.recvPath)-1 && len(r.holders) > 0 {
			w.report(rules.RuleNblNotOwned, "%s still holds NET_BUFFER_LIST #%d of an indication made with NDIS_RECEIVE_FLAGS_RESOURCES after the indication returned: such lists are the indicator's again on return, and a driver that passes them on indicates them with the flag too", r.holders[0].who(), i+1)
		}
		r.recvPath = r.recvPath[:at]
		r.backTo(from)
		r.holders = nil
		if len(r.recvPath) > 0 || len(r.sendPath) > 0 {
			r.holders = []layer{from}
		}
	}
}

// returnUp records that layer by returns lists and gives back those every
// holder has returned.
func (w *world) returnUp(by layer, lists []*ndis.NetBufferList, flags uint32) {
	var back []*ndis.NetBufferList
	for _, n := range lists {
		r := w.nblOf(n)
		r.release(by)
		r.handOff(by)
		if len(r.holders) == 0 {
			back = append(back, n)
		}
	}
	w.returnDown(back, flags)
}

// returnDown gives lists back, each to the layer that indicated it (the
// last of its receive path), one call per layer.
func (w *world) returnDown(lists []*ndis.NetBufferList, flags uint32) {
	order, groups := w.giveBack(lists, func(r *nblState) *[]layer { return &r.recvPath })
	for _, to := range order {
		head := chainOf(groups[to])
		switch x := to.(type) {
		case *module6:
			f := w.dispatchFlag("FILTER_RETURN_NET_BUFFER_LISTS", "ReturnFlags", flags)
			w.call("FILTER_RETURN_NET_BUFFER_LISTS", x.drv, args(x.ctx, nblArg(head), f), func() {
				if x.drv.chars.ReturnNetBufferListsHandler == nil {
					w.noHandler(x.drv, "FILTER_RETURN_NET_BUFFER_LISTS")
					return
				}
				x.drv.chars.ReturnNetBufferListsHandler(x.ctx, head, f)
			})
		case *adapter6:
			f := w.dispatchFlag("MINIPORT_RETURN_NET_BUFFER_LISTS", "ReturnFlags", flags)
			w.call("MINIPORT_RETURN_NET_BUFFER_LISTS", x.drv, args(x.ctx, nblArg(head), f), func() {
				x.drv.chars.ReturnNetBufferListsHandler(x.ctx, head, f)
			})
		}
	}
}

// MIndicateReceiveNetBufferLists runs NdisMIndicateReceiveNetBufferLists in the simulated NDIS.
func (w *world) MIndicateReceiveNetBufferLists(miniportAdapterHandle ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	defer w.st.EnterDDI("NdisMIndicateReceiveNetBufferLists", args(miniportAdapterHandle, nblArg(netBufferList), portNumber, numberOfNetBufferLists, receiveFlags))()
	const ddi = "NdisMIndicateReceiveNetBufferLists"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "NetBufferList", netBufferList == nil) {
		return
	}
	lists := listOf(netBufferList)
	if !w.countMatches(ddi, lists, numberOfNetBufferLists) || !w.passes(ddi, "NetBufferList", a, lists, recvPathOf) {
		return
	}
	// The catalogue's state machine of adapters says what the state
	// forbids (Initializing and Paused: indications).
	if f := w.forbids6(a.life, ddi); f != nil {
		w.report(rules.RuleAdapterState, "%s: %s is %s (%s)", ddi, a.who(), a.life, f.Reason)
		return
	}
	w.indicateUp(a, a, lists, portNumber, receiveFlags, w.keeps(ddi, "NetBufferList", receiveFlags))
}

// countMatches reports a NumberOfNetBufferLists that differs from the
// chain's length.
func (w *world) countMatches(ddi string, lists []*ndis.NetBufferList, n uint32) bool {
	if int(n) != len(lists) {
		w.report(rules.RuleBadParameter, "%s: NumberOfNetBufferLists is %d and the chain has %d", ddi, n, len(lists))
		return false
	}
	return true
}

// FIndicateReceiveNetBufferLists runs NdisFIndicateReceiveNetBufferLists in the simulated NDIS.
func (w *world) FIndicateReceiveNetBufferLists(ndisFilterHandle ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	defer w.st.EnterDDI("NdisFIndicateReceiveNetBufferLists", args(ndisFilterHandle, nblArg(netBufferLists), portNumber, numberOfNetBufferLists, receiveFlags))()
	const ddi = "NdisFIndicateReceiveNetBufferLists"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	lists := listOf(netBufferLists)
	if !w.countMatches(ddi, lists, numberOfNetBufferLists) || !w.passes(ddi, "NetBufferLists", m, lists, recvPathOf) {
		return
	}
	if !w.moduleMayPass(ddi, "receive indication", m, lists) {
		return
	}
	w.indicateUp(m.adapter, m, lists, portNumber, receiveFlags, w.keeps(ddi, "NetBufferLists", receiveFlags))
}

// ReturnNetBufferLists runs NdisReturnNetBufferLists in the simulated NDIS.
func (w *world) ReturnNetBufferLists(ndisBindingHandle ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	defer w.st.EnterDDI("NdisReturnNetBufferLists", args(ndisBindingHandle, nblArg(netBufferLists), returnFlags))()
	const ddi = "NdisReturnNetBufferLists"
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	lists := listOf(netBufferLists)
	if !w.passes(ddi, "NetBufferLists", b, lists, recvPathOf) {
		return
	}
	w.returnUp(b, lists, returnFlags)
}

// FReturnNetBufferLists runs NdisFReturnNetBufferLists in the simulated NDIS.
func (w *world) FReturnNetBufferLists(ndisFilterHandle ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	defer w.st.EnterDDI("NdisFReturnNetBufferLists", args(ndisFilterHandle, nblArg(netBufferLists), returnFlags))()
	const ddi = "NdisFReturnNetBufferLists"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "NetBufferLists", netBufferLists == nil) {
		return
	}
	lists := listOf(netBufferLists)
	if !w.passes(ddi, "NetBufferLists", m, lists, recvPathOf) {
		return
	}
	w.returnUp(m, lists, returnFlags)
}

// statusUp delivers a status indication from layer from to the layers over
// it (FilterStatus, ProtocolStatusEx).
func (w *world) statusUp(a *adapter6, from layer, si *ndis.StatusIndication) {
	for _, l := range w.above(a, from, statusThrough) {
		switch x := l.(type) {
		case *module6:
			w.call("FILTER_STATUS", x.drv, args(x.ctx, "StatusIndication"), func() {
				x.drv.chars.StatusHandler(x.ctx, si)
			})
		case *binding6:
			p := x.open.protocol
			if p.chars.StatusHandlerEx == nil {
				continue
			}
			w.call("PROTOCOL_STATUS_EX", p, args(x.open.ctx, "StatusIndication"), func() {
				p.chars.StatusHandlerEx(x.open.ctx, si)
			})
		}
	}
}

// MIndicateStatusEx runs NdisMIndicateStatusEx in the simulated NDIS.
func (w *world) MIndicateStatusEx(miniportAdapterHandle ndis.Handle, statusIndication *ndis.StatusIndication) {
	defer w.st.EnterDDI("NdisMIndicateStatusEx", args(miniportAdapterHandle, "StatusIndication"))()
	const ddi = "NdisMIndicateStatusEx"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "StatusIndication", statusIndication == nil) {
		return
	}
	w.statusUp(a, a, statusIndication)
}

// FIndicateStatus runs NdisFIndicateStatus in the simulated NDIS.
func (w *world) FIndicateStatus(ndisFilterHandle ndis.Handle, statusIndication *ndis.StatusIndication) {
	defer w.st.EnterDDI("NdisFIndicateStatus", args(ndisFilterHandle, "StatusIndication"))()
	const ddi = "NdisFIndicateStatus"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.needPtr(ddi, "StatusIndication", statusIndication == nil) {
		return
	}
	if f := w.forbids6(m.life, ddi); f != nil {
		w.report(rules.RuleFilterState, "%s: %s is %s, which forbids it (%s)", ddi, m.who(), m.life, f.Reason)
		return
	}
	w.statusUp(m.adapter, m, statusIndication)
}
