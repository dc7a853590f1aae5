package mistakes

import "github.com/ndislint/ndislint/ndis"

// sharedBlock is shared memory a DMA miniport allocated in
// MiniportInitializeEx (silentfailure.go's descriptor ring).
var sharedBlock []byte

// freeingShutdownEx tidies up at shutdown.
//
// MISTAKE: "NdisMFreeSharedMemory cannot be called from a MiniportShutdownEx
// function" (SDV NdisMFreeSharedMemory): at shutdown the driver only stops
// the device; memory is freed in MiniportHaltEx. ndislint reports
// ddi-wrong-context.
//
//ndis:role MINIPORT_SHUTDOWN
func freeingShutdownEx(miniportAdapterContext ndis.Handle, shutdownAction ndis.ShutdownAction) {
	a := miniportAdapterContext.(*adapter)
	if sharedBlock != nil {
		ndis.MFreeSharedMemory(a.miniportAdapterHandle, uint32(len(sharedBlock)), false, sharedBlock, 0)
	}
}
