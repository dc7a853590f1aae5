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
// flag bit), and branches on them refine each path. The context reaches the
// callbacks as ProtocolVcContext and is type-asserted back; helpers, function
// literals and work items queued with NdisQueueIoWorkItem are followed, in other
// packages through facts (a summary of each exported function's handle uses,
// and each package's handle fields with their creators).
//
// Precision before recall: where the creator of a VC cannot be told (an
// unknown field, a handle reached through an interface call or a map, a branch
// the pass cannot read on the way — a predicate call, an owner method), the pass
// says nothing. A context that holds both kinds with no recognised
// discriminator is reported only where the path tests nothing of the context at
// all (the call then runs for the call manager's VCs too); any test of one of
// its fields (v.sap == nil) keeps the pass silent. A close refused
// synchronously (NdisClCloseCall returning an error) has no edge in the
// catalogue, its outcome not being documented, so a delete after it is not
// reported. Known gaps: timers (NdisSetTimerObject) are not followed; call
// state is tracked within one function for vc-delete-call-active; a handle
// cleared to nil is not tracked across functions.
package vclifetime
