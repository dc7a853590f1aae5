package protocol

import "github.com/ndislint/ndislint/ndis"

// protTag is the pool tag of the driver's allocations ('Prot' in a pool
// dump).
const protTag uint32 = 't'<<24 | 'o'<<16 | 'r'<<8 | 'P'

// The NDIS_OBJECT_HEADER types and revisions the driver fills in (ndis.h
// values; package ndis does not name them).
const (
	ndisObjectTypeProtocolDriverCharacteristics = 0x95
	ndisObjectTypeOpenParameters                = 0x87
	ndisObjectTypeDefault                       = 0x80
	ndisObjectTypeOidRequest                    = 0x96
	ndisProtocolDriverCharacteristicsRevision1  = 1
	ndisOpenParametersRevision1                 = 1
	netBufferListPoolParametersRevision1        = 1
	ndisOidRequestRevision1                     = 1
)

// ethernetIIFrameType is the frame type the protocol receives on its
// bindings (NDIS_OPEN_PARAMETERS FrameTypeArray): its own EtherType.
const ethernetIIFrameType uint16 = 0x88B5 // IEEE 802 local experimental

// Driver is the driver's global state: what a C protocol driver keeps in
// its global block (ndisprot's Globals).
type Driver struct {
	ndisProtocolHandle ndis.Handle
	// lock protects bindings.
	lock     ndis.SpinLock
	bindings []*Binding
}

// globals is the driver's global block; DriverUnload finds the driver's
// handle there.
var globals *Driver

// DriverEntry registers the protocol with NdisRegisterProtocolDriver, as
// the driver's DriverEntry does.
func DriverEntry(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
	d := &Driver{}
	ndis.AllocateSpinLock(&d.lock)
	chars := ndis.ProtocolDriverCharacteristics{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeProtocolDriverCharacteristics,
			Revision: ndisProtocolDriverCharacteristicsRevision1,
		},
		MajorNdisVersion:                  6,
		MinorNdisVersion:                  0,
		MajorDriverVersion:                1,
		MinorDriverVersion:                0,
		Name:                              "NDISPROT6",
		BindAdapterHandlerEx:              ptBindAdapterEx,
		UnbindAdapterHandlerEx:            ptUnbindAdapterEx,
		OpenAdapterCompleteHandlerEx:      ptOpenAdapterCompleteEx,
		CloseAdapterCompleteHandlerEx:     ptCloseAdapterCompleteEx,
		NetPnPEventHandler:                ptNetPnPEvent,
		OidRequestCompleteHandler:         ptOidRequestComplete,
		StatusHandlerEx:                   ptStatusEx,
		ReceiveNetBufferListsHandler:      ptReceiveNetBufferLists,
		SendNetBufferListsCompleteHandler: ptSendNetBufferListsComplete,
	}
	// The driver context must be set before NDIS can call the bind
	// handler, which NdisRegisterProtocolDriver may do at once.
	globals = d
	st := ndis.RegisterProtocolDriver(d, &chars, &d.ndisProtocolHandle)
	if st != ndis.StatusSuccess {
		globals = nil
		ndis.FreeSpinLock(&d.lock)
		return st
	}
	return ndis.StatusSuccess
}

// DriverUnload is the driver's unload routine (DRIVER_UNLOAD): NDIS has
// unbound every binding by now, so it deregisters the protocol.
func DriverUnload(driverObject *ndis.DriverObject) {
	d := globals
	if d == nil {
		return
	}
	ndis.DeregisterProtocolDriver(d.ndisProtocolHandle)
	ndis.FreeSpinLock(&d.lock)
	globals = nil
}

// Bindings returns the driver's open bindings, in bind order (for tests and
// the upper edge of the driver).
func Bindings() []*Binding {
	d := globals
	if d == nil {
		return nil
	}
	ndis.AcquireSpinLock(&d.lock)
	out := append([]*Binding(nil), d.bindings...)
	ndis.ReleaseSpinLock(&d.lock)
	return out
}
