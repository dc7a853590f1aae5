package ndis

// The NDIS 6 intermediate driver DDIs (NdisIM*): the association of the
// driver's miniport and protocol edges, and its virtual miniports.

// IMAssociateMiniport models NdisIMAssociateMiniport. The
// NdisIMAssociateMiniport function informs NDIS that the specified lower and
// upper interfaces for miniport and protocol drivers respectively belong to
// the same intermediate driver.
// NDIS: NdisIMAssociateMiniport. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisimassociateminiport.
func IMAssociateMiniport(driverHandle Handle, protocolHandle Handle) {
	sim().IMAssociateMiniport(driverHandle, protocolHandle)
}

// IMInitializeDeviceInstanceEx models NdisIMInitializeDeviceInstanceEx. The
// NdisIMInitializeDeviceInstanceEx function initiates the initialization
// operation for a virtual miniport and optionally sets up state information
// about the virtual miniport for subsequently bound protocol drivers.
// NDIS: NdisIMInitializeDeviceInstanceEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisiminitializedeviceinstanceex.
func IMInitializeDeviceInstanceEx(driverHandle Handle, driverInstance *String, deviceContext Handle) Status {
	return sim().IMInitializeDeviceInstanceEx(driverHandle, driverInstance, deviceContext)
}

// IMCancelInitializeDeviceInstance models
// NdisIMCancelInitializeDeviceInstance. The
// NdisIMCancelInitializeDeviceInstance function cancels a preceding call to
// the NdisIMInitializeDeviceInstanceEx function.
// NDIS: NdisIMCancelInitializeDeviceInstance. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisimcancelinitializedeviceinstance.
func IMCancelInitializeDeviceInstance(driverHandle Handle, deviceInstance *String) Status {
	return sim().IMCancelInitializeDeviceInstance(driverHandle, deviceInstance)
}

// IMDeInitializeDeviceInstance models NdisIMDeInitializeDeviceInstance. The
// NdisIMDeInitializeDeviceInstance function calls an NDIS intermediate
// driver's MiniportHaltEx function to tear down the driver's virtual
// miniport.
// NDIS: NdisIMDeInitializeDeviceInstance. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisimdeinitializedeviceinstance.
func IMDeInitializeDeviceInstance(ndisMiniportHandle Handle) Status {
	return sim().IMDeInitializeDeviceInstance(ndisMiniportHandle)
}

// IMGetBindingContext models NdisIMGetBindingContext. The
// NdisIMGetBindingContext function allows an NDIS protocol driver to access
// the device context area, which was created by an underlying intermediate
// driver, for a virtual miniport to which the higher level protocol driver is
// bound.
// NDIS: NdisIMGetBindingContext. IRQL: < DISPATCH_LEVEL. Page: nf-ndis-ndisimgetbindingcontext.
func IMGetBindingContext(ndisBindingHandle Handle) Handle {
	return sim().IMGetBindingContext(ndisBindingHandle)
}
