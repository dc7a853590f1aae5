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

// rejectVc refuses the call manager's VC by deleting it: not the client's to delete.
func rejectVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	ndis.CoDeleteVc(ndisVcHandle) // want `NdisCoDeleteVc on a VC the call manager created \(the NdisVcHandle of ProtocolCoCreateVc\): only the creator may delete a VC`
	return ndis.StatusResources
}

var rejecting = ndis.CoClientOptionalHandlers{ClCreateVcHandler: rejectVc}
