// Package sequences exercises the rules that follow the order of calls in // want package:"vcfields\\{example.com/t/sequences.vc.ndisVcHandle=client\\}"
// one function.
package sequences

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	nbl          ndis.NetBufferList
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}

// deleteThenSend uses the handle after a successful delete.
func deleteThenSend(v *vc) {
	if ndis.CoDeleteVc(v.ndisVcHandle) == ndis.StatusSuccess {
		ndis.CoSendNetBufferLists(v.ndisVcHandle, &v.nbl, 0) // want `NdisCoSendNetBufferLists with a VC handle that NdisCoDeleteVc deleted`
	}
}

// cleanDeleteFailed sends only when the delete failed.
func cleanDeleteFailed(v *vc) {
	if ndis.CoDeleteVc(v.ndisVcHandle) != ndis.StatusSuccess {
		ndis.CoSendNetBufferLists(v.ndisVcHandle, &v.nbl, 0)
	}
}

// deleteAfterMakeCall deletes while the call is up.
func deleteAfterMakeCall(v *vc) {
	st := ndis.ClMakeCall(v.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil)
	if st == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle) // want `NdisCoDeleteVc on a VC whose call is still active or closing`
	}
}

// cleanMakeCallFailed deletes after the make-call failed synchronously.
func cleanMakeCallFailed(v *vc) {
	st := ndis.ClMakeCall(v.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil)
	if st != ndis.StatusSuccess && st != ndis.StatusPending {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

// deleteWhileClosing deletes after a close that may pend; the status is
// dropped too.
func deleteWhileClosing(v *vc) {
	ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0) // want `the status of NdisClCloseCall is dropped`
	ndis.CoDeleteVc(v.ndisVcHandle)               // want `NdisCoDeleteVc on a VC whose call is still active or closing`
}

// cleanDeleteAfterSyncClose deletes after a synchronous successful close,
// having completed it itself.
func cleanDeleteAfterSyncClose(v *vc) {
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st == ndis.StatusPending {
		return
	}
	clCloseCallComplete(st, v, nil)
	if st == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

// closeNeverCompleted checks only for PENDING and forgets the handler.
func closeNeverCompleted(v *vc) {
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0) // want `NdisClCloseCall may complete synchronously here and ProtocolClCloseCallComplete is then never called`
	if st == ndis.StatusPending {
		return
	}
}

// cleanReturned hands the status to the caller.
func cleanReturned(v *vc) ndis.Status {
	return ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
}

// deleteHandlerPends returns PENDING through a variable.
func deleteHandlerPends(protocolVcContext ndis.Handle) ndis.Status {
	st := ndis.StatusSuccess
	if protocolVcContext == nil {
		st = ndis.StatusPending
	}
	return st // want `ProtocolCoDeleteVc may return NDIS_STATUS_PENDING here`
}

// cleanDeleteHandler returns a status that is never PENDING.
func cleanDeleteHandler(protocolVcContext ndis.Handle) ndis.Status {
	if protocolVcContext == nil {
		return ndis.StatusInvalidParameter
	}
	return ndis.StatusSuccess
}

var handlers = []ndis.CoClientOptionalHandlers{
	{ClCloseCallCompleteHandler: clCloseCallComplete, ClDeleteVcHandler: deleteHandlerPends},
	{ClDeleteVcHandler: cleanDeleteHandler},
}

var _ = []any{deleteThenSend, cleanDeleteFailed, deleteAfterMakeCall, cleanMakeCallFailed, deleteWhileClosing, cleanDeleteAfterSyncClose, closeNeverCompleted, cleanReturned}

// suppressed drops the status on purpose, and says why.
func suppressed(v *vc) {
	//ndislint:ignore vc-closecall-status-dropped the unbind path completes every close it starts
	ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
}

// unusedIgnore suppresses a rule that does not fire here.
func unusedIgnore(v *vc) {
	//ndislint:ignore vc-delete-cm-vc nothing is deleted here // want `//ndislint:ignore vc-delete-cm-vc suppresses nothing here \(unused-ignore\)`
	_ = v
}

var _ = []any{suppressed, unusedIgnore}

// dialAndHangUp works on a context it allocates itself, and deletes while
// the close may be pending.
func dialAndHangUp(binding, af ndis.Handle) ndis.Status {
	v := &vc{}
	if st := ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle); st != ndis.StatusSuccess {
		return st
	}
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
	return ndis.CoDeleteVc(v.ndisVcHandle) // want `NdisCoDeleteVc on a VC whose call is still active or closing`
}

var _ = dialAndHangUp
