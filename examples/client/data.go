package client

import "github.com/ndislint/ndislint/ndis"

// clCoReceiveNetBufferLists is the client's
// ProtocolCoReceiveNetBufferLists: it counts what arrives on each VC.
//
//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func clCoReceiveNetBufferLists(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return
	}
	c := v.client()
	ndis.AcquireSpinLock(&c.lock)
	v.received += int(numberOfNetBufferLists)
	ndis.ReleaseSpinLock(&c.lock)
}

// clCoSendNetBufferListsComplete is the client's
// ProtocolCoSendNetBufferListsComplete: the client sends nothing.
//
//ndis:role PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE
func clCoSendNetBufferListsComplete(protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
}

// clCoStatusEx is the client's ProtocolCoStatusEx: it ignores status
// indications.
//
//ndis:role PROTOCOL_CO_STATUS_EX
func clCoStatusEx(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, statusIndication *ndis.StatusIndication) {
}
