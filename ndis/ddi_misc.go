package ndis

// The general-purpose NDIS DDIs of SDV's Irql_Miscellaneous_Function rule:
// lookaside lists, strings, lists, files, device objects, system facts,
// registry parameters and the event log.

// AllocateFromNPagedLookasideList models
// NdisAllocateFromNPagedLookasideList. It takes an entry from a lookaside
// list, allocating one (with the list's allocator, if any) when the list is
// empty; it returns nil when none can be allocated. Give the entry back
// with NdisFreeToNPagedLookasideList.
// NDIS: NdisAllocateFromNPagedLookasideList. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisallocatefromnpagedlookasidelist.
func AllocateFromNPagedLookasideList(l *NpagedLookasideList) []byte {
	return sim().AllocateFromNPagedLookasideList(l)
}

// AnsiStringToUnicodeString models NdisAnsiStringToUnicodeString. It
// converts a counted ANSI string to a Unicode string in a caller-supplied
// buffer.
// NDIS: NdisAnsiStringToUnicodeString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisansistringtounicodestring.
func AnsiStringToUnicodeString(us *String, as *AnsiString) Status {
	return sim().AnsiStringToUnicodeString(us, as)
}

// CloseFile models NdisCloseFile. It closes a file NdisOpenFile opened.
// NDIS: NdisCloseFile. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisclosefile.
func CloseFile(fileHandle Handle) {
	sim().CloseFile(fileHandle)
}

// DeleteNPagedLookasideList models NdisDeleteNPagedLookasideList. It
// deletes a lookaside list NdisInitializeNPagedLookasideList initialized,
// freeing the entries the list holds.
// NDIS: NdisDeleteNPagedLookasideList. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisdeletenpagedlookasidelist.
func DeleteNPagedLookasideList(l *NpagedLookasideList) {
	sim().DeleteNPagedLookasideList(l)
}

// DeregisterDeviceEx models NdisDeregisterDeviceEx. It removes a device
// object NdisRegisterDeviceEx created.
// NDIS: NdisDeregisterDeviceEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisderegisterdeviceex.
func DeregisterDeviceEx(ndisDeviceHandle Handle) {
	sim().DeregisterDeviceEx(ndisDeviceHandle)
}

// EqualMemory models NdisEqualMemory. It compares length bytes of two
// blocks: 1 when they are equal, 0 otherwise.
// NDIS: NdisEqualMemory. IRQL: See Remarks section. Page: nf-ndis-ndisequalmemory.
func EqualMemory(source1 []byte, source2 []byte, length uint32) uint32 {
	return sim().EqualMemory(source1, source2, length)
}

// EqualString models NdisEqualString. It reports whether two NDIS strings
// are equal, optionally ignoring case.
// NDIS: NdisEqualString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisequalstring.
func EqualString(string1 *String, string2 *String, caseInsensitive bool) bool {
	return sim().EqualString(string1, string2, caseInsensitive)
}

// EqualUnicodeString models NdisEqualUnicodeString. It reports whether two
// Unicode strings are equal, optionally ignoring case.
// NDIS: NdisEqualUnicodeString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisequalunicodestring.
func EqualUnicodeString(string1 *String, string2 *String, caseInsensitive bool) bool {
	return sim().EqualUnicodeString(string1, string2, caseInsensitive)
}

// FreeString models NdisFreeString. It frees the buffer of a string
// NdisInitializeString allocated.
// NDIS: NdisFreeString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisfreestring.
func FreeString(string String) {
	sim().FreeString(string)
}

// FreeToNPagedLookasideList models NdisFreeToNPagedLookasideList. It gives
// an entry NdisAllocateFromNPagedLookasideList returned back to its list.
// NDIS: NdisFreeToNPagedLookasideList. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfreetonpagedlookasidelist.
func FreeToNPagedLookasideList(l *NpagedLookasideList, e []byte) {
	sim().FreeToNPagedLookasideList(l, e)
}

// GeneratePartialCancelId models NdisGeneratePartialCancelId. It returns
// the value a driver uses as the high-order byte of the cancellation IDs it
// assigns.
// NDIS: NdisGeneratePartialCancelId. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisgeneratepartialcancelid.
func GeneratePartialCancelId() uint8 {
	return sim().GeneratePartialCancelId()
}

// GetCurrentProcessorCounts models NdisGetCurrentProcessorCounts. It
// returns the current processor's cumulative idle and busy time and its
// index.
// NDIS: NdisGetCurrentProcessorCounts. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisgetcurrentprocessorcounts.
func GetCurrentProcessorCounts(pIdleCount *uint32, pKernelAndUser *uint32, pIndex *uint32) {
	sim().GetCurrentProcessorCounts(pIdleCount, pKernelAndUser, pIndex)
}

// GetRoutineAddress models NdisGetRoutineAddress. It returns the address of
// a routine of the NDIS library by name, nil when there is none.
// NDIS: NdisGetRoutineAddress. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisgetroutineaddress.
func GetRoutineAddress(ndisRoutineName *String) Handle {
	return sim().GetRoutineAddress(ndisRoutineName)
}

// GetSharedDataAlignment models NdisGetSharedDataAlignment. It returns the
// boundary on which structures shared by processors should be aligned.
// NDIS: NdisGetSharedDataAlignment. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisgetshareddataalignment.
func GetSharedDataAlignment() uint32 {
	return sim().GetSharedDataAlignment()
}

// GetVersion models NdisGetVersion. It returns the NDIS version, major in
// the high half and minor in the low half.
// NDIS: NdisGetVersion. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisgetversion.
func GetVersion() uint32 {
	return sim().GetVersion()
}

// InitAnsiString models NdisInitAnsiString. It initializes a counted ANSI
// string to point to a null-terminated string.
// NDIS: NdisInitAnsiString. IRQL: See Remarks section. Page: nf-ndis-ndisinitansistring.
func InitAnsiString(as *AnsiString, s string) {
	sim().InitAnsiString(as, s)
}

// InitUnicodeString models NdisInitUnicodeString. It initializes a counted
// Unicode string to point to a null-terminated string.
// NDIS: NdisInitUnicodeString. IRQL: See Remarks section. Page: nf-ndis-ndisinitunicodestring.
func InitUnicodeString(us *String, s string) {
	sim().InitUnicodeString(us, s)
}

// InitializeListHead models NdisInitializeListHead. It initializes the head
// of a doubly linked list to the empty list.
// NDIS: NdisInitializeListHead. IRQL: Any level (see Remarks section). Page: nf-ndis-ndisinitializelisthead.
func InitializeListHead(listHead *ListEntry) {
	sim().InitializeListHead(listHead)
}

// InitializeNPagedLookasideList models NdisInitializeNPagedLookasideList.
// It initializes a lookaside list of fixed-size nonpaged entries, with the
// driver's optional allocator and free functions; delete the list with
// NdisDeleteNPagedLookasideList.
// NDIS: NdisInitializeNPagedLookasideList. IRQL: <= DISPATCH_LEVEL (see Remarks section). Page: nf-ndis-ndisinitializenpagedlookasidelist.
func InitializeNPagedLookasideList(lookaside *NpagedLookasideList, allocate AllocateFunction, free FreeFunction, flags uint32, size uint32, tag uint32, depth uint16) {
	sim().InitializeNPagedLookasideList(lookaside, allocate, free, flags, size, tag, depth)
}

// InitializeSListHead models NdisInitializeSListHead. It initializes the
// head of a sequenced singly linked list to the empty list.
// NDIS: NdisInitializeSListHead. IRQL: Any level. Page: nf-ndis-ndisinitializeslisthead.
func InitializeSListHead(sListHead *SlistHeader) {
	sim().InitializeSListHead(sListHead)
}

// InitializeString models NdisInitializeString. It allocates a counted
// Unicode string and copies a null-terminated string into it; free it with
// NdisFreeString.
// NDIS: NdisInitializeString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisinitializestring.
func InitializeString(destination *String, source string) {
	sim().InitializeString(destination, source)
}

// MapFile models NdisMapFile. It maps the contents of a file NdisOpenFile
// opened, returning the base of the mapping.
// NDIS: NdisMapFile. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismapfile.
func MapFile(status *Status, mappedBuffer *[]byte, fileHandle Handle) {
	sim().MapFile(status, mappedBuffer, fileHandle)
}

// OpenConfigurationKeyByIndex models NdisOpenConfigurationKeyByIndex. It
// opens the subkey at an index of an open registry key and returns its
// name.
// NDIS: NdisOpenConfigurationKeyByIndex. IRQL: < DISPATCH_LEVEL. Page: nf-ndis-ndisopenconfigurationkeybyindex.
func OpenConfigurationKeyByIndex(status *Status, configurationHandle Handle, index uint32, keyName *String, keyHandle *Handle) {
	sim().OpenConfigurationKeyByIndex(status, configurationHandle, index, keyName, keyHandle)
}

// OpenConfigurationKeyByName models NdisOpenConfigurationKeyByName. It
// opens a named subkey of an open registry key.
// NDIS: NdisOpenConfigurationKeyByName. IRQL: < DISPATCH_LEVEL. Page: nf-ndis-ndisopenconfigurationkeybyname.
func OpenConfigurationKeyByName(status *Status, configurationHandle Handle, subKeyName *String, subKeyHandle *Handle) {
	sim().OpenConfigurationKeyByName(status, configurationHandle, subKeyName, subKeyHandle)
}

// OpenFile models NdisOpenFile. It opens a file (typically one the driver
// downloads to its NIC) for NdisMapFile, returning its handle and length.
// NDIS: NdisOpenFile. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisopenfile.
func OpenFile(status *Status, fileHandle *Handle, fileLength *uint32, fileName *String, highestAcceptableAddress PhysicalAddress) {
	sim().OpenFile(status, fileHandle, fileLength, fileName, highestAcceptableAddress)
}

// QueryAdapterInstanceName models NdisQueryAdapterInstanceName. It returns
// the friendly name of the adapter a binding is bound to.
// NDIS: NdisQueryAdapterInstanceName. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisqueryadapterinstancename.
func QueryAdapterInstanceName(pAdapterInstanceName *String, ndisBindingHandle Handle) Status {
	return sim().QueryAdapterInstanceName(pAdapterInstanceName, ndisBindingHandle)
}

// QueryDepthSList models NdisQueryDepthSList. It returns the number of
// entries on a sequenced singly linked list.
// NDIS: NdisQueryDepthSList. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisquerydepthslist.
func QueryDepthSList(sListHead *SlistHeader) uint16 {
	return sim().QueryDepthSList(sListHead)
}

// ReadConfiguration models NdisReadConfiguration. It reads a value of an
// open registry key; NDIS keeps the returned parameter until the key is
// closed.
// NDIS: NdisReadConfiguration. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisreadconfiguration.
func ReadConfiguration(status *Status, parameterValue **ConfigurationParameter, configurationHandle Handle, keyword *String, parameterType ParameterType) {
	sim().ReadConfiguration(status, parameterValue, configurationHandle, keyword, parameterType)
}

// ReadNetworkAddress models NdisReadNetworkAddress. It returns the network
// address an administrator configured for the adapter (the NetworkAddress
// keyword).
// NDIS: NdisReadNetworkAddress. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisreadnetworkaddress.
func ReadNetworkAddress(status *Status, networkAddress *[]byte, networkAddressLength *uint32, configurationHandle Handle) {
	sim().ReadNetworkAddress(status, networkAddress, networkAddressLength, configurationHandle)
}

// RegisterDeviceEx models NdisRegisterDeviceEx. A miniport or filter driver
// creates a named device object and its symbolic link with it, for I/O of
// its own; deregister it with NdisDeregisterDeviceEx.
// NDIS: NdisRegisterDeviceEx. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisregisterdeviceex.
func RegisterDeviceEx(ndisHandle Handle, deviceObjectAttributes *DeviceObjectAttributes, pDeviceObject **DeviceObject, ndisDeviceHandle *Handle) Status {
	return sim().RegisterDeviceEx(ndisHandle, deviceObjectAttributes, pDeviceObject, ndisDeviceHandle)
}

// SystemProcessorCount models NdisSystemProcessorCount. It returns the
// number of processors in the computer.
// NDIS: NdisSystemProcessorCount. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndissystemprocessorcount.
func SystemProcessorCount() int8 {
	return sim().SystemProcessorCount()
}

// UnicodeStringToAnsiString models NdisUnicodeStringToAnsiString. It
// converts a counted Unicode string to an ANSI string in a caller-supplied
// buffer.
// NDIS: NdisUnicodeStringToAnsiString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisunicodestringtoansistring.
func UnicodeStringToAnsiString(as *AnsiString, us *String) Status {
	return sim().UnicodeStringToAnsiString(as, us)
}

// UnmapFile models NdisUnmapFile. It releases the mapping NdisMapFile made.
// NDIS: NdisUnmapFile. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisunmapfile.
func UnmapFile(fileHandle Handle) {
	sim().UnmapFile(fileHandle)
}

// UpcaseUnicodeString models NdisUpcaseUnicodeString. It converts a Unicode
// string to upper case in a caller-supplied buffer.
// NDIS: NdisUpcaseUnicodeString. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndisupcaseunicodestring.
func UpcaseUnicodeString(d *String, s *String) Status {
	return sim().UpcaseUnicodeString(d, s)
}

// WriteConfiguration models NdisWriteConfiguration. It writes a value under
// an open registry key.
// NDIS: NdisWriteConfiguration. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndiswriteconfiguration.
func WriteConfiguration(status *Status, configurationHandle Handle, keyword *String, parameterValue *ConfigurationParameter) {
	sim().WriteConfiguration(status, configurationHandle, keyword, parameterValue)
}

// WriteEventLogEntry models NdisWriteEventLogEntry. It writes an event,
// with optional strings and binary data, to the system event log.
// NDIS: NdisWriteEventLogEntry. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndiswriteeventlogentry.
func WriteEventLogEntry(logHandle *DriverObject, eventCode Status, uniqueEventValue uint32, numStrings uint16, stringsList []String, dataSize uint32, data []byte) Status {
	return sim().WriteEventLogEntry(logHandle, eventCode, uniqueEventValue, numStrings, stringsList, dataSize, data)
}
