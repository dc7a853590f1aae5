package ndis

// CloseConfiguration models NdisCloseConfiguration. The
// NdisCloseConfiguration function releases the handle to the registry key
// that was returned by the NdisOpenConfigurationEx,
// NdisOpenConfigurationKeyByIndex, or NdisOpenConfigurationKeyByName
// function.
// NDIS: NdisCloseConfiguration. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndiscloseconfiguration.
func CloseConfiguration(configurationHandle Handle) {
	sim().CloseConfiguration(configurationHandle)
}

// OpenConfigurationEx models NdisOpenConfigurationEx. NDIS drivers call the
// NdisOpenConfigurationEx function to get a configuration handle that
// allows access to configuration parameters in the registry.
// NDIS: NdisOpenConfigurationEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisopenconfigurationex.
func OpenConfigurationEx(configObject *ConfigurationObject, configurationHandle *Handle) Status {
	return sim().OpenConfigurationEx(configObject, configurationHandle)
}
