// Package optional has handlers that use optional parameters.
package optional

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	multipoint bool
	parties    int
}

type party struct{ closed bool }

// unchecked asserts the party context, NULL for a point-to-point call.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func unchecked(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	p := protocolPartyContext.(*party) // want `^ProtocolPartyContext of ProtocolClCloseCallComplete is \[in, optional\] on its page and may be NULL: this type assertion of protocolPartyContext panics when it is; check it for nil first, or use the two-value form v, ok := protocolPartyContext.\(T\) \(role-optional-unchecked\)$`
	p.closed = true
	v.parties--
}

// statusOnly checks only the status, which says nothing of the party.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func statusOnly(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if status == ndis.StatusSuccess {
		protocolPartyContext.(*party).closed = true // want `ProtocolPartyContext of ProtocolClCloseCallComplete is \[in, optional\]`
	}
}

// nilChecked checks the party context for nil first: clean.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func nilChecked(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if protocolPartyContext != nil {
		protocolPartyContext.(*party).closed = true
	}
}

// earlyReturn returns on nil first: clean.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func earlyReturn(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if protocolPartyContext == nil {
		return
	}
	p := protocolPartyContext.(*party)
	p.closed = true
}

// twoValue uses the two-value form: clean.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func twoValue(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if p, ok := protocolPartyContext.(*party); ok {
		p.closed = true
	}
}

// multipointFlag tests the VC's multipoint flag, which implies a party
// context: clean.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func multipointFlag(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if v.multipoint {
		protocolPartyContext.(*party).closed = true
	}
}

// makeCallComplete asserts NdisPartyHandle, NULL for point-to-point calls.
//
//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func makeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	_ = ndisPartyHandle.(*party) // want `NdisPartyHandle of ProtocolClMakeCallComplete is \[in, optional\]`
}

// cmMakeCall sets its [out, optional] party context through the pointer, as
// its page says to: clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	*callMgrPartyContext = nil
	return ndis.StatusSuccess
}

// driver has a method handler.
type driver struct{ closes int }

// closeCallComplete is a method: the receiver is not a parameter of the role.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func (d *driver) closeCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	d.closes++
	_ = protocolPartyContext.(*party) // want `ProtocolPartyContext of ProtocolClCloseCallComplete is \[in, optional\]`
}

// A literal in its slot is checked too.
var handlers = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler: func(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
		_ = protocolPartyContext.(*party) // want `ProtocolPartyContext of ProtocolClCloseCallComplete is \[in, optional\]`
	},
}

var d = &driver{}

var more = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler: d.closeCallComplete,
}
