// Package vclifetime defines an Analyzer that checks the lifetime of CoNDIS
// VC handles in clients, above all the rule of the
// ProtocolClCloseCallComplete page: once ProtocolClCloseCallComplete runs
// for a VC the call manager created, the client's NdisVcHandle for it is
// dead.
//
// # Analyzer vclifetime
//
// vclifetime: check the lifetime of CoNDIS VC handles
//
// The vclifetime pass checks what a CoNDIS client does with its NdisVcHandles
// against the ProtocolClCloseCallComplete, NdisClCloseCall, NdisCoDeleteVc and
// ProtocolCoDeleteVc pages:
//
//	vc-use-after-close         an NdisCl*/NdisCo* call with the handle of a VC the
//	                           call manager created, in or after its
//	                           ProtocolClCloseCallComplete, or after an
//	                           NdisClCloseCall on it that did not pend
//	vc-delete-cm-vc            NdisCoDeleteVc on a VC the call manager created
//	vc-delete-on-failed-close  NdisCoDeleteVc or NdisClMakeCall on a client VC in
//	                           ProtocolClCloseCallComplete where the status may
//	                           not be NDIS_STATUS_SUCCESS
//	vc-use-after-delete        a use of a VC handle after NdisCoDeleteVc deleted it
//	                           or after the client's ProtocolCoDeleteVc ran
//	vc-delete-call-active      NdisCoDeleteVc while the VC's call is active or its
//	                           close is pending
//	vc-closecall-status-dropped
//	                           NdisClCloseCall's status dropped, or a synchronous
//	                           completion that never calls ProtocolClCloseCallComplete
//	vc-delete-handler-pends    a ProtocolCoDeleteVc that may return
//	                           NDIS_STATUS_PENDING
//
// The names above are the catalogue's (package rules), not the pass's: it
// reads the lifetimes of the client's VCs (vc-client) and of the call
// manager's (vc-cm) and finds every role and DDI by the shape of their edges.
// The role whose call kills a CM-created VC's handle is vc-cm's role edge
// that invalidates the handle (ProtocolClCloseCallComplete); the role that
// ends a VC is its role edge that invalidates the context
// (ProtocolCoDeleteVc); the creators are each lifetime's edges out of its
// initial state (ProtocolCoCreateVc, NdisCoCreateVc); the delete is
// vc-client's DDI edge that invalidates the handle (NdisCoDeleteVc, on
// NDIS_STATUS_SUCCESS); a synchronous close is vc-cm's DDI edge that does
// (NdisClCloseCall returning anything but NDIS_STATUS_PENDING); the close DDIs
// are those the close role completes (NdisClCloseCall); a delete is refused
// after a vc-client DDI edge that leads to a state no delete edge leaves
// (NdisClMakeCall: making-call, connected; NdisClCloseCall: closing); the
// DDIs that only a successful close allows are those with an edge from the
// state the close role's success edge leads to but from none its other edges
// lead to (NdisClMakeCall, NdisCoDeleteVc). The calls a dead handle must not
// be passed to are the DDI families a lifetime's invalid entry names
// (condis-client and condis-common: the page's NdisCl*/NdisCo*). The
// role/status pair vc-delete-handler-pends reports is its registry entry's
// Owns, and the returns that may carry the status come from the shared
// status engine (analyzers/internal/statuses). A DDI or edge
// added to the catalogue is checked without a change here; a catalogue that
// lacks one of these edges turns off the checks that need it.
//
// Who created a VC is learned from the code: a context field that receives the
// NdisVcHandle parameter of the client's ProtocolCoCreateVc holds VCs the call
// manager created; a field passed as NdisCoCreateVc's out-parameter holds VCs
// the client created. A context that holds both kinds is told apart by the
// other fields set on each creation path (a createdByCM bool, an owner enum, a
// flag bit), and branches on them refine each path; a field the package also
// stores to outside the creation paths (a reference count, a state) tells
// nothing and is no discriminator. The context reaches the callbacks as
// ProtocolVcContext and is type-asserted back, or looked up in a package-level
// map keyed by the context or by the VC's handle (the record found is taken to
// be that VC's).
//
// The role a callback runs as tells which VC it is on. A role that is an edge
// of one VC lifetime only runs for VCs of that kind: ProtocolClMakeCallComplete
// (an edge of vc-client only) only for a call the client made on its own VC,
// so a delete after a failed make-call is the client's to make even when one
// context type serves both kinds and no flag is tested; ProtocolClIncomingCall,
// ProtocolClCallConnected and ProtocolCoDeleteVc (edges of vc-cm only) only for
// the call manager's. ProtocolClCloseCallComplete and ProtocolClIncomingCloseCall
// are edges of both and say nothing. The kinds come from the lifetimes' edges,
// not from the roles' names.
//
// Helpers are judged in the context of each callback that calls them, in this
// package or another (through facts): a defect is reported at the call inside
// the callback whose role and path make it one (the convention of the irql
// pass), with the helper chain and the DDI's own position, never at the DDI
// inside a helper that other callbacks call correctly; a defect at a DDI
// inside a callback is reported there once, not again at the callbacks that
// call that callback. Uses after a synchronous close found inside a helper
// are judged in every callback that reaches them. Work items queued with
// NdisQueueIoWorkItem (a function or a closure) and timers set with
// NdisSetTimerObject (whose function is the one stored in the
// NDIS_TIMER_CHARACTERISTICS with which the same timer field or variable was
// allocated) are followed from where they are queued, with the context passed
// and the variables the closure captures, and reported at the DDI in the
// routine, naming the queue. A reference count whose last release deletes the
// VC is reported in the role that ends the call manager's VCs
// (ProtocolCoDeleteVc: vc-cm's role edge that invalidates the context), where a
// CM VC's last reference goes, not in ProtocolClCloseCallComplete, which
// reaches the same delete only under the count's test.
//
// The checks that follow the order of calls (a use after a delete, a delete
// while a call is active or closing, a close's status, a use after a
// synchronous close) run as one forward dataflow per function over its
// blocks, with what each call's result may be on every path (joins lose
// nothing: the values a status may take are a set). A loop body that acts on
// one VC per iteration is not a use after delete of itself: the handle is
// followed by its access path (a field of a parameter's context stays the same
// VC) or by the values it was loaded from, whose redefinition in the next
// iteration means another VC. The cost is linear in the size of a function:
// each function's SSA form is read once into an index of its calls, stores and
// branches; branch conditions are lists that share their tails along the
// dominator tree, and what is asked of them is memoised per list node.
//
// Precision before recall: where the creator of a VC cannot be told (an
// unknown field, a handle reached through an interface call, a map that is not
// a package variable, a call's result, a branch the pass cannot read on the
// way — a predicate call, an owner method), the pass says nothing. A context
// that holds both kinds with no recognised discriminator is reported only in a
// callback whose role runs for both kinds and only where the path tests
// nothing of the context at all (the call then runs for the call manager's VCs
// too); any test of one of its fields (v.sap == nil) keeps the pass silent. A
// function that no callback reaches is judged with no role, so a use there that
// may be on either kind says nothing. A close refused synchronously
// (NdisClCloseCall returning an error) has no edge in the catalogue, its
// outcome not being documented, so a delete after it is not reported.
//
// What the pass does not see: a timer whose function and handle are not
// linked through one field or package variable (a timer object passed
// around, a function stored elsewhere), and a timer set with a nil context
// (NDIS then passes the characteristics' FunctionContext); a closure's
// captures when it is made in another function than the one that queues it;
// a handle captured by reference on its own (not inside a context); a map
// lookup in a map reached through a call or a parameter; call state across
// functions for vc-delete-call-active; a handle cleared to nil across
// functions; a reference count that is not tested where the delete is
// (a count returned by a helper). The order-following checks follow at most
// sixteen events at any point of a function (the most recent; events of one
// check on one handle whose results are no longer known count once), and
// a helper's summary folds at most 64 of its uses into each caller: past
// that the pass is silent, never wrong.
package vclifetime
