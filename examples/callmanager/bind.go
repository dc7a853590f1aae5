package callmanager

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// supportedMedia are the media the call manager binds to.
var supportedMedia = []ndis.Medium{ndis.MediumCoWan, ndis.MediumAtm}

// cmBindAdapterEx is the call manager's ProtocolBindAdapterEx, at
// PASSIVE_LEVEL: it opens the adapter and registers its address family on
// the binding with NdisCmRegisterAddressFamilyEx. When the open pends,
// ProtocolOpenAdapterCompleteEx finishes the bind.
//
//ndis:role PROTOCOL_BIND_ADAPTER_EX
func cmBindAdapterEx(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	cm, ok := protocolDriverContext.(*CallManager)
	if !ok || bindParameters == nil {
		return ndis.StatusFailure
	}
	b := cm.newBinding(bindParameters.AdapterName)
	if b == nil {
		return ndis.StatusResources
	}
	b.bindContext = bindContext
	params := ndis.OpenParameters{
		AdapterName:         bindParameters.AdapterName,
		MediumArray:         supportedMedia,
		SelectedMediumIndex: &b.mediumIndex,
	}
	st := ndis.OpenAdapterEx(cm.ndisProtocolHandle, b, &params, bindContext, &b.ndisBindingHandle)
	if st == ndis.StatusPending {
		return st
	}
	if st != ndis.StatusSuccess {
		b.free()
		return st
	}
	return b.registerAf()
}

// cmOpenAdapterCompleteEx is the call manager's
// ProtocolOpenAdapterCompleteEx, at PASSIVE_LEVEL: it registers the address
// family and completes the bind.
//
//ndis:role PROTOCOL_OPEN_ADAPTER_COMPLETE_EX
func cmOpenAdapterCompleteEx(protocolBindingContext ndis.Handle, status ndis.Status) {
	b, ok := protocolBindingContext.(*binding)
	if !ok {
		return
	}
	bindContext := b.bindContext
	if status == ndis.StatusSuccess {
		status = b.registerAf()
	} else {
		b.free()
	}
	ndis.CompleteBindAdapterEx(bindContext, status)
}

// registerAf puts b on the list and registers the address family. If the
// registration fails the binding is closed again.
func (b *binding) registerAf() ndis.Status {
	cm := b.cm
	ndis.AcquireSpinLock(&cm.lock)
	family := cm.cfg.AddressFamily
	cm.bindings = append(cm.bindings, b)
	ndis.ReleaseSpinLock(&cm.lock)
	st := ndis.CmRegisterAddressFamilyEx(b.ndisBindingHandle, &family)
	if st != ndis.StatusSuccess {
		b.closeAdapter()
	}
	return st
}

// cmUnbindAdapterEx is the call manager's ProtocolUnbindAdapterEx, at
// PASSIVE_LEVEL: it asks every client to close its address family
// (NdisCmNotifyCloseAddressFamily), waits until they have, then closes the
// adapter.
//
//ndis:role PROTOCOL_UNBIND_ADAPTER_EX
func cmUnbindAdapterEx(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	b, ok := protocolBindingContext.(*binding)
	if !ok {
		// Not a binding of this call manager: nothing to unbind.
		return ndis.StatusSuccess
	}
	ndis.AcquireSpinLock(&b.cm.lock)
	b.unbinding = true
	ndis.ReleaseSpinLock(&b.cm.lock)
	b.closeAfs()
	b.closeAdapter()
	return ndis.StatusSuccess
}

// closeAdapter closes the binding, waiting for a pended close, and frees
// it.
func (b *binding) closeAdapter() {
	if ndis.CloseAdapterEx(b.ndisBindingHandle) == ndis.StatusPending {
		ndis.WaitEvent(&b.adapterClosed, 0)
	}
	cm := b.cm
	ndis.AcquireSpinLock(&cm.lock)
	for i, x := range cm.bindings {
		if x == b {
			cm.bindings = append(cm.bindings[:i], cm.bindings[i+1:]...)
			break
		}
	}
	ndis.ReleaseSpinLock(&cm.lock)
	b.free()
}

// cmCloseAdapterCompleteEx is the call manager's
// ProtocolCloseAdapterCompleteEx: it wakes closeAdapter.
//
//ndis:role PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX
func cmCloseAdapterCompleteEx(protocolBindingContext ndis.Handle) {
	if b, ok := protocolBindingContext.(*binding); ok {
		ndis.SetEvent(&b.adapterClosed)
	}
}

// newBinding allocates a binding context with its timer and events.
func (cm *CallManager) newBinding(adapterName string) *binding {
	b := &binding{cm: cm, adapterName: adapterName}
	b.mem = cm.allocCtx(unsafe.Sizeof(*b))
	if b.mem == nil {
		return nil
	}
	timer := ndis.TimerCharacteristics{
		AllocationTag:   cmTag,
		TimerFunction:   cmSignallingTimer,
		FunctionContext: b,
	}
	if ndis.AllocateTimerObject(cm.ndisProtocolHandle, &timer, &b.signalTimer) != ndis.StatusSuccess {
		freeCtx(b.mem)
		return nil
	}
	ndis.InitializeEvent(&b.afsGone)
	ndis.SetEvent(&b.afsGone)
	ndis.InitializeEvent(&b.adapterClosed)
	return b
}

// free releases the binding context.
func (b *binding) free() {
	ndis.FreeTimerObject(b.signalTimer)
	freeCtx(b.mem)
	b.mem = nil
}
