// Package typestate defines an Analyzer that follows the CoNDIS objects a
// driver's handles name (address families, SAPs, parties and VCs, on the
// client's and the call manager's side) through the lifetimes of the rule
// catalogue, and reports a handle used after the edge that invalidated it
// and an operation the object's state does not allow.
//
// # Analyzer typestate
//
// typestate: check handles and operations against the CoNDIS objects' lifetimes
//
// The typestate pass checks what a CoNDIS driver does with the handles of its
// address families, SAPs, parties and VCs against the lifetimes of the rule
// catalogue (package rules: vc-client, vc-cm, call, party, af, sap, and the
// call manager's af-cm, sap-cm, party-cm):
//
//	af-use-after-close        an NdisAfHandle passed to a DDI after
//	                          NdisClCloseAddressFamily, after a successful
//	                          ProtocolClCloseAfComplete, or (call manager) after
//	                          Ndis(M)CmCloseAddressFamilyComplete
//	sap-use-after-deregister  an NdisSapHandle after NdisClDeregisterSap or a
//	                          successful ProtocolClDeregisterSapComplete, or (call
//	                          manager) after Ndis(M)CmDeregisterSapComplete
//	party-use-after-drop      an NdisPartyHandle after NdisClDropParty or a
//	                          successful ProtocolClDropPartyComplete, or (call
//	                          manager) after a successful Ndis(M)CmDropPartyComplete
//	vc-state                  NdisClMakeCall on a VC whose call is connected, being
//	                          made or closing; NdisClCloseCall while a close is
//	                          pending or after the call closed
//	af-close-with-objects     NdisClCloseAddressFamily while a SAP registered or a
//	                          VC created with the AF's handle may still exist
//
// The pass knows no DDI, role or state by name. Its engine
// (analyzers/typestate/internal/engine) tracks, for each object a handle
// names (an access path: ctx.afHandle, a parameter, a local), the set of
// states the object may be in along the paths of a function, and moves it
// along the catalogue's edges: a callback's role enters its objects in the
// states the role's edges lead to, each guarded by the Status parameter (in
// ProtocolClCloseAfComplete the AF is closed if Status is
// NDIS_STATUS_SUCCESS, open otherwise), or, for edges taken on the
// callback's result, in the states they leave and the one a pending result
// leads to; a DDI moves the object its handle names along its edges, guarded
// by its result (NdisClCloseCall: closing if it returned NDIS_STATUS_PENDING)
// or a parameter; a branch on the status drops what it excludes. A handle is
// invalid in the states reached only through an edge that invalidates it or
// the object's context (Edge.InvalidatesKind); the calls that must not take
// it are the lifetime's Invalid families, but its exceptions
// (NdisClNotifyCloseAddressFamilyComplete after the close). An operation is
// refused when the DDI has edges in the lifetime and none leaves any state
// the object may be in (the rule is checked only where every path knows the
// state, and not for DDIs that complete a request or end the object). A
// close is refused while objects created with the handle, of the lifetimes
// the edge's Busy names, may still be alive. Which rule reports what, for
// each lifetime, is rules.TypestateRulesOf; VC handles used after their end
// are the vclifetime pass's.
//
// Which fields hold handles is learned from the package: a field a callback
// stores its handle parameter in (ctx.afHandle = NdisAfHandle in
// ProtocolClOpenAfCompleteEx), or that is passed as a DDI's handle
// out-parameter (&ctx.afHandle to NdisClOpenAddressFamilyEx). Such a field,
// when it is the only one of its kind in its structure, names the object of
// the structure: the callback whose parameter is the context finds the
// handle there.
//
// Helpers of the package are analysed with the caller's states: what a
// helper does wrong only in a caller's context is reported at the call in
// that caller (with the DDI inside the helper as related information), so a
// helper called from a live and a dead context is reported once, at the dead
// call. Helpers that call helpers are followed the same way. An exported
// function of another package is known by its fact (Fact): the handles at
// its parameters (a handle parameter, or the handle field of the structure a
// parameter points to) it passes to DDIs before moving them, and whether it
// leaves those objects as they were; a use of one that is dead in the
// caller is reported at the call.
//
// Precision before recall. Where neither the role nor a DDI nor a branch
// tells an object's state, the pass says nothing; where paths merge, an
// object is known only if every path knows it. A branch on a status the pass
// cannot read (status.IsError(), a predicate helper, a status kept in a
// field) forgets what that status decided. A store to a handle field, a call
// the pass does not follow (a function of another package outside the
// standard library, a function value, an interface method) or a
// redefinition in a loop forgets what is known of the objects it may reach.
//
// Known gaps: handles kept in globals, maps, slices or fields of other
// structures than the object's context are not linked to the callback's
// object; a helper of another package is known only by what its fact says
// (its uses; what it opens, closes or stores is forgotten by the caller,
// unless it keeps its objects); deferred calls, goroutines, work items and
// timers are not followed; an object's state does not flow from one
// callback to another (a close in ProtocolUnbindAdapterEx and a use in
// ProtocolCoStatusEx); a synchronous outcome the catalogue has no edge for
// (NdisClCloseAddressFamily returning anything but NDIS_STATUS_PENDING)
// leaves the state unknown; a failed NdisClDeregisterSap completion is read
// as leaving the SAP registered, so a use after NDIS_STATUS_FAILURE (already
// released) is not reported; af-close-with-objects sees only SAPs and VCs
// created in the same function or the helpers it calls.
package typestate
