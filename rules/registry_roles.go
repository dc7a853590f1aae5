package rules

// The rule IDs of the roles pass.
const (
	RuleRoleMismatch          = "role-mismatch"
	RuleRoleConflict          = "role-conflict"
	RuleRoleUndeclared        = "role-undeclared"
	RuleRolePrototype         = "role-prototype"
	RuleRoleParamNames        = "role-param-names"
	RuleRoleMissingHandler    = "role-missing-handler"
	RuleRoleBadStatus         = "role-bad-status"
	RuleRoleOptionalUnchecked = "role-optional-unchecked"
	RuleRoleDirective         = "role-directive"
)

// PassRoles is the name of the callback-role pass (analyzers/roles).
const PassRoles = "roles"

// The rules of the roles pass.
var rolesRules = []*Rule{
	{
		ID:    RuleRoleMismatch,
		Pass:  PassRoles,
		Title: "function stored in a slot of another role than the one it is declared for",
		Text: `NDIS roles are nominal: PROTOCOL_CL_CLOSE_AF_COMPLETE, PROTOCOL_CL_DEREGISTER_SAP_COMPLETE,
PROTOCOL_CL_DROP_PARTY_COMPLETE and PROTOCOL_CM_DEACTIVATE_VC_COMPLETE all take (NDIS_STATUS,
NDIS_HANDLE), and Go's type checker, like C's, accepts any of them in any of those slots. A function
declared for one role (//ndis:role, or var _ ndis.ProtocolX = f) and stored in a slot, passed as an
argument, converted or assigned to another role is reported: NDIS will call it with the other role's
arguments and expect the other role's behaviour. The declaration may be in another package (roles
cross packages as facts).`,
		Page: "nc-ndis-protocol_cl_close_af_complete (and each role's page: \"You must declare the function by using the ... type\")",
		Wrong: `//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler: clDropPartyComplete, // reported
}`,
		Right: `//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler: clCloseAfComplete,
}`,
		Analog: "Code Analysis C28165 (a function class mismatch); SDV ignores such a callback silently",
	},
	{
		ID:    RuleRoleConflict,
		Pass:  PassRoles,
		Title: "one function declared for, or used in, two different roles",
		Text: `A function serves one role. One declared for two roles, or stored in slots of two different roles
(a shared "generic completion" for ProtocolClCloseAfComplete and ProtocolClDeregisterSapComplete),
receives an AF context in one and a SAP context in the other through the same parameter, which it
cannot tell apart. One handler shared by design across VCs, parties or bindings (one role, many
registrations) is fine.`,
		Page: "ns-ndis-_ndis_co_client_optional_handlers",
		Wrong: `var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:       genericComplete,
	ClDeregisterSapCompleteHandler: genericComplete, // reported
}`,
		Right: `var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:       clCloseAfComplete,
	ClDeregisterSapCompleteHandler: clDeregisterSapComplete,
}`,
		Analog: "Code Analysis C28177 (a function with more than one function class)",
	},
	{
		ID:    RuleRoleUndeclared,
		Pass:  PassRoles,
		Title: "function in a slot whose signature other roles share, with no declared role",
		Text: `When a function stored in a handler slot declares no role and other roles a driver of that kind
implements share the slot's signature, nothing says which role the author meant, so a function
written for ProtocolClDropPartyComplete and put in ClCloseAfCompleteHandler goes unnoticed. Declare
the role with //ndis:role ROLE on the function (or var _ ndis.ProtocolX = f); the suggested fix adds
the directive for the slot's role. Miniport roles count only in packages that also fill miniport
slots (a miniport call manager). Function literals written in their slot are not reported.`,
		Page: "nc-ndis-protocol_cl_close_af_complete (\"You must declare the function by using the PROTOCOL_CL_CLOSE_AF_COMPLETE type\")",
		Wrong: `func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler: clCloseAfComplete, // reported
}`,
		Right: `//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler: clCloseAfComplete,
}`,
		Analog: "Code Analysis C28101/C28169 (a callback with no function class annotation)",
	},
	{
		ID:    RuleRolePrototype,
		Pass:  PassRoles,
		Title: "function declared for a role does not match the role's prototype",
		Text: `A function declared //ndis:role ROLE must have the role's prototype exactly: the page's
parameters, in the page's order, with the model's types (docs/model.md), and its result. The
message names the first parameter that differs, or says the parameters are in the wrong order. (A
function stored in a slot or declared with a role type needs no such check: Go's type checker
already requires the exact signature there.)`,
		Page: "each role's page, ## -parameters and ## -returns",
		Wrong: `//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(protocolVcContext ndis.Handle, status ndis.Status) {} // reported`,
		Right: `//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}`,
		Analog: "Code Analysis C28127 (a function that does not match its function class's typedef)",
	},
	{
		ID:    RuleRoleParamNames,
		Pass:  PassRoles,
		Title: "handler parameter named after another parameter of the role's page",
		Text: `NDIS_HANDLE parameters share a type, so a handler whose parameters carry the page's names in the
wrong positions (the party context where the page passes the VC context) type-checks, and uses each
argument as the other. Reported when a parameter's name is the page's name (or its Go spelling) of
another position of the role.`,
		Page: "each role's page, ## -parameters",
		Wrong: `func clCloseCallComplete(status ndis.Status, protocolPartyContext, protocolVcContext ndis.Handle) { // reported
	if v, ok := protocolVcContext.(*vc); ok { // is the party context
		v.closing = false
	}
}

var handlers = ndis.CoClientOptionalHandlers{ClCloseCallCompleteHandler: clCloseCallComplete}`,
		Right: `func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if v, ok := protocolVcContext.(*vc); ok {
		v.closing = false
	}
}

var handlers = ndis.CoClientOptionalHandlers{ClCloseCallCompleteHandler: clCloseCallComplete}`,
		Analog: "none (C's type system has no parameter names in function types either)",
	},
	{
		ID:    RuleRoleMissingHandler,
		Pass:  PassRoles,
		Title: "handler structure registered with a mandatory slot empty",
		Text: `A CoNDIS client must set every ClXxx member of NDIS_CO_CLIENT_OPTIONAL_HANDLERS, even for
functionality it does not support (all connection-oriented clients must have ProtocolClCloseCallComplete,
ProtocolClCloseAfComplete and ProtocolClIncomingCloseCall); a call manager every CmXxx member of
NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS; a client ProtocolCoAfRegisterNotify in
NDIS_PROTOCOL_CO_CHARACTERISTICS; a CoNDIS miniport its MiniportCoActivateVc and
MiniportCoDeactivateVc. Reported where the structure is registered (NdisSetOptionalHandlers,
NdisRegisterProtocolDriver) and every filled slot is visible: a literal, or a variable filled by
field assignments. Requirements the catalogue states as conditions the code cannot show (MCM or
not) are not checked. The suggested fix generates each missing handler with the role's exact
prototype, a doc comment citing the page, the role directive and the documented minimum body
(placeholders return NDIS_STATUS_NOT_SUPPORTED, as the structure pages say), and stores it in the
structure.`,
		Page: "ns-ndis-_ndis_co_client_optional_handlers, ns-ndis-_ndis_co_call_manager_optional_handlers, ns-ndis-_ndis_protocol_co_characteristics, ns-ndis-_ndis_miniport_co_characteristics",
		Wrong: `//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	h := ndis.MiniportCoCharacteristics{ // reported: CoDeactivateVcHandler is empty
		CoActivateVcHandler: coActivateVc,
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &h)
}`,
		Right: `//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	h := ndis.MiniportCoCharacteristics{
		CoActivateVcHandler:   coActivateVc,
		CoDeactivateVcHandler: coDeactivateVc,
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &h)
}`,
		Analog: "NDIS fails NdisSetOptionalHandlers at run time; no static check",
	},
	{
		ID:    RuleRoleBadStatus,
		SDV:   []string{"MiniportPause_Return"},
		Pass:  PassRoles,
		Title: "handler may return a status its page does not allow",
		Text: `A role's page lists what it may return. Reported on any path, through variables, phis and
helpers (in other packages through facts) and from DDIs that may pend: a status the page forbids
(ProtocolCoCreateVc must not return NDIS_STATUS_PENDING); NDIS_STATUS_PENDING from a role no DDI
completes (SET_OPTIONS, MiniportCoCreateVc); and a status outside the page's list where the list is
exhaustive (it names no NDIS_STATUS_XXX). NDIS_STATUS_NOT_SUPPORTED is allowed for every handler of
NDIS_CO_CLIENT_OPTIONAL_HANDLERS and NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, whose pages say
placeholders return it. NDIS_STATUS_PENDING from ProtocolCoDeleteVc is reported by the vclifetime
pass as vc-delete-handler-pends, not here. Statuses the analysis cannot tell (a parameter, a field)
are not reported.`,
		Page: "each role's page, ## -returns (nc-ndis-protocol_co_create_vc: \"ProtocolCoCreateVc cannot return NDIS_STATUS_PENDING\")",
		Wrong: `//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	go allocate(ndisVcHandle)
	return ndis.StatusPending // reported
}`,
		Right: `//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}`,
		Analog: "none in Code Analysis; SDV checks pended completions of IRPs (PendedCompletedRequest), not NDIS statuses",
	},
	{
		ID:    RuleRoleOptionalUnchecked,
		SDV:   []string{"NullCheck"},
		Pass:  PassRoles,
		Title: "optional parameter type-asserted or dereferenced without a nil check",
		Text: `A parameter the page marks optional may be NULL: ProtocolPartyContext in
ProtocolClCloseCallComplete is NULL unless the VC is a client-created multipoint VC; NdisPartyHandle in
ProtocolClMakeCallComplete and ProtocolCmMakeCall is NULL for point-to-point calls; CallMgrPartyContext,
ProtocolCmMakeCall's [out, optional] *ndis.Handle, may be NULL when the call has no party. A one-value
type assertion of a nil ndis.Handle panics, and so does a dereference (*p = x, x := *p, p.Field) of a
nil pointer. Every parameter of the catalogue marked [in, optional], [out, optional] or [in, out,
optional] is checked: the ndis.Handles for one-value type assertions, the pointers for dereferences.
Reported when such a use is reached through no branch at all, or through branches on the status only,
or on the nil branch of the parameter's own nil test (inside if p == nil, or in the else of if p != nil).
Any other branch on the way (a nil test, a test of NdisPartyHandle, a multipoint flag of the VC context)
counts as a check; a nil test of the parameter that may run before the use but decides no branch to it
silences the use. A parameter reassigned, address-taken or passed to a helper is not followed. The
two-value form v, ok := x.(*T) is never reported.`,
		Page: "nc-ndis-protocol_cl_close_call_complete (### -param ProtocolPartyContext [in, optional]; nc-ndis-protocol_cm_make_call: ### -param CallMgrPartyContext [out, optional])",
		Wrong: `//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	p := protocolPartyContext.(*party) // reported: NULL for a point-to-point call
	p.closed = true
}`,
		Right: `//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	if p, ok := protocolPartyContext.(*party); ok {
		p.closed = true
	}
}`,
		Analog: "Code Analysis C6387/C28183 on _In_opt_ parameters",
	},
	{
		ID:    RuleRoleDirective,
		Pass:  PassRoles,
		Title: "//ndis:role directive that declares nothing",
		Text: `//ndis:role takes one role: the callback typedef (PROTOCOL_CL_CLOSE_CALL_COMPLETE) or its Go
type name (ProtocolClCloseCallComplete), in the doc comment of the function declaration it is for.
A directive naming an unknown role, with more than one word, or placed anywhere else declares
nothing, and the checks it was meant to enable silently do not happen. (A directive with no
argument, or written "// ndis:role", is reported by the directives pass as directive-malformed.)`,
		Page:   "ndislint's //ndis:role directive (SAL's _Function_class_)",
		Wrong:  "//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETED\nfunc clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}",
		Right:  "//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE\nfunc clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}",
		Analog: "an unknown _Function_class_ name is a compile error under /analyze",
	},
}
