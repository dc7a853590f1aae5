package mistakes

import "github.com/ndislint/ndislint/ndis"

// outgoingVc is the context of a VC the client creates for an outgoing
// call.
type outgoingVc struct {
	ndisVcHandle ndis.Handle
}

// DialAndHangUp makes a call on a VC the client creates, closes it and
// deletes the VC.
//
// MISTAKE: NdisCoDeleteVc right after NdisClCloseCall, without waiting for
// the close to complete. NdisCoDeleteVc (nf-ndis-ndiscodeletevc) requires
// that the VC has no call: the close must have completed with
// NDIS_STATUS_SUCCESS, in ProtocolClCloseCallComplete when NdisClCloseCall
// returned NDIS_STATUS_PENDING. The verifier reports vc-delete-call-active.
func DialAndHangUp(callParameters *ndis.CoCallParameters) ndis.Status {
	d := globals
	v := &outgoingVc{}
	st := ndis.CoCreateVc(d.ndisBindingHandle, d.ndisAfHandle, v, &v.ndisVcHandle)
	if st != ndis.StatusSuccess {
		return st
	}
	st = ndis.ClMakeCall(v.ndisVcHandle, callParameters, nil, nil)
	if st != ndis.StatusSuccess {
		return st
	}
	ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	return ndis.CoDeleteVc(v.ndisVcHandle)
}

// clMakeCallComplete has nothing to do: DialAndHangUp expects the call
// manager to connect at once (ProtocolClMakeCallComplete).
//
//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext ndis.Handle, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
}
