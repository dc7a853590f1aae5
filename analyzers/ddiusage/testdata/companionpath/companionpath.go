package companionpath

import "github.com/ndislint/ndislint/ndis"

// outOfResources is NDIS_ERROR_CODE_OUT_OF_RESOURCES.
const outOfResources = 0xC0001389

// failing: the entry is written on the success branch only.
//
//ndis:role MINIPORT_INITIALIZE
func successOnly(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa) // want `NdisMAllocateSharedMemory in the context of MiniportInitializeEx: on a path where its VirtualAddress is NULL \(the call failed\), MiniportInitializeEx returns without calling NdisWriteErrorLogEntry`
	if va == nil {
		return ndis.StatusResources
	}
	ndis.WriteErrorLogEntry(h, outOfResources, 0)
	return ndis.StatusSuccess
}

// failing: one of the two failure paths logs.
//
//ndis:role MINIPORT_INITIALIZE
func oneOfTwo(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa) // want `on a path where its VirtualAddress is NULL`
	if va == nil {
		if p.IfIndex == 0 {
			return ndis.StatusResources
		}
		ndis.WriteErrorLogEntry(h, outOfResources, 0)
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// failing: a len test, which a nil slice passes too, on a failure branch
// that does not log.
//
//ndis:role MINIPORT_INITIALIZE
func lenTest(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa) // want `on a path where its VirtualAddress is NULL`
	if len(va) == 0 {
		return ndis.StatusResources
	}
	ndis.WriteErrorLogEntry(h, outOfResources, 0)
	return ndis.StatusSuccess
}

// failing: the failure is the else branch of a != test, and it does not
// log.
//
//ndis:role MINIPORT_INITIALIZE
func elseBranch(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa) // want `on a path where its VirtualAddress is NULL`
	if va != nil {
		ndis.WriteErrorLogEntry(h, outOfResources, 0)
		return ndis.StatusSuccess
	}
	return ndis.StatusResources
}

// clean: the result is never tested, and other handlers of the role do
// write an error log entry (the fallback cannot tell this path's).
//
//ndis:role MINIPORT_INITIALIZE
func untested(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	var va []byte
	var pa ndis.PhysicalAddress
	ndis.MAllocateSharedMemory(h, 4096, false, &va, &pa)
	return ndis.StatusSuccess
}
