// Package pendguard is a protocol driver whose ProtocolBindAdapterEx never // want package:`uses\(\)`
// pends, though it returns the status of NdisOpenAdapterEx: when the open
// pends it waits for ProtocolOpenAdapterCompleteEx and returns the status
// that handler saw, as ndisprot does. Its twin handler, which returns the
// open's status on a path where it may still be NDIS_STATUS_PENDING, is
// reported.
package pendguard

import "github.com/ndislint/ndislint/ndis"

// binding is the protocol's binding context.
type binding struct {
	ndisBindingHandle ndis.Handle
	openDone          ndis.Event
	openStatus        ndis.Status
}

var ndisProtocolHandle ndis.Handle

// bindWaits opens the adapter and, when the open pends, waits for its
// completion: the status it returns is never NDIS_STATUS_PENDING.
func bindWaits(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	b := &binding{}
	ndis.InitializeEvent(&b.openDone)
	params := ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{ndis.Medium802_3}}
	st := ndis.OpenAdapterEx(ndisProtocolHandle, b, &params, bindContext, &b.ndisBindingHandle)
	if st == ndis.StatusPending {
		ndis.WaitEvent(&b.openDone, 0)
		st = b.openStatus
	}
	if st != ndis.StatusSuccess {
		return st
	}
	return ndis.StatusSuccess
}

// bindWaitsNe is bindWaits with the test the other way round.
func bindWaitsNe(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	b := &binding{}
	ndis.InitializeEvent(&b.openDone)
	params := ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{ndis.Medium802_3}}
	st := ndis.OpenAdapterEx(ndisProtocolHandle, b, &params, bindContext, &b.ndisBindingHandle)
	if st != ndis.StatusPending {
		return st
	}
	ndis.WaitEvent(&b.openDone, 0)
	return b.openStatus
}

// bindLeaks returns the open's status when it is not NDIS_STATUS_SUCCESS,
// NDIS_STATUS_PENDING included.
func bindLeaks(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	b := &binding{}
	params := ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{ndis.Medium802_3}}
	st := ndis.OpenAdapterEx(ndisProtocolHandle, b, &params, bindContext, &b.ndisBindingHandle)
	if st == ndis.StatusSuccess {
		return st
	}
	return st // want `bindLeaks may return NDIS_STATUS_PENDING here \(from NdisOpenAdapterEx\), but NdisCompleteBindAdapterEx is used nowhere`
}

// openAdapterComplete wakes the bind.
func openAdapterComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	b := protocolBindingContext.(*binding)
	b.openStatus = status
	ndis.SetEvent(&b.openDone)
}

var (
	waits   = ndis.ProtocolDriverCharacteristics{BindAdapterHandlerEx: bindWaits, OpenAdapterCompleteHandlerEx: openAdapterComplete}
	waitsNe = ndis.ProtocolDriverCharacteristics{BindAdapterHandlerEx: bindWaitsNe, OpenAdapterCompleteHandlerEx: openAdapterComplete}
	leaks   = ndis.ProtocolDriverCharacteristics{BindAdapterHandlerEx: bindLeaks, OpenAdapterCompleteHandlerEx: openAdapterComplete}
)

// queryOid queries an OID and, when the request pends, waits for
// ProtocolOidRequestComplete: it never returns NDIS_STATUS_PENDING.
func (b *binding) queryOid(req *ndis.OidRequest) ([]byte, ndis.Status) {
	st := ndis.NdisOidRequest(b.ndisBindingHandle, req)
	if st == ndis.StatusPending {
		ndis.WaitEvent(&b.openDone, 0)
		st = b.openStatus
	}
	if st != ndis.StatusSuccess {
		return nil, st
	}
	return req.InformationBuffer[:req.BytesWritten], st
}

// bindQueries binds and queries the adapter through the helper.
func bindQueries(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	b := &binding{}
	ndis.InitializeEvent(&b.openDone)
	params := ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{ndis.Medium802_3}}
	if st := ndis.OpenAdapterEx(ndisProtocolHandle, b, &params, bindContext, &b.ndisBindingHandle); st != ndis.StatusSuccess {
		return ndis.StatusFailure
	}
	if _, st := b.queryOid(&ndis.OidRequest{InformationBuffer: make([]byte, 6)}); st != ndis.StatusSuccess {
		return st
	}
	return ndis.StatusSuccess
}

// pendsHelper returns what NdisOidRequest returns.
func (b *binding) pendsHelper(req *ndis.OidRequest) ndis.Status {
	return ndis.NdisOidRequest(b.ndisBindingHandle, req)
}

// bindHelperLeaks returns the helper's status, PENDING included.
func bindHelperLeaks(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	b := &binding{}
	if st := b.pendsHelper(&ndis.OidRequest{}); st != ndis.StatusSuccess {
		return st // want `bindHelperLeaks may return NDIS_STATUS_PENDING here \(from NdisOidRequest\)`
	}
	return ndis.StatusSuccess
}

var (
	queries     = ndis.ProtocolDriverCharacteristics{BindAdapterHandlerEx: bindQueries, OpenAdapterCompleteHandlerEx: openAdapterComplete}
	helperLeaks = ndis.ProtocolDriverCharacteristics{BindAdapterHandlerEx: bindHelperLeaks, OpenAdapterCompleteHandlerEx: openAdapterComplete}
)
