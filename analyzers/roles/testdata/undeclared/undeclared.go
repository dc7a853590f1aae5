// Package undeclared stores functions with no declared role in slots whose
// signature other roles share.
package undeclared

import "github.com/ndislint/ndislint/ndis"

type af struct{ open bool }

// clCloseAfComplete has a doc comment, which the fix keeps.
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	// The AF is closed: forget it.
	protocolAfContext.(*af).open = false
}

func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {} // trailing comment

// clCloseCallComplete has a signature no other role shares: clean.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}

// clDropPartyComplete is declared with a role-typed variable: clean.
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

var _ ndis.ProtocolClDropPartyComplete = clDropPartyComplete

// clCreateVc shares its signature only with MiniportCoCreateVc, a role of
// another kind of driver: clean.
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

// client has a method handler.
type client struct{ incoming bool }

// deleteVc frees nothing.
func (c *client) deleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusSuccess
}

var c = &client{}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:       clCloseAfComplete,       // want `^clCloseAfComplete is stored in ClCloseAfCompleteHandler \(PROTOCOL_CL_CLOSE_AF_COMPLETE\) but declares no role, and PROTOCOL_CL_DEREGISTER_SAP_COMPLETE, PROTOCOL_CL_DROP_PARTY_COMPLETE and PROTOCOL_CM_DEACTIVATE_VC_COMPLETE share its signature: declare the role it implements with //ndis:role so that its use can be checked \(role-undeclared\)$`
	ClDeregisterSapCompleteHandler: clDeregisterSapComplete, // want `clDeregisterSapComplete is stored in ClDeregisterSapCompleteHandler \(PROTOCOL_CL_DEREGISTER_SAP_COMPLETE\) but declares no role`
	ClCloseCallCompleteHandler:     clCloseCallComplete,
	ClDropPartyCompleteHandler:     clDropPartyComplete,
	ClCreateVcHandler:              clCreateVc,
	ClDeleteVcHandler:              c.deleteVc, // want `client.deleteVc is stored in ClDeleteVcHandler \(PROTOCOL_CO_DELETE_VC\) but declares no role, and PROTOCOL_CL_NOTIFY_CLOSE_AF, PROTOCOL_CM_CLOSE_AF and PROTOCOL_CM_DEREGISTER_SAP share its signature`
	ClIncomingCallQoSChangeHandler: func(protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) {},
}
