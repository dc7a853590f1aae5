// Package callmanager is a stand-alone CoNDIS call manager written against
// the ndis runtime the way a C author ports one: a protocol driver that
// binds to a CoNDIS miniport, registers NDIS_PROTOCOL_CO_CHARACTERISTICS
// and NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS from its SetOptions handler,
// and registers its address family with NdisCmRegisterAddressFamilyEx from
// its bind handler at PASSIVE_LEVEL.
//
// It signals calls on a simulated network: each request a client makes
// (open AF, register SAP, make call, close call) completes synchronously,
// is pended and completed later from the call manager's signalling timer,
// or is completed nested inside the handler before it returns
// NDIS_STATUS_PENDING, as its Config says. Outgoing calls activate the
// client's VC (NdisCmActivateVc) before NdisCmMakeCallComplete; closes
// deactivate it (NdisCmDeactivateVc) before NdisCmCloseCallComplete.
// Incoming calls from the network (OfferCall) run on VCs the call manager
// creates: NdisCoCreateVc with its AF handle, NdisCmActivateVc,
// NdisCmDispatchIncomingCall, NdisCmDispatchCallConnected. Closes from the
// network use NdisCmDispatchIncomingCloseCall. The call manager deletes
// its own VCs (NdisCoDeleteVc) once their calls are closed, unless it keeps
// them to offer another call on them (Reoffer); it never deletes a
// client's VC.
//
// Shared state is kept under an NDIS spin lock, never held across a DDI
// call; contexts are allocated with NdisAllocateMemoryWithTagPriority so
// the simulator checks that each is freed once.
package callmanager
