package vclifetime

const doc = `check the lifetime of CoNDIS VC handles

The vclifetime pass checks what a CoNDIS client does with its NdisVcHandles
against the ProtocolClCloseCallComplete, NdisClCloseCall, NdisCoDeleteVc and
ProtocolCoDeleteVc pages:

  vc-use-after-close         an NdisCl*/NdisCo* call with the handle of a VC the
                             call manager created, in or after its
                             ProtocolClCloseCallComplete, or after an
                             NdisClCloseCall on it that did not pend
  vc-delete-cm-vc            NdisCoDeleteVc on a VC the call manager created
  vc-delete-on-failed-close  NdisCoDeleteVc or NdisClMakeCall on a client VC in
                             ProtocolClCloseCallComplete where the status may
                             not be NDIS_STATUS_SUCCESS
  vc-use-after-delete        a use of a VC handle after NdisCoDeleteVc deleted it
                             or after the client's ProtocolCoDeleteVc ran
  vc-delete-call-active      NdisCoDeleteVc while the VC's call is active or its
                             close is pending
  vc-closecall-status-dropped
                             NdisClCloseCall's status dropped, or a synchronous
                             completion that never calls ProtocolClCloseCallComplete
  vc-delete-handler-pends    a ProtocolCoDeleteVc that may return
                             NDIS_STATUS_PENDING

Who created a VC is learned from the code: a context field that receives the
NdisVcHandle parameter of the client's ProtocolCoCreateVc holds VCs the call
manager created; a field passed as NdisCoCreateVc's out-parameter holds VCs
the client created. A context that holds both kinds is told apart by the
other fields set on each creation path (a createdByCM bool, an owner enum, a
flag bit), and branches on them refine each path. The context reaches the
callbacks as ProtocolVcContext and is type-asserted back; helpers, function
literals and work items queued with NdisQueueIoWorkItem are followed, in other
packages through facts.

Precision before recall: where the creator of a VC cannot be told (an
unknown field, a handle reached through an interface call or a map, a branch
the pass cannot read on the way — a predicate call, an owner method), the pass
says nothing. A context that holds both kinds with no recognised
discriminator is reported only where the path tests nothing of the context at
all (the call then runs for the call manager's VCs too); any test of one of
its fields (v.sap == nil) keeps the pass silent. Known
gaps: timers (NdisSetTimerObject) are not followed; call state is tracked
within one function for vc-delete-call-active; a handle cleared to nil is not
tracked across functions.`
