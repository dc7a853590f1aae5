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

// cmMakeCall sets its [out, optional] party context through the pointer
// without a nil check: NDIS may pass NULL when the call has no party.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	*callMgrPartyContext = nil // want `^CallMgrPartyContext of ProtocolCmMakeCall is \[out, optional\] on its page and may be NULL: this store through callMgrPartyContext panics when it is; check it for nil first \(role-optional-unchecked\)$`
	return ndis.StatusSuccess
}

// cmMakeCallLoad reads the party context back through the pointer without
// a check.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallLoad(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if *callMgrPartyContext != nil { // want `CallMgrPartyContext of ProtocolCmMakeCall is \[out, optional\] on its page and may be NULL: this dereference of callMgrPartyContext panics`
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// cmMakeCallWrongTest stores through the pointer on the branch where it is
// nil: a certain panic, whatever else was tested.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallWrongTest(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if callMgrPartyContext == nil {
		*callMgrPartyContext = nil // want `^CallMgrPartyContext of ProtocolCmMakeCall is \[out, optional\] on its page and may be NULL: this store through callMgrPartyContext is on the branch where it is nil and panics; use it only where callMgrPartyContext != nil \(role-optional-unchecked\)$`
	}
	return ndis.StatusSuccess
}

// cmMakeCallWrongElse stores in the else branch of a != nil test, under a
// branch on the party handle.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallWrongElse(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if ndisPartyHandle != nil {
		if callMgrPartyContext != nil {
			*callMgrPartyContext = &party{}
		} else {
			*callMgrPartyContext = nil // want `is on the branch where it is nil and panics`
		}
	}
	return ndis.StatusSuccess
}

// cmMakeCallStatusOnly tests only the status it computed, which says nothing
// of the pointer.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallStatusOnly(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	st := ndis.StatusSuccess
	*callMgrPartyContext = nil // want `CallMgrPartyContext of ProtocolCmMakeCall is \[out, optional\]`
	return st
}

// cmMakeCallChecked stores only where the pointer is not nil: clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallChecked(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if callMgrPartyContext != nil {
		*callMgrPartyContext = nil
	}
	return ndis.StatusSuccess
}

// cmMakeCallNilFirst tests nil == the pointer, operands swapped, and stores
// in the else branch: clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallNilFirst(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if nil == callMgrPartyContext {
		return ndis.StatusSuccess
	} else {
		*callMgrPartyContext = &party{}
	}
	return ndis.StatusSuccess
}

// cmMakeCallEarlyReturn returns on nil first: clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallEarlyReturn(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if callMgrPartyContext == nil {
		return ndis.StatusSuccess
	}
	*callMgrPartyContext = &party{}
	return ndis.StatusSuccess
}

// cmMakeCallPartyHandle stores only for a multipoint call, which the page
// ties to the pointer (the pass cannot relate them, so any such branch is
// a check): clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallPartyHandle(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if ndisPartyHandle != nil {
		*callMgrPartyContext = &party{}
	}
	return ndis.StatusSuccess
}

// cmMakeCallNever never dereferences the pointer, only compares it: clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallNever(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	if callMgrPartyContext == nil && ndisPartyHandle != nil {
		return ndis.StatusNotSupported
	}
	return ndis.StatusSuccess
}

// cmMakeCallUnrelated tests the pointer for nil where the branches join
// again before the store (the nil branch logs): the pass cannot relate the
// test to the store and stays silent.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallUnrelated(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	missing := 0
	if callMgrPartyContext == nil {
		missing++
	}
	*callMgrPartyContext = &party{}
	_ = missing
	return ndis.StatusSuccess
}

// cmMakeCallReassigned points the parameter at a local when it is nil: the
// store is through the new value, never NULL: clean.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallReassigned(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	var scratch ndis.Handle
	if callMgrPartyContext == nil {
		callMgrPartyContext = &scratch
	}
	*callMgrPartyContext = &party{}
	return ndis.StatusSuccess
}

// cmMakeCallHelper passes the pointer to a helper that stores through it:
// helpers are not followed, so silent.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCallHelper(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	setParty(callMgrPartyContext)
	return ndis.StatusSuccess
}

// setParty stores a party context through out.
func setParty(out *ndis.Handle) { *out = &party{} }

// cmAddParty stores through its [out] party context, which is not optional:
// clean.
//
//ndis:role PROTOCOL_CM_ADD_PARTY
func cmAddParty(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	*callMgrPartyContext = &party{}
	return ndis.StatusSuccess
}

// nilBranchAssert asserts the party context where it is nil.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func nilBranchAssert(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if protocolPartyContext == nil {
		_ = protocolPartyContext.(*party) // want `ProtocolPartyContext of ProtocolClCloseCallComplete is \[in, optional\] on its page and may be NULL: this type assertion of protocolPartyContext is on the branch where it is nil`
	}
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
