// Package filter pauses a filter module: sends and indications it
// originates in FilterPause and any after NdisFPauseComplete (reported),
// completions and returns (clean twins).
package filter

import "github.com/ndislint/ndislint/ndis"

type module struct {
	handle  ndis.Handle
	pool    ndis.Handle
	queued  *ndis.NetBufferList
	rxQueue *ndis.NetBufferList
	paused  bool
}

// FilterPause originates a keep-alive and indicates a frame of its own.
//
//ndis:role FILTER_PAUSE
func filterPause(filterModuleContext ndis.Handle, pauseParameters *ndis.FilterPauseParameters) ndis.Status {
	m := filterModuleContext.(*module)
	ka := ndis.AllocateNetBufferAndNetBufferList(m.pool, 0, 0, nil, 0, 64)
	ndis.FSendNetBufferLists(m.handle, ka, 0, 0) // want `NdisFSendNetBufferLists of a list the driver allocated while the filter module is Pausing \(in FilterPause\); pausing-a-filter-module: Should not originate any new send requests.`
	rx := ndis.AllocateNetBufferAndNetBufferList(m.pool, 0, 0, nil, 0, 64)
	ndis.FIndicateReceiveNetBufferLists(m.handle, rx, 0, 1, ndis.ReceiveFlagsResources) // want `NdisFIndicateReceiveNetBufferLists of a list the driver allocated while the filter module is Pausing`
	ndis.FreeNetBufferList(rx)
	// Queued sends that came from above are passed on: the pass cannot
	// tell them from new ones, and the pages forbid originating.
	if m.queued != nil {
		ndis.FSendNetBufferLists(m.handle, m.queued, 0, 0)
		m.queued = nil
	}
	return ndis.StatusSuccess
}

// After NdisFPauseComplete nothing is sent or indicated.
func completePause(m *module) {
	ndis.FPauseComplete(m.handle)
	m.paused = true
	ndis.FSendNetBufferLists(m.handle, m.queued, 0, 0)                // want `NdisFSendNetBufferLists while the filter module is Paused \(after NdisFPauseComplete\); filter-module-states-and-operations: In the Paused state, the filter driver does not perform send or receive operations.`
	ndis.FIndicateReceiveNetBufferLists(m.handle, m.rxQueue, 0, 1, 0) // want `NdisFIndicateReceiveNetBufferLists while the filter module is Paused`
}

// Clean twins.

// While Pausing, new sends are completed and new receives returned.
//
//ndis:role FILTER_PAUSE
func filterPauseRight(filterModuleContext ndis.Handle, pauseParameters *ndis.FilterPauseParameters) ndis.Status {
	m := filterModuleContext.(*module)
	if m.queued != nil {
		m.queued.Status = ndis.StatusPaused
		ndis.FSendNetBufferListsComplete(m.handle, m.queued, 0)
		m.queued = nil
	}
	if m.rxQueue != nil {
		ndis.FReturnNetBufferLists(m.handle, m.rxQueue, 0)
		m.rxQueue = nil
	}
	return ndis.StatusSuccess
}

// After the completion, a new send is completed with NDIS_STATUS_PAUSED.
func completeThenReject(m *module, nbl *ndis.NetBufferList) {
	ndis.FPauseComplete(m.handle)
	nbl.Status = ndis.StatusPaused
	ndis.FSendNetBufferListsComplete(m.handle, nbl, 0)
}

// FilterRestart may send what it allocates.
//
//ndis:role FILTER_RESTART
func filterRestart(filterModuleContext ndis.Handle, restartParameters *ndis.FilterRestartParameters) ndis.Status {
	m := filterModuleContext.(*module)
	ka := ndis.AllocateNetBufferAndNetBufferList(m.pool, 0, 0, nil, 0, 64)
	ndis.FSendNetBufferLists(m.handle, ka, 0, 0)
	return ndis.StatusSuccess
}

// A send path that checks the module's state: the pass cannot tell it is
// not Paused, and stays silent.
//
//ndis:role FILTER_SEND_NET_BUFFER_LISTS
func filterSend(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	m := filterModuleContext.(*module)
	if m.paused {
		netBufferList.Status = ndis.StatusPaused
		ndis.FSendNetBufferListsComplete(m.handle, netBufferList, 0)
		return
	}
	ndis.FSendNetBufferLists(m.handle, netBufferList, portNumber, sendFlags)
}

// controlHandle is another module's handle this driver keeps.
var controlHandle ndis.Handle

// FilterPause of one module that sends for another: the pass cannot tell
// the module is pausing.
//
//ndis:role FILTER_PAUSE
func filterPauseOther(filterModuleContext ndis.Handle, pauseParameters *ndis.FilterPauseParameters) ndis.Status {
	m := filterModuleContext.(*module)
	ka := ndis.AllocateNetBufferAndNetBufferList(m.pool, 0, 0, nil, 0, 64)
	ndis.FSendNetBufferLists(controlHandle, ka, 0, 0)
	return ndis.StatusSuccess
}

// FilterAttach runs in the Attaching state: no send, OID request or status
// indication on the module yet; its attributes are what it sets.
//
//ndis:role FILTER_ATTACH
func filterAttach(ndisFilterHandle ndis.Handle, filterDriverContext ndis.Handle, attachParameters *ndis.FilterAttachParameters) ndis.Status {
	m := &module{handle: ndisFilterHandle}
	ndis.FSetAttributes(ndisFilterHandle, m, &ndis.FilterAttributes{})
	ndis.FOidRequest(ndisFilterHandle, &ndis.OidRequest{})   // want `NdisFOidRequest while the filter module is Attaching \(in FilterAttach\); attaching-a-filter-module: A filter driver cannot make send requests`
	ndis.FIndicateStatus(m.handle, &ndis.StatusIndication{}) // not the handler's parameter as the pass follows it: a field of a new structure
	return ndis.StatusSuccess
}
