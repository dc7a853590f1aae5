package rules

// The rule IDs of the vclifetime pass.
const (
	RuleVcUseAfterClose          = "vc-use-after-close"
	RuleVcDeleteCmVc             = "vc-delete-cm-vc"
	RuleVcDeleteOnFailedClose    = "vc-delete-on-failed-close"
	RuleVcUseAfterDelete         = "vc-use-after-delete"
	RuleVcDeleteCallActive       = "vc-delete-call-active"
	RuleVcClosecallStatusDropped = "vc-closecall-status-dropped"
	RuleVcDeleteHandlerPends     = "vc-delete-handler-pends"
)

// PassVclifetime is the name of the VC-lifetime pass (analyzers/vclifetime).
const PassVclifetime = "vclifetime"

// The rules of the vclifetime pass.
var vclifetimeRules = []*Rule{
	{
		ID:    RuleVcUseAfterClose,
		Needs: []string{"PROTOCOL_CL_CLOSE_CALL_COMPLETE", "NdisClCloseCall"},
		Pass:  PassVclifetime,
		Title: "NdisCl*/NdisCo* call with a CM-created VC's handle after ProtocolClCloseCallComplete",
		Text: `If the VC was created by the call manager, the client must consider its NdisVcHandle invalid
once ProtocolClCloseCallComplete is called for it, whatever the status, and must make no further
NdisCl*/NdisCo* call with it: the call manager may delete the VC (the client's ProtocolCoDeleteVc
runs) or dispatch another incoming call on it. Reported for calls in the handler, in the helpers it
calls and in work items it queues.`,
		Page: "nc-ndis-protocol_cl_close_call_complete",
		Wrong: `//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle} // a VC the call manager created
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.ClMakeCall(v.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil) // the handle is dead
}`,
		Right: `//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle} // a VC the call manager created
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	v.ndisVcHandle = nil // dead; the CM deletes the VC or offers a new call on it
}`,
	},
	{
		ID:    RuleVcDeleteCmVc,
		Needs: []string{"NdisCoDeleteVc"},
		Pass:  PassVclifetime,
		Title: "NdisCoDeleteVc on a VC the call manager created",
		Text: `Only the creator of a VC may delete it. A client learns of the call manager's VCs in its
ProtocolCoCreateVc; those it must never pass to NdisCoDeleteVc (the call manager deletes them and the
client's ProtocolCoDeleteVc runs). A context type that holds both kinds needs a field that tells them
apart, tested before the delete.`,
		Page: "nf-ndis-ndiscodeletevc",
		Wrong: `//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true} // a VC the call manager created
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle) // the call manager created this VC
	}
}`,
		Right: `//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true} // a VC the call manager created
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && !v.createdByCM {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}`,
	},
	{
		ID:    RuleVcDeleteOnFailedClose,
		Needs: []string{"PROTOCOL_CL_CLOSE_CALL_COMPLETE"},
		Pass:  PassVclifetime,
		Title: "NdisCoDeleteVc or NdisClMakeCall on a client VC after a close that may have failed",
		Text: `If the client created the VC and the status is NDIS_STATUS_SUCCESS, the client may delete the
VC with NdisCoDeleteVc or reuse it with NdisClMakeCall. On any other status the call manager refused
the close: the call is still up and the VC may be neither deleted nor reused.`,
		Page: "nc-ndis-protocol_cl_close_call_complete",
		Wrong: `func newVc(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle) // a VC the client created
	return v
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.CoDeleteVc(v.ndisVcHandle) // the close may have failed
}`,
		Right: `func newVc(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle) // a VC the client created
	return v
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		return
	}
	ndis.CoDeleteVc(v.ndisVcHandle)
}`,
	},
	{
		ID:    RuleVcUseAfterDelete,
		Needs: []string{"NdisCoDeleteVc"},
		Pass:  PassVclifetime,
		Title: "VC handle used after NdisCoDeleteVc or ProtocolCoDeleteVc",
		Text: `Once NdisCoDeleteVc returns NDIS_STATUS_SUCCESS the VC handle is invalid; likewise once the
client's ProtocolCoDeleteVc for a VC has run. Any further NdisCl*/NdisCo* call with it (including from
a work item queued before) uses a dead handle.`,
		Page: "nf-ndis-ndiscodeletevc",
		Wrong: `ndis.CoDeleteVc(v.ndisVcHandle)
ndis.CoDeleteVc(v.ndisVcHandle) // deleted twice`,
		Right: `if ndis.CoDeleteVc(v.ndisVcHandle) == ndis.StatusSuccess {
	v.ndisVcHandle = nil
}`,
	},
	{
		ID:    RuleVcDeleteCallActive,
		Needs: []string{"NdisCoDeleteVc"},
		Pass:  PassVclifetime,
		Title: "NdisCoDeleteVc with a call still active or closing",
		Text: `A VC can be deleted only when it has no call: after its close completed with
NDIS_STATUS_SUCCESS (or before any call was made). Deleting right after NdisClMakeCall, or after an
NdisClCloseCall that may still be pending, is refused by NDIS (NDIS_STATUS_NOT_ACCEPTED or
NDIS_STATUS_CLOSING) and leaves the driver's state wrong.`,
		Page: "nf-ndis-ndiscodeletevc",
		Wrong: `if st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0); st != ndis.StatusPending {
	clCloseCallComplete(st, v, nil)
}
ndis.CoDeleteVc(v.ndisVcHandle) // the close may be pending`,
		Right: `if st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0); st != ndis.StatusPending {
	clCloseCallComplete(st, v, nil) // deletes the VC on NDIS_STATUS_SUCCESS
}`,
	},
	{
		ID:    RuleVcClosecallStatusDropped,
		Needs: []string{"NdisClCloseCall"},
		Pass:  PassVclifetime,
		Title: "NdisClCloseCall's status dropped or its synchronous completion lost",
		Text: `When NdisClCloseCall returns anything other than NDIS_STATUS_PENDING, NDIS does not call
ProtocolClCloseCallComplete: the client should call it itself. Reported when the status is discarded,
and when a path on which it may be something other than NDIS_STATUS_PENDING reaches a return without
calling the handler (directly or through a helper). A status that is returned or handed to another
function is that function's business.`,
		Page:  "nf-ndis-ndisclclosecall",
		Wrong: `ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)`,
		Right: `if st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0); st != ndis.StatusPending {
	clCloseCallComplete(st, v, nil)
}`,
	},
	{
		ID:    RuleVcDeleteHandlerPends,
		Needs: []string{"PROTOCOL_CO_DELETE_VC"},
		Pass:  PassVclifetime,
		Owns:  []RoleStatus{{Role: "PROTOCOL_CO_DELETE_VC", Status: "NDIS_STATUS_PENDING"}},
		Title: "ProtocolCoDeleteVc may return NDIS_STATUS_PENDING",
		Text: `ProtocolCoDeleteVc is synchronous: it must not return NDIS_STATUS_PENDING. Reported for a return of
the constant, of a variable or helper result that may hold it, or of the status of a DDI that pends.`,
		Page: "nc-ndis-protocol_co_delete_vc",
		Wrong: `//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusPending
}`,
		Right: `//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	freeVc(protocolVcContext.(*vc))
	return ndis.StatusSuccess
}`,
	},
}
