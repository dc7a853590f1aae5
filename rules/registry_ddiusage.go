package rules

// PassDDIUsage is the name of the DDI-usage pass (analyzers/ddiusage).
const PassDDIUsage = "ddiusage"

// The rule IDs of the DDI-usage pass. The run-time verifier reports the
// same IDs.
const (
	RuleDDIWrongContext     = "ddi-wrong-context"
	RuleDDIArgumentLimit    = "ddi-argument-limit"
	RuleIrqlFlagQuery       = "irql-flag-query"
	RuleResourceNotReleased = "resource-not-released"
	RuleDDICompanionMissing = "ddi-companion-missing"
	RuleDDIOrder            = "ddi-order"
	RuleBadHandle           = "bad-handle"
	// RuleWorkItemUseAfterFree is the verifier's ID for a work item used
	// after its free, which the pass reports as well.
	RuleWorkItemUseAfterFree = "workitem-use-after-free"
)

// The rules of the DDI-usage pass: SDV's DDI usage, memory usage and
// miscellaneous rules that say where a DDI may be called (DDI.Context),
// what an argument may be (Param.Limit), that a handler told its IRQL by a
// dispatch-level flag does not query it (Param.IrqlFlag), and that what
// MiniportInitializeEx acquires MiniportHaltEx releases (Catalogue.Pairs),
// and that a DDI that asks for a companion in its role has it
// (Catalogue.Companions), that a handler calls a DDI only after the DDI
// its page says must come first (Catalogue.Orders), and that a handle a
// pair's release ended is not passed again (Pair.Handle).
var ddiusageRules = []*Rule{
	{
		ID:    RuleDDIWrongContext,
		SDV:   []string{"NdisMMapIoSpace", "NdisMRegisterIoPortRange", "NdisMFreeSharedMemory", "NdisReEnumerateProtocolBindings", "NdisMNetPnPEventInOIDRequest", "NdisMIndicateStatusEx"},
		Pass:  PassDDIUsage,
		Title: "a DDI called in the context of a role its page forbids",
		Text: `Some DDIs may be called only while certain handlers run (NdisMMapIoSpace only from
MiniportInitializeEx; NdisMUnmapIoSpace and NdisMDeregisterIoPortRange only from MiniportInitializeEx or
MiniportHaltEx), others never from some (NdisMFreeSharedMemory not from MiniportShutdownEx,
NdisReEnumerateProtocolBindings not from ProtocolBindAdapterEx or ProtocolUnbindAdapterEx,
NdisMNetPnPEvent not in the context of MiniportOidRequest, NdisMIndicateStatusEx not in
MiniportDriverUnload, which runs after every adapter's MiniportHaltEx returned), some only while a
parameter of the role is NULL (NdisReEnumerateProtocolBindings from ProtocolNetPnPEvent only when
ProtocolBindingContext is NULL, an event for all bindings). The catalogue's DDI.Context says which.
Reported: a call in a handler of a known role, or in a function such a handler calls (through the
call graph of the package and of the packages it imports, by facts), that the DDI's context does not
allow; for a NULL condition, a call where a nil test of the parameter (in the handler, or in a helper
given it) proves it not NULL, or on every path through the handler. Not seen: calls through function
values and interfaces, functions no handler reaches (their context is unknown: silent), and, for a
NULL condition, calls conditional on anything but the parameter (a switch on the event code) and
calls through another package's functions. The verifier reports the same ID at run time, for the
handler on the simulated call stack and, for a NULL condition, the arguments NDIS passed it.`,
		Page: "nf-ndis-ndismmapiospace",
		Wrong: `//ndis:role MINIPORT_RESTART
func miniportRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	var va []byte
	ndis.MMapIoSpace(&va, nil, 0, 16) // only MiniportInitializeEx may map I/O space
	return ndis.StatusSuccess
}`,
		Right: `//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	return ndis.MMapIoSpace(&va, ndisMiniportHandle, 0, 16)
}`,
		Analog: "SDV NdisMMapIoSpace, NdisMRegisterIoPortRange, NdisMFreeSharedMemory, NdisReEnumerateProtocolBindings, NdisMNetPnPEventInOIDRequest, NdisMIndicateStatusEx",
		Needs:  []string{"NdisMMapIoSpace", "NdisMRegisterIoPortRange", "NdisMFreeSharedMemory", "NdisReEnumerateProtocolBindings", "NdisMNetPnPEvent", "NdisMUnmapIoSpace", "NdisMDeregisterIoPortRange", "NdisMIndicateStatusEx"},
	},
	{
		ID:    RuleDDIArgumentLimit,
		SDV:   []string{"NdisStallExecution_Delay", "NdisAllocateMemoryWithTagPriority"},
		Pass:  PassDDIUsage,
		Title: "an argument outside the bound its page sets",
		Text: `Some pages bound an argument's value: NdisStallExecution stalls at most 50 microseconds
(longer waits belong to NdisMSleep at PASSIVE_LEVEL), and NdisAllocateMemoryWithTagPriority takes a
nonzero pool tag. The catalogue's Param.Limit says which. Reported: a call whose argument is a constant
outside the bound. Not seen: values that are not constants (silent). The verifier reports the same ID
at run time, for every value.`,
		Page:   "nf-ndis-ndisstallexecution",
		Wrong:  `ndis.StallExecution(500) // 500 µs busy-waits the processor; the limit is 50`,
		Right:  `ndis.StallExecution(50)`,
		Analog: "SDV NdisStallExecution_Delay, NdisAllocateMemoryWithTagPriority",
		Needs:  []string{"NdisStallExecution", "NdisAllocateMemoryWithTagPriority"},
	},
	{
		ID:    RuleIrqlFlagQuery,
		SDV:   []string{"Flags_Irql"},
		Pass:  PassDDIUsage,
		Title: "a handler told its IRQL by a dispatch-level flag queries it",
		Text: `The send and receive handlers (MiniportSendNetBufferLists, FilterReceiveNetBufferLists,
ProtocolSendNetBufferListsComplete, ...) get a flags parameter whose dispatch-level flag
(NDIS_SEND_FLAGS_DISPATCH_LEVEL, NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL, ...) tells the current IRQL; the
Dispatch IRQL Tracking page asks drivers to use it rather than test the IRQL. The catalogue's
Param.IrqlFlag marks those parameters. Reported: a call of a DDI that queries the IRQL
(KeGetCurrentIrql) in such a handler or a function it calls. The verifier reports the same ID at run
time.`,
		Page: "nc-ndis-miniport_send_net_buffer_lists",
		Wrong: `//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func miniportSendNetBufferLists(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	if wdm.KeGetCurrentIrql() == wdm.DispatchLevel { // SendFlags says it
		sendFlags |= ndis.SendFlagsDispatchLevel
	}
	ndis.MSendNetBufferListsComplete(miniportAdapterContext, netBufferList, 0)
}`,
		Right: `//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func miniportSendNetBufferLists(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	var flags uint32
	if sendFlags&ndis.SendFlagsDispatchLevel != 0 {
		flags = ndis.SendCompleteFlagsDispatchLevel
	}
	ndis.MSendNetBufferListsComplete(miniportAdapterContext, netBufferList, flags)
}`,
		Analog: "SDV Flags_Irql",
		Needs:  []string{"KeGetCurrentIrql"},
	},
	{
		ID:    RuleResourceNotReleased,
		SDV:   []string{"Init_RegisterInterrupt", "Init_DeRegisterInterrupt", "Init_RegisterSG", "Init_NdisAllocateIoWorkItem", "NdisAllocateGenericObject", "NdisAllocateNetBuffer", "NdisAllocateMdl", "NdisOpenConfigurationEx", "CancelTimerObject"},
		Pass:  PassDDIUsage,
		Title: "what MiniportInitializeEx acquires, MiniportHaltEx does not release",
		Text: `An interrupt registered, a scatter/gather DMA channel, an I/O mapping or port range, shared
memory, a configuration handle, a generic object, a NET_BUFFER, an MDL, a work item or a set timer acquired while a
miniport initializes an adapter is released by the time MiniportHaltEx returns. The catalogue's Pairs say
which DDI releases what (NdisMRegisterInterruptEx / NdisMDeregisterInterruptEx, NdisAllocateMdl /
NdisFreeMdl, NdisSetTimerObject / NdisCancelTimerObject, ...). Reported: a package whose
MiniportInitializeEx handler (or a function it calls) calls an acquire DDI while no MiniportHaltEx handler
of the package (nor a function it calls) calls the release DDI; reported at the acquire. Not seen: release
calls behind function values or interfaces (the pass then stays silent), a release on only some halt
paths, an initialize handler that itself reaches the release DDI (for the halt check: a resource freed
before it returns cannot be told from one freed only on its failure path, so it stays silent),
acquisitions outside MiniportInitializeEx, and packages with no MiniportHaltEx handler. Since NDIS calls
no MiniportHaltEx for an adapter whose MiniportInitializeEx failed, whose page says it "must release all
resources that it allocated before it returns" (Role.ReleaseOnFailure), also reported: an acquisition in
the handler followed, on a path that calls no release, by a return of failure statuses only
(NDIS_STATUS_RESOURCES, NDIS_STATUS_FAILURE, ... and never NDIS_STATUS_SUCCESS), leaving alone the branch
where the acquisition itself failed (its status tested against NDIS_STATUS_SUCCESS, its result against
nil, or NULL at the out parameter the catalogue names) and acquisitions whose failure is never tested. At
run time the verifier reports, with the same ID, each such resource that names an adapter (acquired, in
any handler, with its MiniportAdapterHandle, a configuration object, a NET_BUFFER pool or a timer object of
that adapter) still held when that adapter's MiniportHaltEx returns (a timer is held while it is set: until
it is cancelled, freed, or, for a one-shot timer, expires), each other one (a generic object, which names
only the driver object; what a driver handle acquired) still held when the driver unloads, and what a
failing MiniportInitializeEx acquired and still holds when it returns.`,
		Page: "nc-ndis-miniport_halt",
		Wrong: `//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var h ndis.Handle
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: ndisMiniportHandle})
	return ndis.MRegisterInterruptEx(ndisMiniportHandle, nil, &ndis.MiniportInterruptCharacteristics{}, &h)
}

//ndis:role MINIPORT_HALT
func miniportHalt(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {} // never deregisters it`,
		Right: `var interrupt ndis.Handle

//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: ndisMiniportHandle})
	return ndis.MRegisterInterruptEx(ndisMiniportHandle, nil, &ndis.MiniportInterruptCharacteristics{}, &interrupt)
}

//ndis:role MINIPORT_HALT
func miniportHalt(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	ndis.MDeregisterInterruptEx(interrupt)
}`,
		Analog: "SDV Init_RegisterInterrupt, Init_DeRegisterInterrupt, Init_RegisterSG, Init_NdisAllocateIoWorkItem, NdisAllocateGenericObject, NdisAllocateNetBuffer, NdisAllocateMdl, NdisOpenConfigurationEx, CancelTimerObject",
		Needs:  []string{"MINIPORT_INITIALIZE", "MINIPORT_HALT"},
	},
	{
		ID:    RuleDDICompanionMissing,
		SDV:   []string{"WriteErrorLog"},
		Pass:  PassDDIUsage,
		Title: "a DDI whose use in a role asks for another DDI there, without it",
		Text: `Some DDIs, used in a handler, ask for another DDI in the same handler's context: a miniport that
allocates shared memory in MiniportInitializeEx logs the failure with NdisWriteErrorLogEntry (SDV
WriteErrorLog). The catalogue's Companions say which, and how the DDI tells that it failed (NULL at
VirtualAddress). Reported: a call of the DDI in code reached from a handler of the role whose failure test
(v == nil, len(v) == 0, or their negations, after the call in the function that makes it) has a failure
branch that reaches the handler's return without a call that reaches the companion (directly, through the
package's functions, or other packages' by fact); when the result is not tested there (or a helper returns
the failure to its caller), the DDI reached from the role when no handler of that role in the package
reaches the companion at all. Not seen: tests of other forms, and calls through function values or
interfaces (taken as possibly calling the companion). The run-time verifier reports the same ID when
MiniportInitializeEx returns after a call of the DDI that failed (ndistest.FailSharedMemory makes one
fail) with no call of the companion in between.`,
		Page: "nf-ndis-ndiswriteerrorlogentry",
		Wrong: `//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &va, &pa)
	if va == nil {
		return ndis.StatusResources // nothing in the event log says why the adapter failed
	}
	return ndis.StatusSuccess
}`,
		Right: `//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &va, &pa)
	if va == nil {
		ndis.WriteErrorLogEntry(ndisMiniportHandle, 0xC0001389, 0) // NDIS_ERROR_CODE_OUT_OF_RESOURCES
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}`,
		Analog: "SDV WriteErrorLog",
		Needs:  []string{"NdisMAllocateSharedMemory"},
	},
	{
		ID:    RuleDDIOrder,
		SDV:   []string{"NdisMRegisterIoPortRange"},
		Pass:  PassDDIUsage,
		Title: "a DDI called in a handler before the DDI its page says must come first",
		Text: `Some DDIs may be called by a handler only once that handler has called another:
MiniportInitializeEx (or MiniportAddDevice) must call NdisMSetMiniportAttributes before calling
NdisMRegisterIoPortRange (SDV's rule), and MiniportInitializeEx before NdisMRegisterInterruptEx and
NdisMRegisterDmaChannel (their own pages): each claims hardware resources for the adapter its
registration attributes describe. The catalogue's Orders say which DDI must come first, and in the
handlers of which roles.
Reported: a call of the later DDI in a handler of such a role, or in a function of the package the handler
calls, when on some path from the handler's entry to that call (through the calls on the way) no call that
may reach the earlier DDI runs. Silent where the pass cannot tell: a call through a function value or an
interface method, a goroutine that may reach the earlier DDI, a call passed a function that may (a work
item routine), and another package's function whose fact says it reaches the earlier DDI or makes calls
the pass cannot follow, are all taken as calling it, whatever they decide at run time (a helper that
sets the attributes on one of its paths counts); another package's function that reaches both DDIs;
the later DDI in a deferred call, a goroutine or a function value; functions no handler of the role
reaches. The verifier reports the same ID at run
time, when the later DDI runs in a handler of such a role that has not called the earlier one yet.`,
		Page: "nf-ndis-ndismregisterioportrange",
		Wrong: `//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var ports ndis.Handle
	if ndis.MRegisterIoPortRange(&ports, ndisMiniportHandle, 0x300, 8) != ndis.StatusSuccess { // no registration attributes yet
		return ndis.StatusResources
	}
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: ndisMiniportHandle})
	return ndis.StatusSuccess
}`,
		Right: `//ndis:role MINIPORT_INITIALIZE
func miniportInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var ports ndis.Handle
	if ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: ndisMiniportHandle}) != ndis.StatusSuccess {
		return ndis.StatusFailure
	}
	if ndis.MRegisterIoPortRange(&ports, ndisMiniportHandle, 0x300, 8) != ndis.StatusSuccess {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}`,
		Analog: "SDV NdisMRegisterIoPortRange",
		Needs:  []string{"NdisMRegisterIoPortRange"},
	},
	{
		ID:    RuleBadHandle,
		SDV:   []string{"NdisMDeregisterInterruptEx", "NdisMIndicateStatusEx", "NdisAllocateGenericObject", "NdisAllocateNetBuffer", "NdisAllocateMdl"},
		Pass:  PassDDIUsage,
		Title: "a handle argument is NULL where required, of the wrong kind, of the other side, of another driver or run, or one its release ended",
		Text: `Each DDI's page names the handle each parameter takes (NdisVcHandle, NdisAfHandle, an
NdisIoWorkItemHandle from NdisAllocateIoWorkItem, ...). The verifier reports a NULL where the page
requires a handle, a handle of another kind (a party handle where the VC handle belongs, a driver's own
context), the other side's handle of a VC, an object of another driver, a handle from an earlier run, a
call manager calling the other family's DDI (an MCM calling NdisCm*, a stand-alone call manager
NdisMCm*), and a handle its release ended: NdisMSynchronizeWithInterruptEx with an interrupt
NdisMDeregisterInterruptEx deregistered (SDV NdisMDeregisterInterruptEx), a second NdisFreeMdl,
NdisFreeNetBuffer or NdisFreeGenericObject of one object (the alternation of SDV NdisAllocateMdl,
NdisAllocateNetBuffer and NdisAllocateGenericObject), a NET_BUFFER or MDL passed to a DDI after its free,
a configuration handle NdisCloseConfiguration closed, a DMA channel deregistered.
Statically, within one function and through the package's helpers it calls, for each pair of the
catalogue whose release ends its handle
(Pair.Handle: the interrupt, scatter/gather and system DMA, generic object, NET_BUFFER, MDL and
configuration pairs): a call, reached
on some path from a call of the release with no re-acquisition between, that passes the same handle to
the release again (a double free) or to a DDI the catalogue says uses it (NdisMSynchronizeWithInterruptEx
and NdisMQueueDpcEx; NdisMAllocateNetBufferSGList, NdisMReadDmaCounter and the other DMA DDIs; the DDIs
that take a NET_BUFFER or an MDL; NdisReadConfiguration and the other configuration DDIs).
Reported at that call, with the release as related position. The same handle is the same SSA value (a
local the function does not reassign), or a load of the same variable or field (the same base value,
the same field) with no store to it, no call of the function's own or another module's code, and no
DDI writing through a pointer to it between the two. A call of a function of the package that releases
its parameter on every path to a return (the paths where it tested the parameter NULL apart) is a
release of that argument (what the helper writes, such as a new handle stored in the field the
argument was loaded from, counts as stored after it), with the helper's call and the release inside it
as related positions; a
call of one that passes its parameter to the release or a DDI that uses the handle on some path (those
calls included, transitively; a branch on a parameter the call passes a constant is decided by it) is
a use of that argument, reported at the call. Recursive helpers have no summary. An exported
function's summary travels to other packages in the pass's fact; such a helper given a constant argument
counts for nothing, and after its release only the same SSA value is the handle. Not seen statically:
a release and a use in different functions other than through such a helper (another handler, a work
item, a DPC, a caller after its helper released, a helper behind a function value,
a helper that frees a field of its parameter rather than the parameter); a handle copied through another
variable, a map, a slice or a phi of several values; a path back round a loop; a path the function's
own branches make impossible where the pass cannot read them (it reads one condition tested twice, a
value compared with constants twice, and flags set to constants, nothing more: such a path is taken
as possible); deferred releases (a deferred use after a release is reported).`,
		Page: "nf-ndis-ndismderegisterinterruptex",
		Wrong: `func sendOnce(ndisHandle ndis.Handle, header []byte) {
	mdl := ndis.AllocateMdl(ndisHandle, header, 14)
	ndis.FreeMdl(mdl)
	ndis.FreeMdl(mdl) // the MDL is freed already
}`,
		Right: `func sendTwice(ndisHandle ndis.Handle, header []byte) {
	mdl := ndis.AllocateMdl(ndisHandle, header, 14)
	ndis.FreeMdl(mdl)
	mdl = ndis.AllocateMdl(ndisHandle, header, 14) // a new MDL
	ndis.FreeMdl(mdl)
}`,
		Analog: "SDV NdisMDeregisterInterruptEx, NdisAllocateGenericObject, NdisAllocateNetBuffer, NdisAllocateMdl",
		Needs:  []string{"NdisMDeregisterInterruptEx", "NdisFreeGenericObject", "NdisFreeNetBuffer", "NdisFreeMdl", "NdisCloseConfiguration", "NdisMDeregisterScatterGatherDma", "NdisMDeregisterDmaChannel"},
	},
	{
		ID:    RuleWorkItemUseAfterFree,
		Pass:  PassDDIUsage,
		Title: "a work item queued or freed after NdisFreeIoWorkItem",
		Text: `After NdisFreeIoWorkItem the handle is dead: NdisFreeIoWorkItem "calls IoFreeWorkItem to free the
structure that is specified by the NdisIoWorkItemHandle parameter". The verifier reports
NdisQueueIoWorkItem or NdisFreeIoWorkItem with a work item freed already, wherever the calls are.
Statically, as bad-handle for the pairs whose release ends their handle (the catalogue's Pair.Handle
of the NdisAllocateIoWorkItem pair, whose Rule names this ID): within one function and through the
package's helpers it calls (a helper that frees its parameter on every path is a free), a call reached on
some path from NdisFreeIoWorkItem, with no allocation into the same variable between and not back round
a loop, that passes the same handle (the same SSA value, or a load of the same variable or field with
nothing between that may store to it) to NdisQueueIoWorkItem or NdisFreeIoWorkItem. Not seen
statically: the free and the use in different functions (a work item freed in its own routine and
queued again elsewhere), and what bad-handle's text lists.`,
		Page: "nf-ndis-ndisfreeioworkitem",
		Wrong: `//ndis:role NDIS_IO_WORKITEM_FUNCTION
func workItemRoutine(workItemContext, ndisIoWorkItemHandle ndis.Handle) {}

func queueOnce(ndisObjectHandle ndis.Handle) {
	w := ndis.AllocateIoWorkItem(ndisObjectHandle)
	ndis.FreeIoWorkItem(w)
	ndis.QueueIoWorkItem(w, workItemRoutine, nil) // the work item is freed already
}`,
		Right: `//ndis:role NDIS_IO_WORKITEM_FUNCTION
func workItemRoutine(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	ndis.FreeIoWorkItem(ndisIoWorkItemHandle) // freed once it has run
}

func queueOnce(ndisObjectHandle ndis.Handle) {
	w := ndis.AllocateIoWorkItem(ndisObjectHandle)
	ndis.QueueIoWorkItem(w, workItemRoutine, nil)
}`,
		Needs: []string{"NdisFreeIoWorkItem"},
	},
}
