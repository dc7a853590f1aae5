// Package miniport pauses an adapter: indications after NdisMPauseComplete
// (reported) and what the pages allow while Pausing (clean twins).
package miniport

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle      ndis.Handle
	pending     *ndis.NetBufferList
	rx          *ndis.NetBufferList
	outstanding int
	pausing     bool
	running     bool
}

// The pause completes synchronously in the return handler, and the driver
// indicates the next receive anyway.
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func returnNbls(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	a.outstanding--
	if a.pausing && a.outstanding == 0 {
		ndis.MPauseComplete(a.handle)
		ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, 0) // want `NdisMIndicateReceiveNetBufferLists while the adapter is Paused \(after NdisMPauseComplete\); miniport-adapter-states-and-operations: In the Paused state, the adapter does not indicate received network data or accept send requests.`
	}
}

// Every path after the completion reaches the indication.
func completeThenIndicate(a *adapter, n uint32) {
	ndis.MPauseComplete(a.handle)
	if n > 1 {
		a.outstanding += int(n)
	} else {
		a.outstanding++
	}
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, n, ndis.ReceiveFlagsResources) // want `NdisMIndicateReceiveNetBufferLists while the adapter is Paused`
}

// Clean twins.

// An indication while Pausing is allowed: the pages say the driver handles
// receives in the Running and Pausing states.
//
//ndis:role MINIPORT_PAUSE
func pause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	a.pausing = true
	if a.rx != nil {
		ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
	}
	// Outstanding sends are completed: required, not forbidden.
	if a.pending != nil {
		ndis.MSendNetBufferListsComplete(a.handle, a.pending, 0)
		a.pending = nil
	}
	if a.outstanding > 0 {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// Indications in MiniportRestart are fine.
//
//ndis:role MINIPORT_RESTART
func restart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	a.running = true
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
	return ndis.StatusSuccess
}

// Indicate before the completion.
func indicateThenComplete(a *adapter) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
	ndis.MPauseComplete(a.handle)
}

// The indication is guarded on a path after the completion: only some
// paths reach it, so the pass cannot tell.
func guarded(a *adapter, last bool) {
	if last {
		ndis.MPauseComplete(a.handle)
	}
	if a.running {
		ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
	}
}

// A receive path that runs in Running: nothing to report.
func receive(a *adapter) {
	if !a.running {
		return
	}
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
}

// Another adapter's pause says nothing of this one.
func otherAdapter(a, b *adapter) {
	ndis.MPauseComplete(a.handle)
	ndis.MIndicateReceiveNetBufferLists(b.handle, b.rx, 0, 1, ndis.ReceiveFlagsResources)
}

// The same adapter through another variable: the pass cannot tell.
func sameThroughCopy(a *adapter, h ndis.Handle) {
	ndis.MPauseComplete(a.handle)
	ndis.MIndicateReceiveNetBufferLists(h, a.rx, 0, 1, ndis.ReceiveFlagsResources)
}

// MiniportInitializeEx runs in the Initializing state: no indication yet.
//
//ndis:role MINIPORT_INITIALIZE
func initialize(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var rx *ndis.NetBufferList
	ndis.MIndicateReceiveNetBufferLists(ndisMiniportHandle, rx, 0, 1, 0) // want `NdisMIndicateReceiveNetBufferLists while the adapter is Initializing \(in MiniportInitializeEx\)`
	return ndis.StatusSuccess
}
