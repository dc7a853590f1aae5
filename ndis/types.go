package ndis

import "strconv"

// String models NDIS_STRING (a UNICODE_STRING); Go strings suffice.
type String = string

// PortNumber models NDIS_PORT_NUMBER.
type PortNumber uint32

// Oid models NDIS_OID.
type Oid uint32

// CoAddressFamily models CO_ADDRESS_FAMILY: the address family a call manager
// registers and a client opens.
type CoAddressFamily struct {
	AddressFamily uint32
	MajorVersion  uint32
	MinorVersion  uint32
}

// The CO_ADDRESS_FAMILY_XXX values.
const (
	CoAddressFamilyQ2931  uint32 = 0x1
	CoAddressFamilyPsched uint32 = 0x2
	CoAddressFamilyL2tp   uint32 = 0x3
	CoAddressFamilyIrda   uint32 = 0x4
	CoAddressFamilyTapi   uint32 = 0x800
)

// CoSap models CO_SAP: a service access point a client registers to receive
// incoming calls.
type CoSap struct {
	SapType   uint32
	SapLength uint32
	Sap       []byte
}

// CoSpecificParameters models CO_SPECIFIC_PARAMETERS.
type CoSpecificParameters struct {
	ParamType  uint32
	Length     uint32
	Parameters []byte
}

// CoFlowspec models the FLOWSPEC of a call's quality of service.
type CoFlowspec struct {
	TokenRate          uint32
	TokenBucketSize    uint32
	PeakBandwidth      uint32
	Latency            uint32
	DelayVariation     uint32
	ServiceType        uint32
	MaxSduSize         uint32
	MinimumPolicedSize uint32
}

// CoCallManagerParameters models CO_CALL_MANAGER_PARAMETERS.
type CoCallManagerParameters struct {
	Transmit        CoFlowspec
	Receive         CoFlowspec
	CallMgrSpecific CoSpecificParameters
}

// CoMediaParameters models CO_MEDIA_PARAMETERS.
type CoMediaParameters struct {
	Flags           uint32
	ReceivePriority uint32
	ReceiveSizeHint uint32
	MediaSpecific   CoSpecificParameters
}

// CoCallParameters models CO_CALL_PARAMETERS.
type CoCallParameters struct {
	Flags             uint32
	CallMgrParameters *CoCallManagerParameters
	MediaParameters   *CoMediaParameters
}

// The CO_CALL_PARAMETERS Flags and CO_MEDIA_PARAMETERS Flags values.
const (
	PermanentVc           uint32 = 0x00000001
	CallParametersChanged uint32 = 0x00000002
	QueryCallParameters   uint32 = 0x00000004
	BroadcastVc           uint32 = 0x00000008
	MultipointVc          uint32 = 0x00000010
	TransmitVc            uint32 = 0x00020000
	ReceiveVc             uint32 = 0x00010000
)

// NetBufferList models NET_BUFFER_LIST, reduced to what the simulation needs:
// a chain, a payload, the completion status, and the C fields the NET_BUFFER
// API (nblapi) reads and writes.
type NetBufferList struct {
	Next *NetBufferList
	// Data is the model's payload: a list a driver builds itself carries
	// its bytes here; for a list with NET_BUFFERs NDIS keeps it equal to
	// the used data space of FirstNetBuffer after each nblapi DDI that
	// changes it.
	Data   []byte
	Status Status
	// SourceHandle is set by NDIS while the list is owned by a lower driver.
	SourceHandle Handle
	// FirstNetBuffer is the first NET_BUFFER of the list (nil for a list
	// that carries only Data).
	FirstNetBuffer *NetBuffer
	// Context is the list's NET_BUFFER_LIST_CONTEXT stack
	// (NdisAllocateNetBufferListContext).
	Context *NetBufferListContext
	// ParentNetBufferList and ChildRefCount are the driver's: a driver
	// that derives lists (a clone it sends down) points each at its
	// original and counts them there; NDIS does not set them.
	ParentNetBufferList *NetBufferList
	ChildRefCount       int32
	// NdisPoolHandle is the pool NDIS allocated the list from (NULL for a
	// list a driver made itself).
	NdisPoolHandle Handle
	// ProtocolReserved and MiniportReserved are the areas reserved for the
	// protocol driver and the miniport driver (NET_BUFFER_LIST_PROTOCOL_RESERVED,
	// NET_BUFFER_LIST_MINIPORT_RESERVED); Scratch is the current owner's, NULL
	// when NDIS allocates the list. NDIS never reads them.
	ProtocolReserved [4]Handle
	MiniportReserved [2]Handle
	Scratch          Handle
	// NblFlags are the list's NDIS_NBL_FLAGS_XXX and NBL_FLAGS_XXX bits: the
	// nblaccessors macros NdisSetNblFlag, NdisClearNblFlag, NdisTestNblFlag
	// and NdisTestNblFlags are nbl.NblFlags |= f, &^= f, &f != 0 and
	// &f == f (NET_BUFFER_LIST_NBL_FLAGS reads it). Flags are the
	// NET_BUFFER_LIST_FLAGS bits the list's owner defines.
	NblFlags uint32
	Flags    uint32
	// NetBufferListInfo holds the per-list information NDIS_NET_BUFFER_LIST_INFO
	// indexes, up to NetBufferListFrameType (values 0 to 7 of ndis.h's
	// enumeration; the model has no use for the later ones).
	NetBufferListInfo [8]Handle
}

// NetBufferListContext models NET_BUFFER_LIST_CONTEXT: a block of context
// space; the used part is ContextData[Offset:Size].
type NetBufferListContext struct {
	Next        *NetBufferListContext
	Size        uint16
	Offset      uint16
	ContextData []byte
}

// NetBufferListInfo models NDIS_NET_BUFFER_LIST_INFO, the index of
// NET_BUFFER_LIST.NetBufferListInfo.
type NetBufferListInfo uint32

// The NDIS_NET_BUFFER_LIST_INFO values the model uses.
const (
	// NetBufferListCancelId holds the CancelId of
	// NDIS_SET_NET_BUFFER_LIST_CANCEL_ID, which NdisCancelSendNetBufferLists
	// and NdisFCancelSendNetBufferLists name.
	NetBufferListCancelId NetBufferListInfo = 5
	// NetBufferListProtocolId (NetBufferListFrameType) holds the protocol
	// identifier NdisGetNetBufferListProtocolId returns.
	NetBufferListProtocolId NetBufferListInfo = 7
)

// OidRequest models NDIS_OID_REQUEST, reduced to the query/set of one OID.
type OidRequest struct {
	Header            ObjectHeader
	RequestType       RequestType
	PortNumber        PortNumber
	Timeout           uint32
	RequestId         Handle
	Oid               Oid
	InformationBuffer []byte
	BytesWritten      uint32
	BytesRead         uint32
	BytesNeeded       uint32
}

// RequestType models NDIS_REQUEST_TYPE.
type RequestType uint32

// The NDIS_REQUEST_TYPE values used with CoNDIS.
const (
	RequestQueryInformation RequestType = 0
	RequestSetInformation   RequestType = 1
	RequestQueryStatistics  RequestType = 2
	RequestMethod           RequestType = 12
)

// StatusIndication models NDIS_STATUS_INDICATION.
type StatusIndication struct {
	Header            ObjectHeader
	SourceHandle      Handle
	PortNumber        PortNumber
	StatusCode        Status
	Flags             uint32
	DestinationHandle Handle
	StatusBuffer      []byte
}

// BindParameters models NDIS_BIND_PARAMETERS, reduced to what a CoNDIS
// protocol reads.
type BindParameters struct {
	Header           ObjectHeader
	ProtocolSection  String
	AdapterName      String
	MediaType        Medium
	MtuSize          uint32
	MaxXmitLinkSpeed uint64
}

// OpenParameters models NDIS_OPEN_PARAMETERS.
type OpenParameters struct {
	Header              ObjectHeader
	AdapterName         String
	MediumArray         []Medium
	SelectedMediumIndex *uint32
	FrameTypeArray      []uint16
}

// Medium models NDIS_MEDIUM.
type Medium uint32

// The NDIS_MEDIUM values CoNDIS drivers bind to.
const (
	Medium802_3 Medium = 0
	MediumWan   Medium = 3
	MediumAtm   Medium = 7
	MediumCoWan Medium = 11
)

// NetPnpEventNotification models NET_PNP_EVENT_NOTIFICATION.
type NetPnpEventNotification struct {
	Header      ObjectHeader
	PortNumber  PortNumber
	NetPnPEvent NetPnpEvent
}

// NetPnpEvent models NET_PNP_EVENT.
type NetPnpEvent struct {
	NetEvent NetPnpEventCode
	Buffer   []byte
}

// NetPnpEventCode models NET_PNP_EVENT_CODE.
type NetPnpEventCode uint32

// The NET_PNP_EVENT_CODE values.
const (
	NetEventSetPower           NetPnpEventCode = 0
	NetEventQueryPower         NetPnpEventCode = 1
	NetEventQueryRemoveDevice  NetPnpEventCode = 2
	NetEventCancelRemoveDevice NetPnpEventCode = 3
	NetEventReconfigure        NetPnpEventCode = 4
	NetEventBindList           NetPnpEventCode = 5
	NetEventBindsComplete      NetPnpEventCode = 6
	NetEventPnPCapabilities    NetPnpEventCode = 7
	NetEventPause              NetPnpEventCode = 8
	NetEventRestart            NetPnpEventCode = 9
)

// netPnpEventNames are the NET_PNP_EVENT_CODE names, by value.
var netPnpEventNames = [...]string{"NetEventSetPower", "NetEventQueryPower", "NetEventQueryRemoveDevice",
	"NetEventCancelRemoveDevice", "NetEventReconfigure", "NetEventBindList", "NetEventBindsComplete",
	"NetEventPnPCapabilities", "NetEventPause", "NetEventRestart"}

// String returns the code's name in ndis.h (NetEventPause), or its number
// for a code the model does not name.
func (c NetPnpEventCode) String() string {
	if int(c) < len(netPnpEventNames) {
		return netPnpEventNames[c]
	}
	return "NET_PNP_EVENT_CODE(" + strconv.FormatUint(uint64(c), 10) + ")"
}

// DriverObject models the DRIVER_OBJECT a driver receives in DriverEntry.
type DriverObject struct {
	DriverName string
}

// TimerCharacteristics models NDIS_TIMER_CHARACTERISTICS.
type TimerCharacteristics struct {
	Header          ObjectHeader
	AllocationTag   uint32
	TimerFunction   TimerFunction
	FunctionContext Handle
}

// PhysicalAddress models NDIS_PHYSICAL_ADDRESS.
type PhysicalAddress int64

// The EX_POOL_PRIORITY values for NdisAllocateMemoryWithTagPriority.
type ExPoolPriority uint32

// EX_POOL_PRIORITY values.
const (
	LowPoolPriority    ExPoolPriority = 0
	NormalPoolPriority ExPoolPriority = 16
	HighPoolPriority   ExPoolPriority = 32
)
