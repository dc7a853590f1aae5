package ndis

// The types of the NDIS 6 miniport Plug and Play, scatter/gather DMA,
// selective suspend and bus-access DDIs and roles (issue 13), reduced to
// the fields the simulation uses.

// MiniportPnpCharacteristics models NDIS_MINIPORT_PNP_CHARACTERISTICS, which
// a miniport driver that supports MSI-X passes to NdisSetOptionalHandlers
// from its MiniportSetOptions function.
// Page: ns-ndis-_ndis_miniport_pnp_characteristics.
type MiniportPnpCharacteristics struct {
	Header                                    ObjectHeader
	MiniportAddDeviceHandler                  MiniportAddDevice
	MiniportRemoveDeviceHandler               MiniportRemoveDevice
	MiniportFilterResourceRequirementsHandler MiniportPnpIrp
	MiniportStartDeviceHandler                MiniportPnpIrp
	Flags                                     uint32
}

// MiniportSsCharacteristics models NDIS_MINIPORT_SS_CHARACTERISTICS, the
// NDIS selective suspend handlers a miniport driver passes to
// NdisSetOptionalHandlers from its MiniportSetOptions function.
// Page: ns-ndis-_ndis_miniport_ss_characteristics.
type MiniportSsCharacteristics struct {
	Header                        ObjectHeader
	Flags                         uint32
	IdleNotificationHandler       MiniportIdleNotification
	CancelIdleNotificationHandler MiniportCancelIdleNotification
}

// optionalHandlers names the structure in NDIS spelling.
func (*MiniportPnpCharacteristics) optionalHandlers() string {
	return "NDIS_MINIPORT_PNP_CHARACTERISTICS"
}

// optionalHandlers names the structure in NDIS spelling.
func (*MiniportSsCharacteristics) optionalHandlers() string {
	return "NDIS_MINIPORT_SS_CHARACTERISTICS"
}

// Irp models IRP, the I/O request packet NDIS passes to MiniportPnpIrp,
// reduced to its Plug and Play minor function (IRP_MN_START_DEVICE, 0x00,
// or IRP_MN_FILTER_RESOURCE_REQUIREMENTS, 0x0D) and the status the driver
// sets.
type Irp struct {
	MinorFunction uint8
	Status        Status
}

// DeviceObject models DEVICE_OBJECT, reduced to what identifies it: the
// functional device object NDIS created for a miniport adapter.
type DeviceObject struct {
	// Name is the device's name, for diagnostics.
	Name string
}

// ScatterGatherElement models SCATTER_GATHER_ELEMENT: one physically
// contiguous fragment of a buffer.
type ScatterGatherElement struct {
	Address PhysicalAddress
	Length  uint32
}

// ScatterGatherList models SCATTER_GATHER_LIST: the fragments HAL built for
// a NET_BUFFER that NdisMAllocateNetBufferSGList mapped.
type ScatterGatherList struct {
	NumberOfElements uint32
	Elements         []ScatterGatherElement
}

// DevicePowerState models NDIS_DEVICE_POWER_STATE.
type DevicePowerState uint32

// The NDIS_DEVICE_POWER_STATE values.
const (
	NdisDeviceStateUnspecified DevicePowerState = 0
	NdisDeviceStateD0          DevicePowerState = 1
	NdisDeviceStateD1          DevicePowerState = 2
	NdisDeviceStateD2          DevicePowerState = 3
	NdisDeviceStateD3          DevicePowerState = 4
)

// PortCharacteristics models NDIS_PORT_CHARACTERISTICS, reduced to the
// fields the simulation uses: NdisMAllocatePort sets PortNumber to the
// number NDIS assigned.
type PortCharacteristics struct {
	Header     ObjectHeader
	PortNumber PortNumber
	Flags      uint32
}

// GroupAffinity models GROUP_AFFINITY: a set of processors (Mask, a
// KAFFINITY) in one processor group.
type GroupAffinity struct {
	Mask  uint64
	Group uint16
}

// CmResourceList models CM_RESOURCE_LIST: the hardware resources the Plug
// and Play manager assigned to a device, reduced to one full descriptor per
// bus.
type CmResourceList struct {
	Count uint32
	List  []CmFullResourceDescriptor
}

// CmFullResourceDescriptor models CM_FULL_RESOURCE_DESCRIPTOR, reduced to
// its bus and partial resource list.
type CmFullResourceDescriptor struct {
	InterfaceType       uint32
	BusNumber           uint32
	PartialResourceList CmPartialResourceList
}

// CmPartialResourceList models CM_PARTIAL_RESOURCE_LIST.
type CmPartialResourceList struct {
	Count              uint32
	PartialDescriptors []CmPartialResourceDescriptor
}

// CmPartialResourceDescriptor models CM_PARTIAL_RESOURCE_DESCRIPTOR,
// reduced to its Type (CmResourceTypeMemory 3, CmResourceTypeInterrupt 2)
// and, for the union u, the start (a memory range's address, an
// interrupt's vector) and length of the resource.
type CmPartialResourceDescriptor struct {
	Type   uint8
	Start  PhysicalAddress
	Length uint32
}

// SriovFunctionId models NDIS_SRIOV_FUNCTION_ID: the identifier of a PCIe
// Virtual Function.
type SriovFunctionId uint16

// DmaDescription models NDIS_DMA_DESCRIPTION, which a driver of a
// subordinate-DMA NIC passes to NdisMRegisterDmaChannel, reduced to the
// fields the simulation uses (not DmaWidth and DmaSpeed).
type DmaDescription struct {
	DemandMode          bool
	AutoInitialize      bool
	DmaChannelSpecified bool
	DmaPort             uint32
	DmaChannel          uint32
}

// MsixConfigParameters models NDIS_MSIX_CONFIG_PARAMETERS, the request of
// NdisMConfigMSIXTableEntry.
type MsixConfigParameters struct {
	Header          ObjectHeader
	ConfigOperation MsixTableOperation
	TableEntry      uint32
	MessageNumber   uint32
}

// MsixTableOperation models NDIS_MSIX_TABLE_OPERATION.
type MsixTableOperation uint32

// The NDIS_MSIX_TABLE_OPERATION values.
const (
	NdisMSIXTableConfigSetTableEntry    MsixTableOperation = 0
	NdisMSIXTableConfigMaskTableEntry   MsixTableOperation = 1
	NdisMSIXTableConfigUnmaskTableEntry MsixTableOperation = 2
)
