package mistakes

import "github.com/ndislint/ndislint/ndis"

// vc is the client's per-VC context: only the VC handle, as in the seed.
type vc struct {
	ndisVcHandle ndis.Handle
}

// clCreateVc stores the handle of a VC the call manager created
// (ProtocolCoCreateVc).
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

// seedClCloseCallComplete is a ProtocolClCloseCallComplete that tears the VC
// down after a successful close.
//
// MISTAKE (the seed): the VC was created by the call manager, for an
// incoming call. The ProtocolClCloseCallComplete page
// (nc-ndis-protocol_cl_close_call_complete) says the client must consider
// the NdisVcHandle of such a VC invalid once ProtocolClCloseCallComplete is
// called and make no further NdisCl/CoXxx calls with it; Deleting a VC
// (deleting-a-vc) says only the VC's creator deletes it. The verifier
// reports vc-delete-not-creator and vc-use-after-close.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func seedClCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}
