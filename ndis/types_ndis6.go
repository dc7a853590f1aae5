package ndis

// The structures and constants of NDIS 6 miniport, filter and protocol
// drivers (issue 13), reduced to the fields the simulation and the passes
// use. Field names are the C names.

// MiniportDriverCharacteristics models NDIS_MINIPORT_DRIVER_CHARACTERISTICS,
// passed to NdisMRegisterMiniportDriver.
// Page: ns-ndis-_ndis_miniport_driver_characteristics.
type MiniportDriverCharacteristics struct {
	Header                        ObjectHeader
	MajorNdisVersion              uint8
	MinorNdisVersion              uint8
	MajorDriverVersion            uint8
	MinorDriverVersion            uint8
	Flags                         uint32
	SetOptionsHandler             SetOptions
	InitializeHandlerEx           MiniportInitialize
	HaltHandlerEx                 MiniportHalt
	UnloadHandler                 MiniportUnload
	PauseHandler                  MiniportPause
	RestartHandler                MiniportRestart
	OidRequestHandler             MiniportOidRequest
	SendNetBufferListsHandler     MiniportSendNetBufferLists
	ReturnNetBufferListsHandler   MiniportReturnNetBufferLists
	CancelSendHandler             MiniportCancelSend
	CheckForHangHandlerEx         MiniportCheckForHang
	ResetHandlerEx                MiniportReset
	DevicePnPEventNotifyHandler   MiniportDevicePnPEventNotify
	ShutdownHandlerEx             MiniportShutdown
	CancelOidRequestHandler       MiniportCancelOidRequest
	DirectOidRequestHandler       MiniportDirectOidRequest
	CancelDirectOidRequestHandler MiniportCancelDirectOidRequest
	SynchronousOidRequestHandler  MiniportSynchronousOidRequest
}

// FilterDriverCharacteristics models NDIS_FILTER_DRIVER_CHARACTERISTICS,
// passed to NdisFRegisterFilterDriver.
// Page: ns-ndis-_ndis_filter_driver_characteristics.
type FilterDriverCharacteristics struct {
	Header                               ObjectHeader
	MajorNdisVersion                     uint8
	MinorNdisVersion                     uint8
	MajorDriverVersion                   uint8
	MinorDriverVersion                   uint8
	Flags                                uint32
	FriendlyName                         String
	UniqueName                           String
	ServiceName                          String
	SetOptionsHandler                    SetOptions
	SetFilterModuleOptionsHandler        FilterSetModuleOptions
	AttachHandler                        FilterAttach
	DetachHandler                        FilterDetach
	RestartHandler                       FilterRestart
	PauseHandler                         FilterPause
	SendNetBufferListsHandler            FilterSendNetBufferLists
	SendNetBufferListsCompleteHandler    FilterSendNetBufferListsComplete
	CancelSendNetBufferListsHandler      FilterCancelSendNetBufferLists
	ReceiveNetBufferListsHandler         FilterReceiveNetBufferLists
	ReturnNetBufferListsHandler          FilterReturnNetBufferLists
	OidRequestHandler                    FilterOidRequest
	OidRequestCompleteHandler            FilterOidRequestComplete
	CancelOidRequestHandler              FilterCancelOidRequest
	DevicePnPEventNotifyHandler          FilterDevicePnPEventNotify
	NetPnPEventHandler                   FilterNetPnPEvent
	StatusHandler                        FilterStatus
	DirectOidRequestHandler              FilterDirectOidRequest
	DirectOidRequestCompleteHandler      FilterDirectOidRequestComplete
	CancelDirectOidRequestHandler        FilterCancelDirectOidRequest
	SynchronousOidRequestHandler         FilterSynchronousOidRequest
	SynchronousOidRequestCompleteHandler FilterSynchronousOidRequestComplete
}

// MiniportAdapterAttributes models NDIS_MINIPORT_ADAPTER_ATTRIBUTES, the
// union a miniport passes to NdisMSetMiniportAttributes from
// MiniportInitializeEx (registration attributes first, then general ones).
// From MiniportAddDevice it stands for the union's
// NDIS_MINIPORT_ADD_DEVICE_REGISTRATION_ATTRIBUTES: MiniportAdapterContext
// is then its MiniportAddDeviceContext.
type MiniportAdapterAttributes struct {
	Header ObjectHeader
	// MiniportAdapterContext is the registration attributes' context: the
	// value NDIS passes to every MiniportXxx function of the adapter.
	MiniportAdapterContext Handle
	// AttributeFlags are the registration attributes' flags.
	AttributeFlags uint32
	// MtuSize and MediaType are the general attributes' fields the
	// simulation reads.
	MtuSize   uint32
	MediaType Medium
}

// MiniportInitParameters models NDIS_MINIPORT_INIT_PARAMETERS.
type MiniportInitParameters struct {
	Header ObjectHeader
	Flags  uint32
	// MiniportAddDeviceContext is the context MiniportAddDevice
	// registered, or nil.
	MiniportAddDeviceContext Handle
	// IfIndex is the adapter's interface index.
	IfIndex uint32
}

// MiniportPauseParameters models NDIS_MINIPORT_PAUSE_PARAMETERS.
type MiniportPauseParameters struct {
	Header      ObjectHeader
	Flags       uint32
	PauseReason uint32
}

// MiniportRestartParameters models NDIS_MINIPORT_RESTART_PARAMETERS.
type MiniportRestartParameters struct {
	Header ObjectHeader
	Flags  uint32
}

// FilterAttributes models NDIS_FILTER_ATTRIBUTES.
type FilterAttributes struct {
	Header ObjectHeader
	Flags  uint32
}

// FilterAttachParameters models NDIS_FILTER_ATTACH_PARAMETERS.
type FilterAttachParameters struct {
	Header              ObjectHeader
	IfIndex             uint32
	BaseMiniportIfIndex uint32
	MiniportMediaType   Medium
}

// FilterPauseParameters models NDIS_FILTER_PAUSE_PARAMETERS.
type FilterPauseParameters struct {
	Header      ObjectHeader
	Flags       uint32
	PauseReason uint32
}

// FilterRestartParameters models NDIS_FILTER_RESTART_PARAMETERS.
type FilterRestartParameters struct {
	Header            ObjectHeader
	MiniportMediaType Medium
}

// NetBufferListPoolParameters models NET_BUFFER_LIST_POOL_PARAMETERS.
type NetBufferListPoolParameters struct {
	Header            ObjectHeader
	ProtocolId        uint8
	AllocateNetBuffer bool // fAllocateNetBuffer
	ContextSize       uint16
	PoolTag           uint32
	DataSize          uint32
}

// Mdl models the MDL of a NET_BUFFER's data (wdm.h), reduced to its bytes.
type Mdl struct {
	Next *Mdl
	Data []byte
}

// HaltAction models NDIS_HALT_ACTION.
type HaltAction uint32

// The NDIS_HALT_ACTION values.
const (
	HaltDeviceDisabled             HaltAction = 1
	HaltDeviceInstanceDeInstalled  HaltAction = 2
	HaltDevicePoweredDown          HaltAction = 3
	HaltDeviceSurpriseRemoved      HaltAction = 4
	HaltDeviceFailed               HaltAction = 5
	HaltDeviceInitializationFailed HaltAction = 6
	HaltDeviceStopped              HaltAction = 7
)

// ShutdownAction models NDIS_SHUTDOWN_ACTION.
type ShutdownAction uint32

// The NDIS_SHUTDOWN_ACTION values.
const (
	ShutdownPowerOff ShutdownAction = 0
	ShutdownBugCheck ShutdownAction = 1
)

// NetDevicePnpEvent models NET_DEVICE_PNP_EVENT.
type NetDevicePnpEvent struct {
	Header            ObjectHeader
	PortNumber        PortNumber
	DevicePnPEvent    uint32
	InformationBuffer []byte
}

// The NDIS_RECEIVE_FLAGS_*, NDIS_SEND_FLAGS_*, NDIS_SEND_COMPLETE_FLAGS_* and
// NDIS_RETURN_FLAGS_* values (ULONG flags of the send and receive DDIs and
// roles), with ndis.h's values.
const (
	ReceiveFlagsDispatchLevel      uint32 = 0x00000001
	ReceiveFlagsResources          uint32 = 0x00000002
	SendFlagsDispatchLevel         uint32 = 0x00000001
	SendCompleteFlagsDispatchLevel uint32 = 0x00000001
	ReturnFlagsDispatchLevel       uint32 = 0x00000001
)

// MiniportInterruptCharacteristics models
// NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS, passed to
// NdisMRegisterInterruptEx.
// Page: ns-ndis-_ndis_miniport_interrupt_characteristics.
type MiniportInterruptCharacteristics struct {
	Header                         ObjectHeader
	InterruptHandler               MiniportIsr
	InterruptDpcHandler            MiniportInterruptDPC
	DisableInterruptHandler        MiniportDisableInterrupt
	EnableInterruptHandler         MiniportEnableInterrupt
	MsiSupported                   bool
	MsiSyncWithAllMessages         bool
	MessageInterruptHandler        MiniportMessageInterrupt
	MessageInterruptDpcHandler     MiniportMessageInterruptDPC
	DisableMessageInterruptHandler MiniportDisableMessageInterrupt
	EnableMessageInterruptHandler  MiniportEnableMessageInterrupt
	InterruptType                  uint32
}

// SgDmaDescription models NDIS_SG_DMA_DESCRIPTION, reduced to the fields
// the simulation reads: the handlers NDIS calls with the scatter/gather
// lists of NdisMAllocateNetBufferSGList and the memory of
// NdisMAllocateSharedMemoryAsyncEx, and ScatterGatherListSize, which
// NdisMRegisterScatterGatherDma sets to the recommended size of a list's
// storage.
type SgDmaDescription struct {
	Header                           ObjectHeader
	Flags                            uint32
	MaximumPhysicalMapping           uint32
	ProcessSGListHandler             MiniportProcessSGList
	SharedMemAllocateCompleteHandler MiniportAllocateSharedMemComplete
	ScatterGatherListSize            uint32
}

// ConfigurationObject models NDIS_CONFIGURATION_OBJECT.
type ConfigurationObject struct {
	Header     ObjectHeader
	NdisHandle Handle
	Flags      uint32
}

// GenericObject models NDIS_GENERIC_OBJECT: the object NDIS allocates for a
// driver with NdisAllocateGenericObject.
type GenericObject struct {
	Header ObjectHeader
	Caller Handle
	// Reserved is the caller's block of Size bytes.
	Reserved []byte
}

// NetBufferPoolParameters models NET_BUFFER_POOL_PARAMETERS.
type NetBufferPoolParameters struct {
	Header   ObjectHeader
	PoolTag  uint32
	DataSize uint32
}

// NetBuffer models NET_BUFFER, reduced to its data: the used data space
// is DataLength bytes from DataOffset in the MdlChain; CurrentMdl is the
// MDL that holds the byte at DataOffset, CurrentMdlOffset its offset there.
type NetBuffer struct {
	Next             *NetBuffer
	CurrentMdl       *Mdl
	CurrentMdlOffset uint32
	MdlChain         *Mdl
	DataOffset       uint32
	DataLength       uint64
	// NdisPoolHandle is the pool NDIS allocated the structure from.
	NdisPoolHandle Handle
}

// EnumFilters models NDIS_ENUM_FILTERS, the result of
// NdisEnumerateFilterModules: in C a header that a block of
// NDIS_FILTER_INTERFACE structures follows; in the model the structure the
// function fills, with those structures in Filter, top-most filter first.
type EnumFilters struct {
	// NumberOfFilters is the number of structures in Filter.
	NumberOfFilters uint32
	// OffsetFirstFilter is where, in the C layout the simulation counts
	// with, the first NDIS_FILTER_INTERFACE starts.
	OffsetFirstFilter uint32
	// Filter are the filter modules, top-most first.
	Filter []FilterInterface
}

// FilterInterface models NDIS_FILTER_INTERFACE, one filter module of a
// stack, reduced to what the simulation knows of it.
type FilterInterface struct {
	// Flags is the type of driver that implements the filter
	// (FilterInterfaceLwFilter for an NDIS 6 filter driver).
	Flags uint32
	// FilterInstanceName is the module's instance name: the adapter's name
	// and the filter driver's FriendlyName, joined by " - ".
	FilterInstanceName String
}

// The NDIS_FILTER_INTERFACE Flags values (ndis.h).
const (
	// FilterInterfaceImFilter is NDIS_FILTER_INTERFACE_IM_FILTER.
	FilterInterfaceImFilter uint32 = 0x00000001
	// FilterInterfaceLwFilter is NDIS_FILTER_INTERFACE_LW_FILTER.
	FilterInterfaceLwFilter uint32 = 0x00000002
)
