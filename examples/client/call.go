package client

import "github.com/ndislint/ndislint/ndis"

// CallState is the state of a call on one of the client's VCs, as the
// client sees it.
type CallState int

// The call states.
const (
	// CallIdle: a VC with no call (a call manager's VC not offered yet, or
	// whose offer the client rejected).
	CallIdle CallState = iota
	// CallMaking: NdisClMakeCall is pending.
	CallMaking
	// CallOffered: ProtocolClIncomingCall returned NDIS_STATUS_PENDING and
	// the client has not answered yet.
	CallOffered
	// CallAccepted: the client accepted an incoming call; the call manager
	// has not reported it connected yet.
	CallAccepted
	// CallConnected: the call is up.
	CallConnected
	// CallClosing: NdisClCloseCall is pending.
	CallClosing
	// CallClosed: the close of a call on a call manager's VC completed; the
	// client's handle is dead until the call manager offers a new call on
	// the VC or deletes it.
	CallClosed
	// CallCloseFailed: the call manager failed the close.
	CallCloseFailed
	// CallDeleting: the client is deleting its VC.
	CallDeleting
	// CallDeleted: the VC is gone and its context freed.
	CallDeleted
	// CallStuck: NdisCoDeleteVc failed on a VC the client created.
	CallStuck
)

// String names the state.
func (s CallState) String() string {
	switch s {
	case CallIdle:
		return "idle"
	case CallMaking:
		return "making"
	case CallOffered:
		return "offered"
	case CallAccepted:
		return "accepted"
	case CallConnected:
		return "connected"
	case CallClosing:
		return "closing"
	case CallClosed:
		return "closed"
	case CallCloseFailed:
		return "close-failed"
	case CallDeleting:
		return "deleting"
	case CallDeleted:
		return "deleted"
	case CallStuck:
		return "stuck"
	}
	return "unknown"
}

// Call is a view of one of the client's VCs for the code that drives the
// client (its upper edge; the tests).
type Call struct {
	v *vc
	c *Client
}

// ID numbers the client's VC contexts from 1 in the order they were made.
func (k *Call) ID() int { return k.v.id }

// Incoming reports whether the call manager created the VC (an incoming
// call).
func (k *Call) Incoming() bool { return k.v.createdByCM }

// State returns the call's state.
func (k *Call) State() CallState {
	ndis.AcquireSpinLock(&k.c.lock)
	s := k.v.state
	ndis.ReleaseSpinLock(&k.c.lock)
	return s
}

// LastStatus returns the status of the last completion the client saw for
// the VC (make call, close call or its answer to an offer).
func (k *Call) LastStatus() ndis.Status {
	ndis.AcquireSpinLock(&k.c.lock)
	s := k.v.lastStatus
	ndis.ReleaseSpinLock(&k.c.lock)
	return s
}

// RemoteClosed reports whether the call manager indicated a close
// (ProtocolClIncomingCloseCall) on the VC.
func (k *Call) RemoteClosed() bool {
	ndis.AcquireSpinLock(&k.c.lock)
	r := k.v.remoteClosed
	ndis.ReleaseSpinLock(&k.c.lock)
	return r
}

// Received returns how many NET_BUFFER_LISTs the client received on the VC.
func (k *Call) Received() int {
	ndis.AcquireSpinLock(&k.c.lock)
	n := k.v.received
	ndis.ReleaseSpinLock(&k.c.lock)
	return n
}

// Calls returns the client's live VCs (not yet deleted), in creation order.
func (c *Client) Calls() []*Call {
	ndis.AcquireSpinLock(&c.lock)
	var out []*Call
	for _, b := range c.bindings {
		if b.af == nil {
			continue
		}
		for _, v := range b.af.vcs {
			out = append(out, &Call{v: v, c: c})
		}
	}
	ndis.ReleaseSpinLock(&c.lock)
	return out
}

// Stats counts what the client did and saw.
type Stats struct {
	Bindings          int // bindings currently open
	AfsOpened         int // NdisClOpenAddressFamilyEx completed with success
	AfsClosed         int // NdisClCloseAddressFamily completed with success
	NotifyCloseAf     int // ProtocolClNotifyCloseAf calls
	SapsRegistered    int
	SapsDeregistered  int
	VcsCreated        int // NdisCoCreateVc successes (the client's own VCs)
	VcsDeleted        int // NdisCoDeleteVc successes (the client's own VCs)
	CmVcsCreated      int // ProtocolCoCreateVc calls (the call manager's VCs)
	CmVcsDeleted      int // ProtocolCoDeleteVc calls
	OutgoingConnected int // ProtocolClMakeCallComplete with success
	OutgoingFailed    int
	IncomingAccepted  int
	IncomingRejected  int
	IncomingConnected int // ProtocolClCallConnected calls
	IncomingCloses    int // ProtocolClIncomingCloseCall calls
	ClosesCompleted   int // ProtocolClCloseCallComplete, by NDIS or self-called
	CloseFailures     int // closes completed with a failure
}

// Stats returns a snapshot of the counters.
func (c *Client) Stats() Stats {
	ndis.AcquireSpinLock(&c.lock)
	s := c.stats
	s.Bindings = len(c.bindings)
	ndis.ReleaseSpinLock(&c.lock)
	return s
}
