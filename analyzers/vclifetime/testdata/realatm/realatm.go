// Package realatm is a CoNDIS client written from the conceptual pages // want package:"vcfields\\{example.com/t/realatm.inVc.h=cm example.com/t/realatm.outVc.h=client\\}"
// (making-outgoing-calls.md, accepting-incoming-calls.md,
// client-initiated-request-to-close-a-call.md,
// incoming-request-to-close-a-call.md, deleting-a-vc.md), the way an
// ATM-style address-resolution client is written: a context type per kind
// of VC (outVc for the calls it makes, inVc for the calls it answers),
// handlers that switch on the context's type, a retry timer for a failed
// make-call, and an unbind path that deletes its idle VCs in loops. The code
// is correct but for one defect planted on purpose (queryClosed).
package realatm

import "github.com/ndislint/ndislint/ndis"

// outVc is the context of a VC the client creates, one per destination.
type outVc struct {
	h       ndis.Handle
	ad      *adapter
	retries int
	timer   ndis.Handle
	up      bool
	params  ndis.CoCallParameters
}

// inVc is the context of a VC the call manager creates for an incoming call.
type inVc struct {
	h        ndis.Handle
	ad       *adapter
	closed   bool
	workItem ndis.Handle
	req      ndis.OidRequest
}

// adapter is the binding context.
type adapter struct {
	binding ndis.Handle
	af      ndis.Handle
	out     []*outVc
	byDest  map[uint32]*outVc
	lock    ndis.SpinLock
}

// connect creates a VC to a destination and calls it; the VC's retry timer
// runs retryCall.
func (ad *adapter) connect(dest uint32) *outVc {
	v := &outVc{ad: ad}
	chars := ndis.TimerCharacteristics{TimerFunction: retryCall, FunctionContext: v}
	if ndis.AllocateTimerObject(ad.binding, &chars, &v.timer) != ndis.StatusSuccess {
		return nil
	}
	if ndis.CoCreateVc(ad.binding, ad.af, v, &v.h) != ndis.StatusSuccess {
		ndis.FreeTimerObject(v.timer)
		return nil
	}
	ad.out = append(ad.out, v)
	ad.byDest[dest] = v
	v.call()
	return v
}

// call makes the call on v; a make-call that does not pend is completed here.
func (v *outVc) call() {
	if st := ndis.ClMakeCall(v.h, &v.params, nil, nil); st != ndis.StatusPending {
		clMakeCallComplete(st, v, nil, &v.params)
	}
}

// retryCall runs when v's retry timer fires.
//
//ndis:role NDIS_TIMER_FUNCTION
func retryCall(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	functionContext.(*outVc).call()
}

// destroy deletes v's VC; its call is over.
func (v *outVc) destroy() {
	if ndis.CoDeleteVc(v.h) == ndis.StatusSuccess {
		v.h = nil
		ndis.FreeTimerObject(v.timer)
	}
}

// clMakeCallComplete is ProtocolClMakeCallComplete: a failed call is retried
// three times from the timer, then its VC is deleted.
//
//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*outVc)
	if status == ndis.StatusSuccess {
		v.up = true
		return
	}
	if v.retries < 3 {
		v.retries++
		ndis.SetTimerObject(v.timer, -10000000, 0, v)
		return
	}
	ndis.CoDeleteVc(v.h)
}

// clCreateVc is ProtocolCoCreateVc: the call manager offers a VC.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	ad := protocolAfContext.(*adapter)
	v := &inVc{h: ndisVcHandle, ad: ad, workItem: ndis.AllocateIoWorkItem(ad.binding)}
	*protocolVcContext = v
	return ndis.StatusSuccess
}

// clIncomingCall is ProtocolClIncomingCall: every offer is accepted.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusSuccess
}

// hangup closes the call on a VC of either kind.
func hangup(h ndis.Handle, ctx ndis.Handle) {
	if st := ndis.ClCloseCall(h, nil, nil, 0); st != ndis.StatusPending {
		clCloseCallComplete(st, ctx, nil)
	}
}

// clIncomingCloseCall is ProtocolClIncomingCloseCall.
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	switch v := protocolVcContext.(type) {
	case *outVc:
		hangup(v.h, v)
	case *inVc:
		hangup(v.h, v)
	}
}

// clCloseCallComplete is ProtocolClCloseCallComplete: the client's own VC is
// kept for a new call; the call manager's is dead.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	switch v := protocolVcContext.(type) {
	case *outVc:
		v.up = false
	case *inVc:
		v.closed = true
		ndis.QueueIoWorkItem(v.workItem, queryClosed, v)
	}
}

// queryClosed runs as a work item after an incoming call closed. The
// planted defect: it asks the miniport about a VC whose handle is dead.
//
//ndis:role NDIS_IO_WORKITEM_FUNCTION
func queryClosed(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	v := workItemContext.(*inVc)
	ndis.CoOidRequest(v.ad.binding, nil, v.h, nil, &v.req) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete \(through queryClosed\) in the routine queued by NdisQueueIoWorkItem at .*realatm.go:\d+:\d+: the handle is invalid from then on \(vc-use-after-close\)`
}

// clDeleteVc is ProtocolCoDeleteVc.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v := protocolVcContext.(*inVc)
	ndis.FreeIoWorkItem(v.workItem)
	return ndis.StatusSuccess
}

// unbind deletes every outgoing VC whose call is over, in the two ways the
// loops of such drivers are written, then those left by destination.
func (ad *adapter) unbind() {
	for _, v := range ad.out {
		if !v.up && v.h != nil {
			ndis.CoDeleteVc(v.h)
		}
	}
	for i := range ad.out {
		if !ad.out[i].up {
			ad.out[i].destroy()
		}
	}
	for _, v := range ad.byDest {
		if !v.up {
			v.destroy()
		}
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClIncomingCallHandler:      clIncomingCall,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}

var _ = []any{(*adapter).connect, (*adapter).unbind}
