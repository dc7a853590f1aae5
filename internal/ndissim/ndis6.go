package ndissim

import "github.com/ndislint/ndislint/ndis"

// The NDIS 6 miniport, filter and protocol DDIs (issue 13). Each enters the
// DDI in the kernel trace, where its IRQL requirement is checked.

// AllocateNetBufferAndNetBufferList runs NdisAllocateNetBufferAndNetBufferList in the simulated NDIS.
func (w *world) AllocateNetBufferAndNetBufferList(poolHandle ndis.Handle, contextSize uint16, contextBackFill uint16, mdlChain *ndis.Mdl, dataOffset uint32, dataLength uint64) *ndis.NetBufferList {
	defer w.st.EnterDDI("NdisAllocateNetBufferAndNetBufferList", args(poolHandle, contextSize, contextBackFill, mdlChain, dataOffset, dataLength))()
	return nil
}

// AllocateNetBufferListPool runs NdisAllocateNetBufferListPool in the simulated NDIS.
func (w *world) AllocateNetBufferListPool(ndisHandle ndis.Handle, parameters *ndis.NetBufferListPoolParameters) ndis.Handle {
	defer w.st.EnterDDI("NdisAllocateNetBufferListPool", args(ndisHandle, parameters))()
	return nil
}

// FDeregisterFilterDriver runs NdisFDeregisterFilterDriver in the simulated NDIS.
func (w *world) FDeregisterFilterDriver(ndisFilterDriverHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFDeregisterFilterDriver", args(ndisFilterDriverHandle))()
}

// FDirectOidRequest runs NdisFDirectOidRequest in the simulated NDIS.
func (w *world) FDirectOidRequest(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisFDirectOidRequest", args(ndisFilterHandle, oidRequest))()
	return ndis.StatusSuccess
}

// FDirectOidRequestComplete runs NdisFDirectOidRequestComplete in the simulated NDIS.
func (w *world) FDirectOidRequestComplete(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisFDirectOidRequestComplete", args(ndisFilterHandle, oidRequest, status))()
}

// FIndicateReceiveNetBufferLists runs NdisFIndicateReceiveNetBufferLists in the simulated NDIS.
func (w *world) FIndicateReceiveNetBufferLists(ndisFilterHandle ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	defer w.st.EnterDDI("NdisFIndicateReceiveNetBufferLists", args(ndisFilterHandle, netBufferLists, portNumber, numberOfNetBufferLists, receiveFlags))()
}

// FIndicateStatus runs NdisFIndicateStatus in the simulated NDIS.
func (w *world) FIndicateStatus(ndisFilterHandle ndis.Handle, statusIndication *ndis.StatusIndication) {
	defer w.st.EnterDDI("NdisFIndicateStatus", args(ndisFilterHandle, statusIndication))()
}

// FOidRequest runs NdisFOidRequest in the simulated NDIS.
func (w *world) FOidRequest(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisFOidRequest", args(ndisFilterHandle, oidRequest))()
	return ndis.StatusSuccess
}

// FOidRequestComplete runs NdisFOidRequestComplete in the simulated NDIS.
func (w *world) FOidRequestComplete(ndisFilterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisFOidRequestComplete", args(ndisFilterHandle, oidRequest, status))()
}

// FPauseComplete runs NdisFPauseComplete in the simulated NDIS.
func (w *world) FPauseComplete(ndisFilterHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFPauseComplete", args(ndisFilterHandle))()
}

// FRegisterFilterDriver runs NdisFRegisterFilterDriver in the simulated NDIS.
func (w *world) FRegisterFilterDriver(driverObject *ndis.DriverObject, filterDriverContext ndis.Handle, filterDriverCharacteristics *ndis.FilterDriverCharacteristics, ndisFilterDriverHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisFRegisterFilterDriver", args(driverObject, filterDriverContext, filterDriverCharacteristics, ndisFilterDriverHandle))()
	return ndis.StatusSuccess
}

// FRestartComplete runs NdisFRestartComplete in the simulated NDIS.
func (w *world) FRestartComplete(ndisFilterHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisFRestartComplete", args(ndisFilterHandle, status))()
}

// FReturnNetBufferLists runs NdisFReturnNetBufferLists in the simulated NDIS.
func (w *world) FReturnNetBufferLists(ndisFilterHandle ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	defer w.st.EnterDDI("NdisFReturnNetBufferLists", args(ndisFilterHandle, netBufferLists, returnFlags))()
}

// FSendNetBufferLists runs NdisFSendNetBufferLists in the simulated NDIS.
func (w *world) FSendNetBufferLists(ndisFilterHandle ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	defer w.st.EnterDDI("NdisFSendNetBufferLists", args(ndisFilterHandle, netBufferList, portNumber, sendFlags))()
}

// FSendNetBufferListsComplete runs NdisFSendNetBufferListsComplete in the simulated NDIS.
func (w *world) FSendNetBufferListsComplete(ndisFilterHandle ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	defer w.st.EnterDDI("NdisFSendNetBufferListsComplete", args(ndisFilterHandle, netBufferList, sendCompleteFlags))()
}

// FSetAttributes runs NdisFSetAttributes in the simulated NDIS.
func (w *world) FSetAttributes(ndisFilterHandle ndis.Handle, filterModuleContext ndis.Handle, filterAttributes *ndis.FilterAttributes) ndis.Status {
	defer w.st.EnterDDI("NdisFSetAttributes", args(ndisFilterHandle, filterModuleContext, filterAttributes))()
	return ndis.StatusSuccess
}

// FreeNetBufferList runs NdisFreeNetBufferList in the simulated NDIS.
func (w *world) FreeNetBufferList(netBufferList *ndis.NetBufferList) {
	defer w.st.EnterDDI("NdisFreeNetBufferList", args(netBufferList))()
}

// FreeNetBufferListPool runs NdisFreeNetBufferListPool in the simulated NDIS.
func (w *world) FreeNetBufferListPool(poolHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFreeNetBufferListPool", args(poolHandle))()
}

// MDeregisterMiniportDriver runs NdisMDeregisterMiniportDriver in the simulated NDIS.
func (w *world) MDeregisterMiniportDriver(ndisMiniportDriverHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMDeregisterMiniportDriver", args(ndisMiniportDriverHandle))()
}

// MDirectOidRequestComplete runs NdisMDirectOidRequestComplete in the simulated NDIS.
func (w *world) MDirectOidRequestComplete(miniportAdapterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisMDirectOidRequestComplete", args(miniportAdapterHandle, oidRequest, status))()
}

// MIndicateReceiveNetBufferLists runs NdisMIndicateReceiveNetBufferLists in the simulated NDIS.
func (w *world) MIndicateReceiveNetBufferLists(miniportAdapterHandle ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	defer w.st.EnterDDI("NdisMIndicateReceiveNetBufferLists", args(miniportAdapterHandle, netBufferList, portNumber, numberOfNetBufferLists, receiveFlags))()
}

// MIndicateStatusEx runs NdisMIndicateStatusEx in the simulated NDIS.
func (w *world) MIndicateStatusEx(miniportAdapterHandle ndis.Handle, statusIndication *ndis.StatusIndication) {
	defer w.st.EnterDDI("NdisMIndicateStatusEx", args(miniportAdapterHandle, statusIndication))()
}

// MOidRequestComplete runs NdisMOidRequestComplete in the simulated NDIS.
func (w *world) MOidRequestComplete(miniportAdapterHandle ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	defer w.st.EnterDDI("NdisMOidRequestComplete", args(miniportAdapterHandle, oidRequest, status))()
}

// MPauseComplete runs NdisMPauseComplete in the simulated NDIS.
func (w *world) MPauseComplete(miniportAdapterHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMPauseComplete", args(miniportAdapterHandle))()
}

// MRegisterMiniportDriver runs NdisMRegisterMiniportDriver in the simulated NDIS.
func (w *world) MRegisterMiniportDriver(driverObject *ndis.DriverObject, registryPath *ndis.String, miniportDriverContext ndis.Handle, miniportDriverCharacteristics *ndis.MiniportDriverCharacteristics, ndisMiniportDriverHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisMRegisterMiniportDriver", args(driverObject, registryPath, miniportDriverContext, miniportDriverCharacteristics, ndisMiniportDriverHandle))()
	return ndis.StatusSuccess
}

// MResetComplete runs NdisMResetComplete in the simulated NDIS.
func (w *world) MResetComplete(miniportAdapterHandle ndis.Handle, status ndis.Status, addressingReset bool) {
	defer w.st.EnterDDI("NdisMResetComplete", args(miniportAdapterHandle, status, addressingReset))()
}

// MRestartComplete runs NdisMRestartComplete in the simulated NDIS.
func (w *world) MRestartComplete(miniportAdapterHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisMRestartComplete", args(miniportAdapterHandle, status))()
}

// MSendNetBufferListsComplete runs NdisMSendNetBufferListsComplete in the simulated NDIS.
func (w *world) MSendNetBufferListsComplete(miniportAdapterHandle ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	defer w.st.EnterDDI("NdisMSendNetBufferListsComplete", args(miniportAdapterHandle, netBufferList, sendCompleteFlags))()
}

// MSetMiniportAttributes runs NdisMSetMiniportAttributes in the simulated NDIS.
func (w *world) MSetMiniportAttributes(ndisMiniportHandle ndis.Handle, miniportAttributes *ndis.MiniportAdapterAttributes) ndis.Status {
	defer w.st.EnterDDI("NdisMSetMiniportAttributes", args(ndisMiniportHandle, miniportAttributes))()
	return ndis.StatusSuccess
}

// NdisOidRequest runs NdisOidRequest in the simulated NDIS.
func (w *world) NdisOidRequest(ndisBindingHandle ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisOidRequest", args(ndisBindingHandle, oidRequest))()
	return ndis.StatusSuccess
}

// ReturnNetBufferLists runs NdisReturnNetBufferLists in the simulated NDIS.
func (w *world) ReturnNetBufferLists(ndisBindingHandle ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	defer w.st.EnterDDI("NdisReturnNetBufferLists", args(ndisBindingHandle, netBufferLists, returnFlags))()
}

// SendNetBufferLists runs NdisSendNetBufferLists in the simulated NDIS.
func (w *world) SendNetBufferLists(ndisBindingHandle ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	defer w.st.EnterDDI("NdisSendNetBufferLists", args(ndisBindingHandle, netBufferLists, portNumber, sendFlags))()
}
