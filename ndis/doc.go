// Package ndis is ndislint's reference runtime: ndis.h modelled in Go.
//
// Every declaration follows one mechanical naming rule (see DESIGN.md in the
// shared design notes): a function is its C name without the leading "Ndis"
// (NdisClCloseCall is ClCloseCall), a type is its typedef in CamelCase without
// "NDIS_" (NDIS_STATUS is Status), a callback role type is the name of the
// callback its page documents (PROTOCOL_CL_CLOSE_CALL_COMPLETE is
// ProtocolClCloseCallComplete), a constant is its C name in CamelCase
// (NDIS_STATUS_SUCCESS is StatusSuccess) with its real value, and structure
// fields keep their C names. Parameters keep their C order.
//
// Handle, like NDIS_HANDLE, is opaque: drivers store their own context
// pointers in it and type-assert them back, as C casts. The handles NDIS hands
// out (VC, AF, SAP, party, binding) are values of the simulator's unexported
// types.
//
// The package declares; it does not simulate. Each DDI forwards to the
// simulated NDIS of the current run (internal/ndissim, which a test starts
// with ndistest.New), a deterministic, single-threaded, in-process NDIS with
// a verifier that checks the same contract ndislint checks statically.
// Calling a DDI outside such a run panics.
package ndis
