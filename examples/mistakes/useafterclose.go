package mistakes

import "github.com/ndislint/ndislint/ndis"

// bye is the last message the client sends on a call.
var bye = ndis.NetBufferList{Data: []byte("bye")}

// politeClIncomingCloseCall is a ProtocolClIncomingCloseCall that closes the
// call and then says goodbye on it.
//
// MISTAKE: when NdisClCloseCall does not pend, the close is complete when it
// returns; for a VC the call manager created the client's NdisVcHandle is
// then invalid (nc-ndis-protocol_cl_close_call_complete), and no send may
// follow NdisClCloseCall anyway (nf-ndis-ndisclclosecall). The verifier
// reports vc-use-after-close.
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func politeClIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
	ndis.CoSendNetBufferLists(v.ndisVcHandle, &bye, 0)
}
