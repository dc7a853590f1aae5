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

// failing: the failure is tested, and the failure branch returns without
// an error log entry (no handler of the package writes one).
func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.pa) // want `NdisMAllocateSharedMemory in the context of MiniportInitializeEx: on a path where its VirtualAddress is NULL \(the call failed\), MiniportInitializeEx returns without calling NdisWriteErrorLogEntry`
	if a.shared == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// failing: the result is never tested; the pass falls back to the role,
// whose handlers never write an error log entry.
//
//ndis:role MINIPORT_INITIALIZE
func initializeUntested(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.pa) // want `NdisMAllocateSharedMemory in the context of MiniportInitializeEx, and no MiniportInitializeEx handler of the package calls NdisWriteErrorLogEntry`
	return ndis.StatusSuccess
}

// failing: a helper tests the result and returns the failure to the
// handler; the pass cannot follow the status back, so it falls back to the
// role, whose handlers never write an error log entry.
//
//ndis:role MINIPORT_INITIALIZE
func initializeByHelper(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	return allocate(a)
}

func allocate(a *adapter) ndis.Status {
	ndis.MAllocateSharedMemory(a.handle, 4096, false, &a.shared, &a.pa) // want `NdisMAllocateSharedMemory in the context of MiniportInitializeEx, and no MiniportInitializeEx handler of the package calls NdisWriteErrorLogEntry`
	if a.shared == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.MFreeSharedMemory(a.handle, 4096, false, a.shared, a.pa)
}
