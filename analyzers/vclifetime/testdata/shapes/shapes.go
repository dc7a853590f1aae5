// Package shapes holds the handler shapes real CoNDIS clients use (NOTES.md // want package:"vcfields\\{example.com/t/shapes.vc.ndisVcHandle=cm\\+client\\}"
// section 11). None of them may be reported.
package shapes

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	lock         ndis.SpinLock
	ndisVcHandle ndis.Handle
	ownedByMe    bool
	refs         int
	closing      bool
	closePending bool
}

// Shape 1 and 2: an owner flag, set in exactly two places, and a deferred
// delete through a reference-counted helper reached from several callers.
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, refs: 1}
	return ndis.StatusSuccess
}

func newOutgoing(binding, af ndis.Handle) *vc {
	v := &vc{ownedByMe: true, refs: 1}
	if ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return nil
	}
	return v
}

func derefVc(v *vc) {
	ndis.AcquireSpinLock(&v.lock)
	v.refs--
	last := v.refs == 0
	ndis.ReleaseSpinLock(&v.lock)
	if !last {
		return
	}
	h := v.ndisVcHandle
	if v.ownedByMe && h != nil {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		return
	}
	derefVc(v)
}

func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		derefVc(v)
	}
}

// Shape 3: synchronous self-completion.
func closeCall(v *vc) {
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
}

// Shape 4: the CM's VC is deleted inside the client's own NdisClCloseCall;
// the client's ProtocolCoDeleteVc frees the context and touches no handle.
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v := protocolVcContext.(*vc)
	v.ndisVcHandle = nil
	return ndis.StatusSuccess
}

// Shape 5: a deferred NdisClCloseCall from ProtocolClIncomingCloseCall, done
// later by the send-complete path.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	v.closePending = true
}

func coSendComplete(protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
	v := protocolVcContext.(*vc)
	if v.closePending {
		v.closePending = false
		closeCall(v)
	}
}

var clHandlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
}

var coHandlers = ndis.ProtocolCoCharacteristics{
	CoSendNetBufferListsCompleteHandler: coSendComplete,
}

var _ = newOutgoing
