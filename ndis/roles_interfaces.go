package ndis

// The callbacks of an NDIS network interface provider, registered in
// NDIS_IF_PROVIDER_CHARACTERISTICS with NdisIfRegisterProvider.

// IfQueryObject is the IF_QUERY_OBJECT role. The ProviderQueryObject
// function retrieves information about a network interface.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-if_query_object.
type IfQueryObject func(providerIfContext Handle, objectId NetIfObjectId, pOutputBufferLength *uint32, pOutputBuffer []byte) Status

// IfSetObject is the IF_SET_OBJECT role. The ProviderSetObject function
// sets information that is associated with a network interface.
// NDIS calls it at PASSIVE_LEVEL.
// Page: nc-ndis-if_set_object.
type IfSetObject func(providerIfContext Handle, objectId NetIfObjectId, inputBufferLength uint32, pInputBuffer []byte) Status
