package ndis

// AllocateGenericObject models NdisAllocateGenericObject. Components that
// do not have an NDIS handle use the NdisAllocateGenericObject function to
// allocate a generic NDIS object.
// NDIS: NdisAllocateGenericObject. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisallocategenericobject.
func AllocateGenericObject(driverObject *DriverObject, tag uint32, size uint16) *GenericObject {
	return sim().AllocateGenericObject(driverObject, tag, size)
}

// FreeGenericObject models NdisFreeGenericObject. Call the
// NdisFreeGenericObject function to free a generic object that was created
// with the NdisAllocateGenericObject function.
// NDIS: NdisFreeGenericObject. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfreegenericobject.
func FreeGenericObject(ndisObject *GenericObject) {
	sim().FreeGenericObject(ndisObject)
}
