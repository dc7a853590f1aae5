package client

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// supportedMedia are the media the client binds to.
var supportedMedia = []ndis.Medium{ndis.MediumCoWan, ndis.MediumAtm}

// clBindAdapterEx is the client's ProtocolBindAdapterEx: it opens the
// adapter. When NdisOpenAdapterEx pends, the bind pends too and
// ProtocolOpenAdapterCompleteEx completes it.
//
//ndis:role PROTOCOL_BIND_ADAPTER_EX
func clBindAdapterEx(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	c, ok := protocolDriverContext.(*Client)
	if !ok || bindParameters == nil {
		return ndis.StatusFailure
	}
	b := c.newBinding(bindParameters.AdapterName)
	if b == nil {
		return ndis.StatusResources
	}
	b.bindContext = bindContext
	params := ndis.OpenParameters{
		AdapterName:         bindParameters.AdapterName,
		MediumArray:         supportedMedia,
		SelectedMediumIndex: &b.mediumIndex,
	}
	st := ndis.OpenAdapterEx(c.ndisProtocolHandle, b, &params, bindContext, &b.ndisBindingHandle)
	if st == ndis.StatusPending {
		return st
	}
	if st != ndis.StatusSuccess {
		b.free()
		return st
	}
	c.addBinding(b)
	return ndis.StatusSuccess
}

// clOpenAdapterCompleteEx is the client's ProtocolOpenAdapterCompleteEx: it
// finishes a bind whose NdisOpenAdapterEx pended.
//
//ndis:role PROTOCOL_OPEN_ADAPTER_COMPLETE_EX
func clOpenAdapterCompleteEx(protocolBindingContext ndis.Handle, status ndis.Status) {
	b, ok := protocolBindingContext.(*binding)
	if !ok {
		return
	}
	bindContext := b.bindContext
	if status == ndis.StatusSuccess {
		b.client.addBinding(b)
	} else {
		b.free()
	}
	ndis.CompleteBindAdapterEx(bindContext, status)
}

// clUnbindAdapterEx is the client's ProtocolUnbindAdapterEx, at
// PASSIVE_LEVEL: it closes its address family (which closes its calls,
// deletes its VCs and deregisters its SAP first), waits for that, then
// closes the adapter and waits for that (NdisCloseAdapterEx must come
// after every AF that depends on the binding is closed).
//
//ndis:role PROTOCOL_UNBIND_ADAPTER_EX
func clUnbindAdapterEx(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	b, ok := protocolBindingContext.(*binding)
	if !ok {
		// Not a binding of this client: nothing to unbind.
		return ndis.StatusSuccess
	}
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	b.unbinding = true
	a := b.af
	if a != nil {
		a.closing = true
	}
	ndis.ReleaseSpinLock(&c.lock)
	if a != nil {
		b.progress()
		ndis.WaitEvent(&b.afGone, 0)
	}
	if ndis.CloseAdapterEx(b.ndisBindingHandle) == ndis.StatusPending {
		ndis.WaitEvent(&b.adapterClosed, 0)
	}
	c.removeBinding(b)
	b.free()
	return ndis.StatusSuccess
}

// clCloseAdapterCompleteEx is the client's ProtocolCloseAdapterCompleteEx: it
// wakes the unbind handler.
//
//ndis:role PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX
func clCloseAdapterCompleteEx(protocolBindingContext ndis.Handle) {
	if b, ok := protocolBindingContext.(*binding); ok {
		ndis.SetEvent(&b.adapterClosed)
	}
}

// newBinding allocates a binding context with its timer and events; nil
// when resources are short.
func (c *Client) newBinding(adapterName string) *binding {
	b := &binding{client: c, adapterName: adapterName}
	b.mem = c.allocCtx(unsafe.Sizeof(*b))
	if b.mem == nil {
		return nil
	}
	timer := ndis.TimerCharacteristics{
		AllocationTag:   clientTag,
		TimerFunction:   clAnswerTimer,
		FunctionContext: b,
	}
	if ndis.AllocateTimerObject(c.ndisProtocolHandle, &timer, &b.answerTimer) != ndis.StatusSuccess {
		freeCtx(b.mem)
		return nil
	}
	ndis.InitializeEvent(&b.afGone)
	ndis.InitializeEvent(&b.adapterClosed)
	return b
}

// free releases the binding context.
func (b *binding) free() {
	ndis.FreeTimerObject(b.answerTimer)
	freeCtx(b.mem)
	b.mem = nil
}

// addBinding puts b on the client's list.
func (c *Client) addBinding(b *binding) {
	ndis.AcquireSpinLock(&c.lock)
	c.bindings = append(c.bindings, b)
	ndis.ReleaseSpinLock(&c.lock)
}

// removeBinding takes b off the client's list.
func (c *Client) removeBinding(b *binding) {
	ndis.AcquireSpinLock(&c.lock)
	for i, x := range c.bindings {
		if x == b {
			c.bindings = append(c.bindings[:i], c.bindings[i+1:]...)
			break
		}
	}
	ndis.ReleaseSpinLock(&c.lock)
}
