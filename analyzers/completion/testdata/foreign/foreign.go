// Package foreign holds OID completions given a request NDIS never gave the // want package:`uses\(NdisFOidRequestComplete, NdisMOidRequestComplete\)`
// handler that pended it: a filter's clone coming back, a request the
// driver allocated.
package foreign

import "github.com/ndislint/ndislint/ndis"

// module is a filter module context.
type module struct {
	handle  ndis.Handle
	clones  map[*ndis.OidRequest]*ndis.OidRequest // clone -> original
	pending *ndis.OidRequest
}

// fOidRequest forwards a clone and pends the original.
//
//ndis:role FILTER_OID_REQUEST
func fOidRequest(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	m := filterModuleContext.(*module)
	clone := &ndis.OidRequest{Oid: oidRequest.Oid, InformationBuffer: oidRequest.InformationBuffer}
	m.clones[clone] = oidRequest
	if st := ndis.FOidRequest(m.handle, clone); st != ndis.StatusPending { // issuing its own request: not a completion
		delete(m.clones, clone)
		return st
	}
	return ndis.StatusPending
}

// fOidRequestCompleteClone completes the clone the filter issued instead of
// the original.
//
//ndis:role FILTER_OID_REQUEST_COMPLETE
func fOidRequestCompleteClone(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	m := filterModuleContext.(*module)
	delete(m.clones, oidRequest)
	ndis.FOidRequestComplete(m.handle, oidRequest, status) // want `NdisFOidRequestComplete completes the OidRequest FilterOidRequestComplete received, the driver's own request coming back, not the request NDIS gave FilterOidRequest`
}

// fOidRequestComplete completes the original its clone stands for.
//
//ndis:role FILTER_OID_REQUEST_COMPLETE
func fOidRequestComplete(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	m := filterModuleContext.(*module)
	original := m.clones[oidRequest]
	delete(m.clones, oidRequest)
	if original == nil {
		return
	}
	original.BytesWritten = oidRequest.BytesWritten
	ndis.FOidRequestComplete(m.handle, original, status)
}

// fOidRequestSelf pends the request and completes it itself, later, from
// the request it was given: its own parameter, not a foreign one.
//
//ndis:role FILTER_OID_REQUEST
func fOidRequestSelf(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	m := filterModuleContext.(*module)
	m.pending = oidRequest
	go finish(m)
	return ndis.StatusPending
}

// finish completes the kept request.
func finish(m *module) {
	r := m.pending
	m.pending = nil
	ndis.FOidRequestComplete(m.handle, r, ndis.StatusSuccess)
}

// adapter is a miniport adapter context.
type adapter struct {
	handle  ndis.Handle
	pending *ndis.OidRequest
}

// mpOidRequestFresh pends the request and completes a new one of its own.
//
//ndis:role MINIPORT_OID_REQUEST
func mpOidRequestFresh(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	a.pending = oidRequest
	answer := &ndis.OidRequest{Oid: oidRequest.Oid}
	ndis.MOidRequestComplete(a.handle, answer, ndis.StatusSuccess) // want `NdisMOidRequestComplete completes a request the driver allocated, not the request NDIS gave MiniportOidRequest`
	return ndis.StatusPending
}

// mpOidRequestCopy pends the request and completes it after a copy went
// through a helper: the request itself is completed.
//
//ndis:role MINIPORT_OID_REQUEST
func mpOidRequestCopy(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	scratch := &ndis.OidRequest{}
	*scratch = *oidRequest
	oidRequest.BytesWritten = scratch.BytesWritten
	ndis.MOidRequestComplete(a.handle, oidRequest, ndis.StatusSuccess)
	return ndis.StatusPending
}

// binding is an intermediate driver's binding: the upper request its
// virtual miniport pended and the lower one it issued for it.
type binding struct {
	handle   ndis.Handle
	mpHandle ndis.Handle
	upper    *ndis.OidRequest
}

// imOidRequestComplete finishes the upper request when the lower one
// completes: the upper request is the one NDIS gave MiniportOidRequest.
//
//ndis:role PROTOCOL_OID_REQUEST_COMPLETE
func imOidRequestComplete(protocolBindingContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	b := protocolBindingContext.(*binding)
	up := b.upper
	b.upper = nil
	up.BytesWritten = oidRequest.BytesWritten
	ndis.MOidRequestComplete(b.mpHandle, up, status)
}

// imOidRequestCompleteLower completes the lower request, its own, as if
// it were the upper one.
//
//ndis:role PROTOCOL_OID_REQUEST_COMPLETE
func imOidRequestCompleteLower(protocolBindingContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	b := protocolBindingContext.(*binding)
	b.upper = nil
	ndis.MOidRequestComplete(b.mpHandle, oidRequest, status) // want `NdisMOidRequestComplete completes the OidRequest ProtocolOidRequestComplete received, the driver's own request coming back, not the request NDIS gave MiniportOidRequest`
}
