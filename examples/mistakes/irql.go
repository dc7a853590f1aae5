package mistakes

import "github.com/ndislint/ndislint/ndis"

// sleepyClCallConnected is a ProtocolClCallConnected that lets the line
// settle before the call is used.
//
// MISTAKE: NDIS calls ProtocolClCallConnected at IRQL <= DISPATCH_LEVEL
// (nc-ndis-protocol_cl_call_connected), and NdisMSleep may only be called
// below DISPATCH_LEVEL (nf-ndis-ndismsleep: "IRQL < DISPATCH_LEVEL"). The
// verifier, which calls the handler at DISPATCH_LEVEL, reports
// irql-above-max.
//
//ndis:role PROTOCOL_CL_CALL_CONNECTED
func sleepyClCallConnected(protocolVcContext ndis.Handle) {
	ndis.MSleep(1000)
}
