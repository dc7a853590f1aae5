// Package ndis6 holds NDIS 6 handlers whose requests the catalogue's pairs // want package:`uses\(NdisFOidRequestComplete, NdisMOidRequestComplete, NdisMPauseComplete, NdisMRestartComplete\)`
// complete (SDV DoubleComplete beyond NdisMOidRequestComplete):
// MiniportPause by NdisMPauseComplete, MiniportRestart by
// NdisMRestartComplete, FilterOidRequest by NdisFOidRequestComplete; each
// wrong handler has a clean twin; MiniportOidRequest by
// NdisMOidRequestComplete in a work item (DoubleCompleteWorkItem).
package ndis6

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle   ndis.Handle
	busy     bool
	workItem ndis.Handle
}

type module struct{ handle ndis.Handle }

// pauseNow completes the pause itself and returns NDIS_STATUS_SUCCESS.
//
//ndis:role MINIPORT_PAUSE
func pauseNow(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	if a.busy {
		return ndis.StatusPending
	}
	ndis.MPauseComplete(a.handle) // want `NdisMPauseComplete completes the MiniportPause request on a path where pauseNow returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// pauseLater is the clean twin: it completes only on the path that pends.
//
//ndis:role MINIPORT_PAUSE
func pauseLater(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	if a.busy {
		return ndis.StatusSuccess
	}
	ndis.MPauseComplete(a.handle)
	return ndis.StatusPending
}

// restartTwice completes its restart twice.
//
//ndis:role MINIPORT_RESTART
func restartTwice(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.MRestartComplete(a.handle, ndis.StatusSuccess)
	ndis.MRestartComplete(a.handle, ndis.StatusSuccess) // want `NdisMRestartComplete completes the MiniportRestart request a second time`
	return ndis.StatusPending
}

// restartOnce is the clean twin.
//
//ndis:role MINIPORT_RESTART
func restartOnce(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.MRestartComplete(a.handle, ndis.StatusSuccess)
	return ndis.StatusPending
}

// oidTwice completes the request NDIS gave it twice.
//
//ndis:role FILTER_OID_REQUEST
func oidTwice(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	m := filterModuleContext.(*module)
	ndis.FOidRequestComplete(m.handle, oidRequest, ndis.StatusSuccess)
	ndis.FOidRequestComplete(m.handle, oidRequest, ndis.StatusSuccess) // want `NdisFOidRequestComplete completes the FilterOidRequest request a second time`
	return ndis.StatusPending
}

// oidOnce is the clean twin.
//
//ndis:role FILTER_OID_REQUEST
func oidOnce(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	m := filterModuleContext.(*module)
	ndis.FOidRequestComplete(m.handle, oidRequest, ndis.StatusSuccess)
	return ndis.StatusPending
}

// oidInHandlerAndWorkItem completes the OID request in the handler and
// again in a work item it queues (SDV DoubleCompleteWorkItem).
//
//ndis:role MINIPORT_OID_REQUEST
func oidInHandlerAndWorkItem(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.MOidRequestComplete(a.handle, oidRequest, ndis.StatusSuccess)
	ndis.QueueIoWorkItem(a.workItem, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) { // want `NdisMOidRequestComplete completes the MiniportOidRequest request a second time on this path \(in the work item NdisQueueIoWorkItem queues`
		ndis.MOidRequestComplete(a.handle, oidRequest, ndis.StatusSuccess)
	}, nil)
	return ndis.StatusPending
}

// oidInWorkItem is the clean twin: only the work item completes it.
//
//ndis:role MINIPORT_OID_REQUEST
func oidInWorkItem(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.QueueIoWorkItem(a.workItem, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
		ndis.MOidRequestComplete(a.handle, oidRequest, ndis.StatusSuccess)
	}, nil)
	return ndis.StatusPending
}
