package miniport

import "github.com/ndislint/ndislint/ndis"

// maxReceivesPerIndication bounds the chain one receive indication
// carries, as a DPC bounds the work it does per run.
const maxReceivesPerIndication = 8

// Receive puts frames on the adapter's wire, as a peer on the network
// would; the receive DPC indicates them up if the adapter is running and
// drops them otherwise. Tests and the loopback of sends use it.
func (a *Adapter) Receive(frames ...[]byte) {
	ndis.AcquireSpinLock(&a.lock)
	for _, f := range frames {
		a.wire = append(a.wire, append([]byte(nil), f...))
	}
	ndis.ReleaseSpinLock(&a.lock)
	ndis.SetTimerObject(a.rxDpc, dpcDelay, 0, nil)
}

// mpReceiveDpc is the adapter's receive DPC (an NDIS_TIMER_FUNCTION, at
// DISPATCH_LEVEL): it copies the frames on the wire into free receive
// buffers and indicates them with NdisMIndicateReceiveNetBufferLists and
// NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL, a chain at a time
// (indicating-received-data-from-a-miniport-driver). Normally the lists
// stay with NDIS until MiniportReturnNetBufferLists; when the free buffers
// run low the chain goes up with NDIS_RECEIVE_FLAGS_RESOURCES, and the
// driver takes the buffers back as soon as the call returns. Frames the
// packet filter does not pass, and frames that find the adapter not
// running or no free buffer, are dropped.
//
//ndis:role NDIS_TIMER_FUNCTION
func mpReceiveDpc(systemSpecific1 ndis.Handle, functionContext ndis.Handle, systemSpecific2 ndis.Handle, systemSpecific3 ndis.Handle) {
	a := functionContext.(*Adapter)
	for {
		ndis.DprAcquireSpinLock(&a.lock)
		if a.state != stateRunning {
			a.stats.RcvDiscards += uint64(len(a.wire))
			a.wire = nil
			ndis.DprReleaseSpinLock(&a.lock)
			return
		}
		var taken []*rcb
		for len(a.wire) > 0 && len(taken) < maxReceivesPerIndication {
			frame := a.wire[0]
			a.wire = a.wire[1:]
			if !a.acceptsLocked(frame) {
				a.stats.RcvFiltered++
				continue
			}
			if len(a.freeRcbs) == 0 || len(frame) > frameSize {
				a.stats.RcvDiscards++
				continue
			}
			r := a.freeRcbs[len(a.freeRcbs)-1]
			a.freeRcbs = a.freeRcbs[:len(a.freeRcbs)-1]
			r.nbl.Data = r.buf[:copy(r.buf, frame)]
			taken = append(taken, r)
		}
		if len(taken) == 0 {
			ndis.DprReleaseSpinLock(&a.lock)
			return
		}
		lowResources := len(a.freeRcbs) < rcbLowWater
		a.recvsOutstanding += len(taken)
		a.stats.RcvOk += uint64(len(taken))
		if lowResources {
			a.stats.RcvResources += uint64(len(taken))
		}
		ndis.DprReleaseSpinLock(&a.lock)

		head := chainRcbs(taken)
		n := uint32(len(taken))
		if lowResources {
			ndis.MIndicateReceiveNetBufferLists(a.miniportAdapterHandle, head, 0, n, ndis.ReceiveFlagsDispatchLevel|ndis.ReceiveFlagsResources)
			// With NDIS_RECEIVE_FLAGS_RESOURCES the lists are the
			// driver's again now (nf-ndis-ndismindicatereceivenetbufferlists).
			a.returnRcbs(taken)
		} else {
			ndis.MIndicateReceiveNetBufferLists(a.miniportAdapterHandle, head, 0, n, ndis.ReceiveFlagsDispatchLevel)
		}
	}
}

// broadcastAddress is the Ethernet broadcast address.
var broadcastAddress = [6]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}

// acceptsLocked reports whether the packet filter the overlying drivers
// set (OID_GEN_CURRENT_PACKET_FILTER, with OID_802_3_MULTICAST_LIST) lets
// frame up: a miniport indicates nothing while the filter is zero, every
// frame when it is promiscuous, and otherwise what the frame's destination
// address and the filter's bits select. The caller holds a.lock.
func (a *Adapter) acceptsLocked(frame []byte) bool {
	f := a.packetFilter
	switch {
	case f == 0 || len(frame) < 14:
		return false
	case f&packetTypePromiscuous != 0:
		return true
	}
	var dst [6]byte
	copy(dst[:], frame)
	switch {
	case dst == broadcastAddress:
		return f&packetTypeBroadcast != 0
	case dst[0]&1 != 0:
		if f&packetTypeAllMulticast != 0 {
			return true
		}
		if f&packetTypeMulticast != 0 {
			for _, m := range a.multicast {
				if m == dst {
					return true
				}
			}
		}
		return false
	}
	return f&packetTypeDirected != 0 && dst == a.currentAddress
}

// chainRcbs links the lists of rs into one chain and returns its head.
func chainRcbs(rs []*rcb) *ndis.NetBufferList {
	for i, r := range rs {
		r.nbl.Status = ndis.StatusSuccess
		r.nbl.Next = nil
		if i > 0 {
			rs[i-1].nbl.Next = r.nbl
		}
	}
	return rs[0].nbl
}

// mpReturnNetBufferLists takes back lists NDIS indicated up
// (MiniportReturnNetBufferLists). It reads each list's Next before it puts
// the list's buffer back on the free list, and completes a pending pause
// when these were the last outstanding receives. When NDIS says it calls
// at DISPATCH_LEVEL (NDIS_RETURN_FLAGS_DISPATCH_LEVEL) the lock is taken
// with NdisDprAcquireSpinLock, as the NDIS 6 samples do
// (dispatch-irql-tracking).
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpReturnNetBufferLists(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*Adapter)
	var rs []*rcb
	var next *ndis.NetBufferList
	for nbl := netBufferLists; nbl != nil; nbl = next {
		next = nbl.Next
		nbl.Next = nil
		if r := a.rcbOf[nbl]; r != nil {
			rs = append(rs, r)
		}
	}
	var pauseDone bool
	if returnFlags&ndis.ReturnFlagsDispatchLevel != 0 {
		ndis.DprAcquireSpinLock(&a.lock)
		pauseDone = a.putBackLocked(rs)
		ndis.DprReleaseSpinLock(&a.lock)
	} else {
		ndis.AcquireSpinLock(&a.lock)
		pauseDone = a.putBackLocked(rs)
		ndis.ReleaseSpinLock(&a.lock)
	}
	if pauseDone {
		ndis.MPauseComplete(a.miniportAdapterHandle)
	}
}

// returnRcbs puts receive buffers the driver took back from an indication
// with NDIS_RECEIVE_FLAGS_RESOURCES on the free list, from the receive DPC
// (DISPATCH_LEVEL), and completes a pending pause if they were the last
// outstanding receives.
func (a *Adapter) returnRcbs(rs []*rcb) {
	ndis.DprAcquireSpinLock(&a.lock)
	pauseDone := a.putBackLocked(rs)
	ndis.DprReleaseSpinLock(&a.lock)
	if pauseDone {
		ndis.MPauseComplete(a.miniportAdapterHandle)
	}
}

// putBackLocked puts receive buffers back on the free list and says
// whether that completed a pause. The caller holds a.lock.
func (a *Adapter) putBackLocked(rs []*rcb) bool {
	a.freeRcbs = append(a.freeRcbs, rs...)
	a.recvsOutstanding -= len(rs)
	return a.pauseDoneLocked()
}
