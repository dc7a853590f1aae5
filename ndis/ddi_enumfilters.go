package ndis

// NdisEnumerateFilterModules, the filter-stack enumeration of SDV's
// Irql_Filter_Driver_Function rule.

// EnumerateFilterModules models NdisEnumerateFilterModules. It fills
// interfaceBuffer with the filter modules of the stack ndisHandle belongs
// to (a miniport adapter, binding or filter module handle), top-most
// first, and sets *bytesWritten; *bytesNeeded is the length the whole
// result takes (see docs/model.md for how the simulation counts it). It
// returns NDIS_STATUS_BUFFER_TOO_SHORT, writing nothing, when
// interfaceBufferLength is less (or interfaceBuffer is nil), and
// NDIS_STATUS_INVALID_PARAMETER for another handle (reported: bad-handle).
// NDIS: NdisEnumerateFilterModules. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisenumeratefiltermodules.
func EnumerateFilterModules(ndisHandle Handle, interfaceBuffer *EnumFilters, interfaceBufferLength uint32, bytesNeeded *uint32, bytesWritten *uint32) Status {
	return sim().EnumerateFilterModules(ndisHandle, interfaceBuffer, interfaceBufferLength, bytesNeeded, bytesWritten)
}
