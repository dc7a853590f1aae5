package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// The blocks below are what NDIS hands out as handles: drivers see them only
// as Handle values. Handles for objects two drivers share (address families,
// SAPs, VCs, parties) are per side, so NDIS always knows which side calls.

// issued is what every handle the simulated NDIS gives out carries: the
// run (the ndistest.System) whose NDIS made it. A handle saved from one run
// and passed in another is a bad-handle there (handleOf), never resolved
// into the earlier run's objects nor its drivers' handlers.
type issued struct{ by *world }

// issuer returns the simulated NDIS that gave the handle out.
func (i issued) issuer() *world { return i.by }

// issuedHandle is a handle the simulated NDIS gives out.
type issuedHandle interface{ issuer() *world }

// side says which driver of a shared object a handle was given to.
type side uint8

// The sides of a shared object.
const (
	sideClient side = iota + 1
	sideCM
	sideMiniport
)

// String names the side in the words of the reports.
func (s side) String() string {
	switch s {
	case sideClient:
		return "client"
	case sideCM:
		return "call manager"
	case sideMiniport:
		return "miniport"
	}
	return "unknown side"
}

// driverRef is a registered driver: a protocol or a miniport driver.
type driverRef interface {
	driverName() string
}

// protocolBlock is a registered protocol driver (NdisProtocolHandle, and the
// NdisDriverHandle its SetOptions handler receives).
type protocolBlock struct {
	issued
	name         string
	ctx          ndis.Handle
	chars        ndis.ProtocolDriverCharacteristics
	co           *ndis.ProtocolCoCharacteristics
	cl           *ndis.CoClientOptionalHandlers
	cm           *ndis.CoCallManagerOptionalHandlers
	inSetOptions bool
	registered   bool
	deregistered bool
	opens        []*openBlock
	tried        map[*adapterBlock]bool
}

func (p *protocolBlock) driverName() string { return fmt.Sprintf("protocol %q", p.name) }

// miniportDriverBlock is a registered CoNDIS miniport driver (its
// NdisMiniportDriverHandle); it may also be a miniport call manager.
type miniportDriverBlock struct {
	issued
	name         string
	ctx          ndis.Handle
	mco          *ndis.MiniportCoCharacteristics
	cm           *ndis.CoCallManagerOptionalHandlers
	inSetOptions bool
	adapters     []*adapterBlock
}

func (m *miniportDriverBlock) driverName() string { return fmt.Sprintf("miniport %q", m.name) }

// adapterBlock is a miniport adapter (NdisMiniportAdapterHandle).
type adapterBlock struct {
	issued
	name      string
	index     int
	medium    ndis.Medium
	driver    *miniportDriverBlock
	ctx       ndis.Handle
	ready     bool
	halted    bool
	openPends bool
	opens     []*openBlock
}

// bindState is the progress of one ProtocolBindAdapterEx.
type bindState uint8

// The bind states.
const (
	bindRunning bindState = iota
	bindPending
	bindDone
	bindFailed
)

// bindCtx is the BindContext NDIS passes to ProtocolBindAdapterEx.
type bindCtx struct {
	issued
	protocol *protocolBlock
	adapter  *adapterBlock
	open     *openBlock
	state    bindState
}

// unbindCtx is the UnbindContext NDIS passes to ProtocolUnbindAdapterEx.
type unbindCtx struct {
	issued
	open *openBlock
	done bool
}

// closeCtx is a pended NdisCloseAdapterEx.
type closeCtx struct {
	open *openBlock
}

// openBlock is a binding (NdisBindingHandle).
type openBlock struct {
	issued
	protocol *protocolBlock
	adapter  *adapterBlock
	ctx      ndis.Handle
	bind     *bindCtx
	opening  bool
	closed   bool
}

func (o *openBlock) who() string {
	return fmt.Sprintf("%s on %q", o.protocol.driverName(), o.adapter.name)
}

// cmRef is a call manager: a stand-alone one (a protocol binding) or a
// miniport call manager (an adapter).
type cmRef struct {
	open    *openBlock
	adapter *adapterBlock
}

// isMCM reports whether the call manager is a miniport call manager.
func (c cmRef) isMCM() bool { return c.adapter != nil }

// handlers returns the call manager's registered handlers.
func (c cmRef) handlers() *ndis.CoCallManagerOptionalHandlers {
	switch {
	case c.open != nil:
		return c.open.protocol.cm
	case c.adapter != nil && c.adapter.driver != nil:
		return c.adapter.driver.cm
	}
	return nil
}

// driver returns the driver behind the call manager.
func (c cmRef) driver() driverRef {
	if c.open != nil {
		return c.open.protocol
	}
	if c.adapter != nil {
		return c.adapter.driver
	}
	return nil
}

// who names the call manager in reports.
func (c cmRef) who() string {
	switch {
	case c.open != nil:
		return "call manager " + fmt.Sprintf("%q", c.open.protocol.name)
	case c.adapter != nil:
		return "miniport call manager " + fmt.Sprintf("%q", c.adapter.driver.name)
	}
	return "no call manager"
}

// bindingContext is what NDIS passes as CallMgrBindingContext.
func (c cmRef) bindingContext() ndis.Handle {
	if c.open != nil {
		return c.open.ctx
	}
	if c.adapter != nil {
		return c.adapter.ctx
	}
	return nil
}

// regAf is an address family a call manager registered on an adapter.
type regAf struct {
	af      ndis.CoAddressFamily
	cm      cmRef
	adapter *adapterBlock
	closed  bool
}

// afState is the state of one opened address family.
type afState uint8

// The AF states.
const (
	afOpening afState = iota
	afOpen
	afFailed
	afClosing
	afClosed
)

// afBlock is one client's open of a registered address family.
type afBlock struct {
	id           int
	reg          *regAf
	client       *openBlock
	clientCtx    ndis.Handle
	cmCtx        ndis.Handle
	clientH, cmH *afHandle
	state        afState
	// life is the client's view of the AF in its catalogue lifetime (af),
	// from the advertisement it was opened from; cmLife the call manager's
	// (af-cm).
	life, cmLife *life
	saps         []*sapBlock
	vcs          []*vcBlock
}

// afHandle is an NdisAfHandle as one side holds it.
type afHandle struct {
	issued
	af   *afBlock
	side side
}

// sapBlock is a SAP a client registered on an AF.
type sapBlock struct {
	id           int
	af           *afBlock
	sap          *ndis.CoSap
	clientCtx    ndis.Handle
	cmCtx        ndis.Handle
	clientH, cmH *sapHandle
	// life is the client's view of the SAP in its catalogue lifetime (sap),
	// cmLife the call manager's (sap-cm).
	life, cmLife *life
}

// sapHandle is an NdisSapHandle as one side holds it.
type sapHandle struct {
	issued
	sap  *sapBlock
	side side
}

// vcHandle is an NdisVcHandle as one side holds it.
type vcHandle struct {
	issued
	vc   *vcBlock
	side side
}

// partyBlock is one party of a multipoint call.
type partyBlock struct {
	id           int
	vc           *vcBlock
	clientCtx    ndis.Handle
	cmCtx        ndis.Handle
	clientH, cmH *partyHandle
	// life is the client's view of the party in its catalogue lifetime
	// (party), cmLife the call manager's (party-cm).
	life, cmLife *life
	// remoteDropped is set by PROTOCOL_CL_INCOMING_DROP_PARTY: the client owes
	// NdisClDropParty.
	remoteDropped bool
}

// lifeOf returns the client's life of the party, nil for no party.
func (p *partyBlock) lifeOf() *life {
	if p == nil {
		return nil
	}
	return p.life
}

// cmLifeOf returns the call manager's life of the party, nil for no party.
func (p *partyBlock) cmLifeOf() *life {
	if p == nil {
		return nil
	}
	return p.cmLife
}

// partyHandle is an NdisPartyHandle as one side holds it.
type partyHandle struct {
	issued
	party *partyBlock
	side  side
}

// describe renders a handle for traces and reports: NDIS handles by kind and
// number, a driver's own context by its type (addresses would make traces
// differ from run to run).
func describe(h ndis.Handle) string {
	switch x := h.(type) {
	case nil:
		return "NULL"
	case *vcHandle:
		return fmt.Sprintf("vc #%d", x.vc.id)
	case *afHandle:
		return fmt.Sprintf("af #%d", x.af.id)
	case *sapHandle:
		return fmt.Sprintf("sap #%d", x.sap.id)
	case *partyHandle:
		return fmt.Sprintf("party #%d", x.party.id)
	case *openBlock:
		return fmt.Sprintf("binding of %s", x.who())
	case *protocolBlock:
		return x.driverName()
	case *miniportDriverBlock:
		return x.driverName()
	case *adapterBlock:
		return fmt.Sprintf("adapter %q", x.name)
	case *bindCtx:
		return fmt.Sprintf("bind context of %s to %q", x.protocol.driverName(), x.adapter.name)
	case *unbindCtx:
		return "unbind context of " + x.open.who()
	case ndis.Status:
		return x.String()
	case interface{ describe() string }:
		return x.describe() // the NDIS 6 objects (ndis6_state.go)
	}
	return fmt.Sprintf("%T", h)
}

// handleKind names what an NDIS handle is, for bad-handle reports.
func handleKind(h ndis.Handle) string {
	switch h.(type) {
	case nil:
		return "NULL"
	case *vcHandle:
		return "a VC handle"
	case *afHandle:
		return "an AF handle"
	case *sapHandle:
		return "a SAP handle"
	case *partyHandle:
		return "a party handle"
	case *openBlock:
		return "a binding handle"
	case *protocolBlock:
		return "a protocol driver handle"
	case *miniportDriverBlock:
		return "a miniport driver handle"
	case *adapterBlock:
		return "a miniport adapter handle"
	case *bindCtx:
		return "a bind context"
	case *unbindCtx:
		return "an unbind context"
	case interface{ kind() string }:
		return h.(interface{ kind() string }).kind() // the NDIS 6 objects (ndis6_state.go)
	}
	return fmt.Sprintf("a driver's own value of type %T, not a handle NDIS gave out", h)
}

// String names the AF, its client and call manager for reports.
func (af *afBlock) String() string {
	return fmt.Sprintf("af #%d (client %q, %s)", af.id, af.client.protocol.name, af.reg.cm.who())
}

// String names the SAP for reports.
func (s *sapBlock) String() string { return fmt.Sprintf("sap #%d of af #%d", s.id, s.af.id) }

// String names the party for reports.
func (p *partyBlock) String() string { return fmt.Sprintf("party #%d of vc #%d", p.id, p.vc.id) }
