// Package mixed uses one context type for both kinds of VC. // want package:"vcfields\\{example.com/t/mixed.vc.h=cm\\+client\\}"
package mixed

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h   ndis.Handle
	sap ndis.Handle
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{h: ndisVcHandle, sap: protocolAfContext}
	return ndis.StatusSuccess
}

func dial(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.h)
	return v
}

// closeAll deletes every VC after a successful close, whoever created it.
func closeAll(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClCloseCallComplete \(its context holds VCs of both creators, and nothing on the way tells them apart\)`
	}
}

// closeOwn tells the kinds apart by a field the pass cannot read as an owner
// flag (only incoming calls have a SAP): silent.
func closeOwn(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && v.sap == nil {
		ndis.CoDeleteVc(v.h)
	}
}

var handlers = []ndis.CoClientOptionalHandlers{
	{ClCreateVcHandler: clCreateVc, ClCloseCallCompleteHandler: closeAll},
	{ClCloseCallCompleteHandler: closeOwn},
}

var _ = dial
