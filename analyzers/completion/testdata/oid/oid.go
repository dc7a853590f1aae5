// Package oid holds ProtocolCoOidRequest handlers: a miniport call manager's // want package:`uses\(NdisCoOidRequestComplete, NdisMCmOidRequestComplete\)`
// that answers slow requests from a work item with the request pointer kept
// in a work record, and a client's that forwards a request to the miniport
// and completes it when the miniport's answer comes back.
package oid

import "github.com/ndislint/ndislint/ndis"

// af is an AF context.
type af struct {
	ndisAfHandle ndis.Handle
	binding      ndis.Handle
	workItem     ndis.Handle
	slow         bool
	forwarded    map[*ndis.OidRequest]*ndis.OidRequest // own request -> the one it answers
}

// work is one deferred OID request.
type work struct {
	af  *af
	req *ndis.OidRequest
}

// answer completes a deferred OID request.
func answer(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	w := workItemContext.(*work)
	ndis.MCmOidRequestComplete(w.af.ndisAfHandle, nil, nil, w.req, ndis.StatusSuccess)
}

// mcmOidRequest defers slow requests to a work item and pends them.
func mcmOidRequest(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*af)
	if !a.slow {
		return ndis.StatusSuccess
	}
	ndis.QueueIoWorkItem(a.workItem, answer, &work{af: a, req: oidRequest})
	return ndis.StatusPending
}

// mcmOidRequestTwice defers every request and answers it at once as well.
func mcmOidRequestTwice(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*af)
	ndis.QueueIoWorkItem(a.workItem, answer, &work{af: a, req: oidRequest}) // want `NdisMCmOidRequestComplete completes the ProtocolCoOidRequest request \(in the work item NdisQueueIoWorkItem queues\) on a path where mcmOidRequestTwice returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// clOidRequest forwards the request to the miniport; its answer completes
// it (clOidRequestComplete), from another callback.
func clOidRequest(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*af)
	own := &ndis.OidRequest{Oid: oidRequest.Oid}
	a.forwarded[own] = oidRequest
	st := ndis.CoOidRequest(a.binding, nil, nil, nil, own)
	if st != ndis.StatusPending {
		delete(a.forwarded, own)
		return st
	}
	return ndis.StatusPending
}

// clOidRequestComplete completes the request it forwarded.
func clOidRequestComplete(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	a := protocolAfContext.(*af)
	if orig := a.forwarded[oidRequest]; orig != nil {
		delete(a.forwarded, oidRequest)
		ndis.CoOidRequestComplete(a.ndisAfHandle, nil, nil, orig, status)
	}
}

// otherOid completes an OID request it did not receive (one kept from
// earlier) and answers its own at once: not its request, so not judged.
func otherOid(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*af)
	if kept != nil {
		ndis.CoOidRequestComplete(a.ndisAfHandle, nil, nil, kept, ndis.StatusSuccess)
		kept = nil
	}
	return ndis.StatusSuccess
}

// kept is an OID request held from earlier.
var kept *ndis.OidRequest

var clHandlers = ndis.CoClientOptionalHandlers{ClOidRequestHandler: clOidRequest, ClOidRequestCompleteHandler: clOidRequestComplete}

var mcmHandlers = ndis.CoCallManagerOptionalHandlers{CmOidRequestHandler: mcmOidRequest}

var _ ndis.ProtocolCoOidRequest = mcmOidRequestTwice

var _ ndis.ProtocolCoOidRequest = otherOid
