// Package never is a client whose ProtocolClNotifyCloseAf pends and that // want package:`uses\(\)`
// never calls NdisClNotifyCloseAddressFamilyComplete, and a call manager
// whose ProtocolCmCloseCall pends through NdisCmDeactivateVc and never calls
// NdisCmCloseCallComplete.
package never

import "github.com/ndislint/ndislint/ndis"

// af is the client's AF context.
type af struct {
	ndisAfHandle ndis.Handle
	closing      bool
}

// clNotifyCloseAf notes the close and pends.
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	a := clientAfContext.(*af)
	if a.closing {
		return ndis.StatusSuccess
	}
	a.closing = true
	return ndis.StatusPending // want `clNotifyCloseAf may return NDIS_STATUS_PENDING here, but NdisClNotifyCloseAddressFamilyComplete is used nowhere in this package or the packages it imports: the pended ProtocolClNotifyCloseAf request is never completed`
}

var clHandlers = ndis.CoClientOptionalHandlers{ClNotifyCloseAfHandler: clNotifyCloseAf}

// vc is the call manager's VC context.
type vc struct{ ndisVcHandle ndis.Handle }

// cmCloseCall deactivates the VC and returns what the deactivation returns.
func cmCloseCall(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v := callMgrVcContext.(*vc)
	return ndis.CmDeactivateVc(v.ndisVcHandle) // want `cmCloseCall may return NDIS_STATUS_PENDING here \(from NdisCmDeactivateVc\), but NdisCmCloseCallComplete or NdisMCmCloseCallComplete is used nowhere`
}

var cmHandlers = ndis.CoCallManagerOptionalHandlers{CmCloseCallHandler: cmCloseCall}

// declaredOnly is declared for the role but registered nowhere here: the
// package that registers it may complete its requests.
//
//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func declaredOnly(clientAfContext ndis.Handle) ndis.Status {
	return ndis.StatusPending
}
