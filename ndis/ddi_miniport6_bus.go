package ndis

// The NDIS 6 miniport DDIs of bus access, DPCs, ports and scatter/gather
// DMA (issue 13).

// MGetBusData models NdisMGetBusData. NDIS drivers call the NdisMGetBusData
// function to read the configuration space of a device.
// NDIS: NdisMGetBusData. IRQL: Any level. Page: nf-ndis-ndismgetbusdata.
func MGetBusData(ndisMiniportHandle Handle, whichSpace uint32, offset uint32, buffer []byte, length uint32) uint32 {
	return sim().MGetBusData(ndisMiniportHandle, whichSpace, offset, buffer, length)
}

// MSetBusData models NdisMSetBusData. NDIS drivers call the NdisMSetBusData
// function to write to the configuration space of a device.
// NDIS: NdisMSetBusData. IRQL: Any level. Page: nf-ndis-ndismsetbusdata.
func MSetBusData(ndisMiniportHandle Handle, whichSpace uint32, offset uint32, buffer []byte, length uint32) uint32 {
	return sim().MSetBusData(ndisMiniportHandle, whichSpace, offset, buffer, length)
}

// MQueueDpc models NdisMQueueDpc. NDIS miniport drivers call the
// NdisMQueueDpc function to schedule DPC calls on CPUs.
// NDIS: NdisMQueueDpc. IRQL: Any level. Page: nf-ndis-ndismqueuedpc.
func MQueueDpc(ndisInterruptHandle Handle, messageId uint32, targetProcessors uint32, miniportDpcContext Handle) uint32 {
	return sim().MQueueDpc(ndisInterruptHandle, messageId, targetProcessors, miniportDpcContext)
}

// MQueueDpcEx models NdisMQueueDpcEx. NDIS miniport drivers call the
// NdisMQueueDpcEx function to schedule DPC calls on CPUs.
// NDIS: NdisMQueueDpcEx. IRQL: Any level. Page: nf-ndis-ndismqueuedpcex.
func MQueueDpcEx(ndisInterruptHandle Handle, messageId uint32, targetProcessors *GroupAffinity, miniportDpcContext Handle) uint64 {
	return sim().MQueueDpcEx(ndisInterruptHandle, messageId, targetProcessors, miniportDpcContext)
}

// MAllocatePort models NdisMAllocatePort. The NdisMAllocatePort function
// allocates an NDIS port that is associated with a miniport adapter.
// NDIS: NdisMAllocatePort. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismallocateport.
func MAllocatePort(ndisMiniportHandle Handle, portCharacteristics *PortCharacteristics) Status {
	return sim().MAllocatePort(ndisMiniportHandle, portCharacteristics)
}

// MFreePort models NdisMFreePort. The NdisMFreePort function frees an NDIS
// port that was previously allocated with the NdisMAllocatePort function.
// NDIS: NdisMFreePort. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismfreeport.
func MFreePort(ndisMiniportHandle Handle, portNumber PortNumber) Status {
	return sim().MFreePort(ndisMiniportHandle, portNumber)
}

// MAllocateNetBufferSGList models NdisMAllocateNetBufferSGList. Bus-master
// miniport drivers call the NdisMAllocateNetBufferSGList function to obtain
// a scatter/gather list for the network data that is associated with a
// NET_BUFFER structure.
// NDIS: NdisMAllocateNetBufferSGList. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndismallocatenetbuffersglist.
func MAllocateNetBufferSGList(ndisMiniportDmaHandle Handle, netBuffer *NetBuffer, context Handle, flags uint32, scatterGatherListBuffer []byte, scatterGatherListBufferSize uint32) Status {
	return sim().MAllocateNetBufferSGList(ndisMiniportDmaHandle, netBuffer, context, flags, scatterGatherListBuffer, scatterGatherListBufferSize)
}

// MFreeNetBufferSGList models NdisMFreeNetBufferSGList. Bus-master miniport
// drivers call the NdisMFreeNetBufferSGList function to free scatter/gather
// list resources that were allocated by calling the
// NdisMAllocateNetBufferSGList function.
// NDIS: NdisMFreeNetBufferSGList. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndismfreenetbuffersglist.
func MFreeNetBufferSGList(ndisMiniportDmaHandle Handle, pSGL *ScatterGatherList, netBuffer *NetBuffer) {
	sim().MFreeNetBufferSGList(ndisMiniportDmaHandle, pSGL, netBuffer)
}

// MAllocateSharedMemoryAsyncEx models NdisMAllocateSharedMemoryAsyncEx.
// Miniport drivers call the NdisMAllocateSharedMemoryAsyncEx function to
// allocate additional memory shared between the driver and its bus-master
// DMA NIC, usually when the miniport driver is running low on available NIC
// receive buffers.
// NDIS: NdisMAllocateSharedMemoryAsyncEx. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismallocatesharedmemoryasyncex.
func MAllocateSharedMemoryAsyncEx(miniportDmaHandle Handle, length uint32, cached bool, context Handle) Status {
	return sim().MAllocateSharedMemoryAsyncEx(miniportDmaHandle, length, cached, context)
}

// MGetDmaAlignment models NdisMGetDmaAlignment. The NdisMGetDmaAlignment
// function returns the alignment requirements of the DMA system for a NIC.
// NDIS: NdisMGetDmaAlignment. IRQL: = PASSIVE_LEVEL. Page: nf-ndis-ndismgetdmaalignment.
func MGetDmaAlignment(miniportAdapterHandle Handle) uint32 {
	return sim().MGetDmaAlignment(miniportAdapterHandle)
}

// MQueryAdapterInstanceName models NdisMQueryAdapterInstanceName. The
// NdisMQueryAdapterInstanceName function retrieves the friendly name of a
// miniport adapter.
// NDIS: NdisMQueryAdapterInstanceName. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismqueryadapterinstancename.
func MQueryAdapterInstanceName(pAdapterInstanceName *String, miniportHandle Handle) Status {
	return sim().MQueryAdapterInstanceName(pAdapterInstanceName, miniportHandle)
}

// MGetDeviceProperty models NdisMGetDeviceProperty. The
// NdisMGetDeviceProperty function retrieves device objects required to set
// up communication with a miniport driver through a bus driver.
// NDIS: NdisMGetDeviceProperty. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismgetdeviceproperty.
func MGetDeviceProperty(miniportAdapterHandle Handle, physicalDeviceObject **DeviceObject, functionalDeviceObject **DeviceObject, nextDeviceObject **DeviceObject, allocatedResources **CmResourceList, allocatedResourcesTranslated **CmResourceList) {
	sim().MGetDeviceProperty(miniportAdapterHandle, physicalDeviceObject, functionalDeviceObject, nextDeviceObject, allocatedResources, allocatedResourcesTranslated)
}

// MRemoveMiniport models NdisMRemoveMiniport. The NdisMRemoveMiniport
// function removes the specified miniport driver adapter that the miniport
// driver has determined is unrecoverable from the system.
// NDIS: NdisMRemoveMiniport. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismremoveminiport.
func MRemoveMiniport(miniportHandle Handle) Status {
	return sim().MRemoveMiniport(miniportHandle)
}

// MResetMiniport models NdisMResetMiniport. A miniport driver calls the
// NdisMResetMiniport function to trigger a later reset operation from NDIS.
// NDIS: NdisMResetMiniport. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismresetminiport.
func MResetMiniport(miniportAdapterHandle Handle) {
	sim().MResetMiniport(miniportAdapterHandle)
}
