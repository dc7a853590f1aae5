package ndis

// The OIDs of Static Driver Verifier's NdisOidComplete tables (the
// catalogue's OidStatuses), named by docs/model.md's rule for OID_ names,
// with ntddndis.h's values; rules/overlay.json (oidTable.values) says in
// which public header each value was confirmed.
const (
	// OidPnpSetPower is OID_PNP_SET_POWER.
	OidPnpSetPower Oid = 0xFD010101
	// OidReceiveFilterClearFilter is OID_RECEIVE_FILTER_CLEAR_FILTER.
	OidReceiveFilterClearFilter Oid = 0x00010228
	// OidTcpTaskIpsecOffloadV2DeleteSa is OID_TCP_TASK_IPSEC_OFFLOAD_V2_DELETE_SA.
	OidTcpTaskIpsecOffloadV2DeleteSa Oid = 0xFC030203
	// OidReceiveFilterFreeQueue is OID_RECEIVE_FILTER_FREE_QUEUE.
	OidReceiveFilterFreeQueue Oid = 0x00010224
	// OidNicSwitchFreeVf is OID_NIC_SWITCH_FREE_VF.
	OidNicSwitchFreeVf Oid = 0x00010246
	// OidNicSwitchDeleteSwitch is OID_NIC_SWITCH_DELETE_SWITCH.
	OidNicSwitchDeleteSwitch Oid = 0x00010239
	// Oid8023DeleteMulticastAddress is OID_802_3_DELETE_MULTICAST_ADDRESS.
	Oid8023DeleteMulticastAddress Oid = 0x01010209
	// OidPmRemoveWolPattern is OID_PM_REMOVE_WOL_PATTERN.
	OidPmRemoveWolPattern Oid = 0xFD01010B
	// OidPmRemoveProtocolOffload is OID_PM_REMOVE_PROTOCOL_OFFLOAD.
	OidPmRemoveProtocolOffload Oid = 0xFD01010F
	// OidTunnelInterfaceReleaseOid is OID_TUNNEL_INTERFACE_RELEASE_OID.
	OidTunnelInterfaceReleaseOid Oid = 0x0F010107
)
