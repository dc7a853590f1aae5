package ndis

// AllocateNetBufferAndNetBufferList models
// NdisAllocateNetBufferAndNetBufferList. Call the
// NdisAllocateNetBufferAndNetBufferList function to allocate and initialize
// a NET_BUFFER_LIST structure that is initialized with a preallocated
// NET_BUFFER structure.
// NDIS: NdisAllocateNetBufferAndNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbufferandnetbufferlist.
func AllocateNetBufferAndNetBufferList(poolHandle Handle, contextSize uint16, contextBackFill uint16, mdlChain *Mdl, dataOffset uint32, dataLength uint64) *NetBufferList {
	return sim().AllocateNetBufferAndNetBufferList(poolHandle, contextSize, contextBackFill, mdlChain, dataOffset, dataLength)
}

// AllocateNetBufferListPool models NdisAllocateNetBufferListPool. Call the
// NdisAllocateNetBufferListPool function to allocate a pool of
// NET_BUFFER_LIST structures.
// NDIS: NdisAllocateNetBufferListPool. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbufferlistpool.
func AllocateNetBufferListPool(ndisHandle Handle, parameters *NetBufferListPoolParameters) Handle {
	return sim().AllocateNetBufferListPool(ndisHandle, parameters)
}

// FreeNetBufferList models NdisFreeNetBufferList. Call the
// NdisFreeNetBufferList function to free a NET_BUFFER_LIST structure that
// was previously allocated from a NET_BUFFER_LIST structure pool.
// NDIS: NdisFreeNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreenetbufferlist.
func FreeNetBufferList(netBufferList *NetBufferList) {
	sim().FreeNetBufferList(netBufferList)
}

// FreeNetBufferListPool models NdisFreeNetBufferListPool. Call the
// NdisFreeNetBufferListPool function to free a NET_BUFFER_LIST structure
// pool.
// NDIS: NdisFreeNetBufferListPool. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreenetbufferlistpool.
func FreeNetBufferListPool(poolHandle Handle) {
	sim().FreeNetBufferListPool(poolHandle)
}
