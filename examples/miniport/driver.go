package miniport

import "github.com/ndislint/ndislint/ndis"

// vminiTag is the pool tag of the driver's allocations ('VMin' in a pool
// dump).
const vminiTag uint32 = 'n'<<24 | 'i'<<16 | 'M'<<8 | 'V'

// The NDIS_OBJECT_HEADER types and revisions the driver fills in (ndis.h
// values; package ndis does not name them).
const (
	ndisObjectTypeMiniportDriverCharacteristics         = 0x8A
	ndisObjectTypeMiniportAdapterRegistrationAttributes = 0x9E
	ndisObjectTypeMiniportAdapterGeneralAttributes      = 0x9F
	ndisObjectTypeDefault                               = 0x80
	ndisMiniportDriverCharacteristicsRevision2          = 2
	ndisMiniportAdapterAttributesRevision1              = 1
	netBufferListPoolParametersRevision1                = 1
)

// ndisMiniportAttributesNoHaltOnSuspend is
// NDIS_MINIPORT_ATTRIBUTES_NO_HALT_ON_SUSPEND: a virtual adapter has no
// hardware state to lose across a sleep.
const ndisMiniportAttributesNoHaltOnSuspend uint32 = 0x00000800

// Driver is the driver's global state: what a C miniport keeps in its
// global block (netvmini's GlobalData).
type Driver struct {
	ndisMiniportDriverHandle ndis.Handle
	// lock protects adapters.
	lock     ndis.SpinLock
	adapters []*Adapter
}

// globals is the driver's global block. MiniportDriverUnload receives only
// the driver object, so the driver finds its handle here, as a C driver
// does.
var globals *Driver

// DriverEntry registers the miniport with NdisMRegisterMiniportDriver, as
// the driver's DriverEntry does: NDIS 6.0 characteristics, every mandatory
// MiniportXxx handler and the optional ones the driver supports.
func DriverEntry(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
	d := &Driver{}
	ndis.AllocateSpinLock(&d.lock)
	chars := ndis.MiniportDriverCharacteristics{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeMiniportDriverCharacteristics,
			Revision: ndisMiniportDriverCharacteristicsRevision2,
		},
		MajorNdisVersion:            6,
		MinorNdisVersion:            0,
		MajorDriverVersion:          1,
		MinorDriverVersion:          0,
		InitializeHandlerEx:         mpInitializeEx,
		HaltHandlerEx:               mpHaltEx,
		UnloadHandler:               mpDriverUnload,
		PauseHandler:                mpPause,
		RestartHandler:              mpRestart,
		OidRequestHandler:           mpOidRequest,
		SendNetBufferListsHandler:   mpSendNetBufferLists,
		ReturnNetBufferListsHandler: mpReturnNetBufferLists,
		CancelSendHandler:           mpCancelSend,
		CheckForHangHandlerEx:       mpCheckForHangEx,
		ResetHandlerEx:              mpResetEx,
		DevicePnPEventNotifyHandler: mpDevicePnPEventNotify,
		ShutdownHandlerEx:           mpShutdownEx,
		CancelOidRequestHandler:     mpCancelOidRequest,
	}
	st := ndis.MRegisterMiniportDriver(driverObject, registryPath, d, &chars, &d.ndisMiniportDriverHandle)
	if st != ndis.StatusSuccess {
		ndis.FreeSpinLock(&d.lock)
		return st
	}
	globals = d
	return ndis.StatusSuccess
}

// mpDriverUnload deregisters the driver (MiniportDriverUnload). NDIS has
// halted every adapter by now.
//
//ndis:role MINIPORT_UNLOAD
func mpDriverUnload(driverObject *ndis.DriverObject) {
	d := globals
	if d == nil {
		return
	}
	ndis.MDeregisterMiniportDriver(d.ndisMiniportDriverHandle)
	ndis.FreeSpinLock(&d.lock)
	globals = nil
}

// addAdapter puts a on the driver's list.
func (d *Driver) addAdapter(a *Adapter) {
	ndis.AcquireSpinLock(&d.lock)
	d.adapters = append(d.adapters, a)
	ndis.ReleaseSpinLock(&d.lock)
}

// removeAdapter takes a off the driver's list.
func (d *Driver) removeAdapter(a *Adapter) {
	ndis.AcquireSpinLock(&d.lock)
	for i, x := range d.adapters {
		if x == a {
			d.adapters = append(d.adapters[:i], d.adapters[i+1:]...)
			break
		}
	}
	ndis.ReleaseSpinLock(&d.lock)
}

// Adapters returns the adapters the driver has initialized and not yet
// halted, in the order NDIS initialized them (for tests and diagnostics).
func Adapters() []*Adapter {
	d := globals
	if d == nil {
		return nil
	}
	ndis.AcquireSpinLock(&d.lock)
	out := append([]*Adapter(nil), d.adapters...)
	ndis.ReleaseSpinLock(&d.lock)
	return out
}
