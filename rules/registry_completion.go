package rules

// PassCompletion is the name of the completion-pairing pass
// (analyzers/completion).
const PassCompletion = "completion"

// The rule IDs of the completion pass. The run-time verifier reports the
// same IDs (internal/ndissim's request bookkeeping).
const (
	RuleCompletionWithoutPending = "completion-without-pending"
	RuleCompletedTwice           = "completed-twice"
	RulePendingNeverCompleted    = "pending-never-completed"
	RuleCompleteWithPending      = "complete-with-pending"
	RuleOidCompleteNotCurrent    = "oid-complete-not-current"
	RuleOidBadStatus             = "oid-bad-status"
)

// The rules of the completion pass: SDV's DoubleComplete family
// (DoubleComplete, DoubleCompleteWorkItem, NdisOidDoubleComplete) for every
// request a CoNDIS handler may pend, the pairs coming from the catalogue
// (Role.CompletedBy, CompletedByMCM and Request).
var completionRules = []*Rule{
	{
		ID:    RuleCompletionWithoutPending,
		SDV:   []string{"DoubleComplete"},
		Pass:  PassCompletion,
		Title: "a completion for a request the handler did not pend",
		Text: `A handler that may pend (ProtocolCmMakeCall, ProtocolClIncomingCall, ProtocolCoOidRequest, ...)
completes its request either by its return or, after returning NDIS_STATUS_PENDING, by calling the DDI
the catalogue pairs with it (NdisCmMakeCallComplete, NdisClIncomingCallComplete,
NdisCoOidRequestComplete, the NdisMCm* forms), never both. Reported: the completing DDI called for the
request the handler received (the handle or context the catalogue names, e.g. the NdisVcHandle kept in
the VC context) on a path where the handler returns a known status other than NDIS_STATUS_PENDING, in
the handler, in a helper it calls or in a work item it queues; and the completing DDI called anywhere
when every handler of the role in the package always returns such a status. The completion may come
before the PENDING return (nested): that is allowed. Not seen: a return whose status the pass cannot
tell (a field, a parameter, a DDI that pends), a request argument it cannot trace to the handler's
parameter (a map or list lookup), completions in other callbacks when a handler of the role may pend,
and timers. The verifier reports the same ID at run time.`,
		Page: "nf-ndis-ndisclincomingcallcomplete",
		Wrong: `//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.ndisVcHandle, callParameters)
	return ndis.StatusSuccess // NDIS takes this return as the answer: the completion is one too many
}`,
		Right: `//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.ndisVcHandle, callParameters)
	return ndis.StatusPending // completed before the PENDING return: allowed
}`,
		Analog: "SDV DoubleComplete (NdisMOidRequestComplete after MiniportOidRequest returned NDIS_STATUS_SUCCESS)",
	},
	{
		ID:    RuleCompletedTwice,
		SDV:   []string{"DoubleComplete", "DoubleCompleteWorkItem", "NdisOidDoubleComplete"},
		Pass:  PassCompletion,
		Title: "a second completion of one pended request",
		Text: `A pended request is completed exactly once. Reported: two calls of a request's completing DDI
with the same request (the same handle or OID request, by access path) on one path, directly, through
helpers, or one of them in a work item queued on the path; in a handler, a completion before the
PENDING return and another in the work item it queues. Not seen: completions in two iterations of a
loop (a loop body is walked once), a helper that completes on some paths only, and a second completion
behind a branch that reads what the path wrote since the first (if !v.completed, after a helper that
may set it): the guard may be what keeps it from running. The verifier reports the same ID at run
time.`,
		Page: "nf-ndis-ndiscmmakecallcomplete",
		Wrong: `//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil, nil, callParameters)
	if !v.connected {
		ndis.CmMakeCallComplete(ndis.StatusFailure, v.ndisVcHandle, nil, nil, callParameters) // the second
	}
	return ndis.StatusPending
}`,
		Right: `//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	st := ndis.StatusSuccess
	if !v.connected {
		st = ndis.StatusFailure
	}
	ndis.CmMakeCallComplete(st, v.ndisVcHandle, nil, nil, callParameters)
	return ndis.StatusPending
}`,
		Analog: "SDV DoubleComplete, DoubleCompleteWorkItem, NdisOidDoubleComplete",
	},
	{
		ID:    RulePendingNeverCompleted,
		SDV:   []string{"NdisTimedOidComplete"},
		Pass:  PassCompletion,
		Title: "a handler pends a request that nothing completes",
		Text: `A handler that returns NDIS_STATUS_PENDING owes exactly one call of the DDI the catalogue pairs
with its role. Reported at a PENDING return of a handler the package registers when neither the
completing DDI nor its NdisMCm* form is used anywhere in the package or in the packages it imports
(they export what they use as a fact): no path can complete the request. Where any code can reach the
completion the pass cannot tell whether every path does, and says nothing. The verifier reports the
same ID at the end of a run for every request still pending that has no time bound (an OID request
MiniportOidRequest pended is past its 12 s by then, since the end drains the clock: oid-timeout).`,
		Page: "nc-ndis-protocol_cl_notify_close_af",
		Wrong: `//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	c := clientAfContext.(*client)
	c.closing = true
	return ndis.StatusPending // and nothing calls NdisClNotifyCloseAddressFamilyComplete
}

var handlers = ndis.CoClientOptionalHandlers{ClNotifyCloseAfHandler: clNotifyCloseAf}`,
		Right: `//ndis:role PROTOCOL_CL_NOTIFY_CLOSE_AF
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	c := clientAfContext.(*client)
	c.closing = true
	return ndis.StatusPending
}

// afClosed runs once the client's AF is closed.
func afClosed(ndisAfHandle ndis.Handle) {
	ndis.ClNotifyCloseAddressFamilyComplete(ndisAfHandle, ndis.StatusSuccess)
}

var handlers = ndis.CoClientOptionalHandlers{ClNotifyCloseAfHandler: clNotifyCloseAf}`,
		Analog: "none in SDV for CoNDIS; Driver Verifier's pending-OID timeout (NdisTimedOidComplete) at run time",
	},
	{
		ID:    RuleCompleteWithPending,
		SDV:   []string{"NdisOidComplete"},
		Pass:  PassCompletion,
		Title: "NDIS_STATUS_PENDING passed as a completion's status",
		Text: `A completing DDI passes the final status of the request: any NDIS_STATUS_XXX except
NDIS_STATUS_PENDING, every completion page says. Reported where the status argument of a completing
DDI (one the catalogue pairs with a role) is NDIS_STATUS_PENDING on every path. The verifier reports
the same ID at run time.`,
		Page: "nf-ndis-ndiscmclosecallcomplete",
		Wrong: `//ndis:role PROTOCOL_CM_CLOSE_CALL
func cmCloseCall(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmCloseCallComplete(ndis.StatusPending, v.ndisVcHandle, nil) // the final status, never PENDING
	return ndis.StatusPending
}`,
		Right: `//ndis:role PROTOCOL_CM_CLOSE_CALL
func cmCloseCall(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmCloseCallComplete(ndis.StatusSuccess, v.ndisVcHandle, nil)
	return ndis.StatusPending
}`,
	},
	{
		ID:    RuleOidCompleteNotCurrent,
		SDV:   []string{"NdisOidDoubleRequest"},
		Pass:  PassCompletion,
		Title: "an OID request completed that is not the one pending",
		Text: `NDIS serializes OID requests: it issues a new one to a miniport adapter or a filter module only
after the pending one completed (Miniport Adapter OID Request Serialization, Filtering OID Requests in
an NDIS Filter Driver), and the driver "must complete the NDIS_OID_REQUEST that is currently pending"
(Driver Verifier's NdisOidDoubleRequest). Reported statically: a completing DDI (NdisMOidRequestComplete,
NdisFOidRequestComplete, ...; the catalogue's Role.CompletedBy) given a request NDIS never gave the
role it completes: the request parameter of the handler of a role NDIS calls back with the driver's
own request (the completion callback of a DDI that pends, as FilterOidRequestComplete is
NdisFOidRequest's: a filter completes the original, not its clone), or a request the function
allocated itself. Not seen: a request that reaches the call through a helper's parameter, a field or
a map (the usual way, and the right one, as often as the wrong one). The verifier reports the same ID
at run time: NdisMOidRequestComplete with an OidRequest that is not the one MiniportOidRequest pended
on the adapter while that one is still pending. A completion with no request pending is
completion-without-pending, a second completion completed-twice.`,
		Page: "filtering-oid-requests-in-an-ndis-filter-driver",
		Wrong: `//ndis:role FILTER_OID_REQUEST_COMPLETE
func fOidRequestComplete(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	ndis.FOidRequestComplete(filterModuleContext, oidRequest, status) // the clone this filter issued
}`,
		Right: `//ndis:role FILTER_OID_REQUEST_COMPLETE
func fOidRequestComplete(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	original := clones[oidRequest]
	delete(clones, oidRequest)
	ndis.FOidRequestComplete(filterModuleContext, original, status) // the request FilterOidRequest pended
}

var clones = map[*ndis.OidRequest]*ndis.OidRequest{}`,
		Analog: "SDV NdisOidDoubleRequest (Driver Verifier, run time only); none statically",
	},
	{
		ID:    RuleOidBadStatus,
		SDV:   []string{"NdisOidComplete"},
		Pass:  PassCompletion,
		Title: "an OID request of SDV NdisOidComplete's table ended with a status its row does not allow",
		Text: `SDV's NdisOidComplete page lists OIDs whose requests may end only with some statuses
(OID_PNP_SET_POWER: NDIS_STATUS_NOT_ACCEPTED or NDIS_STATUS_SUCCESS; OID_RECEIVE_FILTER_CLEAR_FILTER and eight
more: those or NDIS_STATUS_REQUEST_ABORTED); MiniportOidRequest may also return NDIS_STATUS_PENDING. The
catalogue reads the table from the page (Catalogue.OidStatuses) and the model has the OIDs as ndis.Oid
constants (ndis.OidPnpSetPower, ...). Reported, in a handler of a role the table applies to
(MiniportOidRequest): a return of a constant status, or a call of a DDI the table applies to
(NdisMOidRequestComplete) with the handler's request and a constant status, on a block reached only when
the request's Oid equals one of the table's OID constants (a switch case of that OID alone, the true
branch of ==, the false branch of !=), whose status is outside the OID's row. A status the role's page
does not allow at all is role-bad-status's, and NDIS_STATUS_PENDING as a completion's status is
complete-with-pending's: each defect is reported once. Not seen: an Oid the pass cannot tie to a
constant (a variable, a map, a case listing several OIDs, a default case), a status that is not a
constant on that block (a variable set on several paths, a helper's result, a parameter), completions in
a work item, a timer or another callback, and a request of a table OID handled by a helper. The verifier
reports the same ID at run time for every return of MiniportOidRequest and every NdisMOidRequestComplete
of a table OID.`,
		Page: "sdv/ndis-ndisoidcomplete",
		Wrong: `//ndis:role MINIPORT_OID_REQUEST
func miniportOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return ndis.StatusInvalidData // OID_PNP_SET_POWER ends with NOT_ACCEPTED, SUCCESS or PENDING only
	}
	return ndis.StatusSuccess
}`,
		Right: `//ndis:role MINIPORT_OID_REQUEST
func miniportOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return ndis.StatusNotAccepted
	}
	return ndis.StatusSuccess
}`,
		Analog: "SDV NdisOidComplete",
		Needs:  []string{"MINIPORT_OID_REQUEST", "NdisMOidRequestComplete"},
	},
}
