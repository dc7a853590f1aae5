// Package ddiusage defines an Analyzer that checks how NDIS drivers use
// DDIs beyond their IRQL: in which handlers' context a DDI may be called,
// the values its page allows for an argument, that a handler told its IRQL
// by a dispatch-level flag does not query it, and that what
// MiniportInitializeEx acquires MiniportHaltEx releases. It is Static Driver
// Verifier's DDI usage, memory usage, miscellaneous and warning rules that
// state such properties (NdisMMapIoSpace, NdisMFreeSharedMemory,
// NdisReEnumerateProtocolBindings, NdisMNetPnPEventInOIDRequest,
// NdisMIndicateStatusEx,
// NdisStallExecution_Delay, NdisAllocateMemoryWithTagPriority, Flags_Irql,
// Init_RegisterInterrupt, Init_RegisterSG, NdisOpenConfigurationEx,
// NdisAllocateMdl, CancelTimerObject, NdisMRegisterIoPortRange, ...), and
// that a handle a release ended is not passed again
// (NdisMDeregisterInterruptEx, the alternation of NdisAllocateMdl,
// NdisAllocateNetBuffer and NdisAllocateGenericObject).
//
// # Analyzer ddiusage
//
// ddiusage: check where DDIs are called, their argument bounds, dispatch-level flags, init/halt pairs, call order and released handles
//
// Everything comes from the catalogue (package rules): DDI.Context (the
// roles a DDI may or may not be called in the context of), Param.Limit (an
// argument's bound), Param.IrqlFlag (a role's flags parameter that tells the
// IRQL), Catalogue.Companions (a DDI that asks for another in the same
// role), Catalogue.Pairs (an acquire DDI, its release DDI, the role that
// acquires and the role that must release) and Catalogue.Orders (a DDI a
// handler of some roles may call only after another). An entry added to the
// catalogue is checked without a change here.
//
//	ddi-wrong-context      a DDI called in a handler of a role, or in a
//	                       function the handler calls, that its context
//	                       does not allow, or allows only while a parameter
//	                       of the role is NULL where it may not be
//	ddi-argument-limit     a constant argument outside its bound
//	irql-flag-query        a DDI that queries the IRQL (KeGetCurrentIrql)
//	                       called in a handler whose role has a dispatch-level
//	                       flag parameter, or a function it calls
//	resource-not-released  an acquire DDI reached from a handler of a pair's
//	                       acquiring role (MiniportInitializeEx) when no
//	                       handler of its releasing role (MiniportHaltEx) in
//	                       the package reaches the release DDI; or, in a
//	                       handler of a role that must release on failure
//	                       (Role.ReleaseOnFailure: MiniportInitializeEx),
//	                       an acquisition a failing return keeps (initfail.go)
//	ddi-companion-missing  a DDI reached from a handler of a companion's role
//	                       (NdisMAllocateSharedMemory from
//	                       MiniportInitializeEx) whose failure, tested in the
//	                       handler, reaches a return of the handler without a
//	                       call that reaches the companion DDI
//	                       (NdisWriteErrorLogEntry); when the failure is not
//	                       tested there, when no handler of that role reaches
//	                       the companion at all
//	bad-handle             a handle passed to a DDI after a release ended
//	                       it, in one function and through the package's
//	                       helpers it calls: the release again (a double
//	                       free) or a DDI that uses the resource
//	                       (released.go, released_helpers.go)
//	workitem-use-after-free  the same for a work item after
//	                       NdisFreeIoWorkItem (the pair's Handle.Rule)
//	ddi-order              a call of an order's DDI (NdisMRegisterIoPortRange,
//	                       NdisMRegisterInterruptEx, NdisMRegisterDmaChannel)
//	                       in a handler of one of its roles
//	                       (MiniportInitializeEx, MiniportAddDevice), or a
//	                       function it calls, on a path from the handler's
//	                       entry where no call that may reach the earlier
//	                       DDI (NdisMSetMiniportAttributes) ran (order.go)
//
// A pair whose release ends its handle (Pair.Handle: the interrupt,
// scatter/gather and system DMA, generic object, NET_BUFFER, MDL and
// configuration pairs) is checked in every function of the
// package, whatever its role. From each call of the release, the pass
// follows the paths forward, never back round a loop, and reports each
// call on them that passes the same handle to a DDI that takes it
// (Catalogue.HandleTakers: the release itself, Handle.Uses such as
// NdisMSynchronizeWithInterruptEx, NdisMReadDmaCounter or
// NdisReadConfiguration, and with Handle.ByType every in
// parameter of the resource's own Go type, *ndis.Mdl or *ndis.NetBuffer),
// with the release as related position; a second release ends that path
// (its own search goes on). The rule is bad-handle, or the one the pair's
// Handle.Rule names (workitem-use-after-free for work items).
//
// Helpers of the package count, one call deep from the function searched,
// through a summary of each function of the package (memoised) that says,
// per parameter, which pairs it releases on every path and which DDIs
// that take a pair's handle it passes the parameter to on some path. A
// parameter counts where the DDI's argument is the parameter itself
// (conversions and type assertions stripped): a helper that assigns its
// parameter before the call, or copies it into a variable whose address
// is taken, passes another value. The summary includes what the helpers
// it calls do with the arguments it passes them, transitively; a function
// in a cycle of calls of the package (recursion, direct or mutual) has no
// summary, and its callers see neither release nor use in it. A call of a
// helper that releases parameter k on every path to a return is a release
// of the caller's argument k, searched as above, with the helper's call and
// the DDI's call inside it as related positions; what the helper may write
// (its stores, the out parameters of its DDIs, the same of the package's
// functions it calls; anything for a call it cannot follow or recursion)
// counts as written right after the release, so a helper that frees the
// MDL it was given and stores a new one in a.mdl leaves a.mdl alive. "Every path" is every
// path from the helper's entry to a return (a deferred release counts
// where the defer statement is reached), the paths that panic apart and
// those on which the parameter was tested NULL (if m == nil { return }:
// a NULL handle names nothing); a helper that releases only under another
// condition is no release (nothing after it is reported against it). A call
// of a helper that passes parameter k to a taker of the released pair on
// some path is a use of argument k, reported at the helper's call (the
// DDI's call in the helper as one more related position), a double free
// when the taker is the release; when the helper also releases k on every
// path, the path ends there like a second release. Where the call passes
// a constant, the helper's branches on that parameter (p, !p, p == c,
// p != c; for nil, p == nil and p != nil) are decided by it, so a helper
// told by a flag argument or a NULL context not to use the handle is no
// use; any other condition in the helper is taken as
// possible. The helper's argument must be the released handle by the
// rules below. An exported function's summary also travels in the pass's
// fact (Fact.Handles: per parameter and pair, the first DDI that takes it,
// and whether it is released on every path), so another package's
// function counts the same way, with three differences: a call that
// passes it any constant is neither use nor release (the fact does not say
// which of its branches a constant decides); what it may write is
// anything, so after its release only the same SSA value is the handle
// (helpers.FreeMdl(m); ndis.FreeMdl(m) is found, the same through a.mdl is
// not); the related positions stop at its call.
//
// The same handle is the same SSA value (a local
// the function does not reassign: an allocation into the same variable is
// a new value), or a load of the same location: the same global, the same
// local whose address is taken, or the same field of the same base value
// (type assertions and conversions stripped, so two ctx.(*adapter).intr
// are one location) while nothing on the path may have stored to it: a
// store to it, to that field through another base or through a pointer of
// its type the pass cannot name; a DDI given a pointer at an out parameter
// that may point to it (NdisMRegisterInterruptEx's &a.intr, the
// re-acquisition); a call of the package's or another module's code, a
// function value or an interface method; a function of the standard
// library given anything that can carry a pointer; a go statement.
// Builtins write nothing the pass names. A deferred call after the release
// is a use (it runs at the return). The path search reads the branches it
// can, each condition keyed by what it computes (two loads of one
// location, two comparisons of the same operands, are one condition): a
// condition the path to the release or the path since has decided, a value
// a decided x == c or x != c tells (a switch on one value twice, a status
// tested twice), and a condition computed from the constants of the phis
// the path entered (a flag set to true where the handle was freed) with !,
// == and !=. What the path knows of a load is forgotten where it may write
// a location of that type (as above; a store of an int does not touch a
// bool). Any other branch is taken both ways. It stops after a bounded number of blocks per release.
//
// An order is checked path by path, not as "some call of the earlier DDI
// precedes it on every path" computed once per handler: from the handler's
// entry, the pass follows the blocks of each function in which no call
// that may reach the earlier DDI has run yet, and reports each call of the
// later DDI it meets there; a call of a function of the package met there
// is followed from that function's entry the same way. A call may reach
// the earlier DDI when it is that DDI, a function of the package that may
// (its deferred calls, goroutines and the function values it passes
// included), another package's function whose fact says it reaches it or
// makes calls the pass cannot follow, a call through a function value or
// an interface method, a goroutine that may, or a call that is passed a
// function that may (a work item routine, a callback). Such calls end the
// path whatever they decide at run time: a helper that sets the attributes
// on only one of its paths counts as setting them (silent). A call of the
// later DDI through another package's function is reported at that call
// only when its fact says it reaches the later DDI and neither the earlier
// one nor anything the pass cannot follow (the order inside is that
// package's to check). Not seen: the later DDI in a deferred call, a
// goroutine or a function value, and in functions no handler of the role
// reaches.
//
// A companion with a failure condition (Companion.FailsWhen: the DDI failed
// when it returned NULL at VirtualAddress) is checked on the failure path.
// After each call of the DDI in the package's code reached from a handler
// of the role, the pass looks for the first test of the value the call
// stored at that out parameter: v == nil or v != nil, and len(v) == 0 or
// len(v) != 0 (a nil slice has length 0, so that branch is taken on every
// failure), in a block the call dominates. From the branch the failure
// takes, every path to a return must cross a call that reaches the
// companion: the companion DDI itself, a function of the package that
// reaches it, another package's function whose fact says it does, or a call
// the pass cannot follow. A call of the companion between the allocation
// and the test counts for every path. A path that panics does not return.
// The finding is at the allocation, with the test and the return as related
// positions. When the failure branch returns from a function that is not a
// handler of the role (a helper that returns a status to its caller, which
// may log), when the result is never tested, or when the DDI is reached
// through another package's function, the pass cannot tell the failure
// path, and falls back to the role: it reports the call only when no
// handler of the role reaches the companion anywhere.
//
// Some contexts allow a DDI in a role only while one of the role's
// parameters is NULL (DDI.Context's nullOnly: NdisReEnumerateProtocolBindings
// in ProtocolNetPnPEvent only when ProtocolBindingContext is NULL, an event
// for all bindings; NDIS indicates events on a binding with its context).
// The pass reads the handler's tests of that parameter, v == nil and
// v != nil (a type switch's case nil included), as x/tools' nilness pass
// does: a branch whose successor has no other predecessor decides the
// parameter in every block it dominates (an early return included). A call of the DDI is reported (ddi-wrong-context)
// where the parameter is proved not NULL, and where nothing is proved but
// the call is on every path through the handler (it then runs for the
// events NDIS indicates on a binding too). It is clean where the parameter
// is proved NULL. The package's functions the handler calls are followed
// with what the call site knows: a helper given the parameter has its own
// tests of that argument read the same way; its calls are visited where the
// parameter is proved not NULL or on every path through it. Silent: a call
// conditional on anything but the parameter (switch on the event code:
// NetEventBindList and NetEventBindsComplete come only with a NULL context,
// which the pass does not know), a parameter reassigned before its test or
// whose address is taken (the test is of another value), a
// helper given another value, and calls through another package's
// functions, function values or interfaces (whether they reach the DDI on
// every path is unknown).
//
// A handler is a function the package binds to a role (a handler-structure
// slot, a role type, an //ndis:role directive). What a handler reaches is
// what it calls directly, the functions those call, and, through a fact, the
// DDIs an exported function of another package reaches. A handler's context
// is the handler and everything it calls before returning, as SDV reads "in
// the context of": functions passed as values (work items, timers, goroutines)
// are not followed; they run later, in no handler's context.
//
// What it cannot see, and where it stays silent: calls through function
// values and interface methods (a halt handler that makes one is taken as
// possibly releasing anything); a function no handler reaches (its context
// is unknown); an argument that is not a constant; a release made on only
// some paths of MiniportHaltEx, or only on the failure path of
// MiniportInitializeEx; an acquiring handler that reaches the release DDI
// itself (an MDL built and freed during MiniportInitializeEx cannot be told
// from one freed only when initialization fails: silent); acquisitions
// outside the acquiring role (an MDL allocated per send; the verifier sees
// those); a package without a handler of the releasing role;
// the failure path of a companion's DDI whose result is tested elsewhere
// than in the function that calls it, or by a test other than the nil and
// len tests above (any call of the companion reached from the role then
// counts).
// For bad-handle: a release and a use in different functions except
// through a helper the searched function calls (above): a
// release and a use in two handlers, a DPC, a work item, a caller after a
// helper that releases (the release is found in the caller only when it
// is the caller's call of the helper), an unexported helper of another
// package, another package's helper given a constant, a
// helper reached through a function value or interface, recursive helpers,
// a helper that releases or uses a field of its parameter (f(a) freeing
// a.mdl, or freeing *p) rather than the parameter, a helper that releases only on some
// paths (no release; its use on some path is still a use); a handle copied
// through another variable, a field of another structure, a slice, a map,
// a channel or a phi that merges several values; a field of a structure
// reached through a pointer that is itself loaded (a.b.intr, or a.intr
// where a is captured by a function literal); a path back
// round a loop (a release in one iteration and a use in the next); a
// deferred release (defer NdisFreeMdl(m) and then NdisFreeMdl(m)); paths
// the function's own branches make impossible in ways other than those
// above (two different conditions that imply each other, x < 3 and
// x == 5, a flag kept in a field a helper sets): they are taken as
// possible, so a driver that keeps such state reports falsely; suppress
// with //ndislint:ignore bad-handle and the reason.
// The run-time verifier checks the same IDs on every call it sees.
package ddiusage
