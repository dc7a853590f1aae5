package ndis

// Handle models NDIS_HANDLE: an opaque value. nil is NULL.
//
// Drivers store pointers to their own context areas in a Handle and
// type-assert them back. Handles created by NDIS (NdisVcHandle, NdisAfHandle,
// NdisSapHandle, NdisPartyHandle, NdisBindingHandle, ...) are values of
// unexported types; only NDIS looks inside them.
type Handle interface{}
