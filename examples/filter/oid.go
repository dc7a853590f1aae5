package filter

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// oidClone is a forwarded OID request: the clone the filter sends down and
// the original it completes when the clone completes. The C driver gets
// the clone from NdisAllocateCloneOidRequest and keeps the original in the
// clone's SourceReserved; package ndis models neither, so the filter
// allocates the clone's memory itself and keeps the link in Module.clones.
type oidClone struct {
	mem      []byte
	request  ndis.OidRequest
	original *ndis.OidRequest
}

// fOidRequest forwards an OID request (FilterOidRequest): it clones the
// request, sends the clone down with NdisFOidRequest and returns
// NDIS_STATUS_PENDING; if NdisFOidRequest did not pend, it completes the
// clone itself by calling FilterOidRequestComplete, as ndislwf does
// (filtering-oid-requests-in-an-ndis-filter-driver). NDIS gives a filter
// module one request at a time.
//
//ndis:role FILTER_OID_REQUEST
func fOidRequest(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	m := filterModuleContext.(*Module)
	c := &oidClone{original: oidRequest}
	c.mem = ndis.AllocateMemoryWithTagPriority(m.ndisFilterHandle, uint32(unsafe.Sizeof(*c)), lwfTag, ndis.NormalPoolPriority)
	if c.mem == nil {
		return ndis.StatusResources
	}
	// The clone shares the caller's InformationBuffer, as the clone of
	// NdisAllocateCloneOidRequest does.
	c.request = ndis.OidRequest{
		Header:            oidRequest.Header,
		RequestType:       oidRequest.RequestType,
		PortNumber:        oidRequest.PortNumber,
		Timeout:           oidRequest.Timeout,
		RequestId:         oidRequest.RequestId,
		Oid:               oidRequest.Oid,
		InformationBuffer: oidRequest.InformationBuffer,
	}
	ndis.AcquireSpinLock(&m.lock)
	m.clones[&c.request] = c
	m.stats.OidsForwarded++
	ndis.ReleaseSpinLock(&m.lock)

	st := ndis.FOidRequest(m.ndisFilterHandle, &c.request)
	if st != ndis.StatusPending {
		fOidRequestComplete(m, &c.request, st)
	}
	return ndis.StatusPending
}

// fOidRequestComplete finishes a forwarded request
// (FilterOidRequestComplete): it copies the clone's results to the
// original, frees the clone and completes the original with
// NdisFOidRequestComplete.
//
//ndis:role FILTER_OID_REQUEST_COMPLETE
func fOidRequestComplete(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	m := filterModuleContext.(*Module)
	ndis.AcquireSpinLock(&m.lock)
	c := m.clones[oidRequest]
	delete(m.clones, oidRequest)
	ndis.ReleaseSpinLock(&m.lock)
	if c == nil {
		// Not a clone of ours: a request the filter originated would be
		// finished here; this filter originates none.
		return
	}
	original := c.original
	original.BytesWritten = c.request.BytesWritten
	original.BytesRead = c.request.BytesRead
	original.BytesNeeded = c.request.BytesNeeded
	ndis.FreeMemory(c.mem, uint32(len(c.mem)), 0)
	ndis.FOidRequestComplete(m.ndisFilterHandle, original, status)
}

// fCancelOidRequest is told to cancel a request (FilterCancelOidRequest).
// The filter forwards every request at once and keeps none queued, so it
// has nothing of its own to cancel: the request is the clone's now, which
// carries the original's RequestId. ndislwf passes the cancellation down
// with NdisFCancelOidRequest; package ndis does not model that DDI yet, so
// this filter leaves the clone to complete on its own, and the completion
// comes back through FilterOidRequestComplete.
//
//ndis:role FILTER_CANCEL_OID_REQUEST
func fCancelOidRequest(filterModuleContext ndis.Handle, requestId ndis.Handle) {}
