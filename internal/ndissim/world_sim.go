package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Sim is the simulated NDIS of the current run as a test harness sees it
// (package ndistest builds on it): it registers miniport drivers and starts
// their adapters, binds protocols to adapters, raises PnP events, describes
// the objects NDIS tracks and runs the end-of-run checks. It is not part of
// ndis.h; drivers never use it. Of returns it for a run.
type Sim struct{ w *world }

// Of returns the simulated NDIS of run s as the harness sees it, nil if the
// run has none (it was not started with kernel.WithNDIS(Attach)).
func Of(s *kernel.State) *Sim {
	w := of(s)
	if w == nil {
		return nil
	}
	return &Sim{w: w}
}

// RegisterMiniportDriver registers a CoNDIS miniport driver, the part of
// NdisMRegisterMiniportDriver the simulation needs: NDIS calls setOptions
// (MiniportSetOptions), in which the driver calls NdisSetOptionalHandlers with
// NDIS_MINIPORT_CO_CHARACTERISTICS and, for a miniport call manager,
// NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS. It returns the driver's
// NdisMiniportDriverHandle.
func (s *Sim) RegisterMiniportDriver(name string, driverContext ndis.Handle, setOptions ndis.SetOptions) (ndis.Handle, ndis.Status) {
	d, st := s.w.registerMiniport(name, driverContext, setOptions)
	if d == nil {
		return nil, st
	}
	return d, st
}

// AddAdapter starts an adapter of a registered miniport driver: NDIS calls
// initialize (the CoNDIS part of MiniportInitializeEx) with the adapter's
// NdisMiniportAdapterHandle, and initialize returns the
// MiniportAdapterContext. A miniport call manager registers its address
// family there with NdisMCmRegisterAddressFamilyEx.
func (s *Sim) AddAdapter(miniportDriver ndis.Handle, name string, medium ndis.Medium, initialize func(miniportAdapterHandle ndis.Handle) (ndis.Handle, ndis.Status)) (ndis.Handle, error) {
	d, ok := miniportDriver.(*miniportDriverBlock)
	if !ok || d == nil || d.issuer() != s.w {
		return nil, fmt.Errorf("AddAdapter: %s is not a miniport driver handle this run's RegisterMiniportDriver returned", handleKind(miniportDriver))
	}
	for _, a := range s.w.adapters {
		if a.name == name {
			return nil, fmt.Errorf("AddAdapter: an adapter named %q exists already", name)
		}
	}
	a, st := s.w.addAdapter(d, name, medium, initialize)
	if a == nil {
		return nil, fmt.Errorf("AddAdapter: MiniportInitializeEx of %q failed with %s", name, st)
	}
	return a, nil
}

// SetOpenPends makes NdisOpenAdapterEx and NdisCloseAdapterEx on the adapter
// return NDIS_STATUS_PENDING and complete from the queue
// (ProtocolOpenAdapterCompleteEx, ProtocolCloseAdapterCompleteEx).
func (s *Sim) SetOpenPends(adapter ndis.Handle, pend bool) error {
	a, err := s.adapter("SetOpenPends", adapter)
	if err != nil {
		return err
	}
	a.openPends = pend
	return nil
}

// adapter resolves an adapter handle given to the harness API.
func (s *Sim) adapter(op string, h ndis.Handle) (*adapterBlock, error) {
	a, ok := h.(*adapterBlock)
	if !ok || a == nil || a.issuer() != s.w {
		return nil, fmt.Errorf("%s: %s is not an adapter handle this run's AddAdapter returned", op, handleKind(h))
	}
	return a, nil
}

// protocol resolves a protocol handle given to the harness API.
func (s *Sim) protocol(op string, h ndis.Handle) (*protocolBlock, error) {
	p, ok := h.(*protocolBlock)
	if !ok || p == nil || p.issuer() != s.w || !p.registered || p.deregistered {
		return nil, fmt.Errorf("%s: %s is not the handle of a protocol driver registered in this run", op, handleKind(h))
	}
	return p, nil
}

// Bind binds a protocol to an adapter: NDIS calls its ProtocolBindAdapterEx
// at PASSIVE_LEVEL. It returns the handler's status.
func (s *Sim) Bind(protocol, adapter ndis.Handle) (ndis.Status, error) {
	p, err := s.protocol("Bind", protocol)
	if err != nil {
		return ndis.StatusFailure, err
	}
	a, err := s.adapter("Bind", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	if a.halted {
		return ndis.StatusFailure, fmt.Errorf("Bind: adapter %q is halted", a.name)
	}
	return s.w.bind(p, a), nil
}

// BindAll offers every adapter to every registered protocol not yet offered
// it, in registration order, and returns how many binds it started.
func (s *Sim) BindAll() int {
	n := 0
	for _, a := range s.w.adapters {
		for _, p := range append([]*protocolBlock(nil), s.w.protocols...) {
			if a.halted || !a.ready || p.tried[a] || p.deregistered {
				continue
			}
			s.w.bind(p, a)
			n++
		}
	}
	return n
}

// Unbind unbinds a protocol from an adapter: NDIS calls its
// ProtocolUnbindAdapterEx at PASSIVE_LEVEL.
func (s *Sim) Unbind(protocol, adapter ndis.Handle) (ndis.Status, error) {
	p, err := s.protocol("Unbind", protocol)
	if err != nil {
		return ndis.StatusFailure, err
	}
	a, err := s.adapter("Unbind", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	for _, o := range p.opens {
		if o.adapter == a && !o.closed {
			return s.w.unbind(o), nil
		}
	}
	return ndis.StatusFailure, fmt.Errorf("Unbind: %s is not bound to adapter %q", p.driverName(), a.name)
}

// PnPEvent raises a Plug and Play or power event on a binding (the
// protocol's ProtocolNetPnPEvent).
func (s *Sim) PnPEvent(protocol, adapter ndis.Handle, code ndis.NetPnpEventCode) (ndis.Status, error) {
	p, err := s.protocol("PnPEvent", protocol)
	if err != nil {
		return ndis.StatusFailure, err
	}
	a, err := s.adapter("PnPEvent", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	for _, o := range p.opens {
		if o.adapter == a && !o.closed {
			return s.w.pnpEvent(o, code), nil
		}
	}
	return ndis.StatusFailure, fmt.Errorf("PnPEvent: %s is not bound to adapter %q", p.driverName(), a.name)
}

// GlobalPnPEvent raises an event for all of a protocol driver's bindings:
// NDIS calls its ProtocolNetPnPEvent with a NULL ProtocolBindingContext.
// The page names the events NDIS indicates so: NetEventBindList and
// NetEventBindsComplete (always), NetEventReconfigure (also on a binding:
// PnPEvent); any other code is an error. It returns the handler's status;
// a PENDING answer owes nothing (see globalPnPEvent).
func (s *Sim) GlobalPnPEvent(protocol ndis.Handle, code ndis.NetPnpEventCode) (ndis.Status, error) {
	p, err := s.protocol("GlobalPnPEvent", protocol)
	if err != nil {
		return ndis.StatusFailure, err
	}
	switch code {
	case ndis.NetEventBindList, ndis.NetEventBindsComplete, ndis.NetEventReconfigure:
		return s.w.globalPnPEvent(p, code), nil
	}
	return ndis.StatusFailure, fmt.Errorf("GlobalPnPEvent: NDIS indicates event %d only on a binding (PnPEvent); with a NULL ProtocolBindingContext only NetEventBindList, NetEventBindsComplete and NetEventReconfigure", code)
}

// Protocols returns the handles of the registered protocol drivers, in
// registration order.
func (s *Sim) Protocols() []ndis.Handle {
	var out []ndis.Handle
	for _, p := range s.w.protocols {
		out = append(out, p)
	}
	return out
}

// Describe renders a handle the way traces and reports do ("vc #3").
func (s *Sim) Describe(h ndis.Handle) string { return describe(h) }

// VcInfo is what NDIS knows of one VC.
type VcInfo struct {
	// Number is the VC's stable number in this run (vc #3).
	Number int
	// CreatedByCallManager is true for a VC the call manager created.
	CreatedByCallManager bool
	// Creator names the driver that created it.
	Creator string
	// Deleted is true once NdisCoDeleteVc (NdisMCmDeleteVc) succeeded.
	Deleted bool
	// Active is true while the VC is activated.
	Active bool
	// Call describes the call on the VC ("a connected call", "no call").
	Call string
	// Connected is true while the call is connected.
	Connected bool
	// ClientHandleValid is false once the client's handle of a VC the call
	// manager created died with its close.
	ClientHandleValid bool
	// Parties is the number of parties of a multipoint call.
	Parties int
	// InstanceName is the name NdisCoAssignInstanceName gave it.
	InstanceName string
	// Lifetime and State are the VC's place in the catalogue lifetime of
	// the client's view of it (vc-client or vc-cm, and a state of it);
	// empty for a VC with no client or a catalogue with no such lifetime.
	Lifetime, State string
	// CallState is the call manager's view of the call on the VC: its
	// state in the catalogue's call lifetime.
	CallState string
}

// Vc reports what NDIS knows of the VC whose handle (either side's) is h;
// false if h is not a VC handle of this run.
func (s *Sim) Vc(h ndis.Handle) (VcInfo, bool) {
	vh, ok := h.(*vcHandle)
	if !ok || vh == nil || vh.issuer() != s.w {
		return VcInfo{}, false
	}
	v := vh.vc
	return VcInfo{
		Number:               v.id,
		CreatedByCallManager: v.creator == sideCM,
		Creator:              v.creatorName(),
		Deleted:              v.deleted,
		Active:               v.act == actActive,
		Call:                 v.call.String(),
		Connected:            v.call == callConnected,
		ClientHandleValid:    v.hasClient() && !v.clientDead() && !v.deleted,
		Parties:              len(s.w.liveParties(v)),
		InstanceName:         v.instanceName,
		Lifetime:             v.life.objectName(),
		State:                v.life.stateName(),
		CallState:            v.callLife.stateName(),
	}, true
}

// Finish runs the end-of-run checks: requests that pended and were never
// completed, incoming closes and drops the client never answered. The
// harness calls it once, after draining the queue.
func (s *Sim) Finish() {
	w := s.w
	if !w.once("finish") {
		return
	}
	for _, p := range w.st.Outstanding() {
		w.report(rules.RulePendingNeverCompleted, "%s is still pending at the end of the run: %s was never called", p.What, p.CompletedBy)
	}
	w.finish6()
	for _, v := range w.vcs {
		if v.deleted || !v.remoteClosed || v.clientDead() {
			continue
		}
		w.report(rules.RuleIncomingCloseUnanswered, "PROTOCOL_CL_INCOMING_CLOSE_CALL was called for %s and the client never answered with NdisClCloseCall", v)
	}
	for _, v := range w.vcs {
		for _, p := range v.parties {
			if p.remoteDropped && w.partyLive(p) {
				w.report(rules.RuleIncomingDropUnanswered, "PROTOCOL_CL_INCOMING_DROP_PARTY was called for %s and the client never answered with NdisClDropParty", p)
			}
		}
	}
}
