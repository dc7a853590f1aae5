// Package mistakes is a small CoNDIS client (and a small NDIS 6 miniport)
// that makes the classic mistakes, one per file, for the simulator's
// verifier and ndislint to find. Its base (driver.go) binds, opens the address family, registers
// a SAP and accepts incoming calls correctly; DriverEntry's Mistake picks
// which wrong handler or routine replaces the right one:
//
//   - seed.go: NdisCoDeleteVc on a VC the call manager created, from
//     ProtocolClCloseCallComplete (the seed case of ndislint);
//   - irql.go: NdisMSleep, a PASSIVE_LEVEL service, from
//     ProtocolClCallConnected, which runs at DISPATCH_LEVEL;
//   - spinlock.go: ProtocolClIncomingCall returns early with its spin lock
//     held;
//   - useafterclose.go: a send on a call manager's VC after the close
//     completed;
//   - deleteactive.go: NdisCoDeleteVc right after a pended NdisClCloseCall;
//   - deletevcpending.go: ProtocolCoDeleteVc returns NDIS_STATUS_PENDING;
//   - unanswered.go: ProtocolClIncomingCloseCall never calls
//     NdisClCloseCall.
//
// The NDIS 6 mistakes are made by a small virtual miniport (miniport.go, its
// correct base, registered by MiniportDriverEntry, whose mistake picks the
// wrong handler or routine) and by a send routine on the client's binding:
//
//   - pausefailure.go: MiniportPause returns NDIS_STATUS_FAILURE while
//     sends are outstanding, where only NDIS_STATUS_SUCCESS or
//     NDIS_STATUS_PENDING is allowed;
//   - oidsync.go: NdisMOidRequestComplete for a request MiniportOidRequest
//     answers synchronously;
//   - oidtwice.go: NdisMOidRequestComplete twice for one request (a missing
//     return on an error path);
//   - registerirql.go: NdisMRegisterMiniportDriver, a PASSIVE_LEVEL
//     service, called with a spin lock held (DISPATCH_LEVEL);
//   - nblaftersend.go: a NET_BUFFER_LIST read after NdisSendNetBufferLists
//     gave it to NDIS;
//   - leakyinterrupt.go: an interrupt MiniportInitializeEx registers and
//     MiniportHaltEx never deregisters (SDV Init_RegisterInterrupt);
//   - sharedshutdown.go: NdisMFreeSharedMemory from MiniportShutdownEx (SDV
//     NdisMFreeSharedMemory);
//   - untagged.go: NdisAllocateMemoryWithTagPriority with a zero tag (SDV
//     NdisAllocateMemoryWithTagPriority);
//   - longstall.go: NdisStallExecution for 1000 µs (SDV
//     NdisStallExecution_Delay);
//   - irqlquery.go: KeGetCurrentIrql in MiniportSendNetBufferLists, whose
//     SendFlags tells the IRQL (SDV Flags_Irql);
//   - silentfailure.go: a MiniportInitializeEx whose NdisMAllocateSharedMemory
//     failed returns without NdisWriteErrorLogEntry (SDV WriteErrorLog);
//   - mdlleak.go: an MDL MiniportInitializeEx allocates over the adapter's
//     memory and MiniportHaltEx never frees, though it frees the memory
//     (SDV NdisAllocateMdl);
//   - oidpower.go: OID_PNP_SET_POWER refused with NDIS_STATUS_NOT_SUPPORTED,
//     where only NDIS_STATUS_NOT_ACCEPTED or NDIS_STATUS_SUCCESS may end it
//     (SDV NdisOidComplete);
//   - deregisteredsync.go: NdisMSynchronizeWithInterruptEx with the
//     interrupt MiniportInitializeEx has just deregistered (SDV
//     NdisMDeregisterInterruptEx);
//   - portsorder.go: NdisMRegisterIoPortRange in MiniportInitializeEx before
//     NdisMSetMiniportAttributes (SDV NdisMRegisterIoPortRange).
//
// With the CoNDIS ones (IRQL, locking, lifetimes) there is one per SDV rule
// family: DDI usage, IRQL, locking, memory usage, miscellaneous, OID
// processing, warning, and Flags_Irql.
//
// Each mistake is written plainly, as a driver author would, with a comment
// naming the page that forbids it. Nothing here is an example to follow:
// see package client for the right way.
package mistakes
