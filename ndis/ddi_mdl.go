package ndis

// The MDL DDIs of mdlapi.h. Their pages are not in the reference; the
// catalogue synthesizes their entries from the overlay (DDI.Synthesized),
// with the public page's signature and IRQL.

// AllocateMdl models NdisAllocateMdl. It allocates an MDL describing the
// first Length bytes of the buffer at VirtualAddress, for the driver whose
// NDIS handle NdisHandle is; it returns nil when the allocation fails. Every
// MDL it allocates is freed with NdisFreeMdl (SDV NdisAllocateMdl: all of a
// miniport's MDLs are freed when MiniportHaltEx ends).
// NDIS: NdisAllocateMdl. IRQL: <= DISPATCH_LEVEL. Page: nf-mdlapi-ndisallocatemdl.
func AllocateMdl(ndisHandle Handle, virtualAddress []byte, length uint32) *Mdl {
	return sim().AllocateMdl(ndisHandle, virtualAddress, length)
}

// FreeMdl models NdisFreeMdl. It frees an MDL that NdisAllocateMdl
// allocated; the buffer the MDL describes stays the caller's.
// NDIS: NdisFreeMdl. IRQL: <= DISPATCH_LEVEL. Page: nf-mdlapi-ndisfreemdl.
func FreeMdl(mdl *Mdl) {
	sim().FreeMdl(mdl)
}
