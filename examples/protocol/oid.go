package protocol

import "github.com/ndislint/ndislint/ndis"

// The OIDs the protocol queries (ntddndis.h values; package ndis does not
// name OIDs).
const (
	oidGenMaximumFrameSize ndis.Oid = 0x00010106
	oid8023CurrentAddress  ndis.Oid = 0x01010102
)

// QueryOid queries an OID of the adapter with NdisOidRequest and returns
// the value the adapter wrote (at most size bytes). When the request pends
// it waits, at PASSIVE_LEVEL, for ProtocolOidRequestComplete to give the
// final status (generating-oid-requests-from-an-ndis-protocol-driver), as
// ndisprot does. The binding has one request block, so queries are made
// one at a time, from the bind or from the driver's upper edge.
func (b *Binding) QueryOid(oid ndis.Oid, size int) ([]byte, ndis.Status) {
	buf := make([]byte, size)
	b.oidRequest = ndis.OidRequest{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeOidRequest,
			Revision: ndisOidRequestRevision1,
		},
		RequestType:       ndis.RequestQueryInformation,
		Oid:               oid,
		InformationBuffer: buf,
	}
	ndis.ResetEvent(&b.oidDone)
	st := ndis.NdisOidRequest(b.ndisBindingHandle, &b.oidRequest)
	if st == ndis.StatusPending {
		ndis.WaitEvent(&b.oidDone, 0)
		st = b.oidStatus
	}
	if st != ndis.StatusSuccess {
		return nil, st
	}
	return buf[:b.oidRequest.BytesWritten], st
}

// ptOidRequestComplete finishes a pended NdisOidRequest
// (ProtocolOidRequestComplete): it records the final status and wakes the
// query waiting for it.
//
//ndis:role PROTOCOL_OID_REQUEST_COMPLETE
func ptOidRequestComplete(protocolBindingContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	b := protocolBindingContext.(*Binding)
	b.oidStatus = status
	ndis.AcquireSpinLock(&b.lock)
	b.stats.OidsPended++
	ndis.ReleaseSpinLock(&b.lock)
	ndis.SetEvent(&b.oidDone)
}
