package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
)

// The NDIS 6 protocol DDIs of cancellation, direct and synchronous OID
// requests and unbinding: a binding's request goes down its adapter's
// stack from the top, as a filter module's goes from under the module
// (filter6_ddis.go).

// CancelSendNetBufferLists runs NdisCancelSendNetBufferLists in the
// simulated NDIS: the cancellation reaches the top filter module with a
// FilterCancelSendNetBufferLists, else the miniport's MiniportCancelSend.
func (w *world) CancelSendNetBufferLists(ndisBindingHandle ndis.Handle, cancelId ndis.Handle) {
	defer w.st.EnterDDI("NdisCancelSendNetBufferLists", args(ndisBindingHandle, cancelId))()
	const ddi = "NdisCancelSendNetBufferLists"
	if b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle); b != nil {
		w.cancelSendDown(ddi, b.adapter, b, cancelId)
	}
}

// CancelOidRequest runs NdisCancelOidRequest in the simulated NDIS (see
// cancelOidDown).
func (w *world) CancelOidRequest(ndisBindingHandle ndis.Handle, requestId ndis.Handle) {
	defer w.st.EnterDDI("NdisCancelOidRequest", args(ndisBindingHandle, requestId))()
	const ddi = "NdisCancelOidRequest"
	if b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle); b != nil {
		w.cancelOidDown(ddi, b.adapter, b, requestId, false)
	}
}

// CancelDirectOidRequest runs NdisCancelDirectOidRequest in the simulated
// NDIS (see cancelOidDown).
func (w *world) CancelDirectOidRequest(ndisBindingHandle ndis.Handle, requestId ndis.Handle) {
	defer w.st.EnterDDI("NdisCancelDirectOidRequest", args(ndisBindingHandle, requestId))()
	const ddi = "NdisCancelDirectOidRequest"
	if b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle); b != nil {
		w.cancelOidDown(ddi, b.adapter, b, requestId, true)
	}
}

// DirectOidRequest runs NdisDirectOidRequest in the simulated NDIS: the
// request goes to the top filter module with a FilterDirectOidRequest,
// else to the miniport's MiniportDirectOidRequest (NDIS_STATUS_NOT_SUPPORTED
// without one); a pended request completes to the binding's
// ProtocolDirectOidRequestComplete. Direct requests are not serialized.
func (w *world) DirectOidRequest(ndisBindingHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisDirectOidRequest", args(ndisBindingHandle, oidArg(oidRequest)))()
	const ddi = "NdisDirectOidRequest"
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil || !w.needPtr(ddi, "OidRequest", oidRequest == nil) {
		return ndis.StatusInvalidParameter
	}
	return w.oidDown(ddi, b.adapter, b, oidRequest, true)
}

// SynchronousOidRequest runs NdisSynchronousOidRequest in the simulated
// NDIS: the request goes through the synchronous handlers of the filter
// modules from the top and the miniport's, and back (syncOidDown).
func (w *world) SynchronousOidRequest(ndisBindingHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisSynchronousOidRequest", args(ndisBindingHandle, oidArg(oidRequest)))()
	const ddi = "NdisSynchronousOidRequest"
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil || !w.needPtr(ddi, "OidRequest", oidRequest == nil) {
		return ndis.StatusInvalidParameter
	}
	return w.syncOidDown(ddi, b.adapter, b, oidRequest)
}

// UnbindAdapter runs NdisUnbindAdapter in the simulated NDIS: NDIS
// schedules a work item that pauses the binding, if it runs
// (ProtocolNetPnPEvent with NetEventPause), and calls the protocol's
// ProtocolUnbindAdapterEx, and returns
// NDIS_STATUS_SUCCESS at once. When the work item runs while the stack is
// being paused, restarted or reset, or the binding is gone, NDIS does not
// unbind (the page: NDIS might not call ProtocolUnbindAdapterEx even if
// NdisUnbindAdapter returns NDIS_STATUS_SUCCESS).
func (w *world) UnbindAdapter(ndisBindingHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisUnbindAdapter", args(ndisBindingHandle))()
	const ddi = "NdisUnbindAdapter"
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil {
		return ndis.StatusInvalidParameter
	}
	a := b.adapter
	w.st.Enqueue("NDIS's work item unbinds "+b.who()+" (NdisUnbindAdapter)", 0, func() {
		if b.open.closed || a.op != nil || a.resetting || w.six().bindings[b.open] != b {
			w.st.Tracef("NDIS does not unbind %s: it is closed, or its stack is busy", b.who())
			return
		}
		op := &stackOp{kind: "unbind of " + b.who() + " (NdisUnbindAdapter)"}
		if w.can6(b.life, pnpEv(ndis.NetEventPause)) {
			op.steps = append(op.steps, func() stepResult { return w.pnp6(b, ndis.NetEventPause) })
		}
		op.steps = append(op.steps, func() stepResult {
			w.unbind(b.open)
			return stepOK
		})
		a.op = op
		w.runOp(a)
	})
	return ndis.StatusSuccess
}
