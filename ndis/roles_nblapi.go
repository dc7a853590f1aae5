package ndis

// The NET_BUFFER API's callback role types: the MDL allocator and
// deallocator a driver may give NdisRetreatNetBufferDataStart and
// NdisAdvanceNetBufferDataStart (and their NET_BUFFER_LIST twins).

// NetBufferAllocateMdl is the NET_BUFFER_ALLOCATE_MDL role. The
// NetAllocateMdl function allocates an MDL with an associated memory block
// of a specified size.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-nblapi-net_buffer_allocate_mdl.
type NetBufferAllocateMdl func(bufferSize *uint32) *Mdl

// NetBufferFreeMdl is the NET_BUFFER_FREE_MDL role. The NetFreeMdl
// function frees an MDL that was previously allocated by the
// NetAllocateMdl function.
// NDIS calls it at <= DISPATCH_LEVEL.
// Page: nc-nblapi-net_buffer_free_mdl.
type NetBufferFreeMdl func(mdl *Mdl)
