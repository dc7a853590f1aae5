package ndis

// The NDIS 6 miniport roles of Plug and Play, scatter/gather DMA and
// selective suspend (issue 13), in the form of roles.go: one named function
// type per role typedef.

// MiniportAddDevice is the MINIPORT_ADD_DEVICE role. The MiniportAddDevice
// function enables a miniport driver to establish a context area for an
// added device.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_add_device.
type MiniportAddDevice func(ndisMiniportHandle Handle, miniportDriverContext Handle) Status

// MiniportRemoveDevice is the MINIPORT_REMOVE_DEVICE role. The
// MiniportRemoveDevice function releases resources that the
// MiniportAddDevice function allocated.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_remove_device.
type MiniportRemoveDevice func(miniportAddDeviceContext Handle)

// MiniportPnpIrp is the MINIPORT_PNP_IRP role. MiniportPnpIrp itself is
// never defined by miniport drivers directly: it is defined either as
// MiniportFilterResourceRequirements, which modifies the resource
// requirements for a device, or as MiniportStartDevice, which removes the
// resources the driver added in MiniportFilterResourceRequirements.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_pnp_irp.
type MiniportPnpIrp func(miniportAddDeviceContext Handle, irp *Irp) Status

// MiniportAllocateSharedMemComplete is the
// MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE role. NDIS calls a miniport
// driver's MiniportSharedMemoryAllocateComplete function to complete a
// shared memory allocation request that the miniport driver started by
// calling the NdisMAllocateSharedMemoryAsyncEx function.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_allocate_shared_mem_complete.
type MiniportAllocateSharedMemComplete func(miniportAdapterContext Handle, virtualAddress []byte, physicalAddress *PhysicalAddress, length uint32, context Handle)

// MiniportProcessSGList is the MINIPORT_PROCESS_SG_LIST role. NDIS calls a
// miniport driver's MiniportProcessSGList function to process
// scatter/gather lists for network data.
// NDIS calls it at DISPATCH_LEVEL.
// Page: nc-ndis-miniport_process_sg_list.
type MiniportProcessSGList func(pDO *DeviceObject, reserved Handle, pSGL *ScatterGatherList, context Handle)

// MiniportIdleNotification is the MINIPORT_IDLE_NOTIFICATION role. NDIS
// calls the MiniportIdleNotification handler function to start the NDIS
// selective suspend operation on an idle network adapter.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_idle_notification.
type MiniportIdleNotification func(miniportAdapterContext Handle, forceIdle bool) Status

// MiniportCancelIdleNotification is the MINIPORT_CANCEL_IDLE_NOTIFICATION
// role. NDIS calls the MiniportCancelIdleNotification handler function to
// notify the miniport driver that NDIS has detected activity on the
// suspended network adapter.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-miniport_cancel_idle_notification.
type MiniportCancelIdleNotification func(miniportAdapterContext Handle)
