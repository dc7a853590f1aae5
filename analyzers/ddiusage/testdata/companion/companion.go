package companion

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

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.pa) // want `NdisMAllocateSharedMemory in the context of MiniportInitializeEx, and no MiniportInitializeEx handler of the package calls NdisWriteErrorLogEntry`
	if a.shared == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.MFreeSharedMemory(a.handle, 4096, false, a.shared, a.pa)
}
