// Package shapes holds more shapes of call managers' handlers: function // want package:`uses\(NdisCmAddPartyComplete, NdisCmCloseCallComplete, NdisCmDropPartyComplete, NdisMCmCloseCallComplete\)`
// literals in slots, statuses from helpers, closures called in place,
// helpers that call helpers, and requests that a party handle names.
package shapes

import "github.com/ndislint/ndislint/ndis"

// vc is the call manager's VC context.
type vc struct {
	h       ndis.Handle
	closing bool
}

// party is the call manager's party context.
type party struct {
	h ndis.Handle
}

// refuse is the status of a request the call manager turns down.
func refuse() ndis.Status { return ndis.StatusNotAccepted }

// closeDone completes the close of v.
func closeDone(v *vc) {
	ndis.CmCloseCallComplete(ndis.StatusSuccess, v.h, nil)
}

// finishClose completes the close through closeDone: a helper of a helper.
func finishClose(v *vc) {
	v.closing = false
	closeDone(v)
}

var handlers = ndis.CoCallManagerOptionalHandlers{
	// A literal that completes and returns what refuse returns.
	CmCloseCallHandler: func(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
		v := callMgrVcContext.(*vc)
		finishClose(v) // want `NdisCmCloseCallComplete completes the ProtocolCmCloseCall request \(in helper finishClose, in helper closeDone\) on a path where the function literal returns NDIS_STATUS_NOT_ACCEPTED`
		return refuse()
	},
	CmAddPartyHandler:  addParty,
	CmDropPartyHandler: dropParty,
}

// addParty completes the add with the party handle NDIS passed it, inside a
// closure it calls at once, and pends.
func addParty(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	p := &party{h: ndisPartyHandle}
	*callMgrPartyContext = p
	func() {
		ndis.CmAddPartyComplete(ndis.StatusSuccess, p.h, p, callParameters)
	}()
	return ndis.StatusPending
}

// addPartyTwice completes the add with the handle it kept, twice.
//
//ndis:role PROTOCOL_CM_ADD_PARTY
func addPartyTwice(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	p := &party{h: ndisPartyHandle}
	*callMgrPartyContext = p
	ndis.CmAddPartyComplete(ndis.StatusSuccess, p.h, p, callParameters)
	ndis.CmAddPartyComplete(ndis.StatusSuccess, ndisPartyHandle, p, callParameters) // want `NdisCmAddPartyComplete completes the ProtocolCmAddParty request a second time on this path \(first at line 61\)`
	return ndis.StatusPending
}

// dropParty completes the drop and returns NDIS_STATUS_SUCCESS: the party
// is named by the handle its context keeps.
func dropParty(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	p := callMgrPartyContext.(*party)
	ndis.CmDropPartyComplete(ndis.StatusSuccess, p.h) // want `NdisCmDropPartyComplete completes the ProtocolCmDropParty request on a path where dropParty returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// bothForms completes the close with the stand-alone and the miniport
// form: one request, two completions.
//
//ndis:role PROTOCOL_CM_CLOSE_CALL
func bothForms(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmCloseCallComplete(ndis.StatusSuccess, v.h, nil)
	ndis.MCmCloseCallComplete(ndis.StatusSuccess, v.h, nil) // want `NdisMCmCloseCallComplete completes the ProtocolCmCloseCall request a second time`
	return ndis.StatusPending
}

// twoVcs completes the closes of two different VCs: two requests.
func twoVcs(a, b *vc) {
	ndis.CmCloseCallComplete(ndis.StatusSuccess, a.h, nil)
	ndis.CmCloseCallComplete(ndis.StatusSuccess, b.h, nil)
}

// sameVcTwice completes the close of one VC twice, outside any handler.
func sameVcTwice(a *vc) {
	ndis.CmCloseCallComplete(ndis.StatusSuccess, a.h, nil)
	ndis.CmCloseCallComplete(ndis.StatusFailure, a.h, nil) // want `NdisCmCloseCallComplete completes the ProtocolCmCloseCall request a second time on this path`
}

var _, _ = twoVcs, sameVcTwice

// closers are completions kept in a table: function literals of a
// package-level initialiser.
var closers = []func(v *vc){
	func(v *vc) {
		ndis.CmCloseCallComplete(ndis.StatusPending, v.h, nil) // want `NdisCmCloseCallComplete called with NDIS_STATUS_PENDING as the final status`
	},
}
