package companionclean

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle ndis.Handle
	shared []byte
	pa     ndis.PhysicalAddress
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	HaltHandlerEx:       halt,
}

// clean: the failure is logged, through a helper.
func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.pa)
	if a.shared == nil {
		logFailure(a)
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// outOfResources is NDIS_ERROR_CODE_OUT_OF_RESOURCES.
const outOfResources = 0xC0001389

func logFailure(a *adapter) {
	ndis.WriteErrorLogEntry(a.handle, outOfResources, 1, 4096)
}

// clean: shared memory allocated outside MiniportInitializeEx is not the
// rule's concern.
func allocateLater(a *adapter) {
	ndis.MAllocateSharedMemory(a.handle, 4096, false, &a.shared, &a.pa)
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.MFreeSharedMemory(a.handle, 4096, false, a.shared, a.pa)
}
