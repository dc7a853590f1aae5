package callmanager

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// binding is the call manager's per-adapter context (its
// ProtocolBindingContext and CallMgrBindingContext).
type binding struct {
	cm                *CallManager
	mem               []byte
	adapterName       string
	bindContext       ndis.Handle
	ndisBindingHandle ndis.Handle
	mediumIndex       uint32
	afs               []*af
	unbinding         bool
	// signalTimer runs the deferred completions in work.
	signalTimer ndis.Handle
	work        []func()
	// afsGone is signalled when the last AF context on the binding is
	// released; adapterClosed by ProtocolCloseAdapterCompleteEx.
	afsGone       ndis.Event
	adapterClosed ndis.Event
}

// afState is the state of a client's open of the call manager's AF.
type afState int

// The AF states.
const (
	afOpening afState = iota
	afOpen
	afClosing
)

// af is the call manager's context of one client's open of its address
// family (its CallMgrAfContext). refs counts the open itself and a
// NdisCmNotifyCloseAddressFamily in flight: the context is freed when both
// are over.
type af struct {
	binding      *binding
	mem          []byte
	ndisAfHandle ndis.Handle
	state        afState
	refs         int
	saps         []*sapCtx
	vcs          []*vc
}

// sapState is the state of a SAP.
type sapState int

// The SAP states.
const (
	sapRegistering sapState = iota
	sapRegistered
)

// sapCtx is the call manager's context of a client's SAP (its
// CallMgrSapContext).
type sapCtx struct {
	af            *af
	mem           []byte
	ndisSapHandle ndis.Handle
	sap           []byte
	state         sapState
}

// vcState is the state of a VC as the call manager sees it.
type vcState int

// The VC states.
const (
	vcIdle vcState = iota
	vcMaking
	vcOffering
	vcConnected
	vcClosing
	vcRejecting
	vcDeleted
)

// String names the state.
func (s vcState) String() string {
	return [...]string{"idle", "making", "offering", "connected", "closing", "rejecting", "deleted"}[s]
}

// noStatus marks a handler's result not decided yet.
const noStatus = ndis.StatusPending

// vc is the call manager's per-VC context (its CallMgrVcContext), for the
// clients' VCs and its own. createdByCM marks its own: only those it
// deletes.
type vc struct {
	id             int
	af             *af
	mem            []byte
	ndisVcHandle   ndis.Handle
	createdByCM    bool
	state          vcState
	sap            *sapCtx
	callParameters *ndis.CoCallParameters
	// inHandler is set while ProtocolCmMakeCall or ProtocolCmCloseCall
	// runs; result is the status a synchronous completion returns from it.
	inHandler bool
	result    ndis.Status
	// reaping is set from the end of a close of a call on the call
	// manager's own VC until callClosed keeps or deletes the VC (from the
	// signalling timer after a synchronous close, right after
	// NdisCmCloseCallComplete otherwise): ProtocolCmCloseAf, which the
	// client may call meanwhile, must wait for it.
	reaping bool
}

// allocCtx allocates the NDIS memory that stands for a context.
func (cm *CallManager) allocCtx(size uintptr) []byte {
	return ndis.AllocateMemoryWithTagPriority(cm.ndisProtocolHandle, uint32(size), cmTag, ndis.NormalPoolPriority)
}

// freeCtx frees what allocCtx returned.
func freeCtx(mem []byte) {
	if mem != nil {
		ndis.FreeMemory(mem, uint32(len(mem)), 0)
	}
}

// newVc allocates a VC context on a.
func (cm *CallManager) newVc(a *af, createdByCM bool) *vc {
	v := &vc{af: a, createdByCM: createdByCM, result: noStatus}
	v.mem = cm.allocCtx(unsafe.Sizeof(*v))
	if v.mem == nil {
		return nil
	}
	ndis.AcquireSpinLock(&cm.lock)
	cm.nextID++
	v.id = cm.nextID
	ndis.ReleaseSpinLock(&cm.lock)
	return v
}

// callManager returns the driver a VC belongs to.
func (v *vc) callManager() *CallManager { return v.af.binding.cm }

// removeVc takes v off its AF's list; the caller holds the lock.
func (a *af) removeVc(v *vc) {
	for i, x := range a.vcs {
		if x == v {
			a.vcs = append(a.vcs[:i], a.vcs[i+1:]...)
			return
		}
	}
}

// releaseAf drops one reference to a; the last frees it and, when the
// binding has no AF left, wakes the unbind handler.
func (a *af) releaseAf() {
	b := a.binding
	cm := b.cm
	ndis.AcquireSpinLock(&cm.lock)
	a.refs--
	if a.refs > 0 {
		ndis.ReleaseSpinLock(&cm.lock)
		return
	}
	for i, x := range b.afs {
		if x == a {
			b.afs = append(b.afs[:i], b.afs[i+1:]...)
			break
		}
	}
	none := len(b.afs) == 0
	ndis.ReleaseSpinLock(&cm.lock)
	freeCtx(a.mem)
	if none {
		ndis.SetEvent(&b.afsGone)
	}
}
