package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// NDIS 6 filter drivers: registration, filter modules (attach, detach,
// pause, restart).

// FRegisterFilterDriver runs NdisFRegisterFilterDriver in the simulated NDIS.
func (w *world) FRegisterFilterDriver(driverObject *ndis.DriverObject, filterDriverContext ndis.Handle, filterDriverCharacteristics *ndis.FilterDriverCharacteristics, ndisFilterDriverHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisFRegisterFilterDriver", args("DriverObject", filterDriverContext, "FilterDriverCharacteristics", "NdisFilterDriverHandle"))()
	const ddi = "NdisFRegisterFilterDriver"
	if !w.needPtr(ddi, "DriverObject", driverObject == nil) || !w.needPtr(ddi, "FilterDriverCharacteristics", filterDriverCharacteristics == nil) || !w.needPtr(ddi, "NdisFilterDriverHandle", ndisFilterDriverHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	chars := *filterDriverCharacteristics
	if chars.MajorNdisVersion < 6 {
		return ndis.StatusBadVersion
	}
	name := string(chars.FriendlyName)
	if name == "" {
		name = driverObject.DriverName
	}
	if name == "" {
		name = fmt.Sprintf("filter%d", w.next("filter"))
	}
	f := &filterDriver6{issued: issued{w}, name: name, obj: driverObject, ctx: filterDriverContext, chars: chars}
	if w.missingSlots6(ddi, f, "NDIS_FILTER_DRIVER_CHARACTERISTICS", &f.chars) > 0 {
		return ndis.StatusBadCharacteristics
	}
	if chars.SetOptionsHandler != nil {
		st := w.callStatus6("SET_OPTIONS", f, args(f.describe(), filterDriverContext), func() ndis.Status {
			return chars.SetOptionsHandler(f, filterDriverContext)
		})
		if st != ndis.StatusSuccess {
			return st
		}
	}
	w.six().filters = append(w.six().filters, f)
	*ndisFilterDriverHandle = f
	return ndis.StatusSuccess
}

// FDeregisterFilterDriver runs NdisFDeregisterFilterDriver in the simulated NDIS.
func (w *world) FDeregisterFilterDriver(ndisFilterDriverHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFDeregisterFilterDriver", args(ndisFilterDriverHandle))()
	const ddi = "NdisFDeregisterFilterDriver"
	f, ok := handleOf[*filterDriver6](w, ddi, "NdisFilterDriverHandle", ndisFilterDriverHandle, "the handle from NdisFRegisterFilterDriver")
	if !ok {
		return
	}
	if f.deregistered {
		w.report(rules.RuleBadHandle, "%s: %s is deregistered already", ddi, f.driverName())
		return
	}
	// NDIS detaches the driver's modules before the call returns.
	for _, m := range append([]*module6(nil), f.modules...) {
		if m.attached() {
			w.detachModule(m)
		}
	}
	f.deregistered = true
}

// attachModule inserts a module of filter driver f at the top of the
// filters of a's paused stack: NDIS calls FilterAttach, which must call
// NdisFSetAttributes; on success the module is Paused.
func (w *world) attachModule(f *filterDriver6, a *adapter6) (*module6, ndis.Status, error) {
	if f.deregistered {
		return nil, ndis.StatusFailure, fmt.Errorf("Attach: %s is deregistered", f.driverName())
	}
	if err := w.stackPaused("Attach", a); err != nil {
		return nil, ndis.StatusFailure, err
	}
	m := &module6{issued: issued{w}, drv: f, adapter: a, life: w.newOpLife(rules.ObjectFilterModule), inAttach: true}
	params := &ndis.FilterAttachParameters{IfIndex: uint32(a.base.index + 100*(len(a.filters)+1)), BaseMiniportIfIndex: uint32(a.base.index), MiniportMediaType: a.base.medium}
	w.enter6(m.life, ev6("FILTER_ATTACH"))
	st := w.callStatus6("FILTER_ATTACH", f, args(m.describe(), f.ctx, "AttachParameters"), func() ndis.Status {
		return f.chars.AttachHandler(m, f.ctx, params)
	})
	m.inAttach = false
	w.return6(m.life, ev6("FILTER_ATTACH"), st)
	if st != ndis.StatusSuccess {
		return nil, st, nil
	}
	if !m.attrs {
		w.report(rules.RuleSetAttributes, "%s's FilterAttach returned NDIS_STATUS_SUCCESS without calling NdisFSetAttributes; a filter driver gives NDIS its FilterModuleContext there", f.driverName())
	}
	a.filters = append(a.filters, m)
	f.modules = append(f.modules, m)
	return m, st, nil
}

// FSetAttributes runs NdisFSetAttributes in the simulated NDIS.
func (w *world) FSetAttributes(ndisFilterHandle ndis.Handle, filterModuleContext ndis.Handle, filterAttributes *ndis.FilterAttributes) ndis.Status {
	defer w.st.EnterDDI("NdisFSetAttributes", args(ndisFilterHandle, filterModuleContext, "FilterAttributes"))()
	const ddi = "NdisFSetAttributes"
	m, ok := handleOf[*module6](w, ddi, "NdisFilterHandle", ndisFilterHandle, "the NdisFilterHandle NDIS passed to FilterAttach")
	if !ok || !w.checkOwner(ddi, "NdisFilterHandle", ndisFilterHandle, m.drv) || !w.needPtr(ddi, "FilterAttributes", filterAttributes == nil) {
		return ndis.StatusInvalidParameter
	}
	if !m.inAttach {
		w.report(rules.RuleSetAttributes, "%s: %s is %s, not in FilterAttach; a filter driver sets a module's attributes only from FilterAttach", ddi, m.who(), m.life)
		return ndis.StatusFailure
	}
	m.ctx, m.attrs = filterModuleContext, true
	return ndis.StatusSuccess
}

// detachModule calls FilterDetach for module m of a paused stack.
func (w *world) detachModule(m *module6) {
	w.call("FILTER_DETACH", m.drv, args(m.ctx), func() {
		m.drv.chars.DetachHandler(m.ctx)
	})
	w.enter6(m.life, ev6("FILTER_DETACH"))
	a := m.adapter
	if i := a.indexOf(m); i >= 0 {
		a.filters = append(a.filters[:i], a.filters[i+1:]...)
	}
	for i, x := range m.drv.modules {
		if x == m {
			m.drv.modules = append(m.drv.modules[:i], m.drv.modules[i+1:]...)
			break
		}
	}
}

// pauseModule calls FilterPause; a PENDING return starts the
// NdisFilterTimedPauseComplete watchdog.
func (w *world) pauseModule(m *module6) stepResult {
	w.enter6(m.life, ev6("FILTER_PAUSE"))
	pausing := m.life.state
	key := reqKey{"fpause6", m}
	what := "FilterPause of " + m.who()
	st := w.forward(key, what, w.completer("FILTER_PAUSE", false), func() ndis.Status {
		return w.callStatus6("FILTER_PAUSE", m.drv, args(m.ctx, "PauseParameters"), func() ndis.Status {
			return m.drv.chars.PauseHandler(m.ctx, &ndis.FilterPauseParameters{})
		})
	})
	if st != ndis.StatusPending {
		w.return6(m.life, ev6("FILTER_PAUSE"), st)
		w.modulePaused(m, "FilterPause returned "+st.String())
		return stepOK
	}
	if m.life.state == pausing {
		m.timer = w.watchdog(rules.RuleFilterPauseTimeout, m.describe(), func(seconds int) {
			m.timer = nil
			if m.life.state == pausing && w.st.IsPending(key) {
				w.report(rules.RuleFilterPauseTimeout, "FilterPause of %s returned NDIS_STATUS_PENDING and NdisFPauseComplete had not been called %d s later (NdisFilterTimedPauseComplete)", m.who(), seconds)
			}
		})
	}
	return stepPended
}

// modulePaused ends m's pause (the event that ended it moved m to the
// state the catalogue says, Paused): its sends not yet completed, its
// indications not yet returned and lists it still holds break the pause.
func (w *world) modulePaused(m *module6, how string) {
	if m.timer != nil {
		m.timer.Cancel()
		m.timer = nil
	}
	n := 0
	for _, r := range w.six().nbls {
		if r.holds(m) {
			n++
			continue
		}
		for _, l := range append(append([]layer(nil), r.sendPath...), r.recvPath...) {
			if l == m {
				n++
				break
			}
		}
	}
	if n > 0 {
		w.report(rules.RulePauseWithOutstanding, "the pause of %s completed (%s) with %d NET_BUFFER_LIST(s) it sent, indicated or holds not yet back; a filter module waits for its sends and indications and returns what it holds before its pause is complete", m.who(), how, n)
	}
}

// FPauseComplete runs NdisFPauseComplete in the simulated NDIS.
func (w *world) FPauseComplete(ndisFilterHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFPauseComplete", args(ndisFilterHandle))()
	const ddi = "NdisFPauseComplete"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.complete(reqKey{"fpause6", m}, ddi, "FilterPause of "+m.who(), ndis.StatusSuccess) {
		return
	}
	w.enter6(m.life, ev6(ddi))
	w.modulePaused(m, ddi+" was called")
	w.stepDone(m.adapter, true)
}

// restartModule calls FilterSetModuleOptions, if the driver has it, and
// FilterRestart.
func (w *world) restartModule(m *module6) stepResult {
	if h := m.drv.chars.SetFilterModuleOptionsHandler; h != nil {
		st := w.callStatus6("FILTER_SET_MODULE_OPTIONS", m.drv, args(m.ctx), func() ndis.Status { return h(m.ctx) })
		if st != ndis.StatusSuccess {
			return stepFailed
		}
	}
	w.enter6(m.life, ev6("FILTER_RESTART"))
	what := "FilterRestart of " + m.who()
	st := w.forward(reqKey{"frestart6", m}, what, w.completer("FILTER_RESTART", false), func() ndis.Status {
		return w.callStatus6("FILTER_RESTART", m.drv, args(m.ctx, "RestartParameters"), func() ndis.Status {
			return m.drv.chars.RestartHandler(m.ctx, &ndis.FilterRestartParameters{MiniportMediaType: m.adapter.base.medium})
		})
	})
	if st == ndis.StatusPending {
		return stepPended
	}
	w.return6(m.life, ev6("FILTER_RESTART"), st)
	return result(st == ndis.StatusSuccess)
}

// FRestartComplete runs NdisFRestartComplete in the simulated NDIS.
func (w *world) FRestartComplete(ndisFilterHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisFRestartComplete", args(ndisFilterHandle, status))()
	const ddi = "NdisFRestartComplete"
	m := w.module6Arg(ddi, "NdisFilterHandle", ndisFilterHandle)
	if m == nil || !w.complete(reqKey{"frestart6", m}, ddi, "FilterRestart of "+m.who(), status) {
		return
	}
	w.enter6(m.life, ev6(ddi, "Status", status))
	w.stepDone(m.adapter, status == ndis.StatusSuccess)
}
