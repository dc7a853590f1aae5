package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// actState is a VC's activation state in the miniport.
type actState uint8

// The activation states.
const (
	actInactive actState = iota
	actActivating
	actActive
	actDeactivating
)

// callState is the state of the call on a VC.
type callState uint8

// The call states.
const (
	callIdle callState = iota
	callMakePending
	callOffered
	callAccepted
	callConnected
	callClosing
	callCloseFailed
)

// String names the call state in reports.
func (c callState) String() string {
	switch c {
	case callIdle:
		return "no call"
	case callMakePending:
		return "an outgoing call being made"
	case callOffered:
		return "an incoming call being offered"
	case callAccepted:
		return "an accepted incoming call not yet connected"
	case callConnected:
		return "a connected call"
	case callClosing:
		return "a call being closed"
	case callCloseFailed:
		return "a call whose close failed"
	}
	return "an unknown call state"
}

// vcBlock is one VC: the state NDIS shares between the client, the call
// manager and the miniport, each of which holds its own vcHandle.
type vcBlock struct {
	id          int
	adapter     *adapterBlock
	af          *afBlock
	cm          cmRef
	clientOpen  *openBlock
	creator     side
	clientCtx   ndis.Handle
	cmCtx       ndis.Handle
	miniportCtx ndis.Handle
	clientH     *vcHandle
	cmH         *vcHandle
	mpH         *vcHandle
	deleted     bool
	act         actState
	actPrev     actState
	call        callState
	// life is the client's view of the VC in its catalogue lifetime:
	// vc-client for a VC the client created, vc-cm for one the call manager
	// created; nil for a call manager's VC with no client.
	life *life
	// callLife is the call manager's view of the call on the VC (the
	// catalogue's call lifetime); nil for a VC with no client.
	callLife *life
	// remoteClosed is set by PROTOCOL_CL_INCOMING_CLOSE_CALL: the client owes
	// NdisClCloseCall.
	remoteClosed bool
	multipoint   bool
	parties      []*partyBlock
	sap          *sapBlock
	sends        int
	instanceName string
}

// String names the VC and its creator for reports ("vc #3, created by call
// manager \"cm\"").
func (v *vcBlock) String() string {
	return fmt.Sprintf("vc #%d (created by %s)", v.id, v.creatorName())
}

// describe names the VC and its call for reports ("vc #3 (created by ...),
// which has a connected call,").
func (v *vcBlock) describe() string { return fmt.Sprintf("%s, which has %s,", v, v.call) }

// creatorName names the driver that created the VC.
func (v *vcBlock) creatorName() string {
	if v.creator == sideClient && v.clientOpen != nil {
		return "client " + fmt.Sprintf("%q", v.clientOpen.protocol.name)
	}
	return v.cm.who()
}

// handleFor returns the VC handle a side holds.
func (v *vcBlock) handleFor(s side) *vcHandle {
	switch s {
	case sideClient:
		return v.clientH
	case sideCM:
		return v.cmH
	}
	return v.mpH
}

// ctxFor returns the context a side gave NDIS for the VC.
func (v *vcBlock) ctxFor(s side) ndis.Handle {
	switch s {
	case sideClient:
		return v.clientCtx
	case sideCM:
		return v.cmCtx
	}
	return v.miniportCtx
}

// hasClient reports whether a client shares the VC (a call manager's VCs
// for itself have none).
func (v *vcBlock) hasClient() bool { return v.clientH != nil }

// clientDead reports whether an edge of the VC's lifetime invalidated the
// client's handle (for a VC the call manager created: its close completed,
// and no new incoming call was dispatched on it since).
func (v *vcBlock) clientDead() bool { return v.life != nil && v.life.dead }

// liveParties returns the parties of v's call: those whose lifetime says
// they exist for the client (not gone, and their handle not invalidated by
// a drop). With no party lifetime in the catalogue every party counts.
func (w *world) liveParties(v *vcBlock) []*partyBlock {
	var out []*partyBlock
	for _, p := range v.parties {
		if w.partyLive(p) {
			out = append(out, p)
		}
	}
	return out
}

// partyLive reports whether party p exists for the client (liveParties).
func (w *world) partyLive(p *partyBlock) bool {
	return !p.vc.deleted && !w.gone(p.life) && !p.life.dead
}

// miniportSide returns the handle the miniport under the VC uses: its own,
// or the call manager's for a miniport call manager.
func (v *vcBlock) miniportSide() side {
	if v.cm.isMCM() {
		return sideCM
	}
	return sideMiniport
}
