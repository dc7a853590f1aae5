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

// AllocateNetBuffer models NdisAllocateNetBuffer. Call the
// NdisAllocateNetBuffer function to allocate and initialize a NET_BUFFER
// structure from a NET_BUFFER structure pool.
// NDIS: NdisAllocateNetBuffer. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbuffer.
func AllocateNetBuffer(poolHandle Handle, mdlChain *Mdl, dataOffset uint32, dataLength uint64) *NetBuffer {
	return sim().AllocateNetBuffer(poolHandle, mdlChain, dataOffset, dataLength)
}

// AllocateNetBufferPool models NdisAllocateNetBufferPool. Call the
// NdisAllocateNetBufferPool function to allocate a pool of NET_BUFFER
// structures.
// NDIS: NdisAllocateNetBufferPool. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbufferpool.
func AllocateNetBufferPool(ndisHandle Handle, parameters *NetBufferPoolParameters) Handle {
	return sim().AllocateNetBufferPool(ndisHandle, parameters)
}

// FreeNetBuffer models NdisFreeNetBuffer. Call the NdisFreeNetBuffer
// function to free a NET_BUFFER structure that was previously allocated
// from a NET_BUFFER structure pool with the NdisAllocateNetBuffer function.
// NDIS: NdisFreeNetBuffer. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreenetbuffer.
func FreeNetBuffer(netBuffer *NetBuffer) {
	sim().FreeNetBuffer(netBuffer)
}

// FreeNetBufferPool models NdisFreeNetBufferPool. Call the
// NdisFreeNetBufferPool function to free NET_BUFFER structure pools that
// are created with the NdisAllocateNetBufferPool function.
// NDIS: NdisFreeNetBufferPool. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreenetbufferpool.
func FreeNetBufferPool(poolHandle Handle) {
	sim().FreeNetBufferPool(poolHandle)
}
