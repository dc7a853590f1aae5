package ndis

// DriverOptionalHandlers models the NDIS_DRIVER_OPTIONAL_HANDLERS union that
// NdisSetOptionalHandlers takes: a pointer to one of the handler structures a
// CoNDIS driver registers (*ProtocolCoCharacteristics,
// *CoClientOptionalHandlers, *CoCallManagerOptionalHandlers,
// *MiniportCoCharacteristics). The unexported method keeps other types out.
type DriverOptionalHandlers interface {
	optionalHandlers() string
}

// optionalHandlers names the structure in NDIS spelling.
func (*ProtocolCoCharacteristics) optionalHandlers() string {
	return "NDIS_PROTOCOL_CO_CHARACTERISTICS"
}

// optionalHandlers names the structure in NDIS spelling.
func (*CoClientOptionalHandlers) optionalHandlers() string { return "NDIS_CO_CLIENT_OPTIONAL_HANDLERS" }

// optionalHandlers names the structure in NDIS spelling.
func (*CoCallManagerOptionalHandlers) optionalHandlers() string {
	return "NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS"
}

// optionalHandlers names the structure in NDIS spelling.
func (*MiniportCoCharacteristics) optionalHandlers() string {
	return "NDIS_MINIPORT_CO_CHARACTERISTICS"
}
