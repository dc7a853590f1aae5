package protocol

import "github.com/ndislint/ndislint/ndis"

// The OIDs the protocol queries (ntddndis.h values; package ndis does not
// name OIDs).
const (
	oidGenMaximumFrameSize    ndis.Oid = 0x00010106
	oidGenCurrentPacketFilter ndis.Oid = 0x0001010E
	oid8023CurrentAddress     ndis.Oid = 0x01010102
)

// packetFilter is the NDIS_PACKET_TYPE_XXX filter the protocol sets when it
// binds: frames addressed to the adapter, and broadcasts.
const packetFilter uint32 = 0x00000001 | // NDIS_PACKET_TYPE_DIRECTED
	0x00000008 // NDIS_PACKET_TYPE_BROADCAST

// QueryOid queries an OID of the adapter with NdisOidRequest and returns
// the value the adapter wrote (at most size bytes). When the request pends
// it waits, at PASSIVE_LEVEL, for ProtocolOidRequestComplete to give the
// final status (generating-oid-requests-from-an-ndis-protocol-driver), as
// ndisprot does. The binding has one request block, so requests are made
// one at a time, from the bind or from the driver's upper edge.
func (b *Binding) QueryOid(oid ndis.Oid, size int) ([]byte, ndis.Status) {
	buf := make([]byte, size)
	st := b.request(ndis.RequestQueryInformation, oid, buf)
	if st != ndis.StatusSuccess {
		return nil, st
	}
	return buf[:b.oidRequest.BytesWritten], st
}

// SetOid sets an OID of the adapter with NdisOidRequest, as QueryOid
// queries one.
func (b *Binding) SetOid(oid ndis.Oid, value []byte) ndis.Status {
	return b.request(ndis.RequestSetInformation, oid, value)
}

// request makes one OID request with the binding's request block and
// returns its final status, waiting for ProtocolOidRequestComplete when
// NdisOidRequest pends.
func (b *Binding) request(requestType ndis.RequestType, oid ndis.Oid, buf []byte) ndis.Status {
	b.oidRequest = ndis.OidRequest{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeOidRequest,
			Revision: ndisOidRequestRevision1,
		},
		RequestType:       requestType,
		Oid:               oid,
		InformationBuffer: buf,
	}
	ndis.ResetEvent(&b.oidDone)
	st := ndis.NdisOidRequest(b.ndisBindingHandle, &b.oidRequest)
	if st == ndis.StatusPending {
		ndis.WaitEvent(&b.oidDone, 0)
		st = b.oidStatus
	}
	return st
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
