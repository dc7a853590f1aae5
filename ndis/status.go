package ndis

import "fmt"

// Status models NDIS_STATUS. The constants carry the real ndis.h values (as
// unsigned 32-bit patterns; NDIS_STATUS is a signed int in C, and the error
// values are those with the top bit set).
type Status uint32

// The NDIS_STATUS_XXX values of ndis.h.
const (
	// StatusSuccess is NDIS_STATUS_SUCCESS.
	StatusSuccess Status = 0x00000000
	// StatusPending is NDIS_STATUS_PENDING.
	StatusPending Status = 0x00000103
	// StatusNotRecognized is NDIS_STATUS_NOT_RECOGNIZED.
	StatusNotRecognized Status = 0x00010001
	// StatusNotCopied is NDIS_STATUS_NOT_COPIED.
	StatusNotCopied Status = 0x00010002
	// StatusNotAccepted is NDIS_STATUS_NOT_ACCEPTED.
	StatusNotAccepted Status = 0x00010003
	// StatusCallActive is NDIS_STATUS_CALL_ACTIVE.
	StatusCallActive Status = 0x00010007
	// StatusPaused is NDIS_STATUS_PAUSED (STATUS_NDIS_PAUSED): what a paused
	// miniport or filter completes sends with.
	StatusPaused Status = 0xC023002A
	// StatusInterfaceNotFound is NDIS_STATUS_INTERFACE_NOT_FOUND
	// (STATUS_NDIS_INTERFACE_NOT_FOUND): no interface has the given index or
	// NET_LUID.
	StatusInterfaceNotFound Status = 0xC023002B
	// StatusDuplicateObjectid is NDIS_STATUS_DUPLICATE_OBJECTID
	// (STATUS_DUPLICATE_OBJECTID): an interface with the NET_LUID exists.
	StatusDuplicateObjectid Status = 0xC000022A
	// StatusAlreadyComplete is NDIS_STATUS_ALREADY_COMPLETE
	// (STATUS_ALREADY_COMPLETE).
	StatusAlreadyComplete Status = 0x000000FF
	// StatusIndicationRequired is NDIS_STATUS_INDICATION_REQUIRED.
	StatusIndicationRequired Status = 0x40230001
	// StatusOnline is NDIS_STATUS_ONLINE.
	StatusOnline Status = 0x40010003
	// StatusResetStart is NDIS_STATUS_RESET_START.
	StatusResetStart Status = 0x40010004
	// StatusResetEnd is NDIS_STATUS_RESET_END.
	StatusResetEnd Status = 0x40010005
	// StatusRingStatus is NDIS_STATUS_RING_STATUS.
	StatusRingStatus Status = 0x40010006
	// StatusClosed is NDIS_STATUS_CLOSED.
	StatusClosed Status = 0x40010007
	// StatusWanLineUp is NDIS_STATUS_WAN_LINE_UP.
	StatusWanLineUp Status = 0x40010008
	// StatusWanLineDown is NDIS_STATUS_WAN_LINE_DOWN.
	StatusWanLineDown Status = 0x40010009
	// StatusWanFragment is NDIS_STATUS_WAN_FRAGMENT.
	StatusWanFragment Status = 0x4001000A
	// StatusMediaConnect is NDIS_STATUS_MEDIA_CONNECT.
	StatusMediaConnect Status = 0x4001000B
	// StatusMediaDisconnect is NDIS_STATUS_MEDIA_DISCONNECT.
	StatusMediaDisconnect Status = 0x4001000C
	// StatusHardwareLineUp is NDIS_STATUS_HARDWARE_LINE_UP.
	StatusHardwareLineUp Status = 0x4001000D
	// StatusHardwareLineDown is NDIS_STATUS_HARDWARE_LINE_DOWN.
	StatusHardwareLineDown Status = 0x4001000E
	// StatusInterfaceUp is NDIS_STATUS_INTERFACE_UP.
	StatusInterfaceUp Status = 0x4001000F
	// StatusInterfaceDown is NDIS_STATUS_INTERFACE_DOWN.
	StatusInterfaceDown Status = 0x40010010
	// StatusMediaBusy is NDIS_STATUS_MEDIA_BUSY.
	StatusMediaBusy Status = 0x40010011
	// StatusMediaSpecificIndication is NDIS_STATUS_MEDIA_SPECIFIC_INDICATION.
	StatusMediaSpecificIndication Status = 0x40010012
	// StatusLinkSpeedChange is NDIS_STATUS_LINK_SPEED_CHANGE.
	StatusLinkSpeedChange Status = 0x40010013
	// StatusWanGetStats is NDIS_STATUS_WAN_GET_STATS.
	StatusWanGetStats Status = 0x40010014
	// StatusWanCoFragment is NDIS_STATUS_WAN_CO_FRAGMENT.
	StatusWanCoFragment Status = 0x40010015
	// StatusWanCoLinkparams is NDIS_STATUS_WAN_CO_LINKPARAMS.
	StatusWanCoLinkparams Status = 0x40010016
	// StatusNotResettable is NDIS_STATUS_NOT_RESETTABLE.
	StatusNotResettable Status = 0x80010001
	// StatusSoftErrors is NDIS_STATUS_SOFT_ERRORS.
	StatusSoftErrors Status = 0x80010003
	// StatusHardErrors is NDIS_STATUS_HARD_ERRORS.
	StatusHardErrors Status = 0x80010004
	// StatusBufferOverflow is NDIS_STATUS_BUFFER_OVERFLOW.
	StatusBufferOverflow Status = 0x80000005
	// StatusFailure is NDIS_STATUS_FAILURE.
	StatusFailure Status = 0xC0000001
	// StatusBusy is NDIS_STATUS_BUSY (STATUS_DEVICE_BUSY): what a
	// MiniportIdleNotification that vetoes the idle notification returns.
	StatusBusy Status = 0x80000011
	// StatusInvalidPort is NDIS_STATUS_INVALID_PORT (STATUS_NDIS_INVALID_PORT):
	// NdisMFreePort of a port number that is not allocated.
	StatusInvalidPort Status = 0xC023002D
	// StatusInvalidPortState is NDIS_STATUS_INVALID_PORT_STATE
	// (STATUS_NDIS_INVALID_PORT_STATE).
	StatusInvalidPortState Status = 0xC023002E
	// StatusResources is NDIS_STATUS_RESOURCES.
	StatusResources Status = 0xC000009A
	// StatusClosing is NDIS_STATUS_CLOSING.
	StatusClosing Status = 0xC0010002
	// StatusBadVersion is NDIS_STATUS_BAD_VERSION.
	StatusBadVersion Status = 0xC0010004
	// StatusBadCharacteristics is NDIS_STATUS_BAD_CHARACTERISTICS.
	StatusBadCharacteristics Status = 0xC0010005
	// StatusAdapterNotFound is NDIS_STATUS_ADAPTER_NOT_FOUND.
	StatusAdapterNotFound Status = 0xC0010006
	// StatusOpenFailed is NDIS_STATUS_OPEN_FAILED.
	StatusOpenFailed Status = 0xC0010007
	// StatusDeviceFailed is NDIS_STATUS_DEVICE_FAILED.
	StatusDeviceFailed Status = 0xC0010008
	// StatusMulticastFull is NDIS_STATUS_MULTICAST_FULL.
	StatusMulticastFull Status = 0xC0010009
	// StatusMulticastExists is NDIS_STATUS_MULTICAST_EXISTS.
	StatusMulticastExists Status = 0xC001000A
	// StatusMulticastNotFound is NDIS_STATUS_MULTICAST_NOT_FOUND.
	StatusMulticastNotFound Status = 0xC001000B
	// StatusRequestAborted is NDIS_STATUS_REQUEST_ABORTED.
	StatusRequestAborted Status = 0xC0000240
	// StatusSendAborted is NDIS_STATUS_SEND_ABORTED (STATUS_NDIS_REQUEST_ABORTED):
	// the status of sends a driver completes because they were cancelled.
	StatusSendAborted Status = 0xC023000C
	// StatusResetInProgress is NDIS_STATUS_RESET_IN_PROGRESS.
	StatusResetInProgress Status = 0xC001000D
	// StatusClosingIndicating is NDIS_STATUS_CLOSING_INDICATING.
	StatusClosingIndicating Status = 0xC001000E
	// StatusNotSupported is NDIS_STATUS_NOT_SUPPORTED.
	StatusNotSupported Status = 0xC00000BB
	// StatusInvalidPacket is NDIS_STATUS_INVALID_PACKET.
	StatusInvalidPacket Status = 0xC001000F
	// StatusOpenListFull is NDIS_STATUS_OPEN_LIST_FULL.
	StatusOpenListFull Status = 0xC0010010
	// StatusAdapterNotReady is NDIS_STATUS_ADAPTER_NOT_READY.
	StatusAdapterNotReady Status = 0xC0010011
	// StatusAdapterNotOpen is NDIS_STATUS_ADAPTER_NOT_OPEN.
	StatusAdapterNotOpen Status = 0xC0010012
	// StatusNotIndicating is NDIS_STATUS_NOT_INDICATING.
	StatusNotIndicating Status = 0xC0010013
	// StatusInvalidLength is NDIS_STATUS_INVALID_LENGTH.
	StatusInvalidLength Status = 0xC0010014
	// StatusInvalidData is NDIS_STATUS_INVALID_DATA.
	StatusInvalidData Status = 0xC0010015
	// StatusBufferTooShort is NDIS_STATUS_BUFFER_TOO_SHORT.
	StatusBufferTooShort Status = 0xC0010016
	// StatusInvalidOid is NDIS_STATUS_INVALID_OID.
	StatusInvalidOid Status = 0xC0010017
	// StatusAdapterRemoved is NDIS_STATUS_ADAPTER_REMOVED.
	StatusAdapterRemoved Status = 0xC0010018
	// StatusUnsupportedMedia is NDIS_STATUS_UNSUPPORTED_MEDIA.
	StatusUnsupportedMedia Status = 0xC0010019
	// StatusGroupAddressInUse is NDIS_STATUS_GROUP_ADDRESS_IN_USE.
	StatusGroupAddressInUse Status = 0xC001001A
	// StatusFileNotFound is NDIS_STATUS_FILE_NOT_FOUND.
	StatusFileNotFound Status = 0xC001001B
	// StatusErrorReadingFile is NDIS_STATUS_ERROR_READING_FILE.
	StatusErrorReadingFile Status = 0xC001001C
	// StatusAlreadyMapped is NDIS_STATUS_ALREADY_MAPPED.
	StatusAlreadyMapped Status = 0xC001001D
	// StatusResourceConflict is NDIS_STATUS_RESOURCE_CONFLICT.
	StatusResourceConflict Status = 0xC001001E
	// StatusNoCable is NDIS_STATUS_NO_CABLE.
	StatusNoCable Status = 0xC001001F
	// StatusInvalidSap is NDIS_STATUS_INVALID_SAP.
	StatusInvalidSap Status = 0xC0010020
	// StatusSapInUse is NDIS_STATUS_SAP_IN_USE.
	StatusSapInUse Status = 0xC0010021
	// StatusInvalidAddress is NDIS_STATUS_INVALID_ADDRESS.
	StatusInvalidAddress Status = 0xC0010022
	// StatusVcNotActivated is NDIS_STATUS_VC_NOT_ACTIVATED.
	StatusVcNotActivated Status = 0xC0010023
	// StatusDestOutOfOrder is NDIS_STATUS_DEST_OUT_OF_ORDER.
	StatusDestOutOfOrder Status = 0xC0010024
	// StatusVcNotAvailable is NDIS_STATUS_VC_NOT_AVAILABLE.
	StatusVcNotAvailable Status = 0xC0010025
	// StatusCellrateNotAvailable is NDIS_STATUS_CELLRATE_NOT_AVAILABLE.
	StatusCellrateNotAvailable Status = 0xC0010026
	// StatusIncompatableQos is NDIS_STATUS_INCOMPATABLE_QOS.
	StatusIncompatableQos Status = 0xC0010027
	// StatusAalParamsUnsupported is NDIS_STATUS_AAL_PARAMS_UNSUPPORTED.
	StatusAalParamsUnsupported Status = 0xC0010028
	// StatusNoRouteToDestination is NDIS_STATUS_NO_ROUTE_TO_DESTINATION.
	StatusNoRouteToDestination Status = 0xC0010029
	// StatusTokenRingOpenError is NDIS_STATUS_TOKEN_RING_OPEN_ERROR.
	StatusTokenRingOpenError Status = 0xC0011000
	// StatusInvalidDeviceRequest is NDIS_STATUS_INVALID_DEVICE_REQUEST.
	StatusInvalidDeviceRequest Status = 0xC0000010
	// StatusNetworkUnreachable is NDIS_STATUS_NETWORK_UNREACHABLE.
	StatusNetworkUnreachable Status = 0xC000023C
	// StatusInvalidParameter is NDIS_STATUS_INVALID_PARAMETER.
	StatusInvalidParameter Status = 0xC000000D
)

var statusNames = map[Status]string{
	StatusInterfaceNotFound:       "NDIS_STATUS_INTERFACE_NOT_FOUND",
	StatusDuplicateObjectid:       "NDIS_STATUS_DUPLICATE_OBJECTID",
	StatusSuccess:                 "NDIS_STATUS_SUCCESS",
	StatusPending:                 "NDIS_STATUS_PENDING",
	StatusNotRecognized:           "NDIS_STATUS_NOT_RECOGNIZED",
	StatusNotCopied:               "NDIS_STATUS_NOT_COPIED",
	StatusNotAccepted:             "NDIS_STATUS_NOT_ACCEPTED",
	StatusCallActive:              "NDIS_STATUS_CALL_ACTIVE",
	StatusIndicationRequired:      "NDIS_STATUS_INDICATION_REQUIRED",
	StatusAlreadyComplete:         "NDIS_STATUS_ALREADY_COMPLETE",
	StatusPaused:                  "NDIS_STATUS_PAUSED",
	StatusOnline:                  "NDIS_STATUS_ONLINE",
	StatusResetStart:              "NDIS_STATUS_RESET_START",
	StatusResetEnd:                "NDIS_STATUS_RESET_END",
	StatusRingStatus:              "NDIS_STATUS_RING_STATUS",
	StatusClosed:                  "NDIS_STATUS_CLOSED",
	StatusWanLineUp:               "NDIS_STATUS_WAN_LINE_UP",
	StatusWanLineDown:             "NDIS_STATUS_WAN_LINE_DOWN",
	StatusWanFragment:             "NDIS_STATUS_WAN_FRAGMENT",
	StatusMediaConnect:            "NDIS_STATUS_MEDIA_CONNECT",
	StatusMediaDisconnect:         "NDIS_STATUS_MEDIA_DISCONNECT",
	StatusHardwareLineUp:          "NDIS_STATUS_HARDWARE_LINE_UP",
	StatusHardwareLineDown:        "NDIS_STATUS_HARDWARE_LINE_DOWN",
	StatusInterfaceUp:             "NDIS_STATUS_INTERFACE_UP",
	StatusInterfaceDown:           "NDIS_STATUS_INTERFACE_DOWN",
	StatusMediaBusy:               "NDIS_STATUS_MEDIA_BUSY",
	StatusMediaSpecificIndication: "NDIS_STATUS_MEDIA_SPECIFIC_INDICATION",
	StatusLinkSpeedChange:         "NDIS_STATUS_LINK_SPEED_CHANGE",
	StatusWanGetStats:             "NDIS_STATUS_WAN_GET_STATS",
	StatusWanCoFragment:           "NDIS_STATUS_WAN_CO_FRAGMENT",
	StatusWanCoLinkparams:         "NDIS_STATUS_WAN_CO_LINKPARAMS",
	StatusNotResettable:           "NDIS_STATUS_NOT_RESETTABLE",
	StatusSoftErrors:              "NDIS_STATUS_SOFT_ERRORS",
	StatusHardErrors:              "NDIS_STATUS_HARD_ERRORS",
	StatusBufferOverflow:          "NDIS_STATUS_BUFFER_OVERFLOW",
	StatusFailure:                 "NDIS_STATUS_FAILURE",
	StatusResources:               "NDIS_STATUS_RESOURCES",
	StatusInvalidPort:             "NDIS_STATUS_INVALID_PORT",
	StatusInvalidPortState:        "NDIS_STATUS_INVALID_PORT_STATE",
	StatusBusy:                    "NDIS_STATUS_BUSY",
	StatusClosing:                 "NDIS_STATUS_CLOSING",
	StatusBadVersion:              "NDIS_STATUS_BAD_VERSION",
	StatusBadCharacteristics:      "NDIS_STATUS_BAD_CHARACTERISTICS",
	StatusAdapterNotFound:         "NDIS_STATUS_ADAPTER_NOT_FOUND",
	StatusOpenFailed:              "NDIS_STATUS_OPEN_FAILED",
	StatusDeviceFailed:            "NDIS_STATUS_DEVICE_FAILED",
	StatusMulticastFull:           "NDIS_STATUS_MULTICAST_FULL",
	StatusMulticastExists:         "NDIS_STATUS_MULTICAST_EXISTS",
	StatusMulticastNotFound:       "NDIS_STATUS_MULTICAST_NOT_FOUND",
	StatusRequestAborted:          "NDIS_STATUS_REQUEST_ABORTED",
	StatusSendAborted:             "NDIS_STATUS_SEND_ABORTED",
	StatusResetInProgress:         "NDIS_STATUS_RESET_IN_PROGRESS",
	StatusClosingIndicating:       "NDIS_STATUS_CLOSING_INDICATING",
	StatusNotSupported:            "NDIS_STATUS_NOT_SUPPORTED",
	StatusInvalidPacket:           "NDIS_STATUS_INVALID_PACKET",
	StatusOpenListFull:            "NDIS_STATUS_OPEN_LIST_FULL",
	StatusAdapterNotReady:         "NDIS_STATUS_ADAPTER_NOT_READY",
	StatusAdapterNotOpen:          "NDIS_STATUS_ADAPTER_NOT_OPEN",
	StatusNotIndicating:           "NDIS_STATUS_NOT_INDICATING",
	StatusInvalidLength:           "NDIS_STATUS_INVALID_LENGTH",
	StatusInvalidData:             "NDIS_STATUS_INVALID_DATA",
	StatusBufferTooShort:          "NDIS_STATUS_BUFFER_TOO_SHORT",
	StatusInvalidOid:              "NDIS_STATUS_INVALID_OID",
	StatusAdapterRemoved:          "NDIS_STATUS_ADAPTER_REMOVED",
	StatusUnsupportedMedia:        "NDIS_STATUS_UNSUPPORTED_MEDIA",
	StatusGroupAddressInUse:       "NDIS_STATUS_GROUP_ADDRESS_IN_USE",
	StatusFileNotFound:            "NDIS_STATUS_FILE_NOT_FOUND",
	StatusErrorReadingFile:        "NDIS_STATUS_ERROR_READING_FILE",
	StatusAlreadyMapped:           "NDIS_STATUS_ALREADY_MAPPED",
	StatusResourceConflict:        "NDIS_STATUS_RESOURCE_CONFLICT",
	StatusNoCable:                 "NDIS_STATUS_NO_CABLE",
	StatusInvalidSap:              "NDIS_STATUS_INVALID_SAP",
	StatusSapInUse:                "NDIS_STATUS_SAP_IN_USE",
	StatusInvalidAddress:          "NDIS_STATUS_INVALID_ADDRESS",
	StatusVcNotActivated:          "NDIS_STATUS_VC_NOT_ACTIVATED",
	StatusDestOutOfOrder:          "NDIS_STATUS_DEST_OUT_OF_ORDER",
	StatusVcNotAvailable:          "NDIS_STATUS_VC_NOT_AVAILABLE",
	StatusCellrateNotAvailable:    "NDIS_STATUS_CELLRATE_NOT_AVAILABLE",
	StatusIncompatableQos:         "NDIS_STATUS_INCOMPATABLE_QOS",
	StatusAalParamsUnsupported:    "NDIS_STATUS_AAL_PARAMS_UNSUPPORTED",
	StatusNoRouteToDestination:    "NDIS_STATUS_NO_ROUTE_TO_DESTINATION",
	StatusTokenRingOpenError:      "NDIS_STATUS_TOKEN_RING_OPEN_ERROR",
	StatusInvalidDeviceRequest:    "NDIS_STATUS_INVALID_DEVICE_REQUEST",
	StatusNetworkUnreachable:      "NDIS_STATUS_NETWORK_UNREACHABLE",
	StatusInvalidParameter:        "NDIS_STATUS_INVALID_PARAMETER",
}

// String returns the NDIS name of the status (NDIS_STATUS_SUCCESS), or its
// value in hexadecimal for values ndis.h does not name.
func (s Status) String() string {
	if n, ok := statusNames[s]; ok {
		return n
	}
	return fmt.Sprintf("NDIS_STATUS(0x%08X)", uint32(s))
}

// IsError reports whether s is an error status (NT_ERROR: severity bits 11).
func (s Status) IsError() bool { return uint32(s)>>30 == 3 }
