// Package completion defines an Analyzer that checks completion pairing in
// CoNDIS drivers: every request a handler pends is completed exactly once,
// and one it did not pend is not completed. It is Static Driver Verifier's
// DoubleComplete family (DoubleComplete, DoubleCompleteWorkItem,
// NdisOidDoubleComplete) for every request a CoNDIS handler may pend.
//
// # Analyzer completion
//
// completion: check that pended requests are completed exactly once
//
// A handler that may return NDIS_STATUS_PENDING (ProtocolCmMakeCall,
// ProtocolClIncomingCall, ProtocolCoOidRequest, ...) completes its request
// either by its return or, after returning NDIS_STATUS_PENDING, by calling
// the DDI paired with it (NdisCmMakeCallComplete, NdisClIncomingCallComplete,
// NdisCoOidRequestComplete, the NdisMCm* forms), exactly once:
//
//	completion-without-pending  the completing DDI called for the request a
//	                            handler received on a path where the handler
//	                            returns a known status other than
//	                            NDIS_STATUS_PENDING (in the handler, a helper it
//	                            calls, a work item it queues); or anywhere, when
//	                            every handler of the role in the package always
//	                            returns such a status (and the package holds no
//	                            value of the role's type it cannot name)
//	completed-twice             two completions of one request on one path
//	pending-never-completed     a registered handler that may return
//	                            NDIS_STATUS_PENDING when its completing DDI is
//	                            used nowhere in the package or its imports
//	complete-with-pending       NDIS_STATUS_PENDING passed as a completion's
//	                            final status
//	oid-complete-not-current    a completing DDI given a request NDIS never
//	                            gave the role it completes: the request a
//	                            completion callback of the driver's own
//	                            request received (a filter's clone in
//	                            FilterOidRequestComplete), or one the
//	                            function allocated
//	oid-bad-status              a request of an OID of SDV NdisOidComplete's
//	                            table ended, on a block reached only for that
//	                            OID, with a constant status its row does not
//	                            allow (a return of MiniportOidRequest, or
//	                            NdisMOidRequestComplete with the handler's
//	                            request)
//
// Everything comes from the catalogue (package rules): the roles that may
// pend (Role.MayPend) and the DDIs that complete them (Role.CompletedBy,
// CompletedByMCM), and, for each pair, which parameter of the role
// identifies the request and which parameter of the completing DDI names the
// same request (Role.Request, from the completion's page: the CallMgrVcContext
// ProtocolCmMakeCall receives and the NdisVcHandle of NdisCmMakeCallComplete
// the call manager keeps in it; the OID request pointer ProtocolCoOidRequest
// receives and NdisCoOidRequestComplete takes). Work items are the DDIs that
// take a routine of a role type and the context the routine receives
// (NdisQueueIoWorkItem). A pair added to the catalogue is checked without a
// change here.
//
// A completion belongs to a handler's request when the completing DDI's
// request argument is reached from the handler's request parameter:
// directly, through type assertions and conversions to ndis.Handle, through
// fields (v.ndisVcHandle of v := callMgrVcContext.(*vc)), through a local
// composite literal that stores it (a := &af{h: ndisAfHandle}; a.h), and
// through the parameters of helpers, the free variables of function literals
// and the context of queued work items. Two completions are of one request
// when their arguments have the same access path. Helpers in other packages
// are followed through a fact: the completions an exported function makes on
// every path, by parameter.
//
// Each function is walked path by path from its entry to its returns: the
// completions on each path (the function's own, and those a helper or a
// queued work item makes on every one of its paths), and the status each
// return gives on that path (constants through variables and phis, helpers of
// the package whose every return is known, DDIs that do not pend: those never
// return NDIS_STATUS_PENDING). A second branch on a condition already decided
// on the path (the same value, or the same field of a parameter the function
// does not store) goes the way the first went, so a handler that pends and
// completes under one flag and returns NDIS_STATUS_SUCCESS under its negation
// is not mistaken for one that does both; a value compared with one constant
// and found equal is unequal to every other (if st == A ... if st == B); a
// local flag set on one branch (done = true) is known on the path. A second
// completion behind a branch that reads what was written since the first (a
// field stored, or anything a helper called since may have set: "if
// !v.completed") is not reported: the guard may be what keeps it from
// running. The shared status engine
// (analyzers/internal/statuses) says which returns may carry
// NDIS_STATUS_PENDING for pending-never-completed, joining every way a
// status is made; the pass then walks the handler's paths and reports a
// return only if a path to it may carry PENDING, deciding the comparisons
// on the way: "st := NdisOpenAdapterEx(...); if st == NDIS_STATUS_PENDING {
// NdisWaitEvent(...); st = b.openStatus }; if st != NDIS_STATUS_SUCCESS {
// return st }" (ndisprot's bind) never returns PENDING, and neither does a
// helper of the package written that way.
//
// oid-bad-status reads the catalogue's OID table (Catalogue.OidStatuses,
// generated from SDV's NdisOidComplete page): the roles whose return ends a
// request of a table OID, the DDIs whose status does, and each OID's value
// and statuses. In a handler of such a role it finds the branches taken only
// when the request's Oid (a field of the role's request parameter, of the
// table's OID type) equals a table OID constant: the true branch of ==, the
// false branch of != (a switch case of one OID is an ==), when the
// comparison is the branch's only way in; every block they dominate is of
// that OID. There a return of a constant status (or a return of a phi,
// judged edge by edge: st = X in the case, return st after the switch), and
// a call of a table DDI with the handler's request and a constant status,
// must be in the OID's row. A status the role's page does not allow at all
// is left to role-bad-status (roles), NDIS_STATUS_PENDING as a completion's
// status to complete-with-pending: one report per defect. Not seen: an Oid
// the pass cannot tie to one constant (a variable OID, a map of handlers, a
// case listing two OIDs, a default case, comparisons on a copy of the
// request), a status that is not a constant on the block (a field, a
// parameter, a helper's result), completions in work items, timers or
// other callbacks, a request handled by a helper, and an Oid field the
// handler changes between the comparison and the return.
//
// What is allowed: a completion before the PENDING return (nested: NDIS
// accepts it, the CoNDIS notes' first rule); a completion later from another
// callback (ProtocolCmActivateVcComplete completing the make-call, a timer, a
// receive indication), which the pass does not tie to a handler's return;
// a synchronous return with no completion.
//
// Precision before recall: a return whose status the pass cannot tell (a
// field, a parameter, a DDI that pends, a helper of another package, a mix
// of PENDING and other statuses) is never the ground of a
// completion-without-pending report; a completion in a helper that completes
// on some paths only (a guard such as "if v.pending") counts as none; a
// request argument the pass cannot trace to the handler's parameter (a
// lookup in a map or a list) is not the handler's request; two completions
// in different iterations of a loop are not one request completed twice (a
// loop body is walked once); and pending-never-completed is reported only
// when no code the package can reach uses the completing DDI at all. Known
// gaps: completions in a package that imports the handler's package (the
// handler's package cannot see them: pending-never-completed counts only
// handlers the package itself registers, in a slot or a role-typed
// variable), timers (NdisSetTimerObject's routine is set elsewhere), defer
// and go statements, calls through interfaces and function values, and
// functions with more paths than the walk's budget (8192 paths to a return)
// or whose walk needs more work than its budget (which grows with the
// function's size), which are left unjudged: no report from them, and no
// completion for their callers.
package completion
