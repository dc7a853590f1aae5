// Package mcmwork is a miniport call manager that completes make-calls from // want package:`uses\(NdisMCmMakeCallComplete\)`
// work items (NdisQueueIoWorkItem: a miniport call manager has the miniport
// adapter handle work items need; a protocol driver has none).
package mcmwork

import "github.com/ndislint/ndislint/ndis"

// vc is the miniport call manager's VC context: it keeps the NdisVcHandle
// NDIS gave it.
type vc struct {
	ndisVcHandle ndis.Handle
	params       *ndis.CoCallParameters
	workItem     ndis.Handle
}

// workItem is the work item that completes a held make-call.
func workItem(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	v := workItemContext.(*vc)
	ndis.MCmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, v.params)
}

// deferred queues the completion and pends.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func deferred(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.params = callParameters
	ndis.QueueIoWorkItem(v.workItem, workItem, v)
	return ndis.StatusPending
}

// deferredSucceeded queues the completion and returns NDIS_STATUS_SUCCESS.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func deferredSucceeded(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.params = callParameters
	ndis.QueueIoWorkItem(v.workItem, workItem, v) // want `NdisMCmMakeCallComplete completes the ProtocolCmMakeCall request \(in the work item NdisQueueIoWorkItem queues\) on a path where deferredSucceeded returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// nestedAndDeferred completes in the handler and again in the work item.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func nestedAndDeferred(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	v.params = callParameters
	ndis.MCmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
	ndis.QueueIoWorkItem(v.workItem, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) { // want `completes the ProtocolCmMakeCall request a second time on this path \(in the work item NdisQueueIoWorkItem queues`
		ndis.MCmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, v.params)
	}, nil)
	return ndis.StatusPending
}
