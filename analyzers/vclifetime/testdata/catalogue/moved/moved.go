// Package moved is asis run with another catalogue. // want package:"vcfields\\{example.com/t/catalogue/moved.vc.h=cm\\}"
// In that catalogue the handle of a CM-created VC dies in
// ProtocolClIncomingCloseCall, not in ProtocolClCloseCallComplete, and only
// NdisCl* (condis-client) calls are forbidden on it: the pass follows.
package moved

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h   ndis.Handle
	nbl ndis.NetBufferList
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{h: ndisVcHandle}
	return ndis.StatusSuccess
}

func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	ndis.CoSendNetBufferLists(v.h, &v.nbl, 0)
	ndis.ClModifyCallQoS(v.h, &ndis.CoCallParameters{}) // want `NdisClModifyCallQoS with the NdisVcHandle of a VC the call manager created, after ProtocolClIncomingCloseCall`
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.CoSendNetBufferLists(v.h, &v.nbl, 0)
	ndis.ClModifyCallQoS(v.h, &ndis.CoCallParameters{})
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
