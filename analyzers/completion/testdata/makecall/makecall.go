// Package makecall is a call manager's ProtocolCmMakeCall in the shapes real // want package:`uses\(NdisCmMakeCallComplete\)`
// call managers use, each failing shape next to its clean twins.
package makecall

import "github.com/ndislint/ndislint/ndis"

// vc is the call manager's VC context: it keeps the NdisVcHandle NDIS gave
// its ProtocolCoCreateVc.
type vc struct {
	ndisVcHandle ndis.Handle
	params       *ndis.CoCallParameters
	async        bool
	pending      bool
	done         bool
	completed    bool
	result       ndis.Status
}

// twice completes a pended make-call twice: once at the start, once more
// when the VC turns out unusable.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func twice(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
	if v.done {
		ndis.CmMakeCallComplete(ndis.StatusFailure, v.ndisVcHandle, nil, nil, callParameters) // want `NdisCmMakeCallComplete completes the ProtocolCmMakeCall request a second time on this path`
	}
	return ndis.StatusPending
}

// complete completes the make-call and notes it.
func (v *vc) complete(st ndis.Status) {
	v.completed = true
	ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, v.params)
}

// noted completes on the fast path, then completes unless it noted a
// completion: the guard reads what the helper wrote, so the pass cannot
// tell that the paths exclude each other, and says nothing.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func noted(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.params = callParameters
	if v.async {
		v.complete(ndis.StatusSuccess)
	}
	if !v.completed {
		v.complete(ndis.StatusFailure)
	}
	return ndis.StatusPending
}

// localFlag completes on one branch and sets a local flag there; the
// second completion runs only when the flag is unset.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func localFlag(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	done := false
	if v.async {
		ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
		done = true
	}
	if !done {
		ndis.CmMakeCallComplete(ndis.StatusFailure, v.ndisVcHandle, nil, nil, callParameters)
	}
	return ndis.StatusPending
}

// byResult completes on either of two results, which exclude each other.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func byResult(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := v.result
	if st == ndis.StatusSuccess {
		ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters)
	}
	if st == ndis.StatusFailure {
		ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters)
	}
	return ndis.StatusPending
}

// byResultTwice completes on a result and then on its negation's
// complement: both hold when the result is a success.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func byResultTwice(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := v.result
	if st == ndis.StatusSuccess {
		ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters)
	}
	if st != ndis.StatusFailure {
		ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters) // want `completes the ProtocolCmMakeCall request a second time`
	}
	return ndis.StatusPending
}

// once completes inside the handler and returns NDIS_STATUS_PENDING: a
// nested completion, which NDIS allows.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func once(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := ndis.StatusSuccess
	if v.done {
		st = ndis.StatusFailure
	}
	ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters)
	return ndis.StatusPending
}

// either completes on one branch and returns the status on the other.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func either(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	if !v.async {
		return ndis.StatusSuccess
	}
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
	return ndis.StatusPending
}

// flagged decides once, on a flag it tests twice: the status first, the
// completion later. The paths where the tests disagree do not exist.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func flagged(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := ndis.StatusSuccess
	if v.async {
		st = ndis.StatusPending
	}
	v.params = callParameters
	if v.async {
		ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
	}
	return st
}

// mismatched tests two different flags: where async is false and done is
// true it completes and returns NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func mismatched(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := ndis.StatusSuccess
	if v.async {
		st = ndis.StatusPending
	}
	if v.done {
		ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters) // want `on a path where mismatched returns NDIS_STATUS_SUCCESS`
	}
	return st
}

// restored tests a flag, changes it, and tests it again: the two tests may
// disagree, so the path that completes and returns NDIS_STATUS_SUCCESS is
// there.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func restored(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := ndis.StatusSuccess
	if v.async {
		st = ndis.StatusPending
	}
	v.async = true
	if v.async {
		ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters) // want `on a path where restored returns NDIS_STATUS_SUCCESS`
	}
	return st
}

// completedAndSucceeded completes and returns NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func completedAndSucceeded(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	if v.async {
		return ndis.StatusPending
	}
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters) // want `NdisCmMakeCallComplete completes the ProtocolCmMakeCall request on a path where completedAndSucceeded returns NDIS_STATUS_SUCCESS, not NDIS_STATUS_PENDING`
	return ndis.StatusSuccess
}

// activating pends the call until the VC is active; activateVcComplete
// completes it from another callback, which the pass does not tie to the
// handler's return.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func activating(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.params = callParameters
	st := ndis.CmActivateVc(v.ndisVcHandle, callParameters)
	if st != ndis.StatusPending {
		ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters)
	}
	return ndis.StatusPending
}

// activateVcComplete completes the make-call activating pended.
//
//ndis:role PROTOCOL_CM_ACTIVATE_VC_COMPLETE
func activateVcComplete(status ndis.Status, callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(status, v.ndisVcHandle, nil, nil, v.params)
}

// unknownReturn returns a status kept in the context: the pass cannot
// tell whether it pends, and says nothing.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func unknownReturn(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
	return v.status()
}

// status is the VC's answer so far.
func (v *vc) status() ndis.Status {
	if v.pending {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// finish completes the VC's make-call: on every path.
func (v *vc) finish(st ndis.Status) {
	ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, v.params)
}

// finishOnce completes the make-call if it is still pending: on some paths
// only, so its callers are not judged on it.
func (v *vc) finishOnce(st ndis.Status) {
	if !v.pending {
		return
	}
	v.pending = false
	ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, v.params)
}

// viaHelper completes through a helper and returns NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func viaHelper(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.params = callParameters
	v.finish(ndis.StatusSuccess) // want `NdisCmMakeCallComplete completes the ProtocolCmMakeCall request \(in helper vc.finish\) on a path where viaHelper returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// viaHelperTwice completes through a helper, then directly.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func viaHelperTwice(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.finish(ndis.StatusSuccess)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters) // want `completes the ProtocolCmMakeCall request a second time`
	return ndis.StatusPending
}

// guarded completes through a helper that completes only when the call is
// still pending, then again the same way: silent, the guard may hold.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func guarded(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.pending = true
	v.finishOnce(ndis.StatusSuccess)
	v.finishOnce(ndis.StatusFailure)
	return ndis.StatusSuccess
}

// otherVcs completes the make-calls of other VCs, one per iteration: a
// loop completes many requests, none twice.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func otherVcs(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	for _, o := range waiting {
		ndis.CmMakeCallComplete(ndis.StatusSuccess, o.ndisVcHandle, nil, nil, o.params)
	}
	waiting = nil
	return ndis.StatusSuccess
}

// waiting are VCs whose make-call waits for a signalling answer.
var waiting []*vc

// withPending passes NDIS_STATUS_PENDING as the final status.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func withPending(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(ndis.StatusPending, v.ndisVcHandle, nil, nil, callParameters) // want `NdisCmMakeCallComplete called with NDIS_STATUS_PENDING as the final status`
	return ndis.StatusPending
}
