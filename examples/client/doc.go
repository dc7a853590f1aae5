// Package client is a CoNDIS client written against the ndis runtime the way
// a C author ports one: every function keeps its NDIS role and C shape
// (ProtocolClCloseCallComplete is clCloseCallComplete, registered in the
// ClCloseCallCompleteHandler slot), every DDI is called by its Go name
// (NdisClCloseCall is ndis.ClCloseCall) with its C arguments.
//
// The client
//   - registers with NdisRegisterProtocolDriver and, from its SetOptions
//     handler, registers NDIS_PROTOCOL_CO_CHARACTERISTICS and
//     NDIS_CO_CLIENT_OPTIONAL_HANDLERS with NdisSetOptionalHandlers (every
//     Cl* slot filled; unsupported features have stubs);
//   - binds with NdisOpenAdapterEx (completing the bind later when the open
//     pends) and opens the address family its configuration names from
//     ProtocolCoAfRegisterNotify, at PASSIVE_LEVEL, handling both a
//     synchronous and a pended NdisClOpenAddressFamilyEx;
//   - registers a SAP, makes outgoing calls on VCs it creates (Dial) and
//     accepts incoming calls on VCs the call manager creates, at once or
//     later from a timer;
//   - closes calls both ways (Hangup, and ProtocolClIncomingCloseCall
//     answered with NdisClCloseCall), self-completing a non-PENDING
//     NdisClCloseCall by calling its own ProtocolClCloseCallComplete;
//   - deletes exactly the VCs it created, telling them from the call
//     manager's by the createdByCM flag of its VC context, and frees the
//     context of a call manager's VC only in ProtocolCoDeleteVc;
//   - closes its address family when the call manager asks
//     (ProtocolClNotifyCloseAf) or when it unbinds, in the documented order:
//     close calls, delete its VCs, deregister the SAP, close the AF.
//
// Shared state is kept under an NDIS spin lock per binding, never held
// across a DDI call. Contexts are allocated with
// NdisAllocateMemoryWithTagPriority so the simulator checks that each is
// freed exactly once.
package client
