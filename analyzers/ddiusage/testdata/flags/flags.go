package flags

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

var chars = ndis.MiniportDriverCharacteristics{
	SendNetBufferListsHandler:   send,
	ReturnNetBufferListsHandler: ret,
	RestartHandler:              restart,
}

func send(ctx ndis.Handle, nbl *ndis.NetBufferList, port ndis.PortNumber, sendFlags uint32) {
	var flags uint32
	if wdm.KeGetCurrentIrql() == wdm.DispatchLevel { // want `KeGetCurrentIrql queries the IRQL in the context of MiniportSendNetBufferLists, whose SendFlags tells it \(NDIS_SEND_FLAGS_DISPATCH_LEVEL\): test the flag instead`
		flags = ndis.SendCompleteFlagsDispatchLevel
	}
	ndis.MSendNetBufferListsComplete(ctx, nbl, flags)
}

func ret(ctx ndis.Handle, nbl *ndis.NetBufferList, returnFlags uint32) {
	atDispatch() // the query is in a helper it calls
}

func atDispatch() bool {
	return wdm.KeGetCurrentIrql() == wdm.DispatchLevel // want `KeGetCurrentIrql queries the IRQL in the context of MiniportReturnNetBufferLists, whose ReturnFlags tells it \(NDIS_RETURN_FLAGS_DISPATCH_LEVEL\)`
}

// clean: MiniportRestart has no dispatch-level flag.
func restart(ctx ndis.Handle, p *ndis.MiniportRestartParameters) ndis.Status {
	if wdm.KeGetCurrentIrql() != wdm.PassiveLevel {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// The filter, protocol and CoNDIS forms carry the flag as well.

//ndis:role FILTER_RECEIVE_NET_BUFFER_LISTS
func filterReceive(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	_ = wdm.KeGetCurrentIrql() // want `KeGetCurrentIrql queries the IRQL in the context of FilterReceiveNetBufferLists, whose ReceiveFlags tells it \(NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL\)`
}

//ndis:role PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE
func protocolSendComplete(protocolBindingContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	completedAtDispatch() // the query is in a helper it calls
}

func completedAtDispatch() bool {
	return wdm.KeGetCurrentIrql() == wdm.DispatchLevel // want `KeGetCurrentIrql queries the IRQL in the context of ProtocolSendNetBufferListsComplete, whose SendCompleteFlags tells it \(NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL\)`
}

//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func protocolCoReceive(protocolBindingContext, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
	_ = wdm.KeGetCurrentIrql() // want `KeGetCurrentIrql queries the IRQL in the context of ProtocolCoReceiveNetBufferLists, whose ReceiveFlags tells it \(NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL\)`
}

// clean: the filter tests its flag.
//
//ndis:role FILTER_SEND_NET_BUFFER_LISTS
func filterSend(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	_ = sendFlags&ndis.SendFlagsDispatchLevel != 0
}
