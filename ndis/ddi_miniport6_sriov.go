package ndis

// The NDIS 6.30 SR-IOV DDIs of a miniport's PCIe Physical Function (PF)
// and Virtual Functions (VF) (issue 13).

// MEnableVirtualization models NdisMEnableVirtualization. A miniport driver
// calls the NdisMEnableVirtualization function during the creation or
// deletion of a NIC switch on the network adapter.
// NDIS: NdisMEnableVirtualization. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismenablevirtualization.
func MEnableVirtualization(ndisMiniportHandle Handle, numVFs uint16, enableVFMigration bool, enableMigrationInterrupt bool, enableVirtualization bool) Status {
	return sim().MEnableVirtualization(ndisMiniportHandle, numVFs, enableVFMigration, enableMigrationInterrupt, enableVirtualization)
}

// MReadConfigBlock models NdisMReadConfigBlock. A miniport driver for a PCI
// Express (PCIe) Virtual Function (VF) calls the NdisMReadConfigBlock
// function to read data from a VF configuration block.
// NDIS: NdisMReadConfigBlock. IRQL: <= APC_LEVEL. Page: nf-ndis-ndismreadconfigblock.
func MReadConfigBlock(ndisMiniportHandle Handle, blockId uint32, buffer []byte, length uint32) Status {
	return sim().MReadConfigBlock(ndisMiniportHandle, blockId, buffer, length)
}

// MWriteConfigBlock models NdisMWriteConfigBlock. A miniport driver for a
// PCI Express (PCIe) Virtual Function (VF) calls the NdisMWriteConfigBlock
// function to write data to a VF configuration block.
// NDIS: NdisMWriteConfigBlock. IRQL: <= APC_LEVEL. Page: nf-ndis-ndismwriteconfigblock.
func MWriteConfigBlock(ndisMiniportHandle Handle, blockId uint32, buffer []byte, length uint32) Status {
	return sim().MWriteConfigBlock(ndisMiniportHandle, blockId, buffer, length)
}

// MInvalidateConfigBlock models NdisMInvalidateConfigBlock. A miniport
// driver calls the NdisMInvalidateConfigBlock function to notify NDIS that
// the data for one or more Virtual Function (VF) configuration blocks has
// been changed.
// NDIS: NdisMInvalidateConfigBlock. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisminvalidateconfigblock.
func MInvalidateConfigBlock(ndisMiniportHandle Handle, vfId SriovFunctionId, blockMask uint64) {
	sim().MInvalidateConfigBlock(ndisMiniportHandle, vfId, blockMask)
}

// MGetVirtualFunctionBusData models NdisMGetVirtualFunctionBusData. A
// miniport driver calls the NdisMGetVirtualFunctionBusData function to read
// data from the PCI Express (PCIe) configuration space of a specified
// Virtual Function (VF) on the network adapter.
// NDIS: NdisMGetVirtualFunctionBusData. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismgetvirtualfunctionbusdata.
func MGetVirtualFunctionBusData(ndisMiniportHandle Handle, vfId SriovFunctionId, buffer []byte, offset uint32, length uint32) uint32 {
	return sim().MGetVirtualFunctionBusData(ndisMiniportHandle, vfId, buffer, offset, length)
}

// MSetVirtualFunctionBusData models NdisMSetVirtualFunctionBusData. A
// miniport driver calls the NdisMSetVirtualFunctionBusData function to
// write data to the PCI Express (PCIe) configuration space of a Virtual
// Function (VF) on the network adapter.
// NDIS: NdisMSetVirtualFunctionBusData. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismsetvirtualfunctionbusdata.
func MSetVirtualFunctionBusData(ndisMiniportHandle Handle, vfId SriovFunctionId, buffer []byte, offset uint32, length uint32) uint32 {
	return sim().MSetVirtualFunctionBusData(ndisMiniportHandle, vfId, buffer, offset, length)
}

// MGetVirtualFunctionLocation models NdisMGetVirtualFunctionLocation. A
// miniport driver calls the NdisMGetVirtualFunctionLocation function to
// query the device location of a PCI Express (PCIe) Virtual Function (VF)
// on a PCI bus.
// NDIS: NdisMGetVirtualFunctionLocation. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismgetvirtualfunctionlocation.
func MGetVirtualFunctionLocation(ndisMiniportHandle Handle, vfId SriovFunctionId, segmentNumber *uint16, busNumber *uint8, functionNumber *uint8) {
	sim().MGetVirtualFunctionLocation(ndisMiniportHandle, vfId, segmentNumber, busNumber, functionNumber)
}

// MQueryProbedBars models NdisMQueryProbedBars. A miniport driver calls the
// NdisMQueryProbedBars function to obtain the values of a network adapter's
// PCI Express (PCIe) Base Address Registers (BARs).
// NDIS: NdisMQueryProbedBars. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismqueryprobedbars.
func MQueryProbedBars(ndisMiniportHandle Handle, baseRegisterValues []uint32) Status {
	return sim().MQueryProbedBars(ndisMiniportHandle, baseRegisterValues)
}
