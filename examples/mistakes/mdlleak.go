package mistakes

import "github.com/ndislint/ndislint/ndis"

// mdlInitializeEx is the base MiniportInitializeEx that also builds an MDL
// describing the adapter's block of nonpaged memory, to hand the block to
// DMA transfers.
//
// MISTAKE: the MDL is never freed. mpHaltEx frees the block, but not the
// MDL that describes it: "All MDLs that are allocated by calling
// NdisAllocateMdl must be freed by calling the NdisFreeMdl function"
// (nf-mdlapi-ndisallocatemdl), and SDV NdisAllocateMdl reports an MDL still
// allocated when MiniportHaltEx exits. ndislint reports
// resource-not-released, and the verifier reports it when MiniportHaltEx
// returns.
//
//ndis:role MINIPORT_INITIALIZE
func mdlInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	a, st := newAdapter(ndisMiniportHandle)
	if st != ndis.StatusSuccess {
		return st
	}
	a.blockMdl = ndis.AllocateMdl(ndisMiniportHandle, a.mem, uint32(len(a.mem)))
	if a.blockMdl == nil {
		mpHaltEx(a, ndis.HaltDeviceInitializationFailed)
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}
