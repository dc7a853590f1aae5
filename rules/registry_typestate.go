package rules

// PassTypestate is the name of the typestate pass (analyzers/typestate).
const PassTypestate = "typestate"

// The rule IDs of the typestate pass. The verifier reports the same IDs for
// the same defects at run time.
const (
	RuleAfUseAfterClose       = "af-use-after-close"
	RuleSapUseAfterDeregister = "sap-use-after-deregister"
	RulePartyUseAfterDrop     = "party-use-after-drop"
	RuleVcState               = "vc-state"
	RuleAfCloseBusy           = "af-close-with-objects"
)

// TypestateRules are the rules the typestate pass reports for the objects
// of one lifetime; an empty ID is a check the pass does not report for it.
type TypestateRules struct {
	// UseAfter is a handle passed to a DDI after an edge invalidated it.
	UseAfter string
	// State is a DDI whose edges leave none of the states the object may
	// be in.
	State string
	// Busy is an edge taken while objects created with the handle, of the
	// lifetimes the edge's Busy names, may still be alive.
	Busy string
}

// typestateByObject maps a lifetime's Object to its rules. VC handles used
// after their end are the vclifetime pass's (vc-use-after-close,
// vc-use-after-delete); the call manager's call lifetime has no rule here
// (the verifier's call-without-activation and the completion pass check
// what a call manager does with a call).
var typestateByObject = map[string]TypestateRules{
	ObjectVcClient: {State: RuleVcState},
	ObjectVcCM:     {State: RuleVcState},
	ObjectAf:       {UseAfter: RuleAfUseAfterClose, Busy: RuleAfCloseBusy},
	ObjectSap:      {UseAfter: RuleSapUseAfterDeregister},
	ObjectParty:    {UseAfter: RulePartyUseAfterDrop},
	ObjectAfCM:     {UseAfter: RuleAfUseAfterClose},
	ObjectSapCM:    {UseAfter: RuleSapUseAfterDeregister},
	ObjectPartyCM:  {UseAfter: RulePartyUseAfterDrop},
}

// TypestateRulesOf returns the typestate pass's rules for the objects of
// the lifetime object (ObjectAf, ...).
func TypestateRulesOf(object string) TypestateRules { return typestateByObject[object] }

// StateOwner is a state of a lifetime in which another rule reports the
// operations the typestate pass's State rule would: the pass leaves them
// to it, so that one defect is reported once.
type StateOwner struct {
	Object, State, Rule string
}

// typestateOwners are the states other rules own.
var typestateOwners = []StateOwner{
	// A refused close (ProtocolClCloseCallComplete's failure edge): the
	// vclifetime pass reports NdisClMakeCall and NdisCoDeleteVc there.
	{Object: ObjectVcClient, State: "close-failed", Rule: RuleVcDeleteOnFailedClose},
}

// TypestateStateOwners returns the states other rules own.
func TypestateStateOwners() []StateOwner {
	return append([]StateOwner(nil), typestateOwners...)
}

// The rules of the typestate pass.
var typestateRules = []*Rule{
	{
		ID:    RuleAfUseAfterClose,
		Needs: []string{"NdisClCloseAddressFamily"},
		Pass:  PassTypestate,
		Title: "an address-family handle used after the close that invalidated it",
		Text: `The client's NdisAfHandle is invalid as soon as it calls NdisClCloseAddressFamily, and stays
so once ProtocolClCloseAfComplete reports NDIS_STATUS_SUCCESS (a failure leaves the AF open): no more
NdisCl*/NdisCo* calls with it, except the NdisClNotifyCloseAddressFamilyComplete that answers a pended
ProtocolClNotifyCloseAf. The call manager's NdisAfHandle is invalid once its ProtocolCmCloseAf returned
NDIS_STATUS_SUCCESS or it called Ndis(M)CmCloseAddressFamilyComplete: no more NdisCm*, NdisMCm* or NdisCo*
calls with it. Reported in the callback and in the helpers it calls (at the call); the failure branch
of ProtocolClCloseAfComplete is not. The static pass does not see a handle kept in a global or a field
of another structure than the AF's context, a close in a function the callback does not call, or a
use in another callback after the close.`,
		Page: "nf-ndis-ndisclcloseaddressfamily",
		Wrong: `type afCtx struct{ ndisAfHandle ndis.Handle }

//ndis:role PROTOCOL_CL_OPEN_AF_COMPLETE_EX
func clOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	protocolAfContext.(*afCtx).ndisAfHandle = ndisAfHandle
}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*afCtx)
	if status == ndis.StatusSuccess {
		ndis.ClCloseAddressFamily(a.ndisAfHandle) // the AF is closed: its handle is dead
	}
}`,
		Right: `type afCtx struct{ ndisAfHandle ndis.Handle }

//ndis:role PROTOCOL_CL_OPEN_AF_COMPLETE_EX
func clOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	protocolAfContext.(*afCtx).ndisAfHandle = ndisAfHandle
}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*afCtx)
	if status != ndis.StatusSuccess {
		ndis.ClCloseAddressFamily(a.ndisAfHandle) // the close was refused: the AF is still open
	}
}`,
	},
	{
		ID:    RuleSapUseAfterDeregister,
		Needs: []string{"NdisClDeregisterSap"},
		Pass:  PassTypestate,
		Title: "a SAP handle used after the deregistration that invalidated it",
		Text: `The client's NdisSapHandle is invalid as soon as it calls NdisClDeregisterSap, and stays so once
ProtocolClDeregisterSapComplete reports NDIS_STATUS_SUCCESS (a failure of the call manager leaves the SAP
registered). The call manager's NdisSapHandle is invalid once its ProtocolCmDeregisterSap returned
NDIS_STATUS_SUCCESS or Ndis(M)CmDeregisterSapComplete returned. A second NdisClDeregisterSap is such a
use. The static pass sees what ProtocolAfContext's rule sees: the SAP's context and the handle field in
it, in the callback and the helpers it calls.`,
		Page: "nf-ndis-ndisclderegistersap",
		Wrong: `type sapCtx struct{ ndisSapHandle ndis.Handle }

//ndis:role PROTOCOL_CL_REGISTER_SAP_COMPLETE
func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	protocolSapContext.(*sapCtx).ndisSapHandle = ndisSapHandle
}

//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {
	s := protocolSapContext.(*sapCtx)
	if status == ndis.StatusSuccess {
		ndis.ClDeregisterSap(s.ndisSapHandle) // the SAP is gone: its handle is dead
	}
}`,
		Right: `type sapCtx struct{ ndisSapHandle ndis.Handle }

//ndis:role PROTOCOL_CL_REGISTER_SAP_COMPLETE
func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	protocolSapContext.(*sapCtx).ndisSapHandle = ndisSapHandle
}

//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {
	s := protocolSapContext.(*sapCtx)
	if status != ndis.StatusSuccess {
		ndis.ClDeregisterSap(s.ndisSapHandle) // the call manager refused: the SAP is still registered
	}
}`,
	},
	{
		ID:    RulePartyUseAfterDrop,
		Needs: []string{"NdisClDropParty", "PROTOCOL_CL_INCOMING_DROP_PARTY"},
		Pass:  PassTypestate,
		Title: "a party handle used after the drop that invalidated it",
		Text: `The client's NdisPartyHandle is invalid once it calls NdisClDropParty and stays so once
ProtocolClDropPartyComplete reports NDIS_STATUS_SUCCESS (NDIS_STATUS_FAILURE means the party was the last
one: the client drops it with NdisClCloseCall, so the handle is still good). The call manager's
NdisPartyHandle is invalid once its ProtocolCmDropParty returned NDIS_STATUS_SUCCESS or it called
Ndis(M)CmDropPartyComplete with NDIS_STATUS_SUCCESS. The static pass sees the party's context and the
handle field in it, in the callback and the helpers it calls.`,
		Page: "nc-ndis-protocol_cl_drop_party_complete",
		Wrong: `type partyCtx struct{ ndisPartyHandle ndis.Handle }

//ndis:role PROTOCOL_CL_ADD_PARTY_COMPLETE
func clAddPartyComplete(status ndis.Status, protocolPartyContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	protocolPartyContext.(*partyCtx).ndisPartyHandle = ndisPartyHandle
}

//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {
	p := protocolPartyContext.(*partyCtx)
	if status == ndis.StatusSuccess {
		ndis.ClDropParty(p.ndisPartyHandle, nil, 0) // the party is dropped: its handle is dead
	}
}`,
		Right: `type partyCtx struct{ ndisPartyHandle ndis.Handle }

//ndis:role PROTOCOL_CL_ADD_PARTY_COMPLETE
func clAddPartyComplete(status ndis.Status, protocolPartyContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	protocolPartyContext.(*partyCtx).ndisPartyHandle = ndisPartyHandle
}

//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {
	p := protocolPartyContext.(*partyCtx)
	if status != ndis.StatusSuccess {
		ndis.ClDropParty(p.ndisPartyHandle, nil, 0) // refused: the party is still on the call
	}
}`,
	},
	{
		ID:    RuleVcState,
		Pass:  PassTypestate,
		Title: "a DDI called on a VC whose call is in the wrong state",
		Text: `Each DDI that moves a VC's call is allowed only in the states its edges in the catalogue leave.
The static pass reports NdisClMakeCall on a VC whose call is connected, being made or closing (a client
makes another call on its VC only once the previous close completed with NDIS_STATUS_SUCCESS), and a
second NdisClCloseCall while the first is pending or after the call closed, where every state the VC may
be in refuses the call (from the callback's role: ProtocolClMakeCallComplete with NDIS_STATUS_SUCCESS,
or from the status an earlier DDI returned). The verifier also reports a send before the call connected
or after NdisClCloseCall, NdisCmDispatchCallConnected on a call the client did not accept, and an
activation while another activation or deactivation is pending. Completions (the completion pass) and
deletes (vclifetime) are not this rule's, nor NdisClMakeCall after a refused close
(vc-delete-on-failed-close). The static pass stays silent where one path may allow the call.`,
		Page: "nf-ndis-ndisclmakecall",
		Wrong: `func newVc(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle)
	return v
}

//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.ClMakeCall(v.ndisVcHandle, callParameters, nil, nil) // the call is already connected
	}
}`,
		Right: `func newVc(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle)
	return v
}

//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		ndis.ClMakeCall(v.ndisVcHandle, callParameters, nil, nil) // the call failed: try again
	}
}`,
	},
	{
		ID:    RuleAfCloseBusy,
		Needs: []string{"NdisClCloseAddressFamily"},
		Pass:  PassTypestate,
		Title: "NdisClCloseAddressFamily while the client still has SAPs or VCs on the AF",
		Text: `Before closing an address family the client deregisters its SAPs, closes its calls and deletes
the VCs it created on the AF; the call manager fails the close otherwise. The static pass sees a SAP
registered (NdisClRegisterSap) or a VC created (NdisCoCreateVc) with the AF's handle in the same function
or a helper it calls, and still registered or not deleted where the AF is closed; it does not see
objects created elsewhere (kept in lists, created in other callbacks).`,
		Page: "nf-ndis-ndisclcloseaddressfamily",
		Wrong: `func shutdown(binding, ndisAfHandle ndis.Handle) {
	v := &vc{}
	if ndis.CoCreateVc(binding, ndisAfHandle, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return
	}
	ndis.ClCloseAddressFamily(ndisAfHandle) // the VC created on the AF is still there
}`,
		Right: `func shutdown(binding, ndisAfHandle ndis.Handle) {
	v := &vc{}
	if ndis.CoCreateVc(binding, ndisAfHandle, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return
	}
	ndis.CoDeleteVc(v.ndisVcHandle)
	ndis.ClCloseAddressFamily(ndisAfHandle)
}`,
	},
}
