// Package crosspkg is a miniport call manager whose completions are helpers // want package:`uses\(NdisCmOpenAddressFamilyComplete, NdisMCmMakeCallComplete\)`
// of another package (cmhelpers), seen through their facts, and whose
// handlers are methods.
package crosspkg

import (
	"example.com/t/cmhelpers"

	"github.com/ndislint/ndislint/ndis"
)

// mcm is the driver's global state.
type mcm struct {
	handlers ndis.CoCallManagerOptionalHandlers
}

// af is an AF context that keeps the handle NDIS gave ProtocolCmOpenAf.
type af struct {
	h ndis.Handle
}

// makeCall completes through the helper and returns NDIS_STATUS_SUCCESS.
func (m *mcm) makeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*cmhelpers.Vc)
	v.Params = callParameters
	cmhelpers.Connected(v) // want `NdisMCmMakeCallComplete completes the ProtocolCmMakeCall request \(in helper Connected\) on a path where mcm.makeCall returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// makeCallTwice completes twice through the helper.
func makeCallTwice(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*cmhelpers.Vc)
	cmhelpers.Connected(v)
	cmhelpers.Connected(v) // want `NdisMCmMakeCallComplete completes the ProtocolCmMakeCall request a second time on this path \(in helper Connected\)`
	return ndis.StatusPending
}

// makeCallMaybe completes through a helper that may not: silent.
func makeCallMaybe(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*cmhelpers.Vc)
	cmhelpers.MaybeConnected(v, callParameters != nil)
	return ndis.StatusSuccess
}

// openAf keeps the AF handle in a new context and completes with it.
func (m *mcm) openAf(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
	a := &af{h: ndisAfHandle}
	*callMgrAfContext = a
	cmhelpers.Opened(a.h, a) // want `NdisCmOpenAddressFamilyComplete completes the ProtocolCmOpenAf request \(in helper Opened\) on a path where mcm.openAf returns NDIS_STATUS_SUCCESS`
	return ndis.StatusSuccess
}

// register fills the handler structure with method values.
func (m *mcm) register() {
	m.handlers.CmMakeCallHandler = m.makeCall
	m.handlers.CmOpenAfHandler = m.openAf
}

var _ ndis.ProtocolCmMakeCall = makeCallTwice
var _ ndis.ProtocolCmMakeCall = makeCallMaybe
