// Package pausestate defines an Analyzer that checks the sends, receive
// indications and requests of NDIS 6 miniport, filter and protocol drivers
// against the states of the catalogue: nothing forbidden while an adapter,
// a filter module or a binding is in a state that forbids it.
//
// # Analyzer pausestate
//
// pausestate: check sends and receive indications against the pause states
//
// The catalogue's state machines (package rules, Catalogue.States, written
// from the NDIS 6 pages with each page's sentence) hold, for a miniport
// adapter, a filter module and a protocol binding, every state, the
// transitions that move the object (a role whose handler runs in the new
// state from its start, FILTER_PAUSE; a DDI after whose call the object is
// in it, NdisMPauseComplete; either with a condition on the result, a
// status argument or an argument's value) and the DDIs forbidden in each
// state, some only for lists the driver originated (the result of an
// allocation the entry names). The pass knows no state, role or DDI by name:
//
//	send-receive-while-paused  a forbidden DDI called in the handler of a role
//	                           that enters the state, in the blocks of a
//	                           role's handler where the transition's value
//	                           condition holds, or on every path after a DDI
//	                           that enters it, in the same function
//
// Today's catalogue: in MiniportInitializeEx the adapter is Initializing and
// after NdisMPauseComplete Paused, and NdisMIndicateReceiveNetBufferLists is
// forbidden in both; in FilterAttach the filter module is Attaching and its
// sends, indications, OID requests and status indications are forbidden; in
// FilterPause it is Pausing and NdisFSendNetBufferLists and
// NdisFIndicateReceiveNetBufferLists of a list it allocated
// (NdisAllocateNetBufferAndNetBufferList) are forbidden; after
// NdisFPauseComplete it is Paused and both are forbidden for any list; in
// ProtocolNetPnPEvent where NetPnPEvent.NetEvent of the notification is
// NetEventPause the binding is Pausing and NdisSendNetBufferLists is
// forbidden. A
// miniport may still indicate receives and must complete its sends while
// Pausing (the pages say so; the catalogue lists them as allowed), and a
// filter module completes new sends and returns new receives in both states.
//
// Precision before recall. After a DDI that enters a state, a forbidden call
// is reported only when it names the same object (its handle argument of
// the kind the entering DDI's handle has comes from the same place: the same
// variable, or the same field of the same variable, a.handle; through a
// helper's parameters) and every path from the DDI to the function's exit
// reaches it (a guard such as "if a.state == running" on the way leaves it
// unreported); in a role's handler a forbidden call is reported when its
// handle comes from the handler's own context parameter (m :=
// ctx.(*module); m.handle), since the whole handler runs in the state; a
// handle from a global or another structure is not known to be the paused
// object's. A list is one the driver originated only when
// the forbidden DDI takes the allocation's result directly (through
// conversions), not through a variable in memory or a queue.
//
// Helpers: a function of the package that calls a DDI on every path to a
// return (directly or through another such helper) does at its call what
// the DDI does: a helper that completes the pause enters the state, a helper
// that indicates is a forbidden call (reported at the call, with the DDI's
// call inside the helper as related position); its list counts as
// allocated only when every path passes an allocated one. A helper that
// calls the DDI on some paths only is not followed.
//
// A value condition (rules.ValueCond: the parameter NetPnPEventNotification,
// the field path NetPnPEvent.NetEvent, the constant NetEventPause of package
// ndis) holds in the blocks that the branch of an if comparing that field of
// the handler's parameter with that constant dominates: the true branch of
// ==, the false branch of != (an early return on any other event), a switch
// case (a chain of such ifs), when the branch has the test as its only way
// in. The field is found through pointers to it (ev :=
// &n.NetPnPEvent; ev.NetEvent) and loads; a comparison with a variable, or
// with a field of a copy of the structure held in a local variable, is not
// tied to the constant and the pass stays silent; so it is after the
// branches join (after the switch), and in other cases.
//
// Transitions conditioned on a result or on a status argument
// (MiniportInitializeEx returning NDIS_STATUS_SUCCESS, NdisMRestartComplete
// with a failure) are not followed, nor a value condition on a DDI's
// argument (NdisCompleteNetPnPEvent of a pause notification): the pass does
// not evaluate them.
//
// Known gaps: helpers of other packages (no fact carries their calls); states
// do not flow from one callback to another (a send passed down by
// FilterSendNetBufferLists while the module is Paused, an indication from a
// DPC after the pause completed): the verifier checks those at run time
// (adapter-state, filter-state, binding-state); function literals in a
// pause handler run later and are not in its state; a send in the window
// after the binding's pause completed and before NetEventRestart, from
// another callback, is the verifier's (binding-state).
package pausestate
