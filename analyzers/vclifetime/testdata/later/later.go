// Package later uses VC handles from work queued by callbacks. // want package:"vcfields\\{example.com/t/later.vc.ndisVcHandle=cm\\}"
package later

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	binding      ndis.Handle
	workItem     ndis.Handle
	req          ndis.OidRequest
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

// queryLater asks the miniport about the VC from a work item.
func queryLater(workItemContext ndis.Handle, ndisIoWorkItemHandle ndis.Handle) {
	v := workItemContext.(*vc)
	ndis.CoOidRequest(v.binding, nil, v.ndisVcHandle, nil, &v.req) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete \(through queryLater\) in the routine queued by NdisQueueIoWorkItem at .*later.go:26:\d+`
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.QueueIoWorkItem(v.workItem, queryLater, v)
}

// clDeleteVc queues work that still uses the handle after the delete.
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.QueueIoWorkItem(v.workItem, sendLater, v)
	return ndis.StatusSuccess
}

func sendLater(workItemContext ndis.Handle, ndisIoWorkItemHandle ndis.Handle) {
	v := workItemContext.(*vc)
	ndis.CoSendNetBufferLists(v.ndisVcHandle, nil, 0) // want `NdisCoSendNetBufferLists with the NdisVcHandle of a VC whose ProtocolCoDeleteVc has run in the routine queued by NdisQueueIoWorkItem`
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
