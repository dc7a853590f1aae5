// Package oid is a client's ProtocolCoOidRequest: requests answered at once, // want package:`uses\(NdisCoOidRequestComplete\)`
// and requests answered from a work item with the request pointer kept in a
// work record.
package oid

import "github.com/ndislint/ndislint/ndis"

// af is the client's AF context.
type af struct {
	ndisAfHandle ndis.Handle
	workItem     ndis.Handle
	slow         bool
}

// work is one deferred OID request.
type work struct {
	af  *af
	req *ndis.OidRequest
}

// answer completes a deferred OID request.
func answer(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	w := workItemContext.(*work)
	ndis.CoOidRequestComplete(w.af.ndisAfHandle, nil, nil, w.req, ndis.StatusSuccess)
}

// clOidRequest defers slow requests to a work item and pends them.
func clOidRequest(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*af)
	if !a.slow {
		return ndis.StatusSuccess
	}
	ndis.QueueIoWorkItem(a.workItem, answer, &work{af: a, req: oidRequest})
	return ndis.StatusPending
}

// cmOidRequest defers every request and answers at once as well: each
// request is completed twice.
func cmOidRequest(protocolAfContext, protocolVcContext, protocolPartyContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := protocolAfContext.(*af)
	ndis.QueueIoWorkItem(a.workItem, answer, &work{af: a, req: oidRequest}) // want `NdisCoOidRequestComplete completes the ProtocolCoOidRequest request \(in the work item NdisQueueIoWorkItem queues\) on a path where cmOidRequest returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
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

var clHandlers = ndis.CoClientOptionalHandlers{ClOidRequestHandler: clOidRequest}

var cmHandlers = ndis.CoCallManagerOptionalHandlers{CmOidRequestHandler: cmOidRequest}

var _ ndis.ProtocolCoOidRequest = otherOid
