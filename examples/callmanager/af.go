package callmanager

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// cmOpenAf is the call manager's ProtocolCmOpenAf: a client opens the
// address family. The call manager allocates its AF context and accepts at
// once, or later from its signalling timer, or nested before it returns
// NDIS_STATUS_PENDING (Config.OpenAf).
//
//ndis:role PROTOCOL_CM_OPEN_AF
func cmOpenAf(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
	b, ok := callMgrBindingContext.(*binding)
	if !ok || addressFamily == nil || callMgrAfContext == nil {
		return ndis.StatusFailure
	}
	cm := b.cm
	a := &af{binding: b, ndisAfHandle: ndisAfHandle, state: afOpening, refs: 1}
	a.mem = cm.allocCtx(unsafe.Sizeof(*a))
	if a.mem == nil {
		return ndis.StatusResources
	}
	ndis.AcquireSpinLock(&cm.lock)
	if b.unbinding || addressFamily.AddressFamily != cm.cfg.AddressFamily.AddressFamily {
		ndis.ReleaseSpinLock(&cm.lock)
		freeCtx(a.mem)
		return ndis.StatusFailure
	}
	b.afs = append(b.afs, a)
	mode := cm.cfg.OpenAf
	ndis.ReleaseSpinLock(&cm.lock)
	ndis.ResetEvent(&b.afsGone)
	switch mode {
	case Deferred:
		b.later(a.completeOpen)
		return ndis.StatusPending
	case Nested:
		a.completeOpen()
		return ndis.StatusPending
	}
	a.markOpen()
	*callMgrAfContext = a
	return ndis.StatusSuccess
}

// markOpen records that the AF is open.
func (a *af) markOpen() {
	cm := a.binding.cm
	ndis.AcquireSpinLock(&cm.lock)
	a.state = afOpen
	cm.stats.AfsOpened++
	ndis.ReleaseSpinLock(&cm.lock)
}

// completeOpen completes a pended open with NdisCmOpenAddressFamilyComplete.
func (a *af) completeOpen() {
	a.markOpen()
	ndis.CmOpenAddressFamilyComplete(ndis.StatusSuccess, a.ndisAfHandle, a)
}

// cmCloseAf is the call manager's ProtocolCmCloseAf: the client has closed
// its calls and SAPs; the call manager deletes the VCs it kept on the AF
// and releases the AF, at once or later (Config.CloseAf). The AF handle is
// invalid for it afterwards. A VC whose deletion is still queued on the
// signalling timer is deleted there first: the close then completes from
// the timer, after it.
//
//ndis:role PROTOCOL_CM_CLOSE_AF
func cmCloseAf(callMgrAfContext ndis.Handle) ndis.Status {
	a, ok := callMgrAfContext.(*af)
	if !ok {
		// Not an AF of this call manager: nothing to close.
		return ndis.StatusSuccess
	}
	b := a.binding
	cm := b.cm
	ndis.AcquireSpinLock(&cm.lock)
	a.state = afClosing
	var own []*vc
	mode := cm.cfg.CloseAf
	for _, v := range a.vcs {
		switch {
		case v.createdByCM && v.reaping:
			mode = Deferred
		case v.createdByCM && v.state == vcIdle:
			v.state = vcDeleted
			own = append(own, v)
		}
	}
	ndis.ReleaseSpinLock(&cm.lock)
	for _, v := range own {
		v.deleteOwnVc()
	}
	switch mode {
	case Deferred:
		b.later(a.completeClose)
		return ndis.StatusPending
	case Nested:
		a.completeClose()
		return ndis.StatusPending
	}
	a.closed()
	return ndis.StatusSuccess
}

// closed counts the close and drops the open's reference.
func (a *af) closed() {
	cm := a.binding.cm
	ndis.AcquireSpinLock(&cm.lock)
	cm.stats.AfsClosed++
	ndis.ReleaseSpinLock(&cm.lock)
	a.releaseAf()
}

// completeClose completes a pended close with
// NdisCmCloseAddressFamilyComplete, the last use of the AF handle.
func (a *af) completeClose() {
	h := a.ndisAfHandle
	a.closed()
	ndis.CmCloseAddressFamilyComplete(ndis.StatusSuccess, h)
}

// closeAfs asks every client with the address family open to close it
// (NdisCmNotifyCloseAddressFamily, PASSIVE_LEVEL) and waits until every AF
// context on the binding is released.
func (b *binding) closeAfs() {
	cm := b.cm
	var open []*af
	ndis.AcquireSpinLock(&cm.lock)
	for _, a := range b.afs {
		if a.state == afOpen {
			a.refs++
			open = append(open, a)
		}
	}
	ndis.ReleaseSpinLock(&cm.lock)
	for _, a := range open {
		if ndis.CmNotifyCloseAddressFamily(a.ndisAfHandle) != ndis.StatusPending {
			a.releaseAf()
		}
	}
	ndis.WaitEvent(&b.afsGone, 0)
}

// cmNotifyCloseAfComplete is the call manager's
// ProtocolCmNotifyCloseAfComplete: the client finished a pended
// ProtocolClNotifyCloseAf.
//
//ndis:role PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE
func cmNotifyCloseAfComplete(callMgrAfContext ndis.Handle, status ndis.Status) {
	if a, ok := callMgrAfContext.(*af); ok {
		a.releaseAf()
	}
}

// CloseAddressFamilies closes the address family for every client on every
// binding, as the call manager does when its network goes away. Call it at
// PASSIVE_LEVEL; it returns when the clients have closed.
func (cm *CallManager) CloseAddressFamilies() {
	ndis.AcquireSpinLock(&cm.lock)
	bindings := append([]*binding(nil), cm.bindings...)
	ndis.ReleaseSpinLock(&cm.lock)
	for _, b := range bindings {
		b.closeAfs()
	}
}

// cmCoAfRegisterNotify is the call manager's ProtocolCoAfRegisterNotify: a
// call manager opens no address families of other call managers.
//
//ndis:role PROTOCOL_CO_AF_REGISTER_NOTIFY
func cmCoAfRegisterNotify(protocolBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily) {
}
