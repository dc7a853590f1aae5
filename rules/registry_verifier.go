package rules

// PassVerifier is the Pass of the rules only the run-time verifier reports
// (the simulated NDIS of packages ndis, wdm and internal/kernel, driven by
// ndistest). Where the verifier checks what a static pass checks, it reports
// the static rule's ID (RuleIrqlAboveMax, RuleVcUseAfterClose,
// RuleSpinlockDoubleAcquire, ...), so the two agree by construction; the
// rules below have no static counterpart.
const PassVerifier = "verifier"

// The rule IDs only the verifier reports.
const (
	// Arguments (a bad handle is the DDI-usage pass's RuleBadHandle).
	RuleBadParameter = "bad-parameter"

	// Handles and object lifetimes.
	RuleVcDeleteNotCreator    = "vc-delete-not-creator"
	RuleMakeCallOnCmVc        = "makecall-on-cm-vc"
	RuleCreateVcHandleNotNull = "createvc-handle-not-null"
	RuleCallWithoutActivation = "call-without-activation"
	RuleDropLastParty         = "drop-last-party"
	RuleCloseCallWithParties  = "closecall-with-parties"
	RuleCloseCallWithSends    = "closecall-with-sends-outstanding"
	RuleAfCloseWithVcs        = "af-close-with-vcs"
	RuleBindingBusy           = "close-adapter-with-af-open"
	RuleUnbindWithoutClose    = "unbind-without-close-adapter"

	// Handlers, statuses and pended requests.
	RuleStatusForbidden         = "status-forbidden"
	RuleMissingHandler          = "missing-handler"
	RuleOptionalHandlersContext = "optional-handlers-context"
	RulePendingTwice            = "pending-twice"
	RuleIncomingCloseUnanswered = "incoming-close-unanswered"
	RuleIncomingDropUnanswered  = "incoming-drop-unanswered"

	// Kernel services: spin locks, memory, work items, timers, events.
	RuleSpinlockNotAllocated = "spinlock-not-allocated"
	RuleSpinlockUseAfterFree = "spinlock-use-after-free"
	RuleMemoryDoubleFree     = "memory-double-free"
	RuleMemoryFreeUnknown    = "memory-free-unknown"
	RuleMemoryLeak           = "memory-leak"
	RuleWorkItemDoubleQueue  = "workitem-double-queue"
	RuleWorkItemFreeQueued   = "workitem-free-queued"
	RuleWorkItemLeak         = "workitem-leak"
	RuleTimerUseAfterFree    = "timer-use-after-free"
	RuleTimerLeak            = "timer-leak"
	RuleEventNotInitialized  = "event-not-initialized"
	RuleWaitDeadlock         = "wait-deadlock"

	// NDIS 6 miniport adapters, filter modules and bindings: their state
	// machines, NET_BUFFER_LIST ownership, OID serialization and the timed
	// rules of Driver Verifier's NDIS/WIFI verification.
	RuleNblNotOwned           = "nbl-not-owned"
	RuleAdapterState          = "adapter-state"
	RuleFilterState           = "filter-state"
	RuleBindingState          = "binding-state"
	RulePauseWithOutstanding  = "pause-with-outstanding"
	RuleSetAttributes         = "set-attributes"
	RuleOidTimeout            = "oid-timeout"
	RuleSendTimeout           = "send-timeout"
	RuleSendHang              = "send-hang"
	RuleFilterPauseTimeout    = "filter-pause-timeout"
	RuleNblHeldAtEnd          = "nbl-held-at-end"
	RuleFilterNotDeregistered = "filter-not-deregistered"

	// The verifier itself.
	RuleCatalogueUnavailable = "catalogue-unavailable"
	RuleIrqlEffectMismatch   = "irql-effect-mismatch"
)

// The rules only the verifier reports. Their examples are the runtime's
// tests (ndis/verify_*_test.go, wdm/*_test.go, ndistest/scenario_*_test.go),
// not Wrong and Right snippets: a violation needs a run to happen.
var verifierRules = []*Rule{
	{
		ID:    RuleBadParameter,
		Pass:  PassVerifier,
		Title: "a non-handle argument breaks its page",
		Text: `A required pointer is NULL (NdisAllocateSpinLock's SpinLock, KeRaiseIrql's OldIrql), a value is
outside the range the page documents (NdisMSleep above 30,000,000 microseconds, a negative timer
period), or a buffer and its size disagree.`,
		Page: "the called DDI's page (## -parameters), e.g. nf-ndis-ndisfreememory",
	},
	{
		ID:    RuleVcDeleteNotCreator,
		Pass:  PassVerifier,
		Title: "NdisCoDeleteVc by the side that did not create the VC",
		Text: `Only the driver that created a VC with NdisCoCreateVc (or NdisMCmCreateVc) may delete it; the
other side learned of the VC from its ProtocolCoCreateVc and must leave its deletion to the creator.
The static counterpart for the client is vc-delete-cm-vc.`,
		Page: "nf-ndis-ndiscodeletevc",
	},
	{
		ID:    RuleMakeCallOnCmVc,
		Pass:  PassVerifier,
		Title: "NdisClMakeCall on a VC the call manager created",
		Text: `NdisClMakeCall sets up an outgoing call on a VC the client created with NdisCoCreateVc,
never on one the call manager offered with an incoming call.`,
		Page: "nf-ndis-ndisclmakecall",
	},
	{
		ID:    RuleCreateVcHandleNotNull,
		Pass:  PassVerifier,
		Title: "NdisCoCreateVc with *NdisVcHandle not NULL",
		Text:  `The page requires the caller to initialize *NdisVcHandle to NULL before NdisCoCreateVc.`,
		Page:  "nf-ndis-ndiscocreatevc",
	},
	{
		ID:    RuleCallWithoutActivation,
		Pass:  PassVerifier,
		Title: "a call reported connected on a VC that was never activated",
		Text: `A call manager activates a VC (Ndis(M)CmActivateVc) before it completes an outgoing call or
dispatches an incoming one as connected: until then the miniport is not ready for transfers on it.`,
		Page: "nf-ndis-ndiscmactivatevc",
	},
	{
		ID:    RuleDropLastParty,
		Pass:  PassVerifier,
		Title: "NdisClDropParty on the last party of a call",
		Text:  `The client releases the last party of a multipoint call with NdisClCloseCall, not NdisClDropParty.`,
		Page:  "nf-ndis-ndiscldropparty",
	},
	{
		ID:    RuleCloseCallWithParties,
		Pass:  PassVerifier,
		Title: "NdisClCloseCall on a multipoint call with more than one party",
		Text:  `A client drops every party but the last with NdisClDropParty before it closes a multipoint call.`,
		Page:  "nf-ndis-ndisclclosecall",
	},
	{
		ID:    RuleCloseCallWithSends,
		Pass:  PassVerifier,
		Title: "NdisClCloseCall with sends outstanding",
		Text: `A client waits until every NET_BUFFER_LIST it sent on the VC came back through
ProtocolCoSendNetBufferListsComplete before it closes the call.`,
		Page: "nf-ndis-ndisclclosecall",
	},
	{
		ID:    RuleAfCloseWithVcs,
		Pass:  PassVerifier,
		Title: "a call manager completes a close of an AF with NDIS_STATUS_SUCCESS while VCs on it exist",
		Text: `A call manager deletes the VCs it created on the AF before the close completes (its
ProtocolCmCloseAf returns NDIS_STATUS_SUCCESS, or it calls Ndis(M)CmCloseAddressFamilyComplete): the
client's ProtocolCoDeleteVc must not run after its ProtocolClCloseAfComplete.`,
		Page: "nc-ndis-protocol_cm_close_af",
	},
	{
		ID:    RuleBindingBusy,
		Pass:  PassVerifier,
		Title: "NdisCloseAdapterEx while address families depend on the binding",
		Text: `A client closes every AF it opened on the binding, and a call manager has its clients close
theirs (NdisCmNotifyCloseAddressFamily), before NdisCloseAdapterEx.`,
		Page: "nf-ndis-ndiscloseadapterex",
	},
	{
		ID:    RuleUnbindWithoutClose,
		Pass:  PassVerifier,
		Title: "ProtocolUnbindAdapterEx completed without NdisCloseAdapterEx",
		Text:  `A protocol driver closes the binding with NdisCloseAdapterEx before its unbind completes.`,
		Page:  "nc-ndis-protocol_unbind_adapter_ex",
	},
	{
		ID:    RuleStatusForbidden,
		Pass:  PassVerifier,
		Title: "a handler returned a status its page forbids",
		Text: `The catalogue lists for each role the statuses its page forbids (Role.Forbidden:
NDIS_STATUS_PENDING from ProtocolCoCreateVc and ProtocolCoDeleteVc); the verifier reports a handler
that returns one. The static counterparts are vc-delete-handler-pends and role-bad-status.`,
		Page: "nc-ndis-protocol_co_delete_vc",
	},
	{
		ID:    RuleMissingHandler,
		Pass:  PassVerifier,
		Title: "a mandatory handler slot is NULL, or NDIS needs a handler the driver did not register",
		Text: `The catalogue says which slots of each handler structure a driver must fill
(HandlerStruct.Slots, Required); the verifier reports a registration with one NULL, and a NULL handler
NDIS needs at run time. The static counterpart is role-missing-handler.`,
		Page: "ns-ndis-_ndis_co_client_optional_handlers",
	},
	{
		ID:    RuleOptionalHandlersContext,
		Pass:  PassVerifier,
		Title: "NdisSetOptionalHandlers outside SetOptions, or with a structure the driver does not register",
		Text: `A protocol driver registers its CoNDIS handlers from its ProtocolSetOptions, a miniport from its
MiniportSetOptions, each only with the structures its kind of driver registers.`,
		Page: "nf-ndis-ndissetoptionalhandlers",
	},
	{
		ID:    RulePendingTwice,
		Pass:  PassVerifier,
		Title: "a request pended while the same request is still pending",
		Text: `The same request (the same operation on the same object) pended a second time before its
first pending completed: the simulated NDIS lost track of one completion.`,
		Page: "nc-ndis-protocol_cm_close_call",
	},
	{
		ID:    RuleIncomingCloseUnanswered,
		Pass:  PassVerifier,
		Title: "ProtocolClIncomingCloseCall ran and the client never called NdisClCloseCall",
		Text:  `A client answers an incoming close with NdisClCloseCall.`,
		Page:  "nc-ndis-protocol_cl_incoming_close_call",
	},
	{
		ID:    RuleIncomingDropUnanswered,
		Pass:  PassVerifier,
		Title: "ProtocolClIncomingDropParty ran and the client never called NdisClDropParty",
		Text:  `A client answers an incoming drop of a party with NdisClDropParty.`,
		Page:  "nc-ndis-protocol_cl_incoming_drop_party",
	},
	{
		ID:    RuleSpinlockNotAllocated,
		Pass:  PassVerifier,
		Title: "an NDIS_SPIN_LOCK used before NdisAllocateSpinLock",
		Text:  `NdisAllocateSpinLock initializes an NDIS_SPIN_LOCK before its first acquire.`,
		Page:  "nf-ndis-ndisallocatespinlock",
	},
	{
		ID:    RuleSpinlockUseAfterFree,
		Pass:  PassVerifier,
		Title: "a spin lock used after NdisFreeSpinLock",
		Text:  `After NdisFreeSpinLock the lock must not be acquired, released or freed again.`,
		Page:  "nf-ndis-ndisfreespinlock",
	},
	{
		ID:    RuleMemoryDoubleFree,
		Pass:  PassVerifier,
		Title: "memory freed twice",
		Text:  `NdisFreeMemory releases a block NdisAllocateMemoryWithTagPriority returned exactly once.`,
		Page:  "nf-ndis-ndisfreememory",
	},
	{
		ID:    RuleMemoryFreeUnknown,
		Pass:  PassVerifier,
		Title: "NdisFreeMemory of an address no NDIS allocator returned",
		Text:  `NdisFreeMemory takes the base address of a block an NDIS allocator returned in this run.`,
		Page:  "nf-ndis-ndisfreememory",
	},
	{
		ID:    RuleMemoryLeak,
		Pass:  PassVerifier,
		Title: "memory still allocated when the driver unloads",
		Text:  `A driver frees what it allocated with NdisAllocateMemoryWithTagPriority before it unloads.`,
		Page:  "nf-ndis-ndisallocatememorywithtagpriority",
	},
	{
		ID:    RuleWorkItemDoubleQueue,
		Pass:  PassVerifier,
		Title: "a work item queued again before its routine ran",
		Text:  `A work item is queued again only after its routine started.`,
		Page:  "nf-ndis-ndisqueueioworkitem",
	},
	{
		ID:    RuleWorkItemFreeQueued,
		Pass:  PassVerifier,
		Title: "a work item freed while still queued",
		Text:  `A driver frees a work item only when it is not queued (in its routine or after it ran).`,
		Page:  "nf-ndis-ndisfreeioworkitem",
	},
	{
		ID:    RuleWorkItemLeak,
		SDV:   []string{"Init_NdisAllocateIoWorkItem"},
		Pass:  PassVerifier,
		Title: "a work item not freed when the driver unloads",
		Text:  `Every NdisAllocateIoWorkItem is matched by an NdisFreeIoWorkItem.`,
		Page:  "nf-ndis-ndisallocateioworkitem",
	},
	{
		ID:    RuleTimerUseAfterFree,
		Pass:  PassVerifier,
		Title: "a timer object used after NdisFreeTimerObject",
		Text:  `After NdisFreeTimerObject the timer handle is dead.`,
		Page:  "nf-ndis-ndisfreetimerobject",
	},
	{
		ID:    RuleTimerLeak,
		Pass:  PassVerifier,
		Title: "a timer object not freed when the driver unloads",
		Text:  `Every NdisAllocateTimerObject is matched by an NdisFreeTimerObject.`,
		Page:  "nf-ndis-ndisallocatetimerobject",
	},
	{
		ID:    RuleEventNotInitialized,
		Pass:  PassVerifier,
		Title: "an event used before KeInitializeEvent or NdisInitializeEvent",
		Text:  `An event object is initialized before it is set, cleared, read or waited on.`,
		Page:  "nf-wdm-keinitializeevent",
	},
	{
		ID:    RuleWaitDeadlock,
		Pass:  PassVerifier,
		Title: "a wait with no timeout that nothing will satisfy",
		Text: `A wait with no timeout on an event that is not signalled, when nothing left to run (queued
events, the harness's scripted peers) signals it: the thread would wait for ever.`,
		Page: "nf-wdm-kewaitforsingleobject",
	},
	{
		ID:    RuleNblNotOwned,
		Pass:  PassVerifier,
		Title: "a NET_BUFFER_LIST passed to a DDI by a driver that does not own it",
		Text: `The catalogue says which parameters of the NDIS 6 DDIs pass NET_BUFFER_LISTs and what
becomes of them (Param.Handoff): NdisSendNetBufferLists, NdisFSendNetBufferLists,
NdisMIndicateReceiveNetBufferLists and NdisFIndicateReceiveNetBufferLists hand them on until the role
Handoff.Until gives them back (unless Handoff.KeepIf's flag, NDIS_RECEIVE_FLAGS_RESOURCES, is set: then
they are the caller's again when the call returns); NdisMSendNetBufferListsComplete,
NdisFSendNetBufferListsComplete, NdisReturnNetBufferLists, NdisFReturnNetBufferLists and
NdisFreeNetBufferList give them back or free them. The verifier follows every list and reports a driver
that passes one it does not own: a list sent or indicated again before it came back, a completion or
return of a list NDIS never gave the driver, a list indicated with NDIS_RECEIVE_FLAGS_RESOURCES returned
later, a list freed while it is out, or used after it was freed. When the driver that passes the list
is the one that handed it off and has not got it back (a second send before the completion, a second
return), the verifier reports the static nblown pass's rule, nbl-use-after-handoff, instead.`,
		Page: "nf-ndis-ndissendnetbufferlists",
	},
	{
		ID:    RuleAdapterState,
		Pass:  PassVerifier,
		Title: "a miniport indicates received data while its adapter is not started",
		Text: `A miniport adapter is Halted, Initializing, Paused, Restarting, Running, Pausing or Shutdown:
the catalogue's state machine of adapters (Catalogue.States, the table of the Miniport Adapter States
and Operations page) has every state, the events that move the adapter between them, and the DDIs each
state forbids. The simulator moves each adapter along it and reports a forbidden DDI: in Paused "the
adapter does not indicate received network data", so NdisMIndicateReceiveNetBufferLists is forbidden
there, whether the adapter is Paused after its pause or after MiniportInitializeEx, and in Initializing
(send and receive operations are the Running and Pausing states'). The static counterpart is
send-receive-while-paused.`,
		Page: "miniport-adapter-states-and-operations",
	},
	{
		ID:    RuleFilterState,
		Pass:  PassVerifier,
		Title: "a filter module sends, indicates or makes a request in a state that forbids it",
		Text: `A filter module is Detached, Attaching, Paused, Restarting, Running or Pausing: the catalogue's
state machine of filter modules (Catalogue.States, the table of the Filter Module States and Operations
page) has every state, the events that move the module, and the DDIs each state forbids: in Paused
NdisFSendNetBufferLists and NdisFIndicateReceiveNetBufferLists of any list, in Pausing of the lists the
module allocated itself (StateDDI.OnlyFrom), in Attaching sends, indications, OID requests and status
indications (a filter driver "cannot make send requests, indicate received data, make OID requests, or
make status indications" there). The simulator moves each module along it and reports a forbidden DDI.
The static counterpart is send-receive-while-paused.`,
		Page: "filter-module-states-and-operations",
	},
	{
		ID:    RuleBindingState,
		Pass:  PassVerifier,
		Title: "a protocol driver sends on a binding that is pausing or paused",
		Text: `A binding is Unbound, Opening, Paused, Restarting, Running, Pausing or Closing: the catalogue's
state machine of bindings (Catalogue.States, the table of the Protocol Binding States and Operations
page) has every state and the events that move the binding, ProtocolNetPnPEvent with a condition on
its notification's NetPnPEvent.NetEvent (NetEventPause enters Pausing, NetEventRestart Restarting).
After NetEventPause the protocol "should not initiate any new send requests", and in the Paused state it
"must not make any send requests" (Pausing a Binding): the catalogue forbids NdisSendNetBufferLists in
both, and the verifier reports it; NDIS returns the lists with NDIS_STATUS_PAUSED. The static
counterpart is send-receive-while-paused.`,
		Page: "pausing-a-binding",
	},
	{
		ID:    RulePauseWithOutstanding,
		Pass:  PassVerifier,
		Title: "a pause completed while sends or receive indications are outstanding",
		Text: `A pause is not complete until the driver's outstanding sends are complete and the receive
indications it made have come back: a miniport completes every list MiniportSendNetBufferLists got and
waits for MiniportReturnNetBufferLists (Pausing an Adapter); a filter module waits for its own sends and
indications and returns what it holds (Pausing a Filter Module); a protocol waits for
ProtocolSendNetBufferListsComplete of its sends (Pausing a Binding). The verifier reports MiniportPause,
FilterPause or a NetEventPause that returns NDIS_STATUS_SUCCESS, and NdisMPauseComplete,
NdisFPauseComplete or NdisCompleteNetPnPEvent of a pause, while the driver still has such lists out.`,
		Page: "pausing-an-adapter",
	},
	{
		ID:    RuleSetAttributes,
		Pass:  PassVerifier,
		Title: "NdisMSetMiniportAttributes or NdisFSetAttributes missing from, or called outside, MiniportInitializeEx or FilterAttach",
		Text: `A miniport calls NdisMSetMiniportAttributes with its registration attributes (its
MiniportAdapterContext) from MiniportInitializeEx before it returns NDIS_STATUS_SUCCESS (Initializing a
Miniport Adapter); a filter driver calls NdisFSetAttributes with its FilterModuleContext from FilterAttach
(Attaching a Filter Module). The verifier reports a successful MiniportInitializeEx or FilterAttach that
did not, and either DDI called anywhere else.`,
		Page: "initializing-a-miniport-adapter",
	},
	{
		ID:    RuleFilterNotDeregistered,
		SDV:   []string{"NdisFDeregisterFilterDriver"},
		Pass:  PassVerifier,
		Title: "a filter driver's unload routine returned without NdisFDeregisterFilterDriver",
		Text: `A filter driver calls NdisFDeregisterFilterDriver from its FilterDriverUnload routine (SDV
NdisFDeregisterFilterDriver; Unloading a Filter Driver): NDIS detaches its modules and releases the
registration. The verifier reports a filter driver still registered when its unload routine returns (the
routine the harness's Driver.Unload runs). Not checked statically: the unload routine is the driver
object's DriverUnload, which no handler structure of the model registers.`,
		Page: "nf-ndis-ndisfderegisterfilterdriver",
	},
	{
		ID:    RuleOidTimeout,
		SDV:   []string{"NdisTimedOidComplete"},
		Pass:  PassVerifier,
		Title: "an OID request pended by MiniportOidRequest not completed within 12 seconds",
		Text: `Driver Verifier's NdisTimedOidComplete: "the NDIS miniport driver completes an OID request
within 12 seconds". The verifier measures on the simulated clock from the NDIS_STATUS_PENDING return of
MiniportOidRequest to NdisMOidRequestComplete. A request still pending when the run ends is reported
here once the end of the run has drained the clock past the bound, instead of as
pending-never-completed.`,
		Page: "ndis-ndistimedoidcomplete",
	},
	{
		ID:    RuleSendTimeout,
		SDV:   []string{"NdisTimedDataSend"},
		Pass:  PassVerifier,
		Title: "a NET_BUFFER_LIST given to MiniportSendNetBufferLists not completed within 30 seconds",
		Text: `Driver Verifier's NdisTimedDataSend: when NDIS calls MiniportSendNetBufferLists, "the miniport
driver completes the send request within 30 seconds". Measured on the simulated clock, per list, up to
NdisMSendNetBufferListsComplete.`,
		Page: "ndis-ndistimeddatasend",
	},
	{
		ID:    RuleSendHang,
		SDV:   []string{"NdisTimedDataHang"},
		Pass:  PassVerifier,
		Title: "sends pending at a miniport and none completed for 22 seconds",
		Text: `Driver Verifier's NdisTimedDataHang: "violated when there is at least one pending send request
for a NET_BUFFER_LIST structure and no such send requests have been completed in the past 22 seconds".
Measured on the simulated clock per adapter; the lists it reports are not reported again by
send-timeout.`,
		Page: "ndis-ndistimeddatahang",
	},
	{
		ID:    RuleFilterPauseTimeout,
		SDV:   []string{"NdisFilterTimedPauseComplete"},
		Pass:  PassVerifier,
		Title: "a FilterPause that returned NDIS_STATUS_PENDING not completed within 10 seconds",
		Text: `Driver Verifier's NdisFilterTimedPauseComplete: "The FilterPause function will be completed in 10
seconds or less." Measured on the simulated clock from FilterPause's NDIS_STATUS_PENDING to
NdisFPauseComplete. (The rule's other two checks are role-bad-status, a FilterPause that returns another
status than NDIS_STATUS_SUCCESS or NDIS_STATUS_PENDING, and completed-twice.)`,
		Page: "ndis-ndisfiltertimedpausecomplete",
	},
	{
		ID:    RuleNblHeldAtEnd,
		SDV:   []string{"NdisFilterTimedDataReceive", "NdisFilterTimedDataSend"},
		Pass:  PassVerifier,
		Title: "a filter module or protocol still holds NET_BUFFER_LISTs NDIS gave it when the run ends",
		Text: `A filter module completes every send FilterSendNetBufferLists gave it (NdisFSendNetBufferListsComplete)
or passes it on, and returns every receive indication FilterReceiveNetBufferLists gave it
(NdisFReturnNetBufferLists) or passes it on; a protocol returns every indication
ProtocolReceiveNetBufferLists gave it without NDIS_RECEIVE_FLAGS_RESOURCES (NdisReturnNetBufferLists).
Until they come back the miniport cannot pause. The verifier reports, at the end of the run, each layer
that still holds lists. Driver Verifier's NdisFilterTimedDataSend and NdisFilterTimedDataReceive check
that a filter does so in time; their bounds are not in the reference, so only the end of the run is
checked.`,
		Page: "pausing-a-filter-module",
	},
	{
		ID:    RuleCatalogueUnavailable,
		Pass:  PassVerifier,
		Title: "the rule catalogue could not be loaded; the checks that read it are off",
		Text: `The verifier takes IRQL requirements, role levels, forbidden statuses, completions and
mandatory handler slots from the catalogue; when it cannot be loaded it says so once and runs without
those checks.`,
	},
	{
		ID:    RuleIrqlEffectMismatch,
		Pass:  PassVerifier,
		Title: "a DDI's model changed the IRQL otherwise than its catalogue entry's effect says",
		Text: `The catalogue gives each DDI's effect on the IRQL (raise-to-dispatch, raise, restore,
at-dispatch, query, or none; rules/schema.go). At the end of every DDI call the verifier checks that the
model did what the entry says: raise-to-dispatch leaves DISPATCH_LEVEL, raise never lowers, restore
never raises, and at-dispatch, query and none leave the IRQL unchanged. A report means the runtime's
model of the DDI and its catalogue entry (rules/overlay.json) disagree; one of them is wrong. Calls that
reported another violation are not checked.`,
	},
}
