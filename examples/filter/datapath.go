package filter

import "github.com/ndislint/ndislint/ndis"

// countLists returns the number of lists in a chain.
func countLists(nbl *ndis.NetBufferList) int {
	n := 0
	for ; nbl != nil; nbl = nbl.Next {
		n++
	}
	return n
}

// fSendNetBufferLists passes a send down (FilterSendNetBufferLists). A
// running module counts the lists and sends them on with
// NdisFSendNetBufferLists; a pausing or paused one completes them at once
// with NDIS_STATUS_PAUSED, with NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL
// when the send came at DISPATCH_LEVEL.
//
//ndis:role FILTER_SEND_NET_BUFFER_LISTS
func fSendNetBufferLists(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	m := filterModuleContext.(*Module)
	n := countLists(netBufferList)
	ndis.AcquireSpinLock(&m.lock)
	if m.state != stateRunning {
		m.stats.SendsRefused += uint64(n)
		ndis.ReleaseSpinLock(&m.lock)
		for nbl := netBufferList; nbl != nil; nbl = nbl.Next {
			nbl.Status = ndis.StatusPaused
		}
		var sendCompleteFlags uint32
		if sendFlags&ndis.SendFlagsDispatchLevel != 0 {
			sendCompleteFlags = ndis.SendCompleteFlagsDispatchLevel
		}
		ndis.FSendNetBufferListsComplete(m.ndisFilterHandle, netBufferList, sendCompleteFlags)
		return
	}
	m.sendsOutstanding += n
	m.stats.SendsPassed += uint64(n)
	ndis.ReleaseSpinLock(&m.lock)
	ndis.FSendNetBufferLists(m.ndisFilterHandle, netBufferList, portNumber, sendFlags)
}

// fSendNetBufferListsComplete passes a send completion up
// (FilterSendNetBufferListsComplete) with NdisFSendNetBufferListsComplete.
// It counts the lists before it gives them back, and completes a pending
// pause when these were the last outstanding sends.
//
//ndis:role FILTER_SEND_NET_BUFFER_LISTS_COMPLETE
func fSendNetBufferListsComplete(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	m := filterModuleContext.(*Module)
	n := countLists(netBufferList)
	ndis.FSendNetBufferListsComplete(m.ndisFilterHandle, netBufferList, sendCompleteFlags)
	ndis.AcquireSpinLock(&m.lock)
	m.sendsOutstanding -= n
	pauseDone := m.pauseDoneLocked()
	ndis.ReleaseSpinLock(&m.lock)
	if pauseDone {
		ndis.FPauseComplete(m.ndisFilterHandle)
	}
}

// fReceiveNetBufferLists passes a receive up (FilterReceiveNetBufferLists)
// with NdisFIndicateReceiveNetBufferLists and the flags it came with.
// Lists indicated without NDIS_RECEIVE_FLAGS_RESOURCES come back through
// FilterReturnNetBufferLists and are counted until then; with the flag
// they belong to the miniport again when the call returns, so they are
// neither counted nor returned. A module that is not running returns the
// lists at once with NdisFReturnNetBufferLists, or, with the flag, just
// returns (pausing-a-filter-module).
//
//ndis:role FILTER_RECEIVE_NET_BUFFER_LISTS
func fReceiveNetBufferLists(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	m := filterModuleContext.(*Module)
	resources := receiveFlags&ndis.ReceiveFlagsResources != 0
	ndis.AcquireSpinLock(&m.lock)
	if m.state != stateRunning {
		m.stats.ReceivesRefused += uint64(numberOfNetBufferLists)
		ndis.ReleaseSpinLock(&m.lock)
		if !resources {
			var returnFlags uint32
			if receiveFlags&ndis.ReceiveFlagsDispatchLevel != 0 {
				returnFlags = ndis.ReturnFlagsDispatchLevel
			}
			ndis.FReturnNetBufferLists(m.ndisFilterHandle, netBufferLists, returnFlags)
		}
		return
	}
	m.stats.ReceivesPassed += uint64(numberOfNetBufferLists)
	if resources {
		m.stats.ReceivesResources += uint64(numberOfNetBufferLists)
	} else {
		m.receivesOutstanding += int(numberOfNetBufferLists)
	}
	ndis.ReleaseSpinLock(&m.lock)
	ndis.FIndicateReceiveNetBufferLists(m.ndisFilterHandle, netBufferLists, portNumber, numberOfNetBufferLists, receiveFlags)
}

// fReturnNetBufferLists passes returned receives down
// (FilterReturnNetBufferLists) with NdisFReturnNetBufferLists, counting
// them before it gives them back, and completes a pending pause when these
// were the last outstanding receives.
//
//ndis:role FILTER_RETURN_NET_BUFFER_LISTS
func fReturnNetBufferLists(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	m := filterModuleContext.(*Module)
	n := countLists(netBufferLists)
	ndis.FReturnNetBufferLists(m.ndisFilterHandle, netBufferLists, returnFlags)
	ndis.AcquireSpinLock(&m.lock)
	m.receivesOutstanding -= n
	pauseDone := m.pauseDoneLocked()
	ndis.ReleaseSpinLock(&m.lock)
	if pauseDone {
		ndis.FPauseComplete(m.ndisFilterHandle)
	}
}
