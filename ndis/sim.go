package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/wdm"
)

// simulator is the simulated NDIS of a run, as the DDIs of this package see
// it: each DDI forwards to the method of the same name, which enters the DDI
// in the kernel's trace (where its IRQL requirement is checked), checks its
// arguments against the objects NDIS gave out and runs it. The simulator
// lives in internal/ndissim, which imports this package for its types; a run
// gets one from kernel.Reset(kernel.WithNDIS(ndissim.Attach)), and this
// package finds it in the current kernel.State.
type simulator interface {
	// The CoNDIS client DDIs (NdisCl*).
	ClAddParty(ndisVcHandle Handle, protocolPartyContext Handle, callParameters *CoCallParameters, ndisPartyHandle *Handle) Status
	ClCloseAddressFamily(ndisAfHandle Handle) Status
	ClCloseCall(ndisVcHandle Handle, ndisPartyHandle Handle, buffer []byte, size uint32) Status
	ClDeregisterSap(ndisSapHandle Handle) Status
	ClDropParty(ndisPartyHandle Handle, buffer []byte, size uint32) Status
	ClGetProtocolVcContextFromTapiCallId(tapiCallId String, protocolVcContext *Handle) Status
	ClIncomingCallComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters)
	ClMakeCall(ndisVcHandle Handle, callParameters *CoCallParameters, protocolPartyContext Handle, ndisPartyHandle *Handle) Status
	ClModifyCallQoS(ndisVcHandle Handle, callParameters *CoCallParameters) Status
	ClNotifyCloseAddressFamilyComplete(ndisAfHandle Handle, status Status)
	ClOpenAddressFamilyEx(ndisBindingHandle Handle, addressFamily *CoAddressFamily, clientAfContext Handle, ndisAfHandle *Handle) Status
	ClRegisterSap(ndisAfHandle Handle, protocolSapContext Handle, sap *CoSap, ndisSapHandle *Handle) Status

	// The CoNDIS call-manager DDIs (NdisCm*).
	CmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status
	CmAddPartyComplete(status Status, ndisPartyHandle Handle, callMgrPartyContext Handle, callParameters *CoCallParameters)
	CmCloseAddressFamilyComplete(status Status, ndisAfHandle Handle)
	CmCloseCallComplete(status Status, ndisVcHandle Handle, ndisPartyHandle Handle)
	CmDeactivateVc(ndisVcHandle Handle) Status
	CmDeregisterSapComplete(status Status, ndisSapHandle Handle)
	CmDispatchCallConnected(ndisVcHandle Handle)
	CmDispatchIncomingCall(ndisSapHandle Handle, ndisVcHandle Handle, callParameters *CoCallParameters) Status
	CmDispatchIncomingCallQoSChange(ndisVcHandle Handle, callParameters *CoCallParameters)
	CmDispatchIncomingCloseCall(closeStatus Status, ndisVcHandle Handle, buffer []byte, size uint32)
	CmDispatchIncomingDropParty(dropStatus Status, ndisPartyHandle Handle, buffer []byte, size uint32)
	CmDropPartyComplete(status Status, ndisPartyHandle Handle)
	CmMakeCallComplete(status Status, ndisVcHandle Handle, ndisPartyHandle Handle, callMgrPartyContext Handle, callParameters *CoCallParameters)
	CmModifyCallQoSComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters)
	CmNotifyCloseAddressFamily(ndisAfHandle Handle) Status
	CmOpenAddressFamilyComplete(status Status, ndisAfHandle Handle, callMgrAfContext Handle)
	CmRegisterAddressFamilyEx(ndisBindingHandle Handle, addressFamily *CoAddressFamily) Status
	CmRegisterSapComplete(status Status, ndisSapHandle Handle, callMgrSapContext Handle)

	// The DDIs CoNDIS clients and call managers share (NdisCo*).
	CoAssignInstanceName(ndisVcHandle Handle, baseInstanceName *String, vcInstanceName *String) Status
	CoCreateVc(ndisBindingHandle Handle, ndisAfHandle Handle, protocolVcContext Handle, ndisVcHandle *Handle) Status
	CoDeleteVc(ndisVcHandle Handle) Status
	CoGetTapiCallId(ndisVcHandle Handle, tapiCallId *VarString) Status
	CoOidRequest(ndisBindingHandle Handle, ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, oidRequest *OidRequest) Status
	CoOidRequestComplete(ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, oidRequest *OidRequest, status Status)
	CoSendNetBufferLists(ndisVcHandle Handle, netBufferLists *NetBufferList, sendFlags uint32)

	// The miniport call-manager DDIs (NdisMCm*).
	MCmActivateVc(ndisVcHandle Handle, callParameters *CoCallParameters) Status
	MCmAddPartyComplete(s Status, h Handle, c Handle, p *CoCallParameters)
	MCmCloseAddressFamilyComplete(s Status, h Handle)
	MCmCloseCallComplete(s Status, vh Handle, ph Handle)
	MCmCreateVc(miniportAdapterHandle Handle, ndisAfHandle Handle, miniportVcContext Handle, ndisVcHandle *Handle) Status
	MCmDeactivateVc(ndisVcHandle Handle) Status
	MCmDeleteVc(ndisVcHandle Handle) Status
	MCmDeregisterSapComplete(s Status, h Handle)
	MCmDispatchCallConnected(h Handle)
	MCmDispatchIncomingCall(sh Handle, vh Handle, cp *CoCallParameters) Status
	MCmDispatchIncomingCallQoSChange(h Handle, p *CoCallParameters)
	MCmDispatchIncomingCloseCall(s Status, h Handle, b []byte, z uint32)
	MCmDispatchIncomingDropParty(s Status, h Handle, b []byte, z uint32)
	MCmDropPartyComplete(s Status, h Handle)
	MCmMakeCallComplete(s Status, vh Handle, ph Handle, cc Handle, cp *CoCallParameters)
	MCmModifyCallQoSComplete(s Status, h Handle, p *CoCallParameters)
	MCmNotifyCloseAddressFamily(ah Handle) Status
	MCmOidRequest(ndisAfHandle Handle, ndisVcHandle Handle, ndisPartyHandle Handle, ndisOidRequest *OidRequest) Status
	MCmOidRequestComplete(ah Handle, vh Handle, ph Handle, r *OidRequest, s Status)
	MCmOpenAddressFamilyComplete(s Status, h Handle, c Handle)
	MCmRegisterAddressFamilyEx(miniportAdapterHandle Handle, addressFamily *CoAddressFamily) Status
	MCmRegisterSapComplete(s Status, h Handle, c Handle)

	// The CoNDIS miniport DDIs (NdisMCo*).
	MCoActivateVcComplete(status Status, ndisVcHandle Handle, callParameters *CoCallParameters)
	MCoDeactivateVcComplete(status Status, ndisVcHandle Handle)
	MCoIndicateReceiveNetBufferLists(ndisVcHandle Handle, netBufferLists *NetBufferList, numberOfNetBufferLists uint32, coReceiveFlags uint32)
	MCoIndicateStatusEx(miniportAdapterHandle Handle, ndisVcHandle Handle, statusIndication *StatusIndication)
	MCoOidRequestComplete(miniportAdapterHandle Handle, ndisMiniportVcHandle Handle, request *OidRequest, status Status)
	MCoSendNetBufferListsComplete(ndisVcHandle Handle, netBufferLists *NetBufferList, sendCompleteFlags uint32)

	// NDIS events.
	InitializeEvent(event *Event)
	ResetEvent(event *Event)
	SetEvent(event *Event)
	WaitEvent(event *Event, msToWait uint32) bool

	// The NDIS IRQL macros.
	LowerIrql(oldIrql, curIrql wdm.Irql)
	RaiseIrqlToDispatch(pIrql *wdm.Irql)

	// The NDIS spin locks.
	AcquireSpinLock(spinLock *SpinLock)
	AllocateSpinLock(spinLock *SpinLock)
	DprAcquireSpinLock(spinLock *SpinLock)
	DprReleaseSpinLock(spinLock *SpinLock)
	FreeSpinLock(spinLock *SpinLock)
	ReleaseSpinLock(spinLock *SpinLock)

	// NDIS memory.
	AllocateMemoryWithTagPriority(ndisHandle Handle, length uint32, tag uint32, priority ExPoolPriority) []byte
	FreeMemory(virtualAddress []byte, length uint32, memoryFlags uint32)

	// Protocol driver registration and binding.
	CloseAdapterEx(ndisBindingHandle Handle) Status
	CompleteBindAdapterEx(bindAdapterContext Handle, status Status)
	CompleteNetPnPEvent(ndisBindingHandle Handle, netPnPEventNotification *NetPnpEventNotification, status Status)
	CompleteUnbindAdapterEx(unbindContext Handle)
	DeregisterProtocolDriver(ndisProtocolHandle Handle)
	OpenAdapterEx(ndisProtocolHandle Handle, protocolBindingContext Handle, openParameters *OpenParameters, bindContext Handle, ndisBindingHandle *Handle) Status
	RegisterProtocolDriver(protocolDriverContext Handle, protocolCharacteristics *ProtocolDriverCharacteristics, ndisProtocolHandle *Handle) Status
	SetOptionalHandlers(ndisHandle Handle, optionalHandlers DriverOptionalHandlers) Status

	// NDIS timer objects.
	AllocateTimerObject(ndisHandle Handle, timerCharacteristics *TimerCharacteristics, pTimerObject *Handle) Status
	CancelTimerObject(timerObject Handle) bool
	FreeTimerObject(timerObject Handle)
	SetTimerObject(timerObject Handle, dueTime int64, millisecondsPeriod int32, functionContext Handle) bool

	// Waiting and stalling.
	MSleep(microsecondsToSleep uint32)
	StallExecution(microSecondsToStall uint32)

	// NDIS I/O work items.
	AllocateIoWorkItem(ndisObjectHandle Handle) Handle
	FreeIoWorkItem(ndisIoWorkItemHandle Handle)
	QueueIoWorkItem(ndisIoWorkItemHandle Handle, routine IoWorkitemFunction, workItemContext Handle)

	// NDIS 6 miniport drivers (NdisM*, issue 13).
	MDeregisterMiniportDriver(ndisMiniportDriverHandle Handle)
	MDirectOidRequestComplete(miniportAdapterHandle Handle, oidRequest *OidRequest, status Status)
	MIndicateReceiveNetBufferLists(miniportAdapterHandle Handle, netBufferList *NetBufferList, portNumber PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32)
	MIndicateStatusEx(miniportAdapterHandle Handle, statusIndication *StatusIndication)
	MOidRequestComplete(miniportAdapterHandle Handle, oidRequest *OidRequest, status Status)
	MPauseComplete(miniportAdapterHandle Handle)
	MRegisterMiniportDriver(driverObject *DriverObject, registryPath *String, miniportDriverContext Handle, miniportDriverCharacteristics *MiniportDriverCharacteristics, ndisMiniportDriverHandle *Handle) Status
	MResetComplete(miniportAdapterHandle Handle, status Status, addressingReset bool)
	MRestartComplete(miniportAdapterHandle Handle, status Status)
	MSendNetBufferListsComplete(miniportAdapterHandle Handle, netBufferList *NetBufferList, sendCompleteFlags uint32)
	MSetMiniportAttributes(ndisMiniportHandle Handle, miniportAttributes *MiniportAdapterAttributes) Status

	// NDIS 6 filter drivers (NdisF*).
	FDeregisterFilterDriver(ndisFilterDriverHandle Handle)
	FDirectOidRequest(ndisFilterHandle Handle, oidRequest *OidRequest) Status
	FDirectOidRequestComplete(ndisFilterHandle Handle, oidRequest *OidRequest, status Status)
	FIndicateReceiveNetBufferLists(ndisFilterHandle Handle, netBufferLists *NetBufferList, portNumber PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32)
	FIndicateStatus(ndisFilterHandle Handle, statusIndication *StatusIndication)
	FOidRequest(ndisFilterHandle Handle, oidRequest *OidRequest) Status
	FOidRequestComplete(ndisFilterHandle Handle, oidRequest *OidRequest, status Status)
	FPauseComplete(ndisFilterHandle Handle)
	FRegisterFilterDriver(driverObject *DriverObject, filterDriverContext Handle, filterDriverCharacteristics *FilterDriverCharacteristics, ndisFilterDriverHandle *Handle) Status
	FRestartComplete(ndisFilterHandle Handle, status Status)
	FReturnNetBufferLists(ndisFilterHandle Handle, netBufferLists *NetBufferList, returnFlags uint32)
	FSendNetBufferLists(ndisFilterHandle Handle, netBufferList *NetBufferList, portNumber PortNumber, sendFlags uint32)
	FSendNetBufferListsComplete(ndisFilterHandle Handle, netBufferList *NetBufferList, sendCompleteFlags uint32)
	FSetAttributes(ndisFilterHandle Handle, filterModuleContext Handle, filterAttributes *FilterAttributes) Status

	// NDIS 6 protocol drivers: sends, receives and OID requests on a binding.
	NdisOidRequest(ndisBindingHandle Handle, oidRequest *OidRequest) Status
	ReturnNetBufferLists(ndisBindingHandle Handle, netBufferLists *NetBufferList, returnFlags uint32)
	SendNetBufferLists(ndisBindingHandle Handle, netBufferLists *NetBufferList, portNumber PortNumber, sendFlags uint32)

	// NET_BUFFER_LIST pools and lists (nblapi).
	AllocateNetBufferAndNetBufferList(poolHandle Handle, contextSize uint16, contextBackFill uint16, mdlChain *Mdl, dataOffset uint32, dataLength uint64) *NetBufferList
	AllocateNetBufferListPool(ndisHandle Handle, parameters *NetBufferListPoolParameters) Handle
	FreeNetBufferList(netBufferList *NetBufferList)
	FreeNetBufferListPool(poolHandle Handle)

	// NDIS 6 miniport resources, configuration, generic objects and
	// NET_BUFFERs (the SDV DDI-usage and memory-usage rules' DDIs).
	AllocateGenericObject(driverObject *DriverObject, tag uint32, size uint16) *GenericObject
	AllocateNetBuffer(poolHandle Handle, mdlChain *Mdl, dataOffset uint32, dataLength uint64) *NetBuffer
	AllocateNetBufferPool(ndisHandle Handle, parameters *NetBufferPoolParameters) Handle
	CloseConfiguration(configurationHandle Handle)
	FreeGenericObject(ndisObject *GenericObject)
	FreeNetBuffer(netBuffer *NetBuffer)
	FreeNetBufferPool(poolHandle Handle)
	MAllocateSharedMemory(miniportAdapterHandle Handle, length uint32, cached bool, virtualAddress *[]byte, physicalAddress *PhysicalAddress)
	MDeregisterInterruptEx(ndisInterruptHandle Handle)
	MDeregisterIoPortRange(miniportAdapterHandle Handle, initialPort uint32, numberOfPorts uint32, portOffset Handle)
	MDeregisterScatterGatherDma(ndisMiniportDmaHandle Handle)
	MFreeSharedMemory(miniportAdapterHandle Handle, length uint32, cached bool, virtualAddress []byte, physicalAddress PhysicalAddress)
	MMapIoSpace(virtualAddress *[]byte, miniportAdapterHandle Handle, physicalAddress PhysicalAddress, length uint32) Status
	MNetPnPEvent(miniportAdapterHandle Handle, netPnPEventNotification *NetPnpEventNotification) Status
	MRegisterInterruptEx(miniportAdapterHandle Handle, miniportInterruptContext Handle, miniportInterruptCharacteristics *MiniportInterruptCharacteristics, ndisInterruptHandle *Handle) Status
	MRegisterIoPortRange(portOffset *Handle, miniportAdapterHandle Handle, initialPort uint32, numberOfPorts uint32) Status
	WriteErrorLogEntry(ndisAdapterHandle Handle, errorCode uint32, numberOfErrorValues uint32, errorValues ...uint32)
	MSynchronizeWithInterruptEx(ndisInterruptHandle Handle, messageId uint32, synchronizeFunction MiniportSynchronizeInterrupt, synchronizeContext Handle) bool
	MRegisterScatterGatherDma(miniportAdapterHandle Handle, dmaDescription *SgDmaDescription, ndisMiniportDmaHandle *Handle) Status
	MUnmapIoSpace(miniportAdapterHandle Handle, virtualAddress []byte, length uint32)
	OpenConfigurationEx(configObject *ConfigurationObject, configurationHandle *Handle) Status
	QueryBindInstanceName(pAdapterInstanceName *String, bindingContext Handle) Status
	ReEnumerateProtocolBindings(ndisProtocolHandle Handle)

	// The NDIS 6 miniport selective suspend DDIs (issue 13).
	MIdleNotificationComplete(miniportAdapterHandle Handle)
	MIdleNotificationConfirm(miniportAdapterHandle Handle, idlePowerState DevicePowerState)

	// The NDIS 6 miniport DDIs of bus access, DPCs, ports and
	// scatter/gather DMA (issue 13; ddi_miniport6_bus.go).
	MGetBusData(ndisMiniportHandle Handle, whichSpace uint32, offset uint32, buffer []byte, length uint32) uint32
	MSetBusData(ndisMiniportHandle Handle, whichSpace uint32, offset uint32, buffer []byte, length uint32) uint32
	MQueueDpc(ndisInterruptHandle Handle, messageId uint32, targetProcessors uint32, miniportDpcContext Handle) uint32
	MQueueDpcEx(ndisInterruptHandle Handle, messageId uint32, targetProcessors *GroupAffinity, miniportDpcContext Handle) uint64
	MAllocatePort(ndisMiniportHandle Handle, portCharacteristics *PortCharacteristics) Status
	MFreePort(ndisMiniportHandle Handle, portNumber PortNumber) Status
	MAllocateNetBufferSGList(ndisMiniportDmaHandle Handle, netBuffer *NetBuffer, context Handle, flags uint32, scatterGatherListBuffer []byte, scatterGatherListBufferSize uint32) Status
	MFreeNetBufferSGList(ndisMiniportDmaHandle Handle, pSGL *ScatterGatherList, netBuffer *NetBuffer)
	MAllocateSharedMemoryAsyncEx(miniportDmaHandle Handle, length uint32, cached bool, context Handle) Status
	MGetDmaAlignment(miniportAdapterHandle Handle) uint32
	MQueryAdapterInstanceName(pAdapterInstanceName *String, miniportHandle Handle) Status
	MGetDeviceProperty(miniportAdapterHandle Handle, physicalDeviceObject **DeviceObject, functionalDeviceObject **DeviceObject, nextDeviceObject **DeviceObject, allocatedResources **CmResourceList, allocatedResourcesTranslated **CmResourceList)
	MRemoveMiniport(miniportHandle Handle) Status
	MResetMiniport(miniportAdapterHandle Handle)

	// The NDIS 6.30 SR-IOV DDIs of a miniport's Physical and Virtual
	// Functions (issue 13; ddi_miniport6_sriov.go).
	MEnableVirtualization(ndisMiniportHandle Handle, numVFs uint16, enableVFMigration bool, enableMigrationInterrupt bool, enableVirtualization bool) Status
	MReadConfigBlock(ndisMiniportHandle Handle, blockId uint32, buffer []byte, length uint32) Status
	MWriteConfigBlock(ndisMiniportHandle Handle, blockId uint32, buffer []byte, length uint32) Status
	MInvalidateConfigBlock(ndisMiniportHandle Handle, vfId SriovFunctionId, blockMask uint64)
	MGetVirtualFunctionBusData(ndisMiniportHandle Handle, vfId SriovFunctionId, buffer []byte, offset uint32, length uint32) uint32
	MSetVirtualFunctionBusData(ndisMiniportHandle Handle, vfId SriovFunctionId, buffer []byte, offset uint32, length uint32) uint32
	MGetVirtualFunctionLocation(ndisMiniportHandle Handle, vfId SriovFunctionId, segmentNumber *uint16, busNumber *uint8, functionNumber *uint8)
	MQueryProbedBars(ndisMiniportHandle Handle, baseRegisterValues []uint32) Status

	// The miniport log file DDIs (issue 13; ddi_miniport6_log.go).
	MCreateLog(miniportAdapterHandle Handle, size uint32, logHandle *Handle) Status
	MCloseLog(logHandle Handle)
	MFlushLog(logHandle Handle)
	MWriteLogData(logHandle Handle, logBuffer []byte, logBufferSize uint32) Status

	// The system DMA DDIs and the MSI-X table DDI (issue 13;
	// ddi_miniport6_dma.go).
	MRegisterDmaChannel(miniportDmaHandle *Handle, miniportAdapterHandle Handle, dmaChannel uint32, dma32BitAddresses bool, dmaDescription *DmaDescription, maximumLength uint32) Status
	MDeregisterDmaChannel(miniportDmaHandle Handle)
	MReadDmaCounter(miniportDmaHandle Handle) uint32
	MSetupDmaTransfer(s *Status, h Handle, b *Mdl, o uint32, l uint32, m bool)
	MCompleteDmaTransfer(s *Status, h Handle, b *Mdl, o uint32, l uint32, m bool)
	MConfigMSIXTableEntry(ndisMiniportHandle Handle, msixConfigParameters *MsixConfigParameters) Status

	// NDIS 6 filter cancellation, Plug and Play, restart and synchronous
	// OID requests; OID request clones (ddi_filter6.go).
	FCancelSendNetBufferLists(ndisFilterHandle Handle, cancelId Handle)
	FCancelOidRequest(ndisFilterHandle Handle, requestId Handle)
	FCancelDirectOidRequest(ndisFilterHandle Handle, requestId Handle)
	FDevicePnPEventNotify(ndisFilterHandle Handle, netDevicePnPEvent *NetDevicePnpEvent)
	FNetPnPEvent(ndisFilterHandle Handle, netPnPEventNotification *NetPnpEventNotification) Status
	FRestartFilter(ndisFilterHandle Handle) Status
	FSynchronousOidRequest(ndisFilterModuleHandle Handle, oidRequest *OidRequest) Status
	AllocateCloneOidRequest(sourceHandle Handle, oidRequest *OidRequest, poolTag uint32, clonedOidRequest **OidRequest) Status
	FreeCloneOidRequest(sourceHandle Handle, request *OidRequest)

	// NDIS 6 protocol cancellation, direct and synchronous OID requests,
	// unbinding (ddi_protocol6_more.go).
	CancelSendNetBufferLists(ndisBindingHandle Handle, cancelId Handle)
	CancelOidRequest(ndisBindingHandle Handle, requestId Handle)
	CancelDirectOidRequest(ndisBindingHandle Handle, requestId Handle)
	DirectOidRequest(ndisBindingHandle Handle, oidRequest *OidRequest) Status
	SynchronousOidRequest(ndisBindingHandle Handle, oidRequest *OidRequest) Status
	UnbindAdapter(ndisBindingHandle Handle) Status

	// The NET_BUFFER API beyond pools and plain allocations
	// (ddi_nblapi6.go).
	AdjustNetBufferCurrentMdl(netBuffer *NetBuffer)
	AdvanceNetBufferDataStart(netBuffer *NetBuffer, dataOffsetDelta uint32, freeMdl bool, freeMdlHandler NetBufferFreeMdl)
	AdvanceNetBufferListDataStart(netBufferList *NetBufferList, dataOffsetDelta uint32, freeMdl bool, freeMdlMdlHandler NetBufferFreeMdl)
	AllocateCloneNetBufferList(originalNetBufferList *NetBufferList, netBufferListPoolHandle Handle, netBufferPoolHandle Handle, allocateCloneFlags uint32) *NetBufferList
	AllocateFragmentNetBufferList(originalNetBufferList *NetBufferList, netBufferListPool Handle, netBufferPool Handle, startOffset uint32, maximumLength uint32, dataOffsetDelta uint32, dataBackFill uint32, allocateFragmentFlags uint32) *NetBufferList
	AllocateNetBufferList(poolHandle Handle, contextSize uint16, contextBackFill uint16) *NetBufferList
	AllocateNetBufferListContext(netBufferList *NetBufferList, contextSize uint16, contextBackFill uint16, poolTag uint32) Status
	AllocateNetBufferMdlAndData(poolHandle Handle) *NetBuffer
	AllocateReassembledNetBufferList(fragmentNetBufferList *NetBufferList, netBufferAndNetBufferListPoolHandle Handle, startOffset uint32, dataOffsetDelta uint32, dataBackFill uint32, allocateReassembleFlags uint32) *NetBufferList
	CopyFromNetBufferToNetBuffer(destination *NetBuffer, destinationOffset uint32, bytesToCopy uint32, source *NetBuffer, sourceOffset uint32, bytesCopied *uint32) Status
	CopyReceiveNetBufferListInfo(destNetBufferList *NetBufferList, srcNetBufferList *NetBufferList)
	CopySendNetBufferListInfo(destNetBufferList *NetBufferList, srcNetBufferList *NetBufferList)
	FreeCloneNetBufferList(cloneNetBufferList *NetBufferList, freeCloneFlags uint32)
	FreeFragmentNetBufferList(fragmentNetBufferList *NetBufferList, dataOffsetDelta uint32, freeFragmentFlags uint32)
	FreeNetBufferListContext(netBufferList *NetBufferList, contextSize uint16)
	FreeReassembledNetBufferList(reassembledNetBufferList *NetBufferList, dataOffsetDelta uint32, freeReassembleFlags uint32)
	GetDataBuffer(netBuffer *NetBuffer, bytesNeeded uint32, storage []byte, alignMultiple uint32, alignOffset uint32) []byte
	GetNetBufferListProtocolId(netBufferList *NetBufferList) uint8
	GetPoolFromNetBuffer(netBuffer *NetBuffer) Handle
	GetPoolFromNetBufferList(netBufferList *NetBufferList) Handle
	QueryNetBufferPhysicalCount(netBuffer *NetBuffer) uint32
	RetreatNetBufferDataStart(netBuffer *NetBuffer, dataOffsetDelta uint32, dataBackFill uint32, allocateMdlHandler NetBufferAllocateMdl) Status
	RetreatNetBufferListDataStart(netBufferList *NetBufferList, dataOffsetDelta uint32, dataBackFill uint32, allocateMdlHandler NetBufferAllocateMdl, freeMdlHandler NetBufferFreeMdl) Status

	// The MDL DDIs of mdlapi.h (ddi_mdl.go).
	AllocateMdl(ndisHandle Handle, virtualAddress []byte, length uint32) *Mdl
	FreeMdl(mdl *Mdl)

	// The NDIS network interface DDIs (NdisIf*; issue 13,
	// ddi_interfaces.go).
	IfRegisterProvider(providerCharacteristics *IfProviderCharacteristics, ifProviderContext Handle, pNdisIfProviderHandle *Handle) Status
	IfDeregisterProvider(ndisProviderHandle Handle)
	IfAllocateNetLuidIndex(ifType NetIftype, pNetLuidIndex *uint32) Status
	IfFreeNetLuidIndex(ifType NetIftype, netLuidIndex uint32) Status
	IfRegisterInterface(ndisProviderHandle Handle, netLuid NetLuid, providerIfContext Handle, pIfInfo *NetIfInformation, pIfIndex *NetIfindex) Status
	IfDeregisterInterface(ifIndex NetIfindex)
	IfGetInterfaceIndexFromNetLuid(netLuid NetLuid, pIfIndex *NetIfindex) Status
	IfGetNetLuidFromInterfaceIndex(ifIndex NetIfindex, pNetLuid *NetLuid) Status
	IfQueryBindingIfIndex(ndisBindingHandle Handle, pBoundIfIndex *NetIfindex, pBoundIfNetLuid *NetLuid, pLowestIfIndex *NetIfindex, pLowestIfNetLuid *NetLuid) Status
	IfAddIfStackEntry(higherLayerIfIndex NetIfindex, lowerLayerIfIndex NetIfindex) Status
	IfDeleteIfStackEntry(higherLayerIfIndex NetIfindex, lowerLayerIfIndex NetIfindex)

	// The NDIS 6 intermediate driver DDIs (NdisIM*; issue 13, ddi_im.go).
	IMAssociateMiniport(driverHandle Handle, protocolHandle Handle)
	IMInitializeDeviceInstanceEx(driverHandle Handle, driverInstance *String, deviceContext Handle) Status
	IMCancelInitializeDeviceInstance(driverHandle Handle, deviceInstance *String) Status
	IMDeInitializeDeviceInstance(ndisMiniportHandle Handle) Status
	IMGetBindingContext(ndisBindingHandle Handle) Handle

	// The general-purpose DDIs of SDV's Irql_Miscellaneous_Function rule:
	// lookaside lists, strings, lists, files, device objects, system facts,
	// registry parameters and the event log (ddi_misc.go).
	AllocateFromNPagedLookasideList(l *NpagedLookasideList) []byte
	AnsiStringToUnicodeString(us *String, as *AnsiString) Status
	CloseFile(fileHandle Handle)
	DeleteNPagedLookasideList(l *NpagedLookasideList)
	DeregisterDeviceEx(ndisDeviceHandle Handle)
	EqualMemory(source1 []byte, source2 []byte, length uint32) uint32
	EqualString(string1 *String, string2 *String, caseInsensitive bool) bool
	EqualUnicodeString(string1 *String, string2 *String, caseInsensitive bool) bool
	FreeString(string String)
	FreeToNPagedLookasideList(l *NpagedLookasideList, e []byte)
	GeneratePartialCancelId() uint8
	GetCurrentProcessorCounts(pIdleCount *uint32, pKernelAndUser *uint32, pIndex *uint32)
	GetRoutineAddress(ndisRoutineName *String) Handle
	GetSharedDataAlignment() uint32
	GetVersion() uint32
	InitAnsiString(as *AnsiString, s string)
	InitUnicodeString(us *String, s string)
	InitializeListHead(listHead *ListEntry)
	InitializeNPagedLookasideList(lookaside *NpagedLookasideList, allocate AllocateFunction, free FreeFunction, flags uint32, size uint32, tag uint32, depth uint16)
	InitializeSListHead(sListHead *SlistHeader)
	InitializeString(destination *String, source string)
	MapFile(status *Status, mappedBuffer *[]byte, fileHandle Handle)
	OpenConfigurationKeyByIndex(status *Status, configurationHandle Handle, index uint32, keyName *String, keyHandle *Handle)
	OpenConfigurationKeyByName(status *Status, configurationHandle Handle, subKeyName *String, subKeyHandle *Handle)
	OpenFile(status *Status, fileHandle *Handle, fileLength *uint32, fileName *String, highestAcceptableAddress PhysicalAddress)
	QueryAdapterInstanceName(pAdapterInstanceName *String, ndisBindingHandle Handle) Status
	QueryDepthSList(sListHead *SlistHeader) uint16
	ReadConfiguration(status *Status, parameterValue **ConfigurationParameter, configurationHandle Handle, keyword *String, parameterType ParameterType)
	ReadNetworkAddress(status *Status, networkAddress *[]byte, networkAddressLength *uint32, configurationHandle Handle)
	RegisterDeviceEx(ndisHandle Handle, deviceObjectAttributes *DeviceObjectAttributes, pDeviceObject **DeviceObject, ndisDeviceHandle *Handle) Status
	SystemProcessorCount() int8
	UnicodeStringToAnsiString(as *AnsiString, us *String) Status
	UnmapFile(fileHandle Handle)
	UpcaseUnicodeString(d *String, s *String) Status
	WriteConfiguration(status *Status, configurationHandle Handle, keyword *String, parameterValue *ConfigurationParameter)
	WriteEventLogEntry(logHandle *DriverObject, eventCode Status, uniqueEventValue uint32, numStrings uint16, stringsList []String, dataSize uint32, data []byte) Status

	// The synchronization DDIs of SDV's Irql_Synch_Function rule beyond the
	// spin locks: read-write locks and mutexes (ddi_synch.go).
	AcquireReadWriteLock(lock *RwLock, fWrite bool, lockState *LockState)
	AcquireRWLockRead(lock *RwLockEx, lockState *LockStateEx, flags uint32)
	AcquireRWLockWrite(lock *RwLockEx, lockState *LockStateEx, flags uint32)
	AllocateRWLock(ndisHandle Handle) *RwLockEx
	DprAcquireReadWriteLock(lock *RwLock, fWrite bool, lockState *LockState)
	DprReleaseReadWriteLock(lock *RwLock, lockState *LockState)
	FreeRWLock(lock *RwLockEx)
	InitMutex(m *Mutex)
	InitializeReadWriteLock(lock *RwLock)
	ReleaseMutex(m *Mutex) int32
	ReleaseReadWriteLock(lock *RwLock, lockState *LockState)
	ReleaseRWLock(lock *RwLockEx, lockState *LockStateEx)
	WaitForMutex(m *Mutex) wdm.NtStatus

	// NdisEnumerateFilterModules (ddi_enumfilters.go).
	EnumerateFilterModules(ndisHandle Handle, interfaceBuffer *EnumFilters, interfaceBufferLength uint32, bytesNeeded *uint32, bytesWritten *uint32) Status
}

// sim returns the simulated NDIS of the current run: the one the run's
// kernel.State holds (kernel.WithNDIS; ndistest.New installs it). Calling a
// DDI in a run without one is a harness error, not a driver's: it panics.
func sim() simulator {
	if s, ok := kernel.Current().NDIS().(simulator); ok {
		return s
	}
	panic("ndis: DDI called with no simulated NDIS: start the run with ndistest.New")
}
