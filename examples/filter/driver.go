package filter

import "github.com/ndislint/ndislint/ndis"

// lwfTag is the pool tag of the driver's allocations ('FLwf' in a pool
// dump).
const lwfTag uint32 = 'f'<<24 | 'w'<<16 | 'L'<<8 | 'F'

// The NDIS_OBJECT_HEADER types and revisions the driver fills in (ndis.h
// values; package ndis does not name them).
const (
	ndisObjectTypeFilterDriverCharacteristics = 0x8B
	ndisObjectTypeFilterAttributes            = 0x8D
	ndisFilterCharacteristicsRevision1        = 1
	ndisFilterAttributesRevision1             = 1
)

// The names the filter registers under (its INF's values).
const (
	friendlyName = "NDIS Sample LightWeight Filter"
	uniqueName   = "{5cbf81bd-5055-47cd-9055-a76b2b4e3697}"
	serviceName  = "ndislwf"
)

// Driver is the driver's global state: what a C filter keeps in its global
// block.
type Driver struct {
	ndisFilterDriverHandle ndis.Handle
	// lock protects modules.
	lock    ndis.SpinLock
	modules []*Module
}

// globals is the driver's global block; DriverUnload finds the driver's
// handle there, as a C driver's FilterUnload does.
var globals *Driver

// DriverEntry registers the filter with NdisFRegisterFilterDriver, as the
// driver's DriverEntry does.
func DriverEntry(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
	d := &Driver{}
	ndis.AllocateSpinLock(&d.lock)
	chars := ndis.FilterDriverCharacteristics{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeFilterDriverCharacteristics,
			Revision: ndisFilterCharacteristicsRevision1,
		},
		MajorNdisVersion:                  6,
		MinorNdisVersion:                  0,
		MajorDriverVersion:                1,
		MinorDriverVersion:                0,
		FriendlyName:                      friendlyName,
		UniqueName:                        uniqueName,
		ServiceName:                       serviceName,
		AttachHandler:                     fAttach,
		DetachHandler:                     fDetach,
		RestartHandler:                    fRestart,
		PauseHandler:                      fPause,
		SendNetBufferListsHandler:         fSendNetBufferLists,
		SendNetBufferListsCompleteHandler: fSendNetBufferListsComplete,
		ReceiveNetBufferListsHandler:      fReceiveNetBufferLists,
		ReturnNetBufferListsHandler:       fReturnNetBufferLists,
		OidRequestHandler:                 fOidRequest,
		OidRequestCompleteHandler:         fOidRequestComplete,
		CancelOidRequestHandler:           fCancelOidRequest,
		StatusHandler:                     fStatus,
	}
	st := ndis.FRegisterFilterDriver(driverObject, d, &chars, &d.ndisFilterDriverHandle)
	if st != ndis.StatusSuccess {
		ndis.FreeSpinLock(&d.lock)
		return st
	}
	globals = d
	return ndis.StatusSuccess
}

// DriverUnload is the driver's unload routine (DRIVER_UNLOAD, FilterUnload
// in ndislwf): NDIS has detached every module by now, so it deregisters the
// driver.
func DriverUnload(driverObject *ndis.DriverObject) {
	d := globals
	if d == nil {
		return
	}
	ndis.FDeregisterFilterDriver(d.ndisFilterDriverHandle)
	ndis.FreeSpinLock(&d.lock)
	globals = nil
}

// Modules returns the filter modules attached and not yet detached, in
// attach order (for tests and diagnostics).
func Modules() []*Module {
	d := globals
	if d == nil {
		return nil
	}
	ndis.AcquireSpinLock(&d.lock)
	out := append([]*Module(nil), d.modules...)
	ndis.ReleaseSpinLock(&d.lock)
	return out
}
