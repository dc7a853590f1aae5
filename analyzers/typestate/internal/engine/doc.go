// Package engine is the typestate engine of the typestate pass: a forward
// dataflow over each function's control-flow graph that tracks, for every
// NDIS object a handle names, the set of states of its catalogue lifetime
// (rules.Lifetime) the object may be in, and reports the handle passed to a
// DDI after an edge invalidated it, an operation no edge of the lifetime
// allows in the object's state, and an edge taken while objects created on
// the object are still alive (rules.Edge.Busy).
//
// # Objects and handles
//
// An object is named by the access path of its handle: a parameter, a free
// variable, a global or an SSA value of the function, and the fields
// selected from it (ctx.afHandle is the parameter ctx, field afHandle). A
// field that holds a handle of one kind, and is the only such field of its
// structure, stands for the object of the structure it belongs to: the
// callback whose parameter is the object's context (ProtocolAfContext)
// moves the object whose handle is in that context's handle field. Which
// fields hold handles is learned from the package: the fields a callback
// stores its handle parameter in, and the fields passed as a DDI's handle
// out-parameter.
//
// # States
//
// Each object has, for each lifetime whose handle kind is its own, a set of
// possibilities: a state of the lifetime (or unknown), whether the handle
// is invalid there, the guard under which it holds (a status value, the
// result of a DDI or the Status parameter of a callback, is or is not one
// of some statuses) and the event that led there. Everything comes from the
// catalogue's edges, read through rules.Lifetime: a callback's role enters
// its objects in the states its edges lead to (the Status parameter guards
// each), or, for edges taken on the callback's result, in the states they
// leave and the one a pending result leads to; a DDI moves the object its
// handle names along its edges, guarded by its result or by a parameter; an
// edge of a DDI that may pend with no condition is taken when the DDI
// returns NDIS_STATUS_PENDING, and leaves the state unknown otherwise. A
// branch that compares a status value with a constant drops the
// possibilities its guard excludes; any other branch on it (a method, a
// helper) makes them unknown.
// Where no callback, DDI or branch tells the state, the object is unknown
// and nothing is reported; two paths that merge keep an object only when
// both know it.
//
// # Calls
//
// A call of a function of the package is analysed with the caller's states
// mapped onto the callee's parameters (memoised per callee and entry
// state), and its findings that the callee alone does not have are
// reported at the call. Other calls, but those of the standard library,
// forget the objects reachable from their arguments and those of globals.
//
// The cost is linear in the size of a function: each block is visited a
// bounded number of times (the sets only grow until an object is dropped),
// and no path is enumerated.
package engine
