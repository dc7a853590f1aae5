// Package asis is run with the embedded catalogue. // want package:"vcfields\\{example.com/t/catalogue/asis.vc.h=cm\\}"
// Its twin, moved, is the same code run with a catalogue that moves the end
// of a CM-created VC's handle to ProtocolClIncomingCloseCall and forbids
// only NdisCl* calls on it.
package asis

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
	ndis.ClModifyCallQoS(v.h, &ndis.CoCallParameters{})
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.CoSendNetBufferLists(v.h, &v.nbl, 0)           // want `NdisCoSendNetBufferLists with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete`
	ndis.ClModifyCallQoS(v.h, &ndis.CoCallParameters{}) // want `NdisClModifyCallQoS with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete`
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
