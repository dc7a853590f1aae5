package mistakes

import "github.com/ndislint/ndislint/ndis"

// untaggedInitializeEx is the base MiniportInitializeEx with a receive
// buffer allocated without a pool tag.
//
// MISTAKE: "a driver must not call NdisAllocateMemoryWithTagPriority without
// providing a Tag" (SDV NdisAllocateMemoryWithTagPriority): the tag is how
// the debugger and Driver Verifier tell the driver's blocks apart.
// ndislint reports ddi-argument-limit, statically and at run time.
//
//ndis:role MINIPORT_INITIALIZE
func untaggedInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	buf := ndis.AllocateMemoryWithTagPriority(ndisMiniportHandle, 1514, 0, ndis.NormalPoolPriority)
	if buf == nil {
		return ndis.StatusResources
	}
	ndis.FreeMemory(buf, 1514, 0)
	return mpInitializeEx(ndisMiniportHandle, miniportDriverContext, miniportInitParameters)
}
