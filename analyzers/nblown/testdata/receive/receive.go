// Package receive is a miniport's receive path: indications with and
// without NDIS_RECEIVE_FLAGS_RESOURCES, and its send completions.
package receive

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle ndis.Handle
	free   *ndis.NetBufferList
	drops  int
}

// Indicated without RESOURCES: the list is NDIS's until
// MiniportReturnNetBufferLists.
func indicateThenRecycle(a *adapter, nbl *ndis.NetBufferList) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, ndis.ReceiveFlagsDispatchLevel)
	nbl.Next = a.free // want `used after NdisMIndicateReceiveNetBufferLists handed it to NDIS; it is not the driver's again until MiniportReturnNetBufferLists returns it`
	a.free = nbl
}

// Zero flags is a constant without RESOURCES too.
func indicateZero(a *adapter, nbl *ndis.NetBufferList) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, 0)
	_ = nbl.Data // want `used after NdisMIndicateReceiveNetBufferLists handed it to NDIS`
}

// The send completion gives the list back to the sender.
func completeThenCount(a *adapter, nbl *ndis.NetBufferList) {
	ndis.MSendNetBufferListsComplete(a.handle, nbl, 0)
	if nbl.Status != ndis.StatusSuccess { // want `the NET_BUFFER_LIST is used after NdisMSendNetBufferListsComplete released it; it is no longer the driver's`
		a.drops++
	}
}

// Flags that differ by path but never have RESOURCES: a handoff on every
// path.
func indicatePhi(a *adapter, nbl *ndis.NetBufferList, atDispatch bool) {
	flags := uint32(0)
	if atDispatch {
		flags = ndis.ReceiveFlagsDispatchLevel
	}
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, flags)
	nbl.Next = nil // want `used after NdisMIndicateReceiveNetBufferLists handed it to NDIS`
}

// Clean twins.

// RESOURCES on one path only: the pass cannot tell.
func indicateMaybeResources(a *adapter, nbl *ndis.NetBufferList, low bool) {
	flags := ndis.ReceiveFlagsDispatchLevel
	if low {
		flags |= ndis.ReceiveFlagsResources
	}
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, flags)
	nbl.Next = a.free
	a.free = nbl
}

// RESOURCES on every path.
func indicateAlwaysResources(a *adapter, nbl *ndis.NetBufferList, atDispatch bool) {
	flags := ndis.ReceiveFlagsResources
	if atDispatch {
		flags = ndis.ReceiveFlagsResources | ndis.ReceiveFlagsDispatchLevel
	}
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, flags)
	nbl.Next = a.free
	a.free = nbl
}

// With RESOURCES the list is the miniport's again when the call returns.
func indicateResources(a *adapter, nbl *ndis.NetBufferList) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, ndis.ReceiveFlagsResources|ndis.ReceiveFlagsDispatchLevel)
	nbl.Next = a.free
	a.free = nbl
}

// Flags the pass cannot read: it stays silent.
func indicateFlags(a *adapter, nbl *ndis.NetBufferList, flags uint32) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, nbl, 0, 1, flags)
	nbl.Next = a.free
	a.free = nbl
}

// The completion reads the status first.
func countThenComplete(a *adapter, nbl *ndis.NetBufferList) {
	if nbl.Status != ndis.StatusSuccess {
		a.drops++
	}
	ndis.MSendNetBufferListsComplete(a.handle, nbl, 0)
}

// The list is the miniport's again in MiniportReturnNetBufferLists.
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func returnNbls(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	for nbl := netBufferLists; nbl != nil; {
		next := nbl.Next
		nbl.Next = a.free
		a.free = nbl
		nbl = next
	}
}
