package client

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// binding is the client's per-adapter context (its ProtocolBindingContext).
type binding struct {
	client            *Client
	mem               []byte
	adapterName       string
	bindContext       ndis.Handle
	ndisBindingHandle ndis.Handle
	mediumIndex       uint32
	// answerTimer answers incoming calls the client pended.
	answerTimer ndis.Handle
	answerQueue []*vc
	af          *af
	unbinding   bool
	// afGone is signalled when the binding has no address family left
	// (closed, or its open failed); ProtocolUnbindAdapterEx waits on it.
	afGone ndis.Event
	// adapterClosed is signalled by ProtocolCloseAdapterCompleteEx.
	adapterClosed ndis.Event
}

// afState is the state of the client's open of an address family.
type afState int

// The address-family states.
const (
	afOpening afState = iota
	afOpen
	afClosing
	afClosed
	afCloseFailed
)

// notifyState tracks a ProtocolClNotifyCloseAf in progress.
type notifyState int

// The notify states.
const (
	notifyNone notifyState = iota
	// notifyInHandler: ProtocolClNotifyCloseAf is still running; it returns
	// the close's status itself if the close finishes before it returns.
	notifyInHandler
	// notifyPending: ProtocolClNotifyCloseAf returned NDIS_STATUS_PENDING;
	// the close's end calls NdisClNotifyCloseAddressFamilyComplete.
	notifyPending
)

// af is the client's context of an open address family (its
// ProtocolAfContext).
type af struct {
	binding      *binding
	mem          []byte
	ndisAfHandle ndis.Handle
	state        afState
	// closing is set when the AF is to be closed (unbind, or the call
	// manager's ProtocolClNotifyCloseAf): the teardown in teardown.go runs.
	closing     bool
	notify      notifyState
	closeStatus ndis.Status
	sap         *sapCtx
	vcs         []*vc
}

// sapState is the state of the client's SAP.
type sapState int

// The SAP states.
const (
	sapRegistering sapState = iota
	sapRegistered
	sapDeregistering
	sapStuck
)

// sapCtx is the client's context of a SAP (its ProtocolSapContext). coSap must
// stay valid while the SAP is registered.
type sapCtx struct {
	af            *af
	mem           []byte
	coSap         ndis.CoSap
	ndisSapHandle ndis.Handle
	state         sapState
}

// vc is the client's per-VC context (its ProtocolVcContext), for VCs it
// created and VCs the call manager created alike. createdByCM tells them
// apart: the client deletes only its own VCs (NdisCoDeleteVc), and frees the
// context of a call manager's VC only in ProtocolCoDeleteVc.
type vc struct {
	id           int
	af           *af
	mem          []byte
	ndisVcHandle ndis.Handle
	createdByCM  bool
	state        CallState
	// callParameters of an outgoing call stay valid until
	// ProtocolClMakeCallComplete; those of an incoming call until the
	// client answers it.
	callParameters *ndis.CoCallParameters
	answer         AnswerPolicy
	lastStatus     ndis.Status
	remoteClosed   bool
	received       int
}

// allocCtx allocates the NDIS memory that stands for a context of size
// bytes (the C driver's NdisAllocateMemoryWithTagPriority of its structure).
func (c *Client) allocCtx(size uintptr) []byte {
	return ndis.AllocateMemoryWithTagPriority(c.ndisProtocolHandle, uint32(size), clientTag, ndis.NormalPoolPriority)
}

// freeCtx frees what allocCtx returned.
func freeCtx(mem []byte) {
	if mem != nil {
		ndis.FreeMemory(mem, uint32(len(mem)), 0)
	}
}

// newVc allocates a VC context on a; nil when memory is short.
func (c *Client) newVc(a *af, createdByCM bool) *vc {
	v := &vc{af: a, createdByCM: createdByCM}
	v.mem = c.allocCtx(unsafe.Sizeof(*v))
	if v.mem == nil {
		return nil
	}
	ndis.AcquireSpinLock(&c.lock)
	c.nextID++
	v.id = c.nextID
	ndis.ReleaseSpinLock(&c.lock)
	return v
}

// free releases the VC context; the VC is gone.
func (v *vc) free() {
	freeCtx(v.mem)
	v.mem = nil
}

// client returns the driver a VC context belongs to.
func (v *vc) client() *Client { return v.af.binding.client }

// removeVc takes v off its AF's list; the caller holds the lock.
func (a *af) removeVc(v *vc) {
	for i, x := range a.vcs {
		if x == v {
			a.vcs = append(a.vcs[:i], a.vcs[i+1:]...)
			return
		}
	}
}
