package ndis

// MAllocateSharedMemory models NdisMAllocateSharedMemory.
// NdisMAllocateSharedMemory allocates and maps a host memory range so that
// the memory range is simultaneously accessible from both the host system
// and a DMA NIC.
// NDIS: NdisMAllocateSharedMemory. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismallocatesharedmemory.
func MAllocateSharedMemory(miniportAdapterHandle Handle, length uint32, cached bool, virtualAddress *[]byte, physicalAddress *PhysicalAddress) {
	sim().MAllocateSharedMemory(miniportAdapterHandle, length, cached, virtualAddress, physicalAddress)
}

// MDeregisterInterruptEx models NdisMDeregisterInterruptEx. Miniport
// drivers call NdisMDeregisterInterruptEx to release resources that were
// previously allocated with the NdisMRegisterInterruptEx function.
// NDIS: NdisMDeregisterInterruptEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismderegisterinterruptex.
func MDeregisterInterruptEx(ndisInterruptHandle Handle) {
	sim().MDeregisterInterruptEx(ndisInterruptHandle)
}

// MDeregisterIoPortRange models NdisMDeregisterIoPortRange.
// NdisMDeregisterIoPortRange releases a mapping that was set up with
// NdisMRegisterIoPortRange during driver initialization.
// NDIS: NdisMDeregisterIoPortRange. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismderegisterioportrange.
func MDeregisterIoPortRange(miniportAdapterHandle Handle, initialPort uint32, numberOfPorts uint32, portOffset Handle) {
	sim().MDeregisterIoPortRange(miniportAdapterHandle, initialPort, numberOfPorts, portOffset)
}

// MDeregisterScatterGatherDma models NdisMDeregisterScatterGatherDma.
// Bus-master miniport drivers call NdisMDeregisterScatterGatherDma to
// release DMA resources that were allocated with the
// NdisMRegisterScatterGatherDma function.
// NDIS: NdisMDeregisterScatterGatherDma. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismderegisterscattergatherdma.
func MDeregisterScatterGatherDma(ndisMiniportDmaHandle Handle) {
	sim().MDeregisterScatterGatherDma(ndisMiniportDmaHandle)
}

// MFreeSharedMemory models NdisMFreeSharedMemory. NdisMFreeSharedMemory
// frees memory that was previously allocated by NdisMAllocateSharedMemory
// or NdisMAllocateSharedMemoryAsyncEx by the driver of a DMA NIC.
// NDIS: NdisMFreeSharedMemory. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismfreesharedmemory.
func MFreeSharedMemory(miniportAdapterHandle Handle, length uint32, cached bool, virtualAddress []byte, physicalAddress PhysicalAddress) {
	sim().MFreeSharedMemory(miniportAdapterHandle, length, cached, virtualAddress, physicalAddress)
}

// MMapIoSpace models NdisMMapIoSpace. NdisMMapIoSpace maps a given
// bus-relative &#0034;physical&#0034; range of device RAM or registers onto
// a system-space virtual range.
// NDIS: NdisMMapIoSpace. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismmapiospace.
func MMapIoSpace(virtualAddress *[]byte, miniportAdapterHandle Handle, physicalAddress PhysicalAddress, length uint32) Status {
	return sim().MMapIoSpace(virtualAddress, miniportAdapterHandle, physicalAddress, length)
}

// MNetPnPEvent models NdisMNetPnPEvent. NDIS miniport drivers (and
// intermediate drivers that are registered as miniport drivers) call the
// NdisMNetPnPEvent function to originate a network Plug and Play event, an
// NDIS PnP event, or Power Management event or propagate it to overlying
// drivers.
// NDIS: NdisMNetPnPEvent. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismnetpnpevent.
func MNetPnPEvent(miniportAdapterHandle Handle, netPnPEventNotification *NetPnpEventNotification) Status {
	return sim().MNetPnPEvent(miniportAdapterHandle, netPnPEventNotification)
}

// MRegisterInterruptEx models NdisMRegisterInterruptEx. NDIS miniport
// drivers call the NdisMRegisterInterruptEx function to register an
// interrupt.
// NDIS: NdisMRegisterInterruptEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismregisterinterruptex.
func MRegisterInterruptEx(miniportAdapterHandle Handle, miniportInterruptContext Handle, miniportInterruptCharacteristics *MiniportInterruptCharacteristics, ndisInterruptHandle *Handle) Status {
	return sim().MRegisterInterruptEx(miniportAdapterHandle, miniportInterruptContext, miniportInterruptCharacteristics, ndisInterruptHandle)
}

// MRegisterIoPortRange models NdisMRegisterIoPortRange.
// NdisMRegisterIoPortRange sets up driver access to device I/O ports with
// the NdisRawReadPortXxx and NdisRawWritePortXxx functions and claims the
// range of I/O port addresses in the registry for that driver's NIC.
// NDIS: NdisMRegisterIoPortRange. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismregisterioportrange.
func MRegisterIoPortRange(portOffset *Handle, miniportAdapterHandle Handle, initialPort uint32, numberOfPorts uint32) Status {
	return sim().MRegisterIoPortRange(portOffset, miniportAdapterHandle, initialPort, numberOfPorts)
}

// MRegisterScatterGatherDma models NdisMRegisterScatterGatherDma. Bus
// master miniport drivers call the NdisMRegisterScatterGatherDma function
// from MiniportInitializeEx to initialize a scatter/gather DMA channel.
// NDIS: NdisMRegisterScatterGatherDma. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismregisterscattergatherdma.
func MRegisterScatterGatherDma(miniportAdapterHandle Handle, dmaDescription *SgDmaDescription, ndisMiniportDmaHandle *Handle) Status {
	return sim().MRegisterScatterGatherDma(miniportAdapterHandle, dmaDescription, ndisMiniportDmaHandle)
}

// MUnmapIoSpace models NdisMUnmapIoSpace. NdisMUnmapIoSpace releases a
// virtual range mapped by an initialization-time call to NdisMMapIoSpace.
// NDIS: NdisMUnmapIoSpace. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismunmapiospace.
func MUnmapIoSpace(miniportAdapterHandle Handle, virtualAddress []byte, length uint32) {
	sim().MUnmapIoSpace(miniportAdapterHandle, virtualAddress, length)
}

// MSynchronizeWithInterruptEx models NdisMSynchronizeWithInterruptEx. A
// miniport driver calls NdisMSynchronizeWithInterruptEx to synchronize the
// execution of a driver-supplied function with the MiniportInterrupt
// function.
// NDIS: NdisMSynchronizeWithInterruptEx. IRQL: <= DIRQL. Page: nf-ndis-ndismsynchronizewithinterruptex.
func MSynchronizeWithInterruptEx(ndisInterruptHandle Handle, messageId uint32, synchronizeFunction MiniportSynchronizeInterrupt, synchronizeContext Handle) bool {
	return sim().MSynchronizeWithInterruptEx(ndisInterruptHandle, messageId, synchronizeFunction, synchronizeContext)
}

// WriteErrorLogEntry models NdisWriteErrorLogEntry. The
// NdisWriteErrorLogEntry function logs an I/O error to the system event
// log; errorValues are the page's variadic ULONGs, NumberOfErrorValues of
// them.
// NDIS: NdisWriteErrorLogEntry. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiswriteerrorlogentry.
func WriteErrorLogEntry(ndisAdapterHandle Handle, errorCode uint32, numberOfErrorValues uint32, errorValues ...uint32) {
	sim().WriteErrorLogEntry(ndisAdapterHandle, errorCode, numberOfErrorValues, errorValues...)
}
