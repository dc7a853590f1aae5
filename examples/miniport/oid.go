package miniport

import (
	"encoding/binary"

	"github.com/ndislint/ndislint/ndis"
)

// The OIDs the adapter answers (ntddndis.h values; package ndis does not
// name OIDs).
const (
	oidGenMaximumFrameSize    ndis.Oid = 0x00010106
	oidGenLinkSpeed           ndis.Oid = 0x00010107
	oidGenCurrentPacketFilter ndis.Oid = 0x0001010E
	oidGenCurrentLookahead    ndis.Oid = 0x0001010F
	oidGenXmitOk              ndis.Oid = 0x00020101
	oidGenRcvOk               ndis.Oid = 0x00020102
	oid8023PermanentAddress   ndis.Oid = 0x01010101
	oid8023CurrentAddress     ndis.Oid = 0x01010102
	oid8023MulticastList      ndis.Oid = 0x01010103
	oid8023MaximumListSize    ndis.Oid = 0x01010104
)

// The OIDs exported for tests and for the other example drivers.
const (
	// OidGenMaximumFrameSize is OID_GEN_MAXIMUM_FRAME_SIZE.
	OidGenMaximumFrameSize = oidGenMaximumFrameSize
	// OidGenCurrentPacketFilter is OID_GEN_CURRENT_PACKET_FILTER.
	OidGenCurrentPacketFilter = oidGenCurrentPacketFilter
	// Oid8023CurrentAddress is OID_802_3_CURRENT_ADDRESS.
	Oid8023CurrentAddress = oid8023CurrentAddress
	// Oid8023MulticastList is OID_802_3_MULTICAST_LIST, the OID the
	// adapter completes later with NdisMOidRequestComplete.
	Oid8023MulticastList = oid8023MulticastList
	// OidGenXmitOk is OID_GEN_XMIT_OK.
	OidGenXmitOk = oidGenXmitOk
)

// The NDIS_PACKET_TYPE_XXX bits the adapter filters on (ntddndis.h values).
const (
	packetTypeDirected     uint32 = 0x00000001
	packetTypeMulticast    uint32 = 0x00000002
	packetTypeAllMulticast uint32 = 0x00000004
	packetTypeBroadcast    uint32 = 0x00000008
	packetTypePromiscuous  uint32 = 0x00000020

	supportedPacketFilter = packetTypeDirected | packetTypeMulticast | packetTypeAllMulticast | packetTypeBroadcast | packetTypePromiscuous
)

// The packet filter values exported for tests and the other example
// drivers (NDIS_PACKET_TYPE_XXX).
const (
	// PacketTypeDirected is NDIS_PACKET_TYPE_DIRECTED.
	PacketTypeDirected = packetTypeDirected
	// PacketTypeMulticast is NDIS_PACKET_TYPE_MULTICAST.
	PacketTypeMulticast = packetTypeMulticast
	// PacketTypeBroadcast is NDIS_PACKET_TYPE_BROADCAST.
	PacketTypeBroadcast = packetTypeBroadcast
	// PacketTypePromiscuous is NDIS_PACKET_TYPE_PROMISCUOUS.
	PacketTypePromiscuous = packetTypePromiscuous
)

// mpOidRequest handles an OID request (MiniportOidRequest). Queries and
// sets are answered at once, except a set of OID_802_3_MULTICAST_LIST,
// which the adapter programs "into its hardware" from a timer: the request
// is kept, MiniportOidRequest returns NDIS_STATUS_PENDING, and the timer
// completes it with NdisMOidRequestComplete
// (handling-oid-requests-in-a-miniport-adapter). NDIS gives a miniport one
// request at a time (miniport-adapter-oid-request-serialization), so one
// slot for the pended request is enough.
//
//ndis:role MINIPORT_OID_REQUEST
func mpOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*Adapter)
	switch oidRequest.RequestType {
	case ndis.RequestQueryInformation, ndis.RequestQueryStatistics:
		return a.queryInformation(oidRequest)
	case ndis.RequestSetInformation:
		return a.setInformation(oidRequest)
	}
	return ndis.StatusNotSupported
}

// queryInformation answers a query: it writes the value into the request's
// InformationBuffer and sets BytesWritten, or sets BytesNeeded and returns
// NDIS_STATUS_BUFFER_TOO_SHORT.
func (a *Adapter) queryInformation(req *ndis.OidRequest) ndis.Status {
	var value []byte
	switch req.Oid {
	case oidGenMaximumFrameSize:
		value = binary.LittleEndian.AppendUint32(nil, mtuSize)
	case oidGenLinkSpeed:
		// In units of 100 bps.
		value = binary.LittleEndian.AppendUint32(nil, uint32(linkSpeed/100))
	case oid8023PermanentAddress, oid8023CurrentAddress:
		value = append(value, a.currentAddress[:]...)
	case oid8023MaximumListSize:
		value = binary.LittleEndian.AppendUint32(nil, maxMulticastList)
	case oidGenCurrentPacketFilter, oidGenCurrentLookahead, oidGenXmitOk, oidGenRcvOk, oid8023MulticastList:
		ndis.AcquireSpinLock(&a.lock)
		switch req.Oid {
		case oidGenCurrentPacketFilter:
			value = binary.LittleEndian.AppendUint32(nil, a.packetFilter)
		case oidGenCurrentLookahead:
			value = binary.LittleEndian.AppendUint32(nil, a.lookahead)
		case oidGenXmitOk:
			value = counter(a.stats.XmitOk, len(req.InformationBuffer))
		case oidGenRcvOk:
			value = counter(a.stats.RcvOk, len(req.InformationBuffer))
		case oid8023MulticastList:
			for _, m := range a.multicast {
				value = append(value, m[:]...)
			}
		}
		ndis.ReleaseSpinLock(&a.lock)
	default:
		return ndis.StatusNotSupported
	}
	if len(req.InformationBuffer) < len(value) {
		req.BytesNeeded = uint32(len(value))
		req.BytesWritten = 0
		return ndis.StatusBufferTooShort
	}
	req.BytesWritten = uint32(copy(req.InformationBuffer, value))
	return ndis.StatusSuccess
}

// counter encodes a statistics counter: as a ULONG64, or as a ULONG when
// the caller's buffer has room for only that (the rule of the OID_GEN_XXX
// statistics pages).
func counter(v uint64, bufLen int) []byte {
	if bufLen >= 4 && bufLen < 8 {
		return binary.LittleEndian.AppendUint32(nil, uint32(v))
	}
	return binary.LittleEndian.AppendUint64(nil, v)
}

// setInformation answers a set; the multicast list pends.
func (a *Adapter) setInformation(req *ndis.OidRequest) ndis.Status {
	buf := req.InformationBuffer
	switch req.Oid {
	case oidGenCurrentPacketFilter:
		if len(buf) < 4 {
			req.BytesNeeded = 4
			return ndis.StatusInvalidLength
		}
		filter := binary.LittleEndian.Uint32(buf)
		if filter&^supportedPacketFilter != 0 {
			return ndis.StatusNotSupported
		}
		ndis.AcquireSpinLock(&a.lock)
		a.packetFilter = filter
		ndis.ReleaseSpinLock(&a.lock)
		req.BytesRead = 4
		return ndis.StatusSuccess
	case oidGenCurrentLookahead:
		if len(buf) < 4 {
			req.BytesNeeded = 4
			return ndis.StatusInvalidLength
		}
		lookahead := binary.LittleEndian.Uint32(buf)
		if lookahead > mtuSize {
			return ndis.StatusInvalidData
		}
		ndis.AcquireSpinLock(&a.lock)
		a.lookahead = lookahead
		ndis.ReleaseSpinLock(&a.lock)
		req.BytesRead = 4
		return ndis.StatusSuccess
	case oid8023MulticastList:
		if len(buf)%6 != 0 {
			req.BytesNeeded = uint32(len(buf) + 6 - len(buf)%6)
			return ndis.StatusInvalidLength
		}
		if len(buf)/6 > maxMulticastList {
			// More addresses than the adapter filters: say how many
			// bytes it takes at most.
			req.BytesNeeded = maxMulticastList * 6
			return ndis.StatusInvalidLength
		}
		list := make([][6]byte, len(buf)/6)
		for i := range list {
			copy(list[i][:], buf[6*i:])
		}
		ndis.AcquireSpinLock(&a.lock)
		a.pendingOid = req
		a.pendingMulticast = list
		ndis.ReleaseSpinLock(&a.lock)
		ndis.SetTimerObject(a.oidTimer, oidDelay, 0, nil)
		return ndis.StatusPending
	}
	return ndis.StatusNotSupported
}

// mpOidTimer finishes the pended multicast-list set (an
// NDIS_TIMER_FUNCTION, at DISPATCH_LEVEL): the list is in effect, and the
// request is completed with NdisMOidRequestComplete.
//
//ndis:role NDIS_TIMER_FUNCTION
func mpOidTimer(systemSpecific1 ndis.Handle, functionContext ndis.Handle, systemSpecific2 ndis.Handle, systemSpecific3 ndis.Handle) {
	a := functionContext.(*Adapter)
	ndis.DprAcquireSpinLock(&a.lock)
	req := a.pendingOid
	a.pendingOid = nil
	if req != nil {
		a.multicast = a.pendingMulticast
		a.pendingMulticast = nil
		a.stats.OidsPended++
	}
	ndis.DprReleaseSpinLock(&a.lock)
	if req == nil {
		return // cancelled by MiniportCancelOidRequest
	}
	req.BytesRead = uint32(len(req.InformationBuffer))
	ndis.MOidRequestComplete(a.miniportAdapterHandle, req, ndis.StatusSuccess)
}

// mpCancelOidRequest cancels the pended request if it carries requestId
// (MiniportCancelOidRequest): if the timer had not fired yet, the request
// is completed with NDIS_STATUS_REQUEST_ABORTED; if it had, the timer
// completes it and there is nothing to cancel.
//
//ndis:role MINIPORT_CANCEL_OID_REQUEST
func mpCancelOidRequest(miniportAdapterContext ndis.Handle, requestId ndis.Handle) {
	a := miniportAdapterContext.(*Adapter)
	ndis.AcquireSpinLock(&a.lock)
	req := a.pendingOid
	if req == nil || req.RequestId != requestId || !ndis.CancelTimerObject(a.oidTimer) {
		ndis.ReleaseSpinLock(&a.lock)
		return
	}
	a.pendingOid = nil
	a.pendingMulticast = nil
	ndis.ReleaseSpinLock(&a.lock)
	ndis.MOidRequestComplete(a.miniportAdapterHandle, req, ndis.StatusRequestAborted)
}
