// Package filter is a filter module's data path.
package filter

import "github.com/ndislint/ndislint/ndis"

type module struct {
	handle ndis.Handle
	sent   int
}

//ndis:role FILTER_SEND_NET_BUFFER_LISTS
func filterSend(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	m := filterModuleContext.(*module)
	ndis.FSendNetBufferLists(m.handle, netBufferList, portNumber, sendFlags)
	m.sent += len(netBufferList.Data) // want `used after NdisFSendNetBufferLists handed it to NDIS; it is not the driver's again until FilterSendNetBufferListsComplete returns it`
}

//ndis:role FILTER_SEND_NET_BUFFER_LISTS_COMPLETE
func filterSendComplete(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	m := filterModuleContext.(*module)
	ndis.FSendNetBufferListsComplete(m.handle, netBufferList, sendCompleteFlags)
	netBufferList.Status = ndis.StatusSuccess // want `used after NdisFSendNetBufferListsComplete released it`
}

//ndis:role FILTER_RECEIVE_NET_BUFFER_LISTS
func filterReceive(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	m := filterModuleContext.(*module)
	if receiveFlags&ndis.ReceiveFlagsResources != 0 {
		// The lists go back to the miniport when the call returns: indicate
		// with RESOURCES too, and they are still the filter's after.
		ndis.FIndicateReceiveNetBufferLists(m.handle, netBufferLists, portNumber, numberOfNetBufferLists, ndis.ReceiveFlagsResources)
		netBufferLists.Status = ndis.StatusSuccess
		return
	}
	ndis.FIndicateReceiveNetBufferLists(m.handle, netBufferLists, portNumber, numberOfNetBufferLists, 0)
	netBufferLists.Status = ndis.StatusSuccess // want `used after NdisFIndicateReceiveNetBufferLists handed it to NDIS; it is not the driver's again until FilterReturnNetBufferLists returns it`
}

//ndis:role FILTER_RETURN_NET_BUFFER_LISTS
func filterReturn(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	m := filterModuleContext.(*module)
	ndis.FReturnNetBufferLists(m.handle, netBufferLists, returnFlags)
	m.sent-- // no touch of the list
}
