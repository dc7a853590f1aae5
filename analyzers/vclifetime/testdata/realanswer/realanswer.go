// Package realanswer is a CoNDIS client written from the conceptual pages // want package:"vcfields\\{example.com/t/realanswer.call.h=cm\\}"
// (accepting-incoming-calls.md, incoming-request-to-close-a-call.md,
// client-initiated-request-to-close-a-call.md, deleting-a-vc.md), the way a
// TAPI-style answering service is written: it never makes calls, so every VC
// is the call manager's. Its VC context is a cookie that indexes a
// package-level table of calls; it answers from a work item
// (NdisClIncomingCallComplete after ProtocolClIncomingCall pended), and
// reference counts each call: one reference for NDIS until
// ProtocolCoDeleteVc, one for the call until its close completes. The code
// is correct but for two defects planted on purpose (logClose and
// callDeref).
package realanswer

import "github.com/ndislint/ndislint/ndis"

// cookie is the VC context NDIS hands back: an index into calls.
type cookie int

// call is the client's state for one incoming call.
type call struct {
	h        ndis.Handle
	lock     ndis.SpinLock
	refs     int
	answered bool
	workItem ndis.Handle
	params   ndis.CoCallParameters
	tapiID   ndis.VarString
}

var (
	calls     = map[ndis.Handle]*call{}
	callsLock ndis.SpinLock
	next      cookie
	binding   ndis.Handle
)

// clCreateVc is ProtocolCoCreateVc: a new VC for an incoming call; NDIS's
// reference is dropped in ProtocolCoDeleteVc.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	c := &call{h: ndisVcHandle, refs: 1, workItem: ndis.AllocateIoWorkItem(binding)}
	ndis.AcquireSpinLock(&callsLock)
	next++
	id := next
	calls[id] = c
	ndis.ReleaseSpinLock(&callsLock)
	*protocolVcContext = id
	return ndis.StatusSuccess
}

// clIncomingCall is ProtocolClIncomingCall: the call takes a reference and
// is answered from a work item, once the application has been asked.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	c := calls[protocolVcContext]
	if c == nil {
		return ndis.StatusFailure
	}
	c.refs++
	c.params = *callParameters
	ndis.QueueIoWorkItem(c.workItem, answer, protocolVcContext)
	return ndis.StatusPending
}

// answer completes the pended offer.
//
//ndis:role NDIS_IO_WORKITEM_FUNCTION
func answer(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	c := calls[workItemContext]
	c.answered = true
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, c.h, &c.params)
}

// clCallConnected is ProtocolClCallConnected: the call is up; its TAPI call
// ID goes to the application.
//
//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	c := calls[protocolVcContext]
	ndis.CoGetTapiCallId(c.h, &c.tapiID)
}

// clIncomingCloseCall is ProtocolClIncomingCloseCall: the caller hung up.
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	c := calls[protocolVcContext]
	if st := ndis.ClCloseCall(c.h, nil, nil, 0); st != ndis.StatusPending {
		clCloseCallComplete(st, protocolVcContext, nil)
	}
}

// clCloseCallComplete is ProtocolClCloseCallComplete: the call's reference
// goes; the context stays for ProtocolCoDeleteVc.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	c := calls[protocolVcContext]
	logClose(c) // want `NdisCoGetTapiCallId with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete \(through logClose at .*realanswer.go:\d+:\d+\): the handle is invalid from then on \(vc-use-after-close\)`
	callDeref(c)
}

// logClose records the call's end. The planted defect: it asks for the TAPI
// call ID of a VC whose handle the close has just killed.
func logClose(c *call) {
	ndis.CoGetTapiCallId(c.h, &c.tapiID)
}

// clDeleteVc is ProtocolCoDeleteVc: NDIS's reference goes.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	c := calls[protocolVcContext]
	ndis.AcquireSpinLock(&callsLock)
	delete(calls, protocolVcContext)
	ndis.ReleaseSpinLock(&callsLock)
	callDeref(c) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolCoDeleteVc \(through callDeref at .*realanswer.go:\d+:\d+\): only the creator may delete a VC \(vc-delete-cm-vc\)`
	return ndis.StatusSuccess
}

// callDeref drops a reference. The planted defect, copied from a dialling
// client: the last release deletes the VC, and for the call manager's VCs
// the last release is the one in ProtocolCoDeleteVc.
func callDeref(c *call) {
	ndis.AcquireSpinLock(&c.lock)
	c.refs--
	last := c.refs == 0
	ndis.ReleaseSpinLock(&c.lock)
	if last {
		ndis.CoDeleteVc(c.h)
		ndis.FreeIoWorkItem(c.workItem)
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClIncomingCallHandler:      clIncomingCall,
	ClCallConnectedHandler:     clCallConnected,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
