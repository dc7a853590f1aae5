package ndis

// The miniport log file DDIs, supported for NDIS 6.0 miniport drivers
// (issue 13).

// MCreateLog models NdisMCreateLog. NdisMCreateLog allocates and opens a
// log file in which a miniport driver can write data to be displayed by a
// driver-dedicated Win32 application.
// NDIS: NdisMCreateLog. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismcreatelog.
func MCreateLog(miniportAdapterHandle Handle, size uint32, logHandle *Handle) Status {
	return sim().MCreateLog(miniportAdapterHandle, size, logHandle)
}

// MCloseLog models NdisMCloseLog. NdisMCloseLog releases resources that
// were used for logging.
// NDIS: NdisMCloseLog. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismcloselog.
func MCloseLog(logHandle Handle) {
	sim().MCloseLog(logHandle)
}

// MFlushLog models NdisMFlushLog. NdisMFlushLog clears the log file.
// NDIS: NdisMFlushLog. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismflushlog.
func MFlushLog(logHandle Handle) {
	sim().MFlushLog(logHandle)
}

// MWriteLogData models NdisMWriteLogData. NdisMWriteLogData transfers
// driver-supplied information into the log file for consumption and
// display by a driver-dedicated Win32 application.
// NDIS: NdisMWriteLogData. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismwritelogdata.
func MWriteLogData(logHandle Handle, logBuffer []byte, logBufferSize uint32) Status {
	return sim().MWriteLogData(logHandle, logBuffer, logBufferSize)
}
