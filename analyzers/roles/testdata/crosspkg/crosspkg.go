// Package crosspkg registers handlers defined in another package.
package crosspkg

import (
	"example.com/t/handlerpkg"

	"github.com/ndislint/ndislint/ndis"
)

var d = &handlerpkg.Driver{}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:       handlerpkg.DropPartyComplete, // want `^DropPartyComplete is declared PROTOCOL_CL_DROP_PARTY_COMPLETE but stored in ClCloseAfCompleteHandler, a PROTOCOL_CL_CLOSE_AF_COMPLETE slot: the roles share a signature, not a contract \(role-mismatch\)$`
	ClDropPartyCompleteHandler:     handlerpkg.DropPartyComplete, // clean: its declared role
	ClDeregisterSapCompleteHandler: handlerpkg.Undeclared,        // want `Undeclared is stored in ClDeregisterSapCompleteHandler \(PROTOCOL_CL_DEREGISTER_SAP_COMPLETE\) but declares no role`
	ClCloseCallCompleteHandler:     d.CloseCallComplete,          // clean: a method of another package in its role
}

var more = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler: handlerpkg.Used, // want `Used is used as both PROTOCOL_CL_DEREGISTER_SAP_COMPLETE and PROTOCOL_CL_CLOSE_AF_COMPLETE`
}

// createVc pends through a helper of another package.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return handlerpkg.Later(protocolAfContext) // want `ProtocolCoCreateVc may return NDIS_STATUS_PENDING here \(from helper Later\); its page forbids it`
}
