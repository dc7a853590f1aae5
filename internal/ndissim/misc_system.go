package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The system facts, the event log, files and device objects.

const (
	// simNdisVersion is the NDIS version the simulation reports (6.30:
	// major in the high half, minor in the low half).
	simNdisVersion = 6<<16 | 30
	// sharedDataAlignment is the simulated processors' cache line.
	sharedDataAlignment = 64
)

// GeneratePartialCancelId runs NdisGeneratePartialCancelId in the
// simulated NDIS: each call returns the next value, from 1 (0 is skipped
// when the byte wraps, so no two drivers of a run see the same value
// until 255 were handed out).
func (w *world) GeneratePartialCancelId() uint8 {
	defer w.st.EnterDDI("NdisGeneratePartialCancelId", "")()
	m := w.initMisc()
	if m.cancelID++; m.cancelID == 0 {
		m.cancelID = 1
	}
	return m.cancelID
}

// GetCurrentProcessorCounts runs NdisGetCurrentProcessorCounts in the
// simulated NDIS: the driver runs on processor 0, which has been busy the
// whole virtual time of the run.
func (w *world) GetCurrentProcessorCounts(pIdleCount *uint32, pKernelAndUser *uint32, pIndex *uint32) {
	const ddi = "NdisGetCurrentProcessorCounts"
	defer w.st.EnterDDI(ddi, args("pIdleCount", "pKernelAndUser", "pIndex"))()
	if !w.needPtr(ddi, "pIdleCount", pIdleCount == nil) || !w.needPtr(ddi, "pKernelAndUser", pKernelAndUser == nil) || !w.needPtr(ddi, "pIndex", pIndex == nil) {
		return
	}
	*pIdleCount, *pKernelAndUser, *pIndex = 0, uint32(w.st.Now()), 0
}

// routineAddress is what NdisGetRoutineAddress returns for a routine the
// catalogue knows.
type routineAddress struct{ name string }

// GetRoutineAddress runs NdisGetRoutineAddress in the simulated NDIS: the
// routines of the NDIS library are the catalogue's DDIs of package ndis.
func (w *world) GetRoutineAddress(ndisRoutineName *ndis.String) ndis.Handle {
	const ddi = "NdisGetRoutineAddress"
	defer w.st.EnterDDI(ddi, args("NdisRoutineName"))()
	if !w.needPtr(ddi, "NdisRoutineName", ndisRoutineName == nil) {
		return nil
	}
	if c := w.st.Catalogue(); c != nil {
		if d := c.DDI(*ndisRoutineName); d != nil && d.Package == "ndis" {
			return &routineAddress{name: d.Name}
		}
	}
	return nil
}

// GetSharedDataAlignment runs NdisGetSharedDataAlignment in the simulated
// NDIS.
func (w *world) GetSharedDataAlignment() uint32 {
	defer w.st.EnterDDI("NdisGetSharedDataAlignment", "")()
	return sharedDataAlignment
}

// GetVersion runs NdisGetVersion in the simulated NDIS.
func (w *world) GetVersion() uint32 {
	defer w.st.EnterDDI("NdisGetVersion", "")()
	return simNdisVersion
}

// SystemProcessorCount runs NdisSystemProcessorCount in the simulated NDIS.
func (w *world) SystemProcessorCount() int8 {
	defer w.st.EnterDDI("NdisSystemProcessorCount", "")()
	return simProcessors
}

// EventLogEntry is one event NdisWriteEventLogEntry logged.
type EventLogEntry struct {
	// Driver is the name of the driver object that logged it.
	Driver      string
	EventCode   ndis.Status
	UniqueValue uint32
	Strings     []string
	Data        []byte
}

// WriteEventLogEntry runs NdisWriteEventLogEntry in the simulated NDIS: a
// NumStrings or DataSize that does not count what it describes is a bad
// parameter, and nothing is logged.
func (w *world) WriteEventLogEntry(logHandle *ndis.DriverObject, eventCode ndis.Status, uniqueEventValue uint32, numStrings uint16, stringsList []ndis.String, dataSize uint32, data []byte) ndis.Status {
	const ddi = "NdisWriteEventLogEntry"
	defer w.st.EnterDDI(ddi, args("LogHandle", eventCode.String(), uniqueEventValue, uint32(numStrings), "StringsList", dataSize, "Data"))()
	if !w.needPtr(ddi, "LogHandle", logHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	if int(numStrings) != len(stringsList) || int(dataSize) != len(data) {
		w.report(rules.RuleBadParameter, "%s: NumStrings is %d and DataSize %d, for %d strings and %d bytes", ddi, numStrings, dataSize, len(stringsList), len(data))
		return ndis.StatusInvalidParameter
	}
	m := w.initMisc()
	m.eventLog = append(m.eventLog, EventLogEntry{Driver: logHandle.DriverName, EventCode: eventCode, UniqueValue: uniqueEventValue,
		Strings: append([]string(nil), stringsList...), Data: append([]byte(nil), data...)})
	return ndis.StatusSuccess
}

// EventLog returns the events NdisWriteEventLogEntry logged in the run, in
// order.
func (s *Sim) EventLog() []EventLogEntry { return append([]EventLogEntry(nil), s.w.misc.eventLog...) }

// RegisterDeviceEx runs NdisRegisterDeviceEx in the simulated NDIS: the
// device object is named by the attributes' DeviceName, and its handle is
// a resource NdisDeregisterDeviceEx releases.
func (w *world) RegisterDeviceEx(ndisHandle ndis.Handle, deviceObjectAttributes *ndis.DeviceObjectAttributes, pDeviceObject **ndis.DeviceObject, ndisDeviceHandle *ndis.Handle) ndis.Status {
	const ddi = "NdisRegisterDeviceEx"
	defer w.st.EnterDDI(ddi, args(ndisHandle, "DeviceObjectAttributes", "pDeviceObject", "NdisDeviceHandle"))()
	if !w.checkIssuedHandle(ddi, "NdisHandle", ndisHandle) {
		return ndis.StatusNotSupported
	}
	if !w.needPtr(ddi, "DeviceObjectAttributes", deviceObjectAttributes == nil) || !w.needPtr(ddi, "pDeviceObject", pDeviceObject == nil) || !w.needPtr(ddi, "NdisDeviceHandle", ndisDeviceHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	h := w.newResourceHandle(ddi, fmt.Sprintf("device %q", deviceObjectAttributes.DeviceName))
	w.initMisc().devices[h] = true
	*ndisDeviceHandle = h
	*pDeviceObject = &ndis.DeviceObject{Name: deviceObjectAttributes.DeviceName}
	return ndis.StatusSuccess
}

// DeregisterDeviceEx runs NdisDeregisterDeviceEx in the simulated NDIS.
func (w *world) DeregisterDeviceEx(ndisDeviceHandle ndis.Handle) {
	const ddi = "NdisDeregisterDeviceEx"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisDeviceHandle)))()
	rh, _ := ndisDeviceHandle.(*resourceHandle)
	w.releaseKnown(ndisDeviceHandle, w.initMisc().devices[rh], ddi, "NdisDeviceHandle", "a device handle NdisRegisterDeviceEx returned")
}

// openFile is a file NdisOpenFile opened.
type openFile struct {
	data   []byte
	mapped bool
}

// OpenFile runs NdisOpenFile in the simulated NDIS: the files are those
// the harness supplied (Sim.SetFiles), by name.
func (w *world) OpenFile(status *ndis.Status, fileHandle *ndis.Handle, fileLength *uint32, fileName *ndis.String, highestAcceptableAddress ndis.PhysicalAddress) {
	const ddi = "NdisOpenFile"
	defer w.st.EnterDDI(ddi, args("Status", "FileHandle", "FileLength", "FileName", fmt.Sprintf("%#x", int64(highestAcceptableAddress))))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "FileHandle", fileHandle == nil) || !w.needPtr(ddi, "FileLength", fileLength == nil) || !w.needPtr(ddi, "FileName", fileName == nil) {
		return
	}
	m := w.initMisc()
	data, ok := m.files[*fileName]
	if !ok {
		*status = ndis.StatusFileNotFound
		return
	}
	h := w.newResourceHandle(ddi, fmt.Sprintf("file %q", *fileName))
	m.open[h] = &openFile{data: data}
	*fileHandle, *fileLength, *status = h, uint32(len(data)), ndis.StatusSuccess
}

// fileArg resolves a FileHandle: a file NdisOpenFile opened and
// NdisCloseFile did not close.
func (w *world) fileArg(ddi string, h ndis.Handle) *openFile {
	rh, _ := h.(*resourceHandle)
	f := w.initMisc().open[rh]
	if f == nil || rh.r.released {
		w.report(rules.RuleBadHandle, "%s: FileHandle is not a file NdisOpenFile opened and NdisCloseFile did not close", ddi)
		return nil
	}
	return f
}

// MapFile runs NdisMapFile in the simulated NDIS: the mapping is a copy
// of the file's contents.
func (w *world) MapFile(status *ndis.Status, mappedBuffer *[]byte, fileHandle ndis.Handle) {
	const ddi = "NdisMapFile"
	defer w.st.EnterDDI(ddi, args("Status", "MappedBuffer", describeResource(fileHandle)))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "MappedBuffer", mappedBuffer == nil) {
		return
	}
	f := w.fileArg(ddi, fileHandle)
	switch {
	case f == nil:
		*status = ndis.StatusFailure
	case f.mapped:
		*status = ndis.StatusAlreadyMapped
	default:
		f.mapped = true
		*mappedBuffer, *status = append([]byte(nil), f.data...), ndis.StatusSuccess
	}
}

// UnmapFile runs NdisUnmapFile in the simulated NDIS.
func (w *world) UnmapFile(fileHandle ndis.Handle) {
	const ddi = "NdisUnmapFile"
	defer w.st.EnterDDI(ddi, args(describeResource(fileHandle)))()
	f := w.fileArg(ddi, fileHandle)
	switch {
	case f == nil:
	case !f.mapped:
		w.report(rules.RuleBadParameter, "%s: FileHandle is %s, which NdisMapFile has not mapped", ddi, describeResource(fileHandle))
	default:
		f.mapped = false
	}
}

// CloseFile runs NdisCloseFile in the simulated NDIS.
func (w *world) CloseFile(fileHandle ndis.Handle) {
	const ddi = "NdisCloseFile"
	defer w.st.EnterDDI(ddi, args(describeResource(fileHandle)))()
	if f := w.fileArg(ddi, fileHandle); f != nil {
		if f.mapped {
			w.report(rules.RuleBadParameter, "%s: FileHandle is %s, which is still mapped: NdisUnmapFile it first", ddi, describeResource(fileHandle))
		}
		w.releaseKnown(fileHandle, true, ddi, "FileHandle", "a file NdisOpenFile opened")
	}
}

// releaseKnown releases a resource handle of one of the simulation's own
// tables (known says the table has it): the devices, the open files. These
// are not among the catalogue's Pairs, which say what a driver must release
// before it unloads, so release (which checks those pairs) is not theirs.
// want says what the handle must be, for the report.
func (w *world) releaseKnown(h ndis.Handle, known bool, ddi, param, want string) {
	rh, _ := h.(*resourceHandle)
	switch {
	case !known || rh == nil:
		w.report(rules.RuleBadHandle, "%s: %s is not %s", ddi, param, want)
	case rh.r.released:
		w.report(rules.RuleBadHandle, "%s: %s is %s, already released", ddi, param, rh.r.what)
	default:
		rh.r.released = true
	}
}

// SetFiles gives the run the files NdisOpenFile opens, by name.
func (s *Sim) SetFiles(files map[string][]byte) {
	m := s.w.initMisc()
	m.files = map[string][]byte{}
	for n, b := range files {
		m.files[n] = append([]byte(nil), b...)
	}
}
