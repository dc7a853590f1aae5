// Package seed is the seed case of the ProtocolClCloseCallComplete page. // want package:"vcfields\\{example.com/t/seed.vc.ndisVcHandle=cm\\}"
package seed

import "github.com/ndislint/ndislint/ndis"

type vc struct{ ndisVcHandle ndis.Handle }

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClCloseCallComplete: only the creator may delete a VC \(vc-delete-cm-vc\)`
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
