// Package prototype has functions whose prototype differs from their role.
package prototype

import "github.com/ndislint/ndislint/ndis"

type vc struct{ open bool }

// tooFew lacks the party context.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func tooFew(status ndis.Status, protocolVcContext ndis.Handle) {} // want `^tooFew does not match the PROTOCOL_CL_CLOSE_CALL_COMPLETE prototype: it takes 2 parameters; the page's ProtocolClCloseCallComplete takes 3: \(Status ndis.Status, ProtocolVcContext ndis.Handle, ProtocolPartyContext ndis.Handle\) \(role-prototype\)$`

// wrongType takes the context as a pointer.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func wrongType(status ndis.Status, protocolVcContext *vc, protocolPartyContext ndis.Handle) {} // want `^wrongType does not match the PROTOCOL_CL_CLOSE_CALL_COMPLETE prototype: parameter 2 \(protocolVcContext\) is \*vc; the page's ProtocolVcContext is NDIS_HANDLE \(ndis.Handle\) \(role-prototype\)$`

// swapped has the status last.
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func swapped(protocolAfContext ndis.Handle, status ndis.Status) {} // want `wrong order; the page's order is \(Status ndis.Status, ProtocolAfContext ndis.Handle\)`

// returnsStatus returns what the role does not.
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func returnsStatus(status ndis.Status, protocolAfContext ndis.Handle) ndis.Status { // want `it returns ndis.Status; the page's ProtocolClCloseAfComplete returns nothing \(VOID\)`
	return ndis.StatusSuccess
}

// noResult lacks the status.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func noResult(protocolVcContext ndis.Handle) {} // want `noResult does not match the PROTOCOL_CO_DELETE_VC prototype: it returns nothing; the page's ProtocolCoDeleteVc returns NDIS_STATUS \(ndis.Status\)`

// right matches.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func right(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	protocolVcContext.(*vc).open = false
}

// misnamed has the page's names in each other's places.
func misnamed(status ndis.Status, protocolPartyContext, protocolVcContext ndis.Handle) { // want `^parameter 2 of misnamed is named protocolPartyContext, the page's name for parameter 3 of PROTOCOL_CL_CLOSE_CALL_COMPLETE; parameter 2 is ProtocolVcContext: the arguments may be used in each other's place \(role-param-names\)$`
	protocolVcContext.(*vc).open = false // want `ProtocolPartyContext of ProtocolClCloseCallComplete is \[in, optional\]`
}

// ownNames uses its own names: fine.
func ownNames(st ndis.Status, v, party ndis.Handle) {}

// oidRequest swaps the VC and party contexts of PROTOCOL_CO_OID_REQUEST.
//
//ndis:role PROTOCOL_CO_OID_REQUEST
func oidRequest(protocolAfContext, ProtocolPartyContext, ProtocolVcContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status { // want `parameter 2 of oidRequest is named ProtocolPartyContext, the page's name for parameter 3 of PROTOCOL_CO_OID_REQUEST`
	return ndis.StatusNotSupported
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler: misnamed,
	ClOidRequestHandler:        oidRequest,
}

var other = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler: ownNames,
}
