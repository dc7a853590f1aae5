package rules

// GoName is the name of the model's constant for the flag, by the naming
// rule of DESIGN.md (the ndis.h name in CamelCase without NDIS_):
// NDIS_RECEIVE_FLAGS_RESOURCES is ndis.ReceiveFlagsResources.
func (f *FlagCond) GoName() string { return camelTypedef(f.Flag) }
