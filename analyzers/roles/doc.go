// Package roles defines an Analyzer that checks the callback roles of a
// Go-modelled NDIS driver: that each function serves the role it is declared
// for, matches that role's prototype, returns only the statuses its page
// allows and checks its optional parameters before use, and that registered
// handler structures fill their mandatory slots.
//
// # Analyzer roles
//
// roles: check callback roles: nominal roles, prototypes, mandatory handlers, statuses
//
// NDIS roles are nominal: several share one signature, so Go's type checker,
// like C's, accepts a function written for one role in the slot of another.
// The roles pass knows each function's role from the handler-structure slot it
// is stored in (a composite literal or an assignment, also through variables,
// method values and closures), from a role-typed parameter, variable or
// conversion, and from a //ndis:role directive on its declaration (the
// typedef, PROTOCOL_CL_CLOSE_CALL_COMPLETE, or the Go type name,
// ProtocolClCloseCallComplete); roles cross packages as facts. It reports:
//
//	role-mismatch            a function stored in a slot (or passed, converted,
//	                         assigned) as another role than the one it is
//	                         declared for
//	role-conflict            a function declared for, or used in, two roles
//	role-undeclared          a function in a slot whose signature other roles
//	                         share, with no declared role (fix: add the
//	                         directive for the slot's role)
//	role-prototype           a function declared by directive whose parameters
//	                         or result differ from the role's page
//	role-param-names         a parameter named after another position of the
//	                         role's page (the party context in the VC
//	                         context's place)
//	role-missing-handler     a handler structure registered with a mandatory
//	                         slot empty (fix: generate the handlers)
//	role-bad-status          a status the role's page does not allow, on any
//	                         path, through variables, helpers and DDIs
//	role-optional-unchecked  an [in, optional] parameter type-asserted (one-value
//	                         form), or an [out, optional] or [in, out,
//	                         optional] pointer dereferenced or stored
//	                         through (ProtocolCmMakeCall's
//	                         CallMgrPartyContext), with no check on the way
//	                         or on the nil branch of its own nil test
//	role-directive           an //ndis:role naming no role, with extra words,
//	                         or outside a function's doc comment
//
// Everything the pass knows of NDIS comes from the catalogue (package rules):
// the roles and their prototypes, the statuses each page lists or forbids
// (with those another public page documents for the role, Role.AddedStatuses:
// NDIS_STATUS_MULTICAST_FULL from MiniportOidRequest, which
// OID_802_3_MULTICAST_LIST's page documents), which roles may pend, the handler structures with their mandatory slots
// (a slot required of clients is required where the package also registers
// the structure that makes a driver a client, Slot.RequiredWith), the status
// a structure's page lets every placeholder handler return
// (HandlerStruct.Placeholder), the status a generated handler returns
// (Slot.Placeholder), and the kind of driver that implements each role
// (Role.Driver: a miniport role is no alternative in a protocol driver's slot).
// The statuses a function may return come from the shared statuses engine.
// A role/status pair another rule owns (NDIS_STATUS_PENDING from
// ProtocolCoDeleteVc is the vclifetime pass's vc-delete-handler-pends, per
// the registry's Rule.Owns) is left to that rule.
//
// A message names at most three items of a list: "without 16 mandatory
// handlers: A, B, C and 13 more", "A, B, C and 2 more share its signature".
// The related information then lists every item, one entry each: for
// role-missing-handler every missing slot with its reason, at the slot's
// nil element or else at the literal's closing brace (where the fix adds
// it), or at the registered variable; for role-undeclared each role the
// message does not name, at the slot.
//
// Precision before recall: a function value the pass cannot resolve (a
// parameter, a field, a closure returned by a factory) has no role; a handler
// structure filled by a helper it is passed to is not checked for mandatory
// slots; a status from a parameter or a field is unknown; any branch on the
// way to an optional parameter's use other than one on the status counts as
// a check (a test of NdisPartyHandle, which the page ties to
// CallMgrPartyContext, included), except the nil branch of the parameter's
// own nil test, where the use is reported; a nil test of the parameter that
// may run before the use but decides no branch to it (the branches join
// again) silences the use; slot requirements stated as conditions the code
// cannot show (an MCM or not) are not checked. Uses of optional parameters
// inside helpers (a pointer passed on, even to a function that stores
// through it) and closures are not followed, nor are a parameter reassigned
// or address-taken (the use is then of another value). The runtime packages themselves (ndis, wdm) are
// not examined. Run 'ndislint help RULE' for a rule's details.
package roles
