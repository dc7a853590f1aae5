// Package conflict has functions in two roles, and one handler shared by
// design.
package conflict

import "github.com/ndislint/ndislint/ndis"

// genericComplete is used for two completions.
func genericComplete(status ndis.Status, context ndis.Handle) {}

// declaredTwice claims two roles.
//
// want +3 `^declaredTwice is declared for two roles, PROTOCOL_CL_CLOSE_AF_COMPLETE and PROTOCOL_CL_DEREGISTER_SAP_COMPLETE: a function serves one role \(role-conflict\)$`
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func declaredTwice(status ndis.Status, context ndis.Handle) {}

// createVc is shared by design: one role, two structures (a driver that is
// both a client and a call manager).
//
//ndis:role PROTOCOL_CO_CREATE_VC
func createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return ndis.StatusSuccess
}

var client = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:       genericComplete,
	ClDeregisterSapCompleteHandler: genericComplete, // want `^genericComplete is used as both PROTOCOL_CL_CLOSE_AF_COMPLETE and PROTOCOL_CL_DEREGISTER_SAP_COMPLETE: a function serves one role \(role-conflict\)$`
	ClCreateVcHandler:              createVc,
}

var cm = ndis.CoCallManagerOptionalHandlers{
	CmCreateVcHandler: createVc, // clean: the same role again
}

// A literal written in its slot needs no directive.
var literal = ndis.CoClientOptionalHandlers{
	ClDropPartyCompleteHandler: func(status ndis.Status, protocolPartyContext ndis.Handle) {},
}
