package ndissim

import (
	"fmt"
	"reflect"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// NDIS 6 miniport drivers: registration, adapter initialization and halt,
// the attributes MiniportInitializeEx sets, reset.

// missingSlots6 reports every mandatory slot (the catalogue's
// HandlerStruct.Slots, Required) of the handler structure cname that the
// driver left NULL in s (a pointer to it), and returns how many.
func (w *world) missingSlots6(ddi string, drv driverRef, cname string, s any) int {
	c := w.st.Catalogue()
	if c == nil {
		return 0
	}
	hs := c.Struct(cname)
	if hs == nil {
		return 0
	}
	rv := reflect.ValueOf(s).Elem()
	n := 0
	for _, sl := range hs.Slots {
		if !slotRequired(sl, false) {
			continue
		}
		f := rv.FieldByName(sl.Field)
		if !f.IsValid() || f.Kind() != reflect.Func || !f.IsNil() {
			continue
		}
		n++
		w.report(rules.RuleMissingHandler, "%s: %s registered %s with %s NULL; every driver that registers the structure supplies this %s handler",
			ddi, drv.driverName(), cname, sl.Field, sl.Role)
	}
	return n
}

// MRegisterMiniportDriver runs NdisMRegisterMiniportDriver in the simulated NDIS.
func (w *world) MRegisterMiniportDriver(driverObject *ndis.DriverObject, registryPath *ndis.String, miniportDriverContext ndis.Handle, miniportDriverCharacteristics *ndis.MiniportDriverCharacteristics, ndisMiniportDriverHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisMRegisterMiniportDriver", args("DriverObject", "RegistryPath", miniportDriverContext, "MiniportDriverCharacteristics", "NdisMiniportDriverHandle"))()
	const ddi = "NdisMRegisterMiniportDriver"
	if !w.needPtr(ddi, "DriverObject", driverObject == nil) || !w.needPtr(ddi, "MiniportDriverCharacteristics", miniportDriverCharacteristics == nil) || !w.needPtr(ddi, "NdisMiniportDriverHandle", ndisMiniportDriverHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	chars := *miniportDriverCharacteristics
	if chars.MajorNdisVersion < 6 {
		return ndis.StatusBadVersion
	}
	name := driverObject.DriverName
	if name == "" {
		name = fmt.Sprintf("miniport%d", w.next("miniport"))
	}
	d := &mp6Driver{issued: issued{w}, name: name, obj: driverObject, ctx: miniportDriverContext, chars: chars}
	if w.missingSlots6(ddi, d, "NDIS_MINIPORT_DRIVER_CHARACTERISTICS", &d.chars) > 0 {
		return ndis.StatusBadCharacteristics
	}
	if chars.SetOptionsHandler != nil {
		d.inSetOptions = true
		st := w.callStatus6("SET_OPTIONS", d, args(d, miniportDriverContext), func() ndis.Status {
			return chars.SetOptionsHandler(d, miniportDriverContext)
		})
		d.inSetOptions = false
		if st != ndis.StatusSuccess {
			return st
		}
	}
	w.six().miniports = append(w.six().miniports, d)
	*ndisMiniportDriverHandle = d
	return ndis.StatusSuccess
}

// setMiniport6Handlers records the optional handlers an NDIS 6 miniport
// driver registers with NdisSetOptionalHandlers, which it may do only from
// its MiniportSetOptions. The NDIS 6 simulation does not run CoNDIS VCs on
// an NDIS 6 miniport (the harness's scripted CoNDIS miniports do), so the
// structures are kept, not used.
func (w *world) setMiniport6Handlers(d *mp6Driver, h ndis.DriverOptionalHandlers) ndis.Status {
	const ddi = "NdisSetOptionalHandlers"
	if !d.inSetOptions {
		w.report(rules.RuleOptionalHandlersContext, "%s: %s registers %s outside its MiniportSetOptions handler", ddi, d.driverName(), handlersName(h))
		return ndis.StatusFailure
	}
	// NDIS keeps a copy of the Plug and Play and selective suspend
	// handlers.
	switch x := h.(type) {
	case *ndis.MiniportPnpCharacteristics:
		c := *x
		h = &c
	case *ndis.MiniportSsCharacteristics:
		c := *x
		h = &c
	}
	switch h.(type) {
	case *ndis.MiniportPnpCharacteristics, *ndis.MiniportSsCharacteristics:
		if w.missingSlots6(ddi, d, handlersName(h), h) > 0 {
			return ndis.StatusFailure
		}
	}
	d.optional = append(d.optional, h)
	return ndis.StatusSuccess
}

// MDeregisterMiniportDriver runs NdisMDeregisterMiniportDriver in the simulated NDIS.
func (w *world) MDeregisterMiniportDriver(ndisMiniportDriverHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMDeregisterMiniportDriver", args(ndisMiniportDriverHandle))()
	const ddi = "NdisMDeregisterMiniportDriver"
	d, ok := handleOf[*mp6Driver](w, ddi, "NdisMiniportDriverHandle", ndisMiniportDriverHandle, "the handle from NdisMRegisterMiniportDriver")
	if !ok {
		return
	}
	if d.deregistered {
		w.report(rules.RuleBadHandle, "%s: %s is deregistered already", ddi, d.driverName())
		return
	}
	d.deregistered = true
}

// addAdapter6 starts an adapter of miniport driver d: NDIS calls its Plug
// and Play handlers, if it registered any (addDevice6), and its
// MiniportInitializeEx, which must set the adapter's registration
// attributes with NdisMSetMiniportAttributes. On success the adapter is
// Paused.
func (w *world) addAdapter6(d *mp6Driver, name string, medium ndis.Medium) (*adapter6, ndis.Status) {
	s := w.six()
	base := &adapterBlock{issued: issued{w}, name: name, index: len(w.adapters) + 1, medium: medium,
		driver: &miniportDriverBlock{issued: issued{w}, name: d.name, ctx: d.ctx}}
	a := &adapter6{issued: issued{w}, drv: d, name: name, base: base, life: w.newOpLife(rules.ObjectAdapter), inInit: true}
	s.adapters = append(s.adapters, a)
	s.byBase[base] = a
	w.adapters = append(w.adapters, base)
	addCtx, st := w.addDevice6(a)
	params := &ndis.MiniportInitParameters{IfIndex: uint32(base.index), MiniportAddDeviceContext: addCtx}
	if st == ndis.StatusSuccess {
		w.enter6(a.life, ev6("MINIPORT_INITIALIZE"))
		mark := w.resourceMark()
		st = w.callStatus6("MINIPORT_INITIALIZE", d, args(a.describe(), d.ctx, "MiniportInitParameters"), func() ndis.Status {
			return d.chars.InitializeHandlerEx(a, d.ctx, params)
		})
		w.return6(a.life, ev6("MINIPORT_INITIALIZE"), st)
		if st != ndis.StatusSuccess {
			w.reportKeptOnFailure("MINIPORT_INITIALIZE", mark, st, a.who())
			w.removeDevice6(a)
		}
	}
	a.inInit = false
	if st == ndis.StatusSuccess && !a.attrs {
		w.report(rules.RuleSetAttributes, "%s's MiniportInitializeEx returned NDIS_STATUS_SUCCESS without calling NdisMSetMiniportAttributes; a miniport sets its registration attributes (its MiniportAdapterContext) there", d.driverName())
	}
	if st != ndis.StatusSuccess {
		base.halted = true
		return nil, st
	}
	base.ready = true
	d.adapters = append(d.adapters, a)
	return a, st
}

// MSetMiniportAttributes runs NdisMSetMiniportAttributes in the simulated NDIS.
func (w *world) MSetMiniportAttributes(ndisMiniportHandle ndis.Handle, miniportAttributes *ndis.MiniportAdapterAttributes) ndis.Status {
	defer w.st.EnterDDI("NdisMSetMiniportAttributes", args(ndisMiniportHandle, "MiniportAttributes"))()
	const ddi = "NdisMSetMiniportAttributes"
	a, ok := handleOf[*adapter6](w, ddi, "NdisMiniportHandle", ndisMiniportHandle, "the MiniportAdapterHandle NDIS passed to MiniportInitializeEx")
	if !ok || !w.checkOwner(ddi, "NdisMiniportHandle", ndisMiniportHandle, a.drv) || !w.needPtr(ddi, "MiniportAttributes", miniportAttributes == nil) {
		return ndis.StatusInvalidParameter
	}
	if !a.inInit {
		w.report(rules.RuleSetAttributes, "%s: %s is %s, not in MiniportInitializeEx; a miniport sets its adapter's attributes only from MiniportInitializeEx", ddi, a.who(), a.life)
		return ndis.StatusFailure
	}
	if w.setAddDeviceContext(a, miniportAttributes) {
		return ndis.StatusSuccess
	}
	if miniportAttributes.MiniportAdapterContext != nil || !a.attrs {
		a.ctx = miniportAttributes.MiniportAdapterContext
	}
	a.attrs = true
	return ndis.StatusSuccess
}

// haltAdapter6 halts a paused adapter: NDIS unbinds the protocols, detaches
// the filter modules, top first, and calls MiniportHaltEx.
func (w *world) haltAdapter6(a *adapter6) error {
	if err := w.stackPaused("Halt", a); err != nil {
		return err
	}
	if !w.can6(a.life, ev6("MINIPORT_HALT")) {
		return fmt.Errorf("Halt: %s is %s, which NDIS does not halt", a.who(), a.life)
	}
	if a.oidBusy != nil || a.sending > 0 {
		return fmt.Errorf("Halt: %s still has an OID request or sends outstanding; NDIS halts an adapter only when none is", a.who())
	}
	for _, b := range w.bindings(a) {
		w.unbind(b.open)
	}
	for i := len(a.filters) - 1; i >= 0; i-- {
		w.detachModule(a.filters[i])
	}
	const halt = "MINIPORT_HALT"
	w.call(halt, a.drv, args(a.ctx, "NdisHaltDeviceDisabled"), func() {
		a.drv.chars.HaltHandlerEx(a.ctx, ndis.HaltDeviceDisabled)
	})
	w.reportHeldAfter(halt, a)
	w.enter6(a.life, ev6(halt))
	w.removeDevice6(a)
	a.base.halted, a.base.ready = true, false
	return nil
}

// stackPaused reports, as an error of the harness operation op, an
// adapter whose stack is not paused (NDIS halts, attaches and detaches
// only on a paused stack): a layer that its restart event (MiniportRestart,
// FilterRestart, ProtocolNetPnPEvent with NetEventRestart) does not leave
// in the catalogue's machine, which is the state NDIS restarts a stack from.
func (w *world) stackPaused(op string, a *adapter6) error {
	if a.op != nil {
		return fmt.Errorf("%s: a %s of %s's stack is in progress", op, a.op.kind, a.who())
	}
	if !w.can6(a.life, ev6("MINIPORT_RESTART")) {
		return fmt.Errorf("%s: %s is %s; pause its stack first", op, a.who(), a.life)
	}
	for _, m := range a.filters {
		if m.attached() && !w.can6(m.life, ev6("FILTER_RESTART")) {
			return fmt.Errorf("%s: %s is %s; pause the stack first", op, m.who(), m.life)
		}
	}
	for _, b := range w.bindings(a) {
		if !w.can6(b.life, pnpEv(ndis.NetEventRestart)) {
			return fmt.Errorf("%s: %s is %s; pause the stack first", op, b.who(), b.life)
		}
	}
	return nil
}

// pnpEv is ProtocolNetPnPEvent with the event code, as the binding
// machine's value conditions read it.
func pnpEv(code ndis.NetPnpEventCode) opEvent {
	return ev6("PROTOCOL_NET_PNP_EVENT", "NetPnPEventNotification", &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: code}})
}

// resetAdapter6 calls the adapter's MiniportResetEx; a PENDING return is
// completed by NdisMResetComplete.
func (w *world) resetAdapter6(a *adapter6) (ndis.Status, error) {
	if a.drv.chars.ResetHandlerEx == nil {
		return ndis.StatusFailure, fmt.Errorf("Reset: %s has no MiniportResetEx", a.drv.driverName())
	}
	if w.starting6(a.life) || w.gone6(a.life) {
		return ndis.StatusFailure, fmt.Errorf("Reset: %s is %s", a.who(), a.life)
	}
	var addressing bool
	what := "MiniportResetEx of " + a.who()
	st := w.forward(reqKey{"reset6", a}, what, w.completer("MINIPORT_RESET", false), func() ndis.Status {
		return w.callStatus6("MINIPORT_RESET", a.drv, args(a.ctx, "AddressingReset"), func() ndis.Status {
			return a.drv.chars.ResetHandlerEx(a.ctx, &addressing)
		})
	})
	a.resetting = st == ndis.StatusPending
	return st, nil
}

// MResetComplete runs NdisMResetComplete in the simulated NDIS.
func (w *world) MResetComplete(miniportAdapterHandle ndis.Handle, status ndis.Status, addressingReset bool) {
	defer w.st.EnterDDI("NdisMResetComplete", args(miniportAdapterHandle, status, addressingReset))()
	const ddi = "NdisMResetComplete"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil {
		return
	}
	if w.complete(reqKey{"reset6", a}, ddi, "MiniportResetEx of "+a.who(), status) {
		a.resetting = false
		w.startQueuedOid(a)
	}
}

// shutdownAdapter6 calls the adapter's MiniportShutdownEx, as at a system
// shutdown: the adapter is in the Shutdown state from then on (Miniport
// Adapter States and Operations: "a system shutdown and restart must occur
// before the system can use the adapter again"), and NDIS gives it no more
// requests.
func (w *world) shutdownAdapter6(a *adapter6) error {
	if !w.can6(a.life, ev6("MINIPORT_SHUTDOWN")) {
		return fmt.Errorf("Shutdown: %s is %s", a.who(), a.life)
	}
	w.call("MINIPORT_SHUTDOWN", a.drv, args(a.ctx, "NdisShutdownPowerOff"), func() {
		a.drv.chars.ShutdownHandlerEx(a.ctx, ndis.ShutdownPowerOff)
	})
	w.enter6(a.life, ev6("MINIPORT_SHUTDOWN"))
	a.op = nil
	return nil
}

// checkForHang6 calls the adapter's MiniportCheckForHangEx, as NDIS does
// periodically, and resets the adapter (MiniportResetEx) when it reports a
// hang. It returns what the handler returned (false without one).
func (w *world) checkForHang6(a *adapter6) (bool, error) {
	h := a.drv.chars.CheckForHangHandlerEx
	if h == nil {
		return false, nil
	}
	if !w.up6(a.life) {
		return false, fmt.Errorf("CheckForHang: %s is %s", a.who(), a.life)
	}
	hung := false
	w.call("MINIPORT_CHECK_FOR_HANG", a.drv, args(a.ctx), func() { hung = h(a.ctx) })
	if hung && a.drv.chars.ResetHandlerEx != nil && !a.resetting {
		_, err := w.resetAdapter6(a)
		return hung, err
	}
	return hung, nil
}
