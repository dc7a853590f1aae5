package miniport

import "github.com/ndislint/ndislint/ndis"

// mpSendNetBufferLists takes a chain of NET_BUFFER_LISTs to send
// (MiniportSendNetBufferLists). A running adapter queues each list for its
// transmit DPC, reading the list's Next before it unlinks it; an adapter
// that is pausing or paused refuses the whole chain at once with
// NDIS_STATUS_PAUSED (pausing-an-adapter: "reject any new send requests
// ... immediately"), passing NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL when
// NDIS called it at DISPATCH_LEVEL (the send came with
// NDIS_SEND_FLAGS_DISPATCH_LEVEL).
//
//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func mpSendNetBufferLists(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*Adapter)
	var sendCompleteFlags uint32
	if sendFlags&ndis.SendFlagsDispatchLevel != 0 {
		sendCompleteFlags = ndis.SendCompleteFlagsDispatchLevel
	}

	ndis.AcquireSpinLock(&a.lock)
	if a.state != stateRunning {
		n := 0
		for nbl := netBufferList; nbl != nil; nbl = nbl.Next {
			nbl.Status = ndis.StatusPaused
			n++
		}
		a.stats.XmitPaused += uint64(n)
		ndis.ReleaseSpinLock(&a.lock)
		ndis.MSendNetBufferListsComplete(a.miniportAdapterHandle, netBufferList, sendCompleteFlags)
		return
	}
	var next *ndis.NetBufferList
	for nbl := netBufferList; nbl != nil; nbl = next {
		next = nbl.Next
		nbl.Next = nil
		if a.sendTail == nil {
			a.sendHead = nbl
		} else {
			a.sendTail.Next = nbl
		}
		a.sendTail = nbl
		a.sendsOutstanding++
	}
	ndis.ReleaseSpinLock(&a.lock)
	ndis.SetTimerObject(a.txDpc, dpcDelay, 0, nil)
}

// mpTransmitDpc is the adapter's transmit-complete DPC (an
// NDIS_TIMER_FUNCTION, at DISPATCH_LEVEL). It takes every queued send,
// puts a copy of each frame on the wire (the virtual adapter loops its
// sends back to itself), and completes the chain with
// NdisMSendNetBufferListsComplete and NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL.
// The lists belong to NDIS again once that call is made, so everything the
// DPC needs from them (the frames, the count) is read before. If the
// adapter is pausing and these were the last sends, it completes the pause.
//
//ndis:role NDIS_TIMER_FUNCTION
func mpTransmitDpc(systemSpecific1 ndis.Handle, functionContext ndis.Handle, systemSpecific2 ndis.Handle, systemSpecific3 ndis.Handle) {
	a := functionContext.(*Adapter)

	ndis.DprAcquireSpinLock(&a.lock)
	head := a.sendHead
	a.sendHead, a.sendTail = nil, nil
	loopBack := a.state == stateRunning
	ndis.DprReleaseSpinLock(&a.lock)
	if head == nil {
		return
	}

	n := 0
	var frames [][]byte
	for nbl := head; nbl != nil; nbl = nbl.Next {
		if loopBack {
			frames = append(frames, append([]byte(nil), nbl.Data...))
		}
		nbl.Status = ndis.StatusSuccess
		n++
	}
	ndis.MSendNetBufferListsComplete(a.miniportAdapterHandle, head, ndis.SendCompleteFlagsDispatchLevel)

	ndis.DprAcquireSpinLock(&a.lock)
	a.sendsOutstanding -= n
	a.stats.XmitOk += uint64(n)
	a.wire = append(a.wire, frames...)
	pauseDone := a.pauseDoneLocked()
	ndis.DprReleaseSpinLock(&a.lock)

	if len(frames) > 0 {
		ndis.SetTimerObject(a.rxDpc, dpcDelay, 0, nil)
	}
	if pauseDone {
		ndis.MPauseComplete(a.miniportAdapterHandle)
	}
}

// mpCancelSend would cancel the queued sends marked with cancelId
// (MiniportCancelSend). The virtual adapter completes every queued send on
// its next transmit DPC, a millisecond away, so it keeps no send long
// enough to cancel and has nothing to do (the page allows a miniport that
// cannot find a list with that identifier to return).
//
//ndis:role MINIPORT_CANCEL_SEND
func mpCancelSend(miniportAdapterContext ndis.Handle, cancelId ndis.Handle) {}
