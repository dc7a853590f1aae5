package mistakes

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// The NDIS 6 mistakes are made by a small virtual miniport (this file is
// its correct base, a shortened examples/miniport) and a send routine on
// the client's binding (nblaftersend.go). MiniportDriverEntry's mistake
// picks which wrong handler or routine replaces the right one.

// The NDIS 6 mistakes, one per file.
const (
	// PauseFails: pausefailure.go.
	PauseFails Mistake = iota + 100
	// OidCompletedSynchronously: oidsync.go.
	OidCompletedSynchronously
	// OidCompletedTwice: oidtwice.go.
	OidCompletedTwice
	// RegisterUnderSpinLock: registerirql.go.
	RegisterUnderSpinLock
	// InterruptNeverDeregistered: leakyinterrupt.go.
	InterruptNeverDeregistered
	// SharedMemoryFreedAtShutdown: sharedshutdown.go.
	SharedMemoryFreedAtShutdown
	// UntaggedAllocation and LongStall: untagged.go and longstall.go.
	UntaggedAllocation
	LongStall
	// IrqlQueriedInSend: irqlquery.go.
	IrqlQueriedInSend
	// AllocationFailureNotLogged: silentfailure.go.
	AllocationFailureNotLogged
	// MdlNeverFreed: mdlleak.go.
	MdlNeverFreed
	// PowerOidRefused: oidpower.go.
	PowerOidRefused
	// InterruptUsedAfterDeregister: deregisteredsync.go.
	InterruptUsedAfterDeregister
	// PortsBeforeAttributes: portsorder.go.
	PortsBeforeAttributes
)

// miniportTag is the pool tag of the miniport's allocations.
const miniportTag uint32 = 's'<<24 | 'i'<<16 | 'M'<<8 | '6'

// miniportDriver is the miniport's global block.
type miniportDriver struct {
	mistake                  Mistake
	ndisMiniportDriverHandle ndis.Handle
	// lock protects adapters.
	lock     ndis.SpinLock
	adapters int
}

// theMiniport is the miniport's global block.
var theMiniport *miniportDriver

// adapter is the miniport's adapter context.
type adapter struct {
	mem                   []byte
	miniportAdapterHandle ndis.Handle
	lock                  ndis.SpinLock
	running               bool
	// sendsOutstanding counts the sends not completed yet.
	sendsOutstanding int
	pausing          bool
	packetFilter     uint32
	// blockMdl describes mem (mdlleak.go).
	blockMdl *ndis.Mdl
	// interrupt is the interrupt probingInitializeEx registers
	// (deregisteredsync.go).
	interrupt ndis.Handle
	// ports is the I/O port range (portsorder.go).
	ports ndis.Handle
}

// oidGenCurrentPacketFilter is OID_GEN_CURRENT_PACKET_FILTER.
const oidGenCurrentPacketFilter ndis.Oid = 0x0001010E

// MiniportDriverEntry registers the miniport; the mistake decides which
// handler fills one slot, or how the driver registers.
func MiniportDriverEntry(mistake Mistake, driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
	d := &miniportDriver{mistake: mistake}
	theMiniport = d
	ndis.AllocateSpinLock(&d.lock)
	chars := ndis.MiniportDriverCharacteristics{
		MajorNdisVersion:            6,
		InitializeHandlerEx:         mpInitializeEx,
		HaltHandlerEx:               mpHaltEx,
		UnloadHandler:               mpDriverUnload,
		PauseHandler:                mpPause,
		RestartHandler:              mpRestart,
		OidRequestHandler:           mpOidRequest,
		SendNetBufferListsHandler:   mpSendNetBufferLists,
		ReturnNetBufferListsHandler: mpReturnNetBufferLists,
		CancelSendHandler:           mpCancelSend,
		DevicePnPEventNotifyHandler: mpDevicePnPEventNotify,
		ShutdownHandlerEx:           mpShutdownEx,
		CancelOidRequestHandler:     mpCancelOidRequest,
	}
	switch mistake {
	case PauseFails:
		chars.PauseHandler = stubbornPause
	case OidCompletedSynchronously:
		chars.OidRequestHandler = eagerOidRequest
	case OidCompletedTwice:
		chars.OidRequestHandler = carelessOidRequest
	case RegisterUnderSpinLock:
		return registerUnderLock(d, driverObject, registryPath, &chars)
	case InterruptNeverDeregistered:
		chars.InitializeHandlerEx = interruptInitializeEx
	case SharedMemoryFreedAtShutdown:
		chars.ShutdownHandlerEx = freeingShutdownEx
	case UntaggedAllocation:
		chars.InitializeHandlerEx = untaggedInitializeEx
	case LongStall:
		chars.RestartHandler = stallingRestart
	case IrqlQueriedInSend:
		chars.SendNetBufferListsHandler = queryingSendNetBufferLists
	case AllocationFailureNotLogged:
		chars.InitializeHandlerEx = silentInitializeEx
		chars.HaltHandlerEx = ringHaltEx
	case MdlNeverFreed:
		chars.InitializeHandlerEx = mdlInitializeEx
	case PowerOidRefused:
		chars.OidRequestHandler = powerOidRequest
	case InterruptUsedAfterDeregister:
		chars.InitializeHandlerEx = probingInitializeEx
	case PortsBeforeAttributes:
		chars.InitializeHandlerEx = portsInitializeEx
		chars.HaltHandlerEx = portsHaltEx
	}
	return ndis.MRegisterMiniportDriver(driverObject, registryPath, d, &chars, &d.ndisMiniportDriverHandle)
}

// mpInitializeEx allocates the adapter context and gives it to NDIS
// (MiniportInitializeEx).
//
//ndis:role MINIPORT_INITIALIZE
func mpInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	_, st := newAdapter(ndisMiniportHandle)
	return st
}

// newAdapter allocates an adapter context and gives it to NDIS; on failure
// nothing stays allocated.
func newAdapter(ndisMiniportHandle ndis.Handle) (*adapter, ndis.Status) {
	a := &adapter{miniportAdapterHandle: ndisMiniportHandle}
	a.mem = ndis.AllocateMemoryWithTagPriority(ndisMiniportHandle, uint32(unsafe.Sizeof(*a)), miniportTag, ndis.NormalPoolPriority)
	if a.mem == nil {
		return nil, ndis.StatusResources
	}
	ndis.AllocateSpinLock(&a.lock)
	attrs := ndis.MiniportAdapterAttributes{MiniportAdapterContext: a, MtuSize: 1500, MediaType: ndis.Medium802_3}
	if st := ndis.MSetMiniportAttributes(ndisMiniportHandle, &attrs); st != ndis.StatusSuccess {
		ndis.FreeSpinLock(&a.lock)
		ndis.FreeMemory(a.mem, uint32(len(a.mem)), 0)
		return nil, st
	}
	return a, ndis.StatusSuccess
}

// mpHaltEx frees the adapter (MiniportHaltEx).
//
//ndis:role MINIPORT_HALT
func mpHaltEx(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*adapter)
	ndis.FreeSpinLock(&a.lock)
	ndis.FreeMemory(a.mem, uint32(len(a.mem)), 0)
}

// mpDriverUnload deregisters the driver (MiniportDriverUnload).
//
//ndis:role MINIPORT_UNLOAD
func mpDriverUnload(driverObject *ndis.DriverObject) {
	ndis.MDeregisterMiniportDriver(theMiniport.ndisMiniportDriverHandle)
	ndis.FreeSpinLock(&theMiniport.lock)
}

// mpPause pauses the adapter (MiniportPause): it completes every send at
// once, so nothing is ever outstanding and the pause completes
// synchronously.
//
//ndis:role MINIPORT_PAUSE
func mpPause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.AcquireSpinLock(&a.lock)
	a.running = false
	ndis.ReleaseSpinLock(&a.lock)
	return ndis.StatusSuccess
}

// mpRestart runs the adapter (MiniportRestart).
//
//ndis:role MINIPORT_RESTART
func mpRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.AcquireSpinLock(&a.lock)
	a.running = true
	ndis.ReleaseSpinLock(&a.lock)
	return ndis.StatusSuccess
}

// mpOidRequest sets or queries the packet filter, synchronously
// (MiniportOidRequest).
//
//ndis:role MINIPORT_OID_REQUEST
func mpOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	return a.packetFilterRequest(oidRequest)
}

// packetFilterRequest answers OID_GEN_CURRENT_PACKET_FILTER.
func (a *adapter) packetFilterRequest(oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid != oidGenCurrentPacketFilter {
		return ndis.StatusNotSupported
	}
	buf := oidRequest.InformationBuffer
	if len(buf) < 4 {
		oidRequest.BytesNeeded = 4
		return ndis.StatusInvalidLength
	}
	ndis.AcquireSpinLock(&a.lock)
	if oidRequest.RequestType == ndis.RequestSetInformation {
		a.packetFilter = uint32(buf[0]) | uint32(buf[1])<<8 | uint32(buf[2])<<16 | uint32(buf[3])<<24
		oidRequest.BytesRead = 4
	} else {
		buf[0], buf[1], buf[2], buf[3] = byte(a.packetFilter), byte(a.packetFilter>>8), byte(a.packetFilter>>16), byte(a.packetFilter>>24)
		oidRequest.BytesWritten = 4
	}
	ndis.ReleaseSpinLock(&a.lock)
	return ndis.StatusSuccess
}

// mpSendNetBufferLists completes every send at once
// (MiniportSendNetBufferLists), with NDIS_STATUS_PAUSED when the adapter
// is not running.
//
//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func mpSendNetBufferLists(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	ndis.AcquireSpinLock(&a.lock)
	status := ndis.StatusSuccess
	if !a.running {
		status = ndis.StatusPaused
	}
	ndis.ReleaseSpinLock(&a.lock)
	for nbl := netBufferList; nbl != nil; nbl = nbl.Next {
		nbl.Status = status
	}
	var sendCompleteFlags uint32
	if sendFlags&ndis.SendFlagsDispatchLevel != 0 {
		sendCompleteFlags = ndis.SendCompleteFlagsDispatchLevel
	}
	ndis.MSendNetBufferListsComplete(a.miniportAdapterHandle, netBufferList, sendCompleteFlags)
}

// mpReturnNetBufferLists has nothing to take back: the adapter indicates
// no receives (MiniportReturnNetBufferLists).
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpReturnNetBufferLists(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
}

// mpCancelSend has nothing to cancel: sends complete at once
// (MiniportCancelSend).
//
//ndis:role MINIPORT_CANCEL_SEND
func mpCancelSend(miniportAdapterContext ndis.Handle, cancelId ndis.Handle) {}

// mpCancelOidRequest has nothing to cancel: requests complete at once
// (MiniportCancelOidRequest).
//
//ndis:role MINIPORT_CANCEL_OID_REQUEST
func mpCancelOidRequest(miniportAdapterContext ndis.Handle, requestId ndis.Handle) {}

// mpDevicePnPEventNotify has no device to react for
// (MiniportDevicePnPEventNotify).
//
//ndis:role MINIPORT_DEVICE_PNP_EVENT_NOTIFY
func mpDevicePnPEventNotify(miniportAdapterContext ndis.Handle, netDevicePnPEvent *ndis.NetDevicePnpEvent) {
}

// mpShutdownEx has no hardware to stop (MiniportShutdownEx).
//
//ndis:role MINIPORT_SHUTDOWN
func mpShutdownEx(miniportAdapterContext ndis.Handle, shutdownAction ndis.ShutdownAction) {}
