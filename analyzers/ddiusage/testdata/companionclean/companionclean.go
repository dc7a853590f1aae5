package companionclean

import (
	"example.com/t/errlog"

	"github.com/ndislint/ndislint/ndis"
)

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

// clean: the failure is logged through a helper of another package.
//
//ndis:role MINIPORT_INITIALIZE
func otherPackage(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	if va == nil {
		errlog.OutOfMemory(h, 4096)
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// clean: logged, then return.
//
//ndis:role MINIPORT_INITIALIZE
func logThenReturn(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	if va == nil {
		ndis.WriteErrorLogEntry(h, outOfResources, 0)
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// clean: the failure is the else branch, and it logs.
//
//ndis:role MINIPORT_INITIALIZE
func elseLogs(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	if va != nil {
		return ndis.StatusSuccess
	} else {
		ndis.WriteErrorLogEntry(h, outOfResources, 0)
	}
	return ndis.StatusResources
}

// clean: both failure paths of a len test meet at one logging exit.
//
//ndis:role MINIPORT_INITIALIZE
func sharedExit(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	status := ndis.StatusSuccess
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	if len(va) == 0 {
		status = ndis.StatusResources
		if p.IfIndex == 0 {
			goto fail
		}
		goto fail
	}
	return status
fail:
	errlog.OutOfMemory(h, 4096)
	return status
}

// clean: the entry is written between the call and the test, on every
// path.
//
//ndis:role MINIPORT_INITIALIZE
func logBeforeTest(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	ndis.WriteErrorLogEntry(h, outOfResources, 0)
	if va == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// clean: a helper allocates and returns the failure; the handler logs it.
//
//ndis:role MINIPORT_INITIALIZE
func byHelper(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: h}
	if st := allocate(a); st != ndis.StatusSuccess {
		errlog.OutOfMemory(h, 4096)
		return st
	}
	return ndis.StatusSuccess
}

func allocate(a *adapter) ndis.Status {
	ndis.MAllocateSharedMemory(a.handle, 4096, false, &a.shared, &a.pa)
	if a.shared == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// clean: a failure path that panics does not return.
//
//ndis:role MINIPORT_INITIALIZE
func panics(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	if va == nil {
		panic("no shared memory")
	}
	ndis.WriteErrorLogEntry(h, outOfResources, 0)
	return ndis.StatusSuccess
}

// clean: shared memory allocated outside MiniportInitializeEx is not the
// rule's concern.
func allocateLater(a *adapter) {
	ndis.MAllocateSharedMemory(a.handle, 4096, false, &a.shared, &a.pa)
	if a.shared == nil {
		return
	}
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.MFreeSharedMemory(a.handle, 4096, false, a.shared, a.pa)
}
