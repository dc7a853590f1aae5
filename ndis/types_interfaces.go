package ndis

// The C types of the NDIS network interface DDIs (NdisIf*) and of the
// interface provider's callbacks, reduced to what the simulation uses.

// NetIftype models NET_IFTYPE (USHORT): the IANA interface type, such as
// IF_TYPE_ETHERNET_CSMACD (6).
type NetIftype uint16

// NetIfindex models NET_IFINDEX (ULONG): a network interface index, a
// 24-bit value unique on the computer; zero is reserved and never assigned.
type NetIfindex uint32

// NetLuid models NET_LUID (NET_LUID_LH): the locally unique identifier of a
// network interface. NDIS_MAKE_NET_LUID packs it: bits 24-47 hold the
// NET_LUID index NdisIfAllocateNetLuidIndex allocated, bits 48-63 the
// interface type (the Info bit fields of the C union).
type NetLuid struct {
	// Value is the union's ULONG64 view of the identifier.
	Value uint64
}

// NetIfObjectId models NET_IF_OBJECT_ID (ULONG): the OID of an interface
// provider's query or set request.
type NetIfObjectId uint32

// IfProviderCharacteristics models NDIS_IF_PROVIDER_CHARACTERISTICS, passed
// to NdisIfRegisterProvider: the entry points of the provider's callbacks.
// Page: ns-ndis-_ndis_if_provider_characteristics.
type IfProviderCharacteristics struct {
	// Header is NDIS_OBJECT_TYPE_IF_PROVIDER_CHARACTERISTICS (Type 0x99),
	// revision 1.
	Header ObjectHeader
	// QueryObjectHandler is the provider's ProviderQueryObject function.
	QueryObjectHandler IfQueryObject
	// SetObjectHandler is the provider's ProviderSetObject function.
	SetObjectHandler IfSetObject
}

// NetIfInformation models NET_IF_INFORMATION, passed to
// NdisIfRegisterInterface: the information about an interface that stays
// constant while it exists.
// Page: ns-ndis-_net_if_information.
type NetIfInformation struct {
	// Header is NDIS_OBJECT_TYPE_DEFAULT, revision 1.
	Header ObjectHeader
	// Flags are the NIIF_ flags (NIIF_HARDWARE_INTERFACE,
	// NIIF_FILTER_INTERFACE).
	Flags uint32
}
