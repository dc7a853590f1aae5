package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The harness's view of the NDIS 6 stacks (package ndistest builds on it):
// the NDIS 6 miniport and filter drivers registered, adding adapters,
// attaching and detaching filter modules, binding, pausing, restarting,
// resetting and halting a stack, and the states of its layers.

// Miniports6 returns the NdisMiniportDriverHandles of the NDIS 6 miniport
// drivers registered with NdisMRegisterMiniportDriver, in registration
// order.
func (s *Sim) Miniports6() []ndis.Handle {
	var out []ndis.Handle
	for _, d := range s.w.six().miniports {
		out = append(out, d)
	}
	return out
}

// FilterDrivers returns the NdisFilterDriverHandles of the filter drivers
// registered with NdisFRegisterFilterDriver, in registration order.
func (s *Sim) FilterDrivers() []ndis.Handle {
	var out []ndis.Handle
	for _, f := range s.w.six().filters {
		out = append(out, f)
	}
	return out
}

// DriverName returns the name of an NDIS 6 miniport or filter driver
// handle ("" for another value).
func (s *Sim) DriverName(h ndis.Handle) string {
	switch x := h.(type) {
	case *mp6Driver:
		return x.name
	case *filterDriver6:
		return x.name
	}
	return ""
}

// miniport6 resolves an NDIS 6 miniport driver handle given to the harness.
func (s *Sim) miniport6(op string, h ndis.Handle) (*mp6Driver, error) {
	d, ok := h.(*mp6Driver)
	if !ok || d == nil || d.issuer() != s.w {
		return nil, fmt.Errorf("%s: %s is not the handle of an NDIS 6 miniport driver registered in this run", op, handleKind(h))
	}
	return d, nil
}

// adapter6 resolves an NDIS 6 adapter handle given to the harness.
func (s *Sim) adapter6(op string, h ndis.Handle) (*adapter6, error) {
	a, ok := h.(*adapter6)
	if !ok || a == nil || a.issuer() != s.w {
		return nil, fmt.Errorf("%s: %s is not an NDIS 6 adapter handle this run's AddAdapter6 returned", op, handleKind(h))
	}
	return a, nil
}

// AddAdapter6 starts an adapter of a registered NDIS 6 miniport driver:
// NDIS calls its MiniportInitializeEx. On success it returns the adapter's
// MiniportAdapterHandle, and the adapter is Paused; the error says why
// there is no adapter (MiniportInitializeEx failed, the name is taken).
func (s *Sim) AddAdapter6(miniportDriver ndis.Handle, name string, medium ndis.Medium) (ndis.Handle, error) {
	d, err := s.miniport6("AddAdapter6", miniportDriver)
	if err != nil {
		return nil, err
	}
	if d.deregistered {
		return nil, fmt.Errorf("AddAdapter6: %s is deregistered", d.driverName())
	}
	for _, a := range s.w.adapters {
		if a.name == name {
			return nil, fmt.Errorf("AddAdapter6: an adapter named %q exists already", name)
		}
	}
	a, st := s.w.addAdapter6(d, name, medium)
	if a == nil {
		return nil, fmt.Errorf("AddAdapter6: MiniportInitializeEx of %q failed with %s", name, st)
	}
	return a, nil
}

// Bind6 binds a registered protocol driver to an NDIS 6 adapter (its
// ProtocolBindAdapterEx) and returns the handler's status. The binding is
// Paused until the stack restarts.
func (s *Sim) Bind6(protocol, adapter ndis.Handle) (ndis.Status, error) {
	p, err := s.protocol("Bind6", protocol)
	if err != nil {
		return ndis.StatusFailure, err
	}
	a, err := s.adapter6("Bind6", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	if s.w.gone6(a.life) {
		return ndis.StatusFailure, fmt.Errorf("Bind6: %s is halted (%s)", a.who(), a.life)
	}
	return s.w.bind(p, a.base), nil
}

// Unbind6 unbinds a protocol driver from an NDIS 6 adapter whose stack is
// paused (its ProtocolUnbindAdapterEx) and returns the handler's status.
func (s *Sim) Unbind6(protocol, adapter ndis.Handle) (ndis.Status, error) {
	p, err := s.protocol("Unbind6", protocol)
	if err != nil {
		return ndis.StatusFailure, err
	}
	a, err := s.adapter6("Unbind6", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	for _, b := range s.w.bindings(a) {
		if b.open.protocol != p {
			continue
		}
		if !s.w.can6(b.life, ev6("PROTOCOL_UNBIND_ADAPTER_EX")) {
			return ndis.StatusFailure, fmt.Errorf("Unbind6: %s is %s; NDIS unbinds a paused binding (pause the stack first)", b.who(), b.life)
		}
		return s.w.unbind(b.open), nil
	}
	return ndis.StatusFailure, fmt.Errorf("Unbind6: %s is not bound to %s", p.driverName(), a.who())
}

// Restart restarts the paused stack of an NDIS 6 adapter: MiniportRestart,
// FilterRestart from the bottom, NetEventRestart to the bindings. done, if
// not nil, is called when the restart ended (ok false: a layer failed and
// the stack stays paused from there); pended layers go on when they
// complete.
func (s *Sim) Restart(adapter ndis.Handle, done func(ok bool)) error {
	a, err := s.adapter6("Restart", adapter)
	if err != nil {
		return err
	}
	return s.w.restartStack(a, done)
}

// Pause pauses the running stack of an NDIS 6 adapter: NetEventPause to
// the bindings, FilterPause from the top, MiniportPause. done, if not nil,
// is called when the pause ended.
func (s *Sim) Pause(adapter ndis.Handle, done func(ok bool)) error {
	a, err := s.adapter6("Pause", adapter)
	if err != nil {
		return err
	}
	return s.w.pauseStack(a, func(ok bool) {
		if done != nil {
			done(ok)
		}
	})
}

// Reset calls the adapter's MiniportResetEx and returns its status.
func (s *Sim) Reset(adapter ndis.Handle) (ndis.Status, error) {
	a, err := s.adapter6("Reset", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	return s.w.resetAdapter6(a)
}

// Halt halts an NDIS 6 adapter whose stack is paused: NDIS unbinds its
// protocols, detaches its filter modules and calls MiniportHaltEx.
func (s *Sim) Halt(adapter ndis.Handle) error {
	a, err := s.adapter6("Halt", adapter)
	if err != nil {
		return err
	}
	return s.w.haltAdapter6(a)
}

// Attach attaches a module of a registered filter driver at the top of the
// filter modules of an adapter whose stack is paused (FilterAttach). It
// returns the module's NdisFilterHandle, nil when FilterAttach failed
// (with its status).
func (s *Sim) Attach(filterDriver, adapter ndis.Handle) (ndis.Handle, ndis.Status, error) {
	f, ok := filterDriver.(*filterDriver6)
	if !ok || f == nil || f.issuer() != s.w {
		return nil, ndis.StatusFailure, fmt.Errorf("Attach: %s is not the handle of a filter driver registered in this run", handleKind(filterDriver))
	}
	a, err := s.adapter6("Attach", adapter)
	if err != nil {
		return nil, ndis.StatusFailure, err
	}
	m, st, err := s.w.attachModule(f, a)
	if m == nil {
		return nil, st, err
	}
	return m, st, nil
}

// Detach detaches a filter module of a paused stack (FilterDetach).
func (s *Sim) Detach(module ndis.Handle) error {
	m, ok := module.(*module6)
	if !ok || m == nil || m.issuer() != s.w || !m.attached() {
		return fmt.Errorf("Detach: %s is not an attached filter module of this run", handleKind(module))
	}
	if err := s.w.stackPaused("Detach", m.adapter); err != nil {
		return err
	}
	s.w.detachModule(m)
	return nil
}

// UnloadMiniport6 unloads an NDIS 6 miniport driver: NDIS halts its
// adapters (each stack must be paused) and calls its MiniportDriverUnload,
// which deregisters it with NdisMDeregisterMiniportDriver.
func (s *Sim) UnloadMiniport6(miniportDriver ndis.Handle) error {
	d, err := s.miniport6("UnloadMiniport6", miniportDriver)
	if err != nil {
		return err
	}
	for _, a := range d.adapters {
		if !s.w.gone6(a.life) && !s.w.ended6(a.life) && !s.w.starting6(a.life) {
			if err := s.w.haltAdapter6(a); err != nil {
				return err
			}
		}
	}
	if h := d.chars.UnloadHandler; h != nil {
		s.w.call("MINIPORT_UNLOAD", d, "DriverObject", func() { h(d.obj) })
	}
	return nil
}

// Layer6 is the state of one layer of an NDIS 6 stack, as the pages name
// the states (Running, Paused, ...).
type Layer6 struct {
	// Who names the layer (adapter "eth0", filter module of ..., binding
	// of ...).
	Who string
	// State is its operational state.
	State string
}

// Stack6 returns the layers of an NDIS 6 adapter's stack, bottom first:
// the adapter, its filter modules, its bindings.
func (s *Sim) Stack6(adapter ndis.Handle) ([]Layer6, error) {
	a, err := s.adapter6("Stack6", adapter)
	if err != nil {
		return nil, err
	}
	out := []Layer6{{Who: a.describe(), State: a.life.String()}}
	for _, m := range a.filters {
		out = append(out, Layer6{Who: m.describe(), State: m.life.String()})
	}
	for _, b := range s.w.bindings(a) {
		out = append(out, Layer6{Who: "binding of " + b.who(), State: b.life.String()})
	}
	return out, nil
}

// Busy6 reports whether a pause or restart of the adapter's stack is in
// progress (a layer pended it and has not completed).
func (s *Sim) Busy6(adapter ndis.Handle) bool {
	a, err := s.adapter6("Busy6", adapter)
	return err == nil && a.op != nil
}

// Attached6 reports whether a filter module is still attached to its
// stack.
func (s *Sim) Attached6(module ndis.Handle) bool {
	m, ok := module.(*module6)
	return ok && m != nil && m.issuer() == s.w && m.attached()
}

// FilterDriverUnloaded reports a filter driver that its unload routine left
// registered (filter-not-deregistered): the harness calls it when the
// routine has returned. driver is the NdisFilterDriverHandle.
func (s *Sim) FilterDriverUnloaded(driver ndis.Handle) {
	f, ok := driver.(*filterDriver6)
	if !ok || f == nil || f.issuer() != s.w || f.deregistered {
		return
	}
	s.w.report(rules.RuleFilterNotDeregistered, "%s's unload routine returned without NdisFDeregisterFilterDriver: a filter driver deregisters from its FilterDriverUnload routine", f.driverName())
}

// CompleteNetPnPEvent runs NdisCompleteNetPnPEvent for a scripted protocol
// of the harness, exactly as the DDI does (traced, checked). The harness
// calls it rather than ndis.CompleteNetPnPEvent so that package ndistest
// uses no completion DDI of the PnP event: the completion pass would count
// such a use in every package that imports ndistest (a driver's test
// package, where a handler that pends PnP events and never completes them
// must still be reported).
func (s *Sim) CompleteNetPnPEvent(ndisBindingHandle ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification, status ndis.Status) {
	s.w.CompleteNetPnPEvent(ndisBindingHandle, netPnPEventNotification, status)
}

// Bound6 reports whether a protocol driver has an open binding to an NDIS 6
// adapter.
func (s *Sim) Bound6(protocol, adapter ndis.Handle) bool {
	a, err := s.adapter6("Bound6", adapter)
	if err != nil {
		return false
	}
	for _, b := range s.w.bindings(a) {
		if ndis.Handle(b.open.protocol) == protocol {
			return true
		}
	}
	return false
}

// Shutdown6 shuts an NDIS 6 adapter down (MiniportShutdownEx, as at a
// system shutdown); NDIS uses it no more.
func (s *Sim) Shutdown6(adapter ndis.Handle) error {
	a, err := s.adapter6("Shutdown6", adapter)
	if err != nil {
		return err
	}
	return s.w.shutdownAdapter6(a)
}

// CheckForHang6 calls the adapter's MiniportCheckForHangEx, as NDIS does
// periodically, and MiniportResetEx when it reports a hang; it returns what
// MiniportCheckForHangEx returned (false when the driver has none).
func (s *Sim) CheckForHang6(adapter ndis.Handle) (bool, error) {
	a, err := s.adapter6("CheckForHang6", adapter)
	if err != nil {
		return false, err
	}
	return s.w.checkForHang6(a)
}

// PnPEvent6 raises a Plug and Play or power event (not NetEventPause or
// NetEventRestart, which Pause and Restart send as part of the stack's
// operation) on a protocol driver's binding to an NDIS 6 adapter: NDIS
// calls its ProtocolNetPnPEvent. It returns the handler's status.
func (s *Sim) PnPEvent6(protocol, adapter ndis.Handle, code ndis.NetPnpEventCode) (ndis.Status, error) {
	if code == ndis.NetEventPause || code == ndis.NetEventRestart {
		return ndis.StatusFailure, fmt.Errorf("PnPEvent6: NDIS sends NetEventPause and NetEventRestart when it pauses or restarts the stack (Pause, Restart)")
	}
	a, err := s.adapter6("PnPEvent6", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	for _, b := range s.w.bindings(a) {
		if ndis.Handle(b.open.protocol) == protocol {
			return s.w.pnpEvent(b.open, code), nil
		}
	}
	return ndis.StatusFailure, fmt.Errorf("PnPEvent6: %s is not bound to %s", handleKind(protocol), a.who())
}
