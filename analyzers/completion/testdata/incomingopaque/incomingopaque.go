// Package incomingopaque is the twin of package incoming whose handler // want package:`uses\(NdisClIncomingCallComplete\)`
// structure may also receive a ProtocolClIncomingCall the pass cannot name
// (a parameter of register): that one may pend, so the completion in
// clCallConnected is not judged.
package incomingopaque

import "github.com/ndislint/ndislint/ndis"

// vc is the client's VC context.
type vc struct {
	ndisVcHandle ndis.Handle
	params       *ndis.CoCallParameters
}

// clIncomingCall accepts at once.
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	v.params = callParameters
	return ndis.StatusSuccess
}

// clCallConnected answers a held call.
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.ndisVcHandle, v.params)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClIncomingCallHandler:  clIncomingCall,
	ClCallConnectedHandler: clCallConnected,
}

// Register lets the driver's user choose the incoming-call handler.
func Register(h ndis.ProtocolClIncomingCall) {
	handlers.ClIncomingCallHandler = h
}
