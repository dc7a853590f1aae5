package ndis

// The system DMA DDIs of subordinate-DMA and ISA bus-master NICs, which
// their pages support for NDIS 6.0 miniport drivers, and the MSI-X table
// DDI (issue 13).

// MRegisterDmaChannel models NdisMRegisterDmaChannel. The
// NdisMRegisterDmaChannel function claims a system DMA controller channel
// during initialization for DMA operations on a subordinate NIC or on an
// ISA bus-master NIC.
// NDIS: NdisMRegisterDmaChannel. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismregisterdmachannel.
func MRegisterDmaChannel(miniportDmaHandle *Handle, miniportAdapterHandle Handle, dmaChannel uint32, dma32BitAddresses bool, dmaDescription *DmaDescription, maximumLength uint32) Status {
	return sim().MRegisterDmaChannel(miniportDmaHandle, miniportAdapterHandle, dmaChannel, dma32BitAddresses, dmaDescription, maximumLength)
}

// MDeregisterDmaChannel models NdisMDeregisterDmaChannel. The
// NdisMDeregisterDmaChannel function releases a miniport driver's claim on
// a DMA channel for a NIC.
// NDIS: NdisMDeregisterDmaChannel. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismderegisterdmachannel.
func MDeregisterDmaChannel(miniportDmaHandle Handle) {
	sim().MDeregisterDmaChannel(miniportDmaHandle)
}

// MReadDmaCounter models NdisMReadDmaCounter. The NdisMReadDmaCounter
// function returns the current value of the system DMA controller's
// counter.
// NDIS: NdisMReadDmaCounter. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismreaddmacounter.
func MReadDmaCounter(miniportDmaHandle Handle) uint32 {
	return sim().MReadDmaCounter(miniportDmaHandle)
}

// MSetupDmaTransfer models NdisMSetupDmaTransfer. The NdisMSetupDmaTransfer
// function sets up the host DMA controller for a DMA transfer.
// NDIS: NdisMSetupDmaTransfer. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismsetupdmatransfer.
func MSetupDmaTransfer(s *Status, h Handle, b *Mdl, o uint32, l uint32, m bool) {
	sim().MSetupDmaTransfer(s, h, b, o, l, m)
}

// MCompleteDmaTransfer models NdisMCompleteDmaTransfer. The
// NdisMCompleteDmaTransfer function indicates that a system DMA transfer
// operation has completed. It resets the system DMA controller in
// preparation for further DMA transfers.
// NDIS: NdisMCompleteDmaTransfer. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismcompletedmatransfer.
func MCompleteDmaTransfer(s *Status, h Handle, b *Mdl, o uint32, l uint32, m bool) {
	sim().MCompleteDmaTransfer(s, h, b, o, l, m)
}

// MConfigMSIXTableEntry models NdisMConfigMSIXTableEntry. NDIS miniport
// drivers that support MSI-X call the NdisMConfigMSIXTableEntry function to
// mask, unmask, or map MSI-X table entries to device-assigned MSI-X
// messages.
// NDIS: NdisMConfigMSIXTableEntry. IRQL: See Remarks section. Page: nf-ndis-ndismconfigmsixtableentry.
func MConfigMSIXTableEntry(ndisMiniportHandle Handle, msixConfigParameters *MsixConfigParameters) Status {
	return sim().MConfigMSIXTableEntry(ndisMiniportHandle, msixConfigParameters)
}
