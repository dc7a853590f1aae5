package mistakes

import "github.com/ndislint/ndislint/ndis"

// lazyClIncomingCloseCall is a ProtocolClIncomingCloseCall that leaves the
// close to the upper layer, which never gets to it.
//
// MISTAKE: ProtocolClIncomingCloseCall must call NdisClCloseCall, at once
// or later, on every path (nc-ndis-protocol_cl_incoming_close_call;
// incoming-request-to-close-a-call). The verifier reports
// incoming-close-unanswered when the run ends.
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func lazyClIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	d := globals
	ndis.AcquireSpinLock(&d.lock)
	d.toClose = append(d.toClose, v)
	ndis.ReleaseSpinLock(&d.lock)
}
