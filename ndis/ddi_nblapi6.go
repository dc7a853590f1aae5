package ndis

// The NET_BUFFER API (nblapi.h) beyond the pools and plain allocations of
// ddi_nbl.go: lists without NET_BUFFERs, clones, fragments, reassembled
// lists, list contexts, data-start adjustments, data access and copies
// (issue 13).

// AdjustNetBufferCurrentMdl models NdisAdjustNetBufferCurrentMdl. The
// NdisAdjustNetBufferCurrentMdl function updates a NET_BUFFER structure
// based on the current data offset.
// NDIS: NdisAdjustNetBufferCurrentMdl. IRQL: Any level (see Remarks section). Page: nf-nblapi-ndisadjustnetbuffercurrentmdl.
func AdjustNetBufferCurrentMdl(netBuffer *NetBuffer) {
	sim().AdjustNetBufferCurrentMdl(netBuffer)
}

// AdvanceNetBufferDataStart models NdisAdvanceNetBufferDataStart. Call the
// NdisAdvanceNetBufferDataStart function to release the used data space that
// was added with the NdisRetreatNetBufferDataStart function.
// NDIS: NdisAdvanceNetBufferDataStart. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisadvancenetbufferdatastart.
func AdvanceNetBufferDataStart(netBuffer *NetBuffer, dataOffsetDelta uint32, freeMdl bool, freeMdlHandler NetBufferFreeMdl) {
	sim().AdvanceNetBufferDataStart(netBuffer, dataOffsetDelta, freeMdl, freeMdlHandler)
}

// AdvanceNetBufferListDataStart models NdisAdvanceNetBufferListDataStart.
// Call the NdisAdvanceNetBufferListDataStart function to release data space
// that was claimed in previous calls to the
// NdisRetreatNetBufferListDataStart function.
// NDIS: NdisAdvanceNetBufferListDataStart. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisadvancenetbufferlistdatastart.
func AdvanceNetBufferListDataStart(netBufferList *NetBufferList, dataOffsetDelta uint32, freeMdl bool, freeMdlMdlHandler NetBufferFreeMdl) {
	sim().AdvanceNetBufferListDataStart(netBufferList, dataOffsetDelta, freeMdl, freeMdlMdlHandler)
}

// AllocateCloneNetBufferList models NdisAllocateCloneNetBufferList. Call the
// NdisAllocateCloneNetBufferList function to create a new clone
// NET_BUFFER_LIST structure.
// NDIS: NdisAllocateCloneNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocateclonenetbufferlist.
func AllocateCloneNetBufferList(originalNetBufferList *NetBufferList, netBufferListPoolHandle Handle, netBufferPoolHandle Handle, allocateCloneFlags uint32) *NetBufferList {
	return sim().AllocateCloneNetBufferList(originalNetBufferList, netBufferListPoolHandle, netBufferPoolHandle, allocateCloneFlags)
}

// AllocateFragmentNetBufferList models NdisAllocateFragmentNetBufferList.
// Call the NdisAllocateFragmentNetBufferList function to create a new
// fragmented NET_BUFFER_LIST structure based upon the data in an existing
// NET_BUFFER_LIST structure.
// NDIS: NdisAllocateFragmentNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatefragmentnetbufferlist.
func AllocateFragmentNetBufferList(originalNetBufferList *NetBufferList, netBufferListPool Handle, netBufferPool Handle, startOffset uint32, maximumLength uint32, dataOffsetDelta uint32, dataBackFill uint32, allocateFragmentFlags uint32) *NetBufferList {
	return sim().AllocateFragmentNetBufferList(originalNetBufferList, netBufferListPool, netBufferPool, startOffset, maximumLength, dataOffsetDelta, dataBackFill, allocateFragmentFlags)
}

// AllocateNetBufferList models NdisAllocateNetBufferList. Call the
// NdisAllocateNetBufferList function to allocate and initialize a
// NET_BUFFER_LIST structure from a NET_BUFFER_LIST structure pool.
// NDIS: NdisAllocateNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbufferlist.
func AllocateNetBufferList(poolHandle Handle, contextSize uint16, contextBackFill uint16) *NetBufferList {
	return sim().AllocateNetBufferList(poolHandle, contextSize, contextBackFill)
}

// AllocateNetBufferListContext models NdisAllocateNetBufferListContext. Call
// the NdisAllocateNetBufferListContext function to allocate more context
// space in the NET_BUFFER_LIST_CONTEXT structure of a NET_BUFFER_LIST
// structure.
// NDIS: NdisAllocateNetBufferListContext. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbufferlistcontext.
func AllocateNetBufferListContext(netBufferList *NetBufferList, contextSize uint16, contextBackFill uint16, poolTag uint32) Status {
	return sim().AllocateNetBufferListContext(netBufferList, contextSize, contextBackFill, poolTag)
}

// AllocateNetBufferMdlAndData models NdisAllocateNetBufferMdlAndData. NDIS
// drivers call the NdisAllocateNetBufferMdlAndData function to allocate a
// NET_BUFFER structure along with the associated MDL and data.
// NDIS: NdisAllocateNetBufferMdlAndData. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatenetbuffermdlanddata.
func AllocateNetBufferMdlAndData(poolHandle Handle) *NetBuffer {
	return sim().AllocateNetBufferMdlAndData(poolHandle)
}

// AllocateReassembledNetBufferList models
// NdisAllocateReassembledNetBufferList. Call the
// NdisAllocateReassembledNetBufferList function to reassemble a fragmented
// NET_BUFFER_LIST structure.
// NDIS: NdisAllocateReassembledNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisallocatereassemblednetbufferlist.
func AllocateReassembledNetBufferList(fragmentNetBufferList *NetBufferList, netBufferAndNetBufferListPoolHandle Handle, startOffset uint32, dataOffsetDelta uint32, dataBackFill uint32, allocateReassembleFlags uint32) *NetBufferList {
	return sim().AllocateReassembledNetBufferList(fragmentNetBufferList, netBufferAndNetBufferListPoolHandle, startOffset, dataOffsetDelta, dataBackFill, allocateReassembleFlags)
}

// CopyFromNetBufferToNetBuffer models NdisCopyFromNetBufferToNetBuffer. Call
// the NdisCopyFromNetBufferToNetBuffer function to copy data from a source
// NET_BUFFER structure to a destination NET_BUFFER structure.
// NDIS: NdisCopyFromNetBufferToNetBuffer. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndiscopyfromnetbuffertonetbuffer.
func CopyFromNetBufferToNetBuffer(destination *NetBuffer, destinationOffset uint32, bytesToCopy uint32, source *NetBuffer, sourceOffset uint32, bytesCopied *uint32) Status {
	return sim().CopyFromNetBufferToNetBuffer(destination, destinationOffset, bytesToCopy, source, sourceOffset, bytesCopied)
}

// CopyReceiveNetBufferListInfo models NdisCopyReceiveNetBufferListInfo.
// Intermediate drivers call the NdisCopyReceiveNetBufferListInfo function to
// copy the NET_BUFFER_LIST information in a received NET_BUFFER_LIST
// structure.
// NDIS: NdisCopyReceiveNetBufferListInfo. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndiscopyreceivenetbufferlistinfo.
func CopyReceiveNetBufferListInfo(destNetBufferList *NetBufferList, srcNetBufferList *NetBufferList) {
	sim().CopyReceiveNetBufferListInfo(destNetBufferList, srcNetBufferList)
}

// CopySendNetBufferListInfo models NdisCopySendNetBufferListInfo.
// Intermediate drivers call the NdisCopySendNetBufferListInfo function to
// copy the NET_BUFFER_LIST information in a transmit NET_BUFFER_LIST
// structure.
// NDIS: NdisCopySendNetBufferListInfo. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndiscopysendnetbufferlistinfo.
func CopySendNetBufferListInfo(destNetBufferList *NetBufferList, srcNetBufferList *NetBufferList) {
	sim().CopySendNetBufferListInfo(destNetBufferList, srcNetBufferList)
}

// FreeCloneNetBufferList models NdisFreeCloneNetBufferList. Call the
// NdisFreeCloneNetBufferList function to free a NET_BUFFER_LIST structure
// and all associated NET_BUFFER structures and MDL chains that were
// previously allocated by calling the NdisAllocateCloneNetBufferList
// function.
// NDIS: NdisFreeCloneNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreeclonenetbufferlist.
func FreeCloneNetBufferList(cloneNetBufferList *NetBufferList, freeCloneFlags uint32) {
	sim().FreeCloneNetBufferList(cloneNetBufferList, freeCloneFlags)
}

// FreeFragmentNetBufferList models NdisFreeFragmentNetBufferList. Call the
// NdisFreeFragmentNetBufferList function to free a NET_BUFFER_LIST structure
// and all associated NET_BUFFER structures and MDL chains that were
// previously allocated by the calling NdisAllocateFragmentNetBufferList
// function.
// NDIS: NdisFreeFragmentNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreefragmentnetbufferlist.
func FreeFragmentNetBufferList(fragmentNetBufferList *NetBufferList, dataOffsetDelta uint32, freeFragmentFlags uint32) {
	sim().FreeFragmentNetBufferList(fragmentNetBufferList, dataOffsetDelta, freeFragmentFlags)
}

// FreeNetBufferListContext models NdisFreeNetBufferListContext. Call the
// NdisFreeNetBufferListContext function to release context space in the
// NET_BUFFER_LIST_CONTEXT structure of a NET_BUFFER_LIST structure.
// NDIS: NdisFreeNetBufferListContext. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreenetbufferlistcontext.
func FreeNetBufferListContext(netBufferList *NetBufferList, contextSize uint16) {
	sim().FreeNetBufferListContext(netBufferList, contextSize)
}

// FreeReassembledNetBufferList models NdisFreeReassembledNetBufferList. Call
// the NdisFreeReassembledNetBufferList function to free a reassembled
// NET_BUFFER_LIST structure and the associated NET_BUFFER structure and MDL
// chain.
// NDIS: NdisFreeReassembledNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisfreereassemblednetbufferlist.
func FreeReassembledNetBufferList(reassembledNetBufferList *NetBufferList, dataOffsetDelta uint32, freeReassembleFlags uint32) {
	sim().FreeReassembledNetBufferList(reassembledNetBufferList, dataOffsetDelta, freeReassembleFlags)
}

// GetDataBuffer models NdisGetDataBuffer. Call the NdisGetDataBuffer
// function to gain access to a contiguous block of data from a NET_BUFFER
// structure.
// NDIS: NdisGetDataBuffer. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisgetdatabuffer.
func GetDataBuffer(netBuffer *NetBuffer, bytesNeeded uint32, storage []byte, alignMultiple uint32, alignOffset uint32) []byte {
	return sim().GetDataBuffer(netBuffer, bytesNeeded, storage, alignMultiple, alignOffset)
}

// GetNetBufferListProtocolId models NdisGetNetBufferListProtocolId. The
// NdisGetNetBufferListProtocolId function retrieves the protocol identifier
// from the NetBufferListInfo member of a NET_BUFFER_LIST structure.
// NDIS: NdisGetNetBufferListProtocolId. IRQL: Any level. Page: nf-nblapi-ndisgetnetbufferlistprotocolid.
func GetNetBufferListProtocolId(netBufferList *NetBufferList) uint8 {
	return sim().GetNetBufferListProtocolId(netBufferList)
}

// GetPoolFromNetBuffer models NdisGetPoolFromNetBuffer. Call the
// NdisGetPoolFromNetBuffer function to get the NET_BUFFER structure pool
// handle that is associated with a specified NET_BUFFER structure.
// NDIS: NdisGetPoolFromNetBuffer. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisgetpoolfromnetbuffer.
func GetPoolFromNetBuffer(netBuffer *NetBuffer) Handle {
	return sim().GetPoolFromNetBuffer(netBuffer)
}

// GetPoolFromNetBufferList models NdisGetPoolFromNetBufferList. Call the
// NdisGetPoolFromNetBufferList function to get the NET_BUFFER_LIST structure
// pool handle that is associated with a specified NET_BUFFER_LIST structure.
// NDIS: NdisGetPoolFromNetBufferList. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisgetpoolfromnetbufferlist.
func GetPoolFromNetBufferList(netBufferList *NetBufferList) Handle {
	return sim().GetPoolFromNetBufferList(netBufferList)
}

// QueryNetBufferPhysicalCount models NdisQueryNetBufferPhysicalCount. The
// NdisQueryNetBufferPhysicalCount function returns the maximum number of
// physical breaks mapped by the buffer descriptors that are associated with
// the given NET_BUFFER structure.
// NDIS: NdisQueryNetBufferPhysicalCount. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisquerynetbufferphysicalcount.
func QueryNetBufferPhysicalCount(netBuffer *NetBuffer) uint32 {
	return sim().QueryNetBufferPhysicalCount(netBuffer)
}

// RetreatNetBufferDataStart models NdisRetreatNetBufferDataStart. Call the
// NdisRetreatNetBufferDataStart function to access more used data space in
// the MDL chain of a NET_BUFFER structure.
// NDIS: NdisRetreatNetBufferDataStart. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisretreatnetbufferdatastart.
func RetreatNetBufferDataStart(netBuffer *NetBuffer, dataOffsetDelta uint32, dataBackFill uint32, allocateMdlHandler NetBufferAllocateMdl) Status {
	return sim().RetreatNetBufferDataStart(netBuffer, dataOffsetDelta, dataBackFill, allocateMdlHandler)
}

// RetreatNetBufferListDataStart models NdisRetreatNetBufferListDataStart.
// Call the NdisRetreatNetBufferListDataStart function to increase the used
// data space in all the NET_BUFFER structures in a NET_BUFFER_LIST
// structure.
// NDIS: NdisRetreatNetBufferListDataStart. IRQL: <= DISPATCH_LEVEL. Page: nf-nblapi-ndisretreatnetbufferlistdatastart.
func RetreatNetBufferListDataStart(netBufferList *NetBufferList, dataOffsetDelta uint32, dataBackFill uint32, allocateMdlHandler NetBufferAllocateMdl, freeMdlHandler NetBufferFreeMdl) Status {
	return sim().RetreatNetBufferListDataStart(netBufferList, dataOffsetDelta, dataBackFill, allocateMdlHandler, freeMdlHandler)
}
