// Package testclient is a minimal CoNDIS client written by the naming rule
// of DESIGN.md, the way a C client is ported line for line: a protocol
// driver that registers NDIS_PROTOCOL_CO_CHARACTERISTICS and
// NDIS_CO_CLIENT_OPTIONAL_HANDLERS from its SetOptions handler, opens the
// address families call managers advertise, registers SAPs, makes and
// accepts calls, and tears them down the documented way (a non-PENDING
// return is completed by calling its own completion handler; only the
// creator deletes a VC; a VC the call manager created is left alone after
// its close). The tests of packages ndis and ndistest run it against the
// scripted call manager; Options switch on answers (pend, reject) and the
// classic mistakes the verifier must catch.
package testclient

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/internal/ndissim"
	"github.com/ndislint/ndislint/ndis"
)

// Answer is how the client answers an offered call.
type Answer uint8

// The answers.
const (
	// Accept returns NDIS_STATUS_SUCCESS from ProtocolClIncomingCall.
	Accept Answer = iota
	// Reject returns NDIS_STATUS_FAILURE.
	Reject
	// Hold returns NDIS_STATUS_PENDING; the test answers with
	// Client.CompleteIncoming (NdisClIncomingCallComplete).
	Hold
)

// Options configure the client.
type Options struct {
	// Name is the protocol's name ("client" when empty).
	Name string
	// Sap, when not nil, is registered on every AF the client opens.
	Sap *ndis.CoSap
	// Incoming is how ProtocolClIncomingCall answers.
	Incoming Answer
	// DeferIncomingClose makes ProtocolClIncomingCloseCall only note the
	// close; the test answers with CloseCall (NOTES §11 shape 5).
	DeferIncomingClose bool
	// DeferIncomingDrop makes ProtocolClIncomingDropParty only note the
	// drop; the test answers with DropParty.
	DeferIncomingDrop bool
	// HoldNotifyCloseAf makes ProtocolClNotifyCloseAf return
	// NDIS_STATUS_PENDING and do nothing; the test finishes with
	// CompleteNotifyCloseAf.
	HoldNotifyCloseAf bool
	// KeepOwnVcs keeps the client's own VCs after a successful close
	// instead of deleting them in ProtocolClCloseCallComplete.
	KeepOwnVcs bool
	// DeleteInCloseComplete is the classic mistake: ProtocolClCloseCallComplete
	// calls NdisCoDeleteVc on every VC, including those the call manager
	// created.
	DeleteInCloseComplete bool
	// CreateVcAnswer, when not zero, is what ProtocolCoCreateVc returns
	// instead of NDIS_STATUS_SUCCESS (NDIS_STATUS_PENDING is the mistake).
	CreateVcAnswer ndis.Status
	// OidPends makes the client's ProtocolCoOidRequest return
	// NDIS_STATUS_PENDING; the test completes the requests with CompleteOids.
	OidPends bool
	// OnEvent, when set, runs at the start of every handler with the role
	// typedef name and the VC concerned (nil when none): tests put their
	// misbehaviour there.
	OnEvent func(role string, v *VC)
}

// Client is the client driver's global state.
type Client struct {
	opts     Options
	protocol ndis.Handle
	bindings []*Binding
	vcs      []*VC
	// Events is the log of the handlers NDIS called, in order
	// ("PROTOCOL_CL_CLOSE_CALL_COMPLETE vc#3 NDIS_STATUS_SUCCESS").
	Events     []string
	heldOids   []heldOid
	oidResults []ndis.Status
}

// heldOid is an OID request the client pended.
type heldOid struct {
	af  *Af
	v   *VC
	req *ndis.OidRequest
}

// Binding is the client's context for one binding.
type Binding struct {
	c       *Client
	h       ndis.Handle
	bindCtx ndis.Handle
	adapter string
	afs     []*Af
	unbind  ndis.Handle
	// afsClosed is set when the last AF closed while an unbind waits.
	afsClosed ndis.Event
	waiting   bool
}

// Af is the client's context for one open address family.
type Af struct {
	b             *Binding
	h             ndis.Handle
	family        ndis.CoAddressFamily
	open          bool
	closing       bool
	closed        bool
	tearingDown   bool
	notifyPending bool
	stepping      bool
	again         bool
	saps          []*Sap
}

// Sap is the client's context for one SAP.
type Sap struct {
	af         *Af
	h          ndis.Handle
	sap        ndis.CoSap
	registered bool
	closing    bool
}

// VC is the client's context for one VC (ProtocolVcContext).
type VC struct {
	c           *Client
	af          *Af
	h           ndis.Handle
	createdByCM bool
	state       string
	deleted     bool
	multipoint  bool
	parties     []*Party
	received    [][]byte
	sendsOut    int
	params      *ndis.CoCallParameters
	remoteClose bool
}

// Party is the client's context for one party (ProtocolPartyContext).
type Party struct {
	vc    *VC
	h     ndis.Handle
	state string
}

// New returns a client with options; its DriverEntry registers it.
func New(opts Options) *Client {
	if opts.Name == "" {
		opts.Name = "client"
	}
	return &Client{opts: opts}
}

// log appends to the event log and runs the OnEvent hook.
func (c *Client) log(role string, v *VC, detail string) {
	e := role
	if v != nil {
		e += fmt.Sprintf(" vc#%d", v.Number())
	}
	if detail != "" {
		e += " " + detail
	}
	c.Events = append(c.Events, e)
	if c.opts.OnEvent != nil {
		c.opts.OnEvent(role, v)
	}
}

// Protocol returns the client's NdisProtocolHandle.
func (c *Client) Protocol() ndis.Handle { return c.protocol }

// VCs returns every VC the client knows (its own and the call manager's),
// in creation order.
func (c *Client) VCs() []*VC { return append([]*VC(nil), c.vcs...) }

// IncomingVCs returns the VCs the call manager created, not deleted.
func (c *Client) IncomingVCs() []*VC {
	var out []*VC
	for _, v := range c.vcs {
		if v.createdByCM && !v.deleted {
			out = append(out, v)
		}
	}
	return out
}

// Afs returns every address family the client opened, in order: those
// whose open is still pending, failed or closed too (Af returns only an
// open one).
func (c *Client) Afs() []*Af {
	var out []*Af
	for _, b := range c.bindings {
		out = append(out, b.afs...)
	}
	return out
}

// Af returns the first open address family, nil if none.
func (c *Client) Af() *Af {
	for _, b := range c.bindings {
		for _, a := range b.afs {
			if a.open && !a.closing {
				return a
			}
		}
	}
	return nil
}

// OidResults returns the final statuses of the client's OID requests.
func (c *Client) OidResults() []ndis.Status { return append([]ndis.Status(nil), c.oidResults...) }

// Handle returns the client's NdisVcHandle of the VC.
func (v *VC) Handle() ndis.Handle { return v.h }

// State returns the client's view of the call: idle, calling, offered,
// accepted, connected, closing, closed, failed.
func (v *VC) State() string { return v.state }

// Deleted reports whether NDIS deleted the VC (ProtocolCoDeleteVc or a
// successful NdisCoDeleteVc).
func (v *VC) Deleted() bool { return v.deleted }

// CreatedByCM reports whether the call manager created the VC.
func (v *VC) CreatedByCM() bool { return v.createdByCM }

// Received returns the payloads received on the VC.
func (v *VC) Received() [][]byte { return append([][]byte(nil), v.received...) }

// SendsOutstanding returns how many sends have not come back.
func (v *VC) SendsOutstanding() int { return v.sendsOut }

// Parties returns the parties of the call not dropped.
func (v *VC) Parties() []*Party {
	var out []*Party
	for _, p := range v.parties {
		if p.state == "active" || p.state == "adding" {
			out = append(out, p)
		}
	}
	return out
}

// Number returns the VC's number in the simulation (vc #3).
func (v *VC) Number() int {
	info, _ := ndissim.Of(kernel.Current()).Vc(v.h)
	return info.Number
}

// Handle returns the client's NdisAfHandle.
func (a *Af) Handle() ndis.Handle { return a.h }

// Open reports whether the AF is open.
func (a *Af) Open() bool { return a.open && !a.closed }

// Saps returns the registered SAPs.
func (a *Af) Saps() []*Sap {
	var out []*Sap
	for _, s := range a.saps {
		if s.registered && !s.closing {
			out = append(out, s)
		}
	}
	return out
}

// Handle returns the client's NdisSapHandle.
func (s *Sap) Handle() ndis.Handle { return s.h }

// Handle returns the client's NdisPartyHandle.
func (p *Party) Handle() ndis.Handle { return p.h }

// State returns the party's state: adding, active, dropping, dropped.
func (p *Party) State() string { return p.state }

// Binding returns the NdisBindingHandle the AF was opened on.
func (a *Af) Binding() ndis.Handle { return a.b.h }
