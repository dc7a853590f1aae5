// Package protocol sends from ProtocolNetPnPEvent: in the block where the
// event is NetEventPause the binding is Pausing (reported), in the
// NetEventRestart case, the default case, after the switch or where the
// event is compared with a variable the pass cannot tell (clean twins).
package protocol

import "github.com/ndislint/ndislint/ndis"

type binding struct {
	handle ndis.Handle
	nbl    *ndis.NetBufferList
	paused bool
}

// pauseCode is a variable: a comparison with it is not tied to a constant.
var pauseCode = ndis.NetEventPause

// A switch on the event: the NetEventPause case sends.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func pnpSwitch(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	b := protocolBindingContext.(*binding)
	switch netPnPEventNotification.NetPnPEvent.NetEvent {
	case ndis.NetEventPause:
		b.paused = true
		ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0) // want `NdisSendNetBufferLists while the binding is Pausing \(in ProtocolNetPnPEvent, where NetPnPEvent.NetEvent is NetEventPause\); pausing-a-binding: Should not initiate any new send requests.`
	case ndis.NetEventRestart:
		b.paused = false
		ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0) // Restarting: nothing forbidden
	default:
		ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0) // any other event
	}
	ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0) // after the switch: any event
	return ndis.StatusSuccess
}

// An if through a pointer to the event, and a send through a helper.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func pnpIf(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	b := protocolBindingContext.(*binding)
	ev := &netPnPEventNotification.NetPnPEvent
	if ev.NetEvent == ndis.NetEventPause {
		sendPending(b) // want `sendPending \(through NdisSendNetBufferLists\) while the binding is Pausing`
	}
	return ndis.StatusSuccess
}

// An early return on any other event: what follows is NetEventPause's.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func pnpEarly(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	b := protocolBindingContext.(*binding)
	if netPnPEventNotification.NetPnPEvent.NetEvent != ndis.NetEventPause {
		return ndis.StatusSuccess
	}
	ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0) // want `while the binding is Pausing`
	return ndis.StatusSuccess
}

// The event compared with a variable, and a send on another binding.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func pnpVariable(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	b := protocolBindingContext.(*binding)
	if netPnPEventNotification.NetPnPEvent.NetEvent == pauseCode {
		ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0)
	}
	if netPnPEventNotification.NetPnPEvent.NetEvent == ndis.NetEventPause {
		ndis.SendNetBufferLists(other.handle, other.nbl, 0, 0) // not the paused binding's handle
	}
	return ndis.StatusSuccess
}

var other binding

// sendPending sends on every path.
func sendPending(b *binding) {
	ndis.SendNetBufferLists(b.handle, b.nbl, 0, 0)
}
