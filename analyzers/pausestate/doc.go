// Package pausestate defines an Analyzer that checks the sends and receive
// indications of NDIS 6 miniport and filter drivers against the pause
// states of the catalogue: nothing forbidden while an adapter or a filter
// module is Pausing or Paused.
//
// # Analyzer pausestate
//
// pausestate: check sends and receive indications against the pause states
//
// The catalogue's state machines (package rules, Catalogue.States, written
// from the NDIS 6 pages with each page's sentence) list, for the states of a
// miniport adapter and a filter module, the events that put the object in
// the state (a role whose handler runs in it from its start, FILTER_PAUSE;
// a DDI after whose call the object is in it, NdisMPauseComplete) and the
// DDIs forbidden there, some only for lists the driver originated (the
// result of an allocation the entry names). The pass knows no state, role or
// DDI by name:
//
//	send-receive-while-paused  a forbidden DDI called in the handler of a role
//	                           that enters the state, or on every path after
//	                           a DDI that enters it, in the same function
//
// Today's catalogue: after NdisMPauseComplete the adapter is Paused and
// NdisMIndicateReceiveNetBufferLists is forbidden; in FilterPause the filter
// module is Pausing and NdisFSendNetBufferLists and
// NdisFIndicateReceiveNetBufferLists of a list it allocated
// (NdisAllocateNetBufferAndNetBufferList) are forbidden; after
// NdisFPauseComplete it is Paused and both are forbidden for any list. A
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
// Known gaps: helpers of other packages (no fact carries their calls); states
// do not flow from one callback to another (a send passed down by
// FilterSendNetBufferLists while the module is Paused, an indication from a
// DPC after the pause completed): the verifier checks those at run time
// (adapter-state, filter-state); function literals in a pause handler run
// later and are not in its state; the restart events and the protocol
// binding's pause (a NetEventPause in ProtocolNetPnPEvent, which no role
// distinguishes) have no state machine in the catalogue.
package pausestate
