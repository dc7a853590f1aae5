package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NDIS 6 part of the simulated NDIS (issue 13): miniport drivers and
// their adapters, filter drivers and their modules, and the NDIS 6 side of
// protocol bindings (the openBlocks of bind.go on an NDIS 6 adapter). Each
// adapter is the bottom of a driver stack: its filter modules, bottom first,
// then the protocol bindings on top. Sends go down the stack, receive
// indications and status indications up, OID requests down; each
// NET_BUFFER_LIST is followed on its way (ndis6_nbl.go).
//
// The states of adapters, filter modules and bindings are the catalogue's
// state machines (rules.StateMachine, from the tables of the pages Miniport
// Adapter States and Operations, Filter Module States and Operations and
// Protocol Binding States and Operations); ndis6_machine.go moves each
// object along its machine.

// n6Key is where a run keeps its NDIS 6 state (kernel.State.Object).
type n6Key struct{}

// n6 is the NDIS 6 state of one run.
type n6 struct {
	miniports []*mp6Driver
	filters   []*filterDriver6
	adapters  []*adapter6
	byBase    map[*adapterBlock]*adapter6
	bindings  map[*openBlock]*binding6
	nbls      map[*ndis.NetBufferList]*nblState
	order     []*ndis.NetBufferList // the lists of nbls, first seen first
	oids      map[oidKey]*oid6
	pools     []*nblPool
}

// six returns the run's NDIS 6 state, creating it on first use.
func (w *world) six() *n6 {
	v := w.st.Object(n6Key{}, "ndis6", func(string) any {
		return &n6{
			byBase:   map[*adapterBlock]*adapter6{},
			bindings: map[*openBlock]*binding6{},
			nbls:     map[*ndis.NetBufferList]*nblState{},
			oids:     map[oidKey]*oid6{},
		}
	})
	return v.(*n6)
}

// mp6Driver is a registered NDIS 6 miniport driver (its
// NdisMiniportDriverHandle).
type mp6Driver struct {
	issued
	name         string
	obj          *ndis.DriverObject
	ctx          ndis.Handle
	chars        ndis.MiniportDriverCharacteristics
	adapters     []*adapter6
	deregistered bool
	// inSetOptions is true while MiniportSetOptions runs; optional are
	// the structures it registered there.
	inSetOptions bool
	optional     []ndis.DriverOptionalHandlers
}

func (d *mp6Driver) driverName() string { return fmt.Sprintf("miniport %q", d.name) }
func (d *mp6Driver) describe() string   { return d.driverName() }
func (d *mp6Driver) kind() string       { return "a miniport driver handle" }

// adapter6 is a miniport adapter of an NDIS 6 miniport driver (its
// MiniportAdapterHandle, which NDIS passes to MiniportInitializeEx).
type adapter6 struct {
	issued
	drv  *mp6Driver
	name string
	base *adapterBlock // what protocol bindings open (bind.go)
	ctx  ndis.Handle   // the MiniportAdapterContext of NdisMSetMiniportAttributes
	life *opLife       // its place in the catalogue's adapter machine
	// inInit is true while MiniportInitializeEx runs; attrs once it called
	// NdisMSetMiniportAttributes.
	inInit, attrs bool
	filters       []*module6 // attached modules, bottom first
	// oidBusy is the OID request MiniportOidRequest pended (NDIS
	// serializes them); oidQueue those waiting for it.
	oidBusy  *oid6
	oidQueue []*oid6
	// sending counts the lists MiniportSendNetBufferLists holds; hang is
	// the NdisTimedDataHang watchdog while any is held.
	sending int
	hang    *kernel.Event
	// op is the pause or restart of the stack in progress.
	op *stackOp
	// resetting is true while MiniportReset pends.
	resetting bool
}

func (a *adapter6) driverName() string { return a.drv.driverName() }
func (a *adapter6) describe() string   { return fmt.Sprintf("adapter %q", a.name) }
func (a *adapter6) kind() string       { return "a miniport adapter handle" }
func (a *adapter6) who() string        { return fmt.Sprintf("%s's adapter %q", a.drv.driverName(), a.name) }

// filterDriver6 is a registered filter driver (its NdisFilterDriverHandle).
type filterDriver6 struct {
	issued
	name         string
	obj          *ndis.DriverObject
	ctx          ndis.Handle
	chars        ndis.FilterDriverCharacteristics
	modules      []*module6
	deregistered bool
}

func (f *filterDriver6) driverName() string { return fmt.Sprintf("filter %q", f.name) }
func (f *filterDriver6) describe() string   { return f.driverName() }
func (f *filterDriver6) kind() string       { return "a filter driver handle" }

// module6 is a filter module: one filter driver attached to one adapter's
// stack (its NdisFilterHandle).
type module6 struct {
	issued
	drv      *filterDriver6
	adapter  *adapter6
	ctx      ndis.Handle // the FilterModuleContext of NdisFSetAttributes
	life     *opLife     // its place in the catalogue's filter-module machine
	inAttach bool
	attrs    bool
	timer    *kernel.Event // the NdisFilterTimedPauseComplete watchdog
}

func (m *module6) driverName() string { return m.drv.driverName() }
func (m *module6) describe() string {
	return fmt.Sprintf("filter module of %s on %q", m.drv.driverName(), m.adapter.name)
}
func (m *module6) kind() string { return "a filter module handle" }
func (m *module6) who() string  { return m.describe() }

// binding6 is the NDIS 6 state of a protocol binding to an NDIS 6 adapter.
type binding6 struct {
	open    *openBlock
	adapter *adapter6
	life    *opLife // its place in the catalogue's binding machine
	// pnp is the NetEventPause or NetEventRestart ProtocolNetPnPEvent pended.
	pnp *ndis.NetPnpEventNotification
}

func (b *binding6) who() string { return b.open.who() }

// layer is one level of a driver stack: an adapter (its miniport), a
// filter module or a binding.
type layer interface {
	who() string
}

// binding6Of returns the NDIS 6 state of binding o, nil for a binding to
// a CoNDIS adapter.
func (w *world) binding6Of(o *openBlock) *binding6 {
	s := w.six()
	if b := s.bindings[o]; b != nil {
		return b
	}
	a := s.byBase[o.adapter]
	if a == nil {
		return nil
	}
	// The binding exists once NdisOpenAdapterEx opened it, from the
	// ProtocolBindAdapterEx that NDIS called: it is where those two events
	// take a binding in the catalogue's machine (Binding to an Adapter:
	// "After the driver successfully opens the binding to the adapter, the
	// binding is in the Paused state"), even before its bind completes.
	b := &binding6{open: o, adapter: a, life: w.newOpLife(rules.ObjectBinding)}
	w.enter6(b.life, ev6("PROTOCOL_BIND_ADAPTER_EX"))
	w.return6(b.life, ev6("NdisOpenAdapterEx"), ndis.StatusSuccess)
	s.bindings[o] = b
	return b
}

// bindings returns the open bindings of adapter a, in open order.
func (w *world) bindings(a *adapter6) []*binding6 {
	var out []*binding6
	for _, o := range a.base.opens {
		if o.closed {
			continue
		}
		if b := w.binding6Of(o); b != nil {
			out = append(out, b)
		}
	}
	return out
}

// adapter6Arg resolves a MiniportAdapterHandle parameter of an NDIS 6 DDI.
func (w *world) adapter6Arg(ddi, param string, h ndis.Handle) *adapter6 {
	a, ok := handleOf[*adapter6](w, ddi, param, h, "the MiniportAdapterHandle NDIS passed to MiniportInitializeEx")
	if !ok || !w.checkOwner(ddi, param, h, a.drv) {
		return nil
	}
	if w.gone6(a.life) {
		w.report(rules.RuleBadHandle, "%s: %s is %s, which is halted (%s)", ddi, param, a.describe(), a.life)
		return nil
	}
	return a
}

// module6Arg resolves an NdisFilterHandle parameter.
func (w *world) module6Arg(ddi, param string, h ndis.Handle) *module6 {
	m, ok := handleOf[*module6](w, ddi, param, h, "the NdisFilterHandle NDIS passed to FilterAttach")
	if !ok || !w.checkOwner(ddi, param, h, m.drv) {
		return nil
	}
	if w.gone6(m.life) {
		w.report(rules.RuleBadHandle, "%s: %s is %s, which is detached (%s)", ddi, param, m.describe(), m.life)
		return nil
	}
	return m
}

// binding6Arg resolves an NdisBindingHandle parameter of an NDIS 6 DDI.
func (w *world) binding6Arg(ddi, param string, h ndis.Handle) *binding6 {
	o := w.openArg(ddi, param, h)
	if o == nil {
		return nil
	}
	b := w.binding6Of(o)
	if b == nil {
		w.report(rules.RuleBadHandle, "%s: %s is the binding of %s, a CoNDIS adapter; %s is for bindings to NDIS 6 adapters", ddi, param, o.who(), ddi)
	}
	return b
}

// callStatus6 runs an NDIS 6 handler that returns a status (callStatus)
// and reports a status its role's catalogue entry does not list
// (role-bad-status, the static rule's ID), unless the entry lists
// NDIS_STATUS_XXX (any failure).
func (w *world) callStatus6(role string, drv driverRef, args string, fn func() ndis.Status) ndis.Status {
	st := w.callStatus(role, drv, args, fn)
	c := w.st.Catalogue()
	if c == nil {
		return st
	}
	r := c.Role(role)
	if r == nil || len(r.Statuses) == 0 {
		return st
	}
	for _, s := range r.Statuses {
		if s == st.String() || s == rules.StatusAny {
			return st
		}
	}
	for _, s := range r.Forbidden {
		if s == st.String() {
			return st // status-forbidden said so
		}
	}
	w.report(rules.RuleRoleBadStatus, "%s's %s returned %s, which its page does not list (%v)", drv.driverName(), role, st, r.Statuses)
	return st
}
