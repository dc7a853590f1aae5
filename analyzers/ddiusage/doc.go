// Package ddiusage defines an Analyzer that checks how NDIS drivers use
// DDIs beyond their IRQL: in which handlers' context a DDI may be called,
// the values its page allows for an argument, that a handler told its IRQL
// by a dispatch-level flag does not query it, and that what
// MiniportInitializeEx acquires MiniportHaltEx releases. It is Static Driver
// Verifier's DDI usage, memory usage, miscellaneous and warning rules that
// state such properties (NdisMMapIoSpace, NdisMFreeSharedMemory,
// NdisReEnumerateProtocolBindings, NdisMNetPnPEventInOIDRequest,
// NdisStallExecution_Delay, NdisAllocateMemoryWithTagPriority, Flags_Irql,
// Init_RegisterInterrupt, Init_RegisterSG, NdisOpenConfigurationEx,
// CancelTimerObject, ...).
//
// # Analyzer ddiusage
//
// ddiusage: check where DDIs are called, their argument bounds, dispatch-level flags and init/halt pairs
//
// Everything comes from the catalogue (package rules): DDI.Context (the
// roles a DDI may or may not be called in the context of), Param.Limit (an
// argument's bound), Param.IrqlFlag (a role's flags parameter that tells the
// IRQL), Catalogue.Companions (a DDI that asks for another in the same
// role) and Catalogue.Pairs (an acquire DDI, its release DDI, the role that
// acquires and the role that must release). An entry added to the
// catalogue is checked without a change here.
//
//	ddi-wrong-context      a DDI called in a handler of a role, or in a
//	                       function the handler calls, that its context
//	                       does not allow
//	ddi-argument-limit     a constant argument outside its bound
//	irql-flag-query        a DDI that queries the IRQL (KeGetCurrentIrql)
//	                       called in a handler whose role has a dispatch-level
//	                       flag parameter, or a function it calls
//	resource-not-released  an acquire DDI reached from a handler of a pair's
//	                       acquiring role (MiniportInitializeEx) when no
//	                       handler of its releasing role (MiniportHaltEx) in
//	                       the package reaches the release DDI
//	ddi-companion-missing  a DDI reached from a handler of a companion's role
//	                       (NdisMAllocateSharedMemory from
//	                       MiniportInitializeEx) when no handler of that role
//	                       reaches the companion DDI (NdisWriteErrorLogEntry)
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
// MiniportInitializeEx; a package without a handler of the releasing role;
// whether a companion (the error log entry) is written on the path where the
// allocation failed: any call of it reached from the role counts.
// The run-time verifier checks the same IDs on every call it sees.
package ddiusage
