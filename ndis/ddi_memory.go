package ndis

// NDIS memory.

// AllocateMemoryWithTagPriority is NdisAllocateMemoryWithTagPriority:
// allocates length bytes of (simulated) nonpaged memory, zeroed, for the
// driver that owns ndisHandle, and records the block until FreeMemory
// frees it (OutstandingAllocations lists what is left). A NULL or foreign
// ndisHandle is reported (bad-handle) and the allocation fails (nil).
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisallocatememorywithtagpriority.
func AllocateMemoryWithTagPriority(ndisHandle Handle, length uint32, tag uint32, priority ExPoolPriority) []byte {
	return sim().AllocateMemoryWithTagPriority(ndisHandle, length, tag, priority)
}

// FreeMemory is NdisFreeMemory: frees a block that
// NdisAllocateMemoryWithTagPriority returned. virtualAddress must be the
// block itself (its base); length is ignored for such memory and
// memoryFlags must be zero. Freeing a block twice (memory-double-free),
// an address no allocator returned in this run (memory-free-unknown), NULL
// or non-zero flags (bad-parameter) are reported.
// IRQL: See Remarks section (<= DISPATCH_LEVEL for this memory). Page: nf-ndis-ndisfreememory.
func FreeMemory(virtualAddress []byte, length uint32, memoryFlags uint32) {
	sim().FreeMemory(virtualAddress, length, memoryFlags)
}
