package mistakes

import "github.com/ndislint/ndislint/ndis"

// ringSize is the size of the descriptor ring in shared memory.
const ringSize = 2048

// ringPA is the physical address of sharedBlock, the descriptor ring.
var ringPA ndis.PhysicalAddress

// silentInitializeEx is the base MiniportInitializeEx of a DMA miniport
// that first allocates its descriptor ring in shared memory.
//
// MISTAKE: "if the NdisMAllocateSharedMemory function is called in the
// MiniportInitializeEx function, the driver should also call
// NdisWriteErrorLogEntry if the allocation fails" (SDV WriteErrorLog): the
// adapter fails to start and nothing in the event log says why. ndislint
// reports ddi-companion-missing, statically and, when the allocation fails
// (ndistest.FailSharedMemory), at run time.
//
//ndis:role MINIPORT_INITIALIZE
func silentInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	ndis.MAllocateSharedMemory(ndisMiniportHandle, ringSize, false, &sharedBlock, &ringPA)
	if sharedBlock == nil {
		return ndis.StatusResources
	}
	if st := mpInitializeEx(ndisMiniportHandle, miniportDriverContext, miniportInitParameters); st != ndis.StatusSuccess {
		ndis.MFreeSharedMemory(ndisMiniportHandle, ringSize, false, sharedBlock, ringPA)
		sharedBlock = nil
		return st
	}
	return ndis.StatusSuccess
}

// ringHaltEx is the base MiniportHaltEx that also frees the ring
// (MiniportHaltEx).
//
//ndis:role MINIPORT_HALT
func ringHaltEx(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*adapter)
	if sharedBlock != nil {
		ndis.MFreeSharedMemory(a.miniportAdapterHandle, ringSize, false, sharedBlock, ringPA)
		sharedBlock = nil
	}
	mpHaltEx(miniportAdapterContext, haltAction)
}
