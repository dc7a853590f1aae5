package ndis

// The NDIS network interface DDIs (NdisIf*): interface providers, NET_LUID
// indexes, interfaces and their indexes, the interface stack table.

// IfRegisterProvider models NdisIfRegisterProvider. The
// NdisIfRegisterProvider function registers an NDIS network interface
// provider.
// NDIS: NdisIfRegisterProvider. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifregisterprovider.
func IfRegisterProvider(providerCharacteristics *IfProviderCharacteristics, ifProviderContext Handle, pNdisIfProviderHandle *Handle) Status {
	return sim().IfRegisterProvider(providerCharacteristics, ifProviderContext, pNdisIfProviderHandle)
}

// IfDeregisterProvider models NdisIfDeregisterProvider. The
// NdisIfDeregisterProvider function deregisters an interface provider that
// was previously registered by a call to the NdisIfRegisterProvider function.
// NDIS: NdisIfDeregisterProvider. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifderegisterprovider.
func IfDeregisterProvider(ndisProviderHandle Handle) {
	sim().IfDeregisterProvider(ndisProviderHandle)
}

// IfAllocateNetLuidIndex models NdisIfAllocateNetLuidIndex. The
// NdisIfAllocateNetLuidIndex function allocates a NET_LUID index for an NDIS
// network interface provider.
// NDIS: NdisIfAllocateNetLuidIndex. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifallocatenetluidindex.
func IfAllocateNetLuidIndex(ifType NetIftype, pNetLuidIndex *uint32) Status {
	return sim().IfAllocateNetLuidIndex(ifType, pNetLuidIndex)
}

// IfFreeNetLuidIndex models NdisIfFreeNetLuidIndex. The
// NdisIfFreeNetLuidIndex function frees a network interface NET_LUID index
// that was previously allocated by a call to the NdisIfAllocateNetLuidIndex
// function.
// NDIS: NdisIfFreeNetLuidIndex. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisiffreenetluidindex.
func IfFreeNetLuidIndex(ifType NetIftype, netLuidIndex uint32) Status {
	return sim().IfFreeNetLuidIndex(ifType, netLuidIndex)
}

// IfRegisterInterface models NdisIfRegisterInterface. The
// NdisIfRegisterInterface function registers an NDIS network interface.
// NDIS: NdisIfRegisterInterface. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifregisterinterface.
func IfRegisterInterface(ndisProviderHandle Handle, netLuid NetLuid, providerIfContext Handle, pIfInfo *NetIfInformation, pIfIndex *NetIfindex) Status {
	return sim().IfRegisterInterface(ndisProviderHandle, netLuid, providerIfContext, pIfInfo, pIfIndex)
}

// IfDeregisterInterface models NdisIfDeregisterInterface. The
// NdisIfDeregisterInterface function deregisters an NDIS network interface
// that was previously registered by a call to the NdisIfRegisterInterface
// function.
// NDIS: NdisIfDeregisterInterface. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifderegisterinterface.
func IfDeregisterInterface(ifIndex NetIfindex) {
	sim().IfDeregisterInterface(ifIndex)
}

// IfGetInterfaceIndexFromNetLuid models NdisIfGetInterfaceIndexFromNetLuid.
// The NdisIfGetInterfaceIndexFromNetLuid function gets the network interface
// index that is associated with a NET_LUID value.
// NDIS: NdisIfGetInterfaceIndexFromNetLuid. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifgetinterfaceindexfromnetluid.
func IfGetInterfaceIndexFromNetLuid(netLuid NetLuid, pIfIndex *NetIfindex) Status {
	return sim().IfGetInterfaceIndexFromNetLuid(netLuid, pIfIndex)
}

// IfGetNetLuidFromInterfaceIndex models NdisIfGetNetLuidFromInterfaceIndex.
// The NdisIfGetNetLuidFromInterfaceIndex function gets the NET_LUID value
// that is associated with a network interface index.
// NDIS: NdisIfGetNetLuidFromInterfaceIndex. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifgetnetluidfrominterfaceindex.
func IfGetNetLuidFromInterfaceIndex(ifIndex NetIfindex, pNetLuid *NetLuid) Status {
	return sim().IfGetNetLuidFromInterfaceIndex(ifIndex, pNetLuid)
}

// IfQueryBindingIfIndex models NdisIfQueryBindingIfIndex. The
// NdisIfQueryBindingIfIndex function retrieves the network interface indexes
// and NET_LUID values for the highest and lowest layered network interfaces
// that are associated with a specified protocol binding.
// NDIS: NdisIfQueryBindingIfIndex. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifquerybindingifindex.
func IfQueryBindingIfIndex(ndisBindingHandle Handle, pBoundIfIndex *NetIfindex, pBoundIfNetLuid *NetLuid, pLowestIfIndex *NetIfindex, pLowestIfNetLuid *NetLuid) Status {
	return sim().IfQueryBindingIfIndex(ndisBindingHandle, pBoundIfIndex, pBoundIfNetLuid, pLowestIfIndex, pLowestIfNetLuid)
}

// IfAddIfStackEntry models NdisIfAddIfStackEntry. The NdisIfAddIfStackEntry
// function specifies the ordering of two network interfaces in the NDIS
// network interface stack.
// NDIS: NdisIfAddIfStackEntry. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifaddifstackentry.
func IfAddIfStackEntry(higherLayerIfIndex NetIfindex, lowerLayerIfIndex NetIfindex) Status {
	return sim().IfAddIfStackEntry(higherLayerIfIndex, lowerLayerIfIndex)
}

// IfDeleteIfStackEntry models NdisIfDeleteIfStackEntry. The
// NdisIfDeleteIfStackEntry function deletes information about the ordering of
// two network interfaces in the NDIS interface stack.
// NDIS: NdisIfDeleteIfStackEntry. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisifdeleteifstackentry.
func IfDeleteIfStackEntry(higherLayerIfIndex NetIfindex, lowerLayerIfIndex NetIfindex) {
	sim().IfDeleteIfStackEntry(higherLayerIfIndex, lowerLayerIfIndex)
}
