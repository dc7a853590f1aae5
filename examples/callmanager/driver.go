package callmanager

import (
	"time"

	"github.com/ndislint/ndislint/ndis"
)

// cmTag is the pool tag of the call manager's allocations ('ExCm').
const cmTag uint32 = 'm'<<24 | 'C'<<16 | 'x'<<8 | 'E'

// Completion says how the call manager completes one kind of request.
type Completion int

// The completion modes.
const (
	// Synchronous: the handler returns the final status.
	Synchronous Completion = iota
	// Deferred: the handler returns NDIS_STATUS_PENDING and the call
	// manager completes the request later, from its signalling timer.
	Deferred
	// Nested: the handler completes the request (NdisCm...Complete) and
	// then returns NDIS_STATUS_PENDING; for a close of a call on the call
	// manager's own VC it also deletes the VC before returning.
	Nested
)

// Config is what the call manager reads from its registry key in a real
// driver.
type Config struct {
	// Name is the protocol's name.
	Name string
	// AddressFamily is the family it registers on every binding.
	AddressFamily ndis.CoAddressFamily
	// OpenAf, CloseAf, RegisterSap, MakeCall and CloseCall say how each
	// request is completed.
	OpenAf, CloseAf, RegisterSap, MakeCall, CloseCall Completion
	// KeepVcs keeps the call manager's own VCs after their calls close, so
	// that another call can be offered on them (Reoffer); otherwise it
	// deletes them.
	KeepVcs bool
	// SignallingDelay is how long deferred completions wait.
	SignallingDelay time.Duration
}

// CallManager is the driver's global state.
type CallManager struct {
	ndisProtocolHandle ndis.Handle
	// lock protects cfg, bindings and everything reachable from them, and
	// stats.
	lock     ndis.SpinLock
	cfg      Config
	bindings []*binding
	stats    Stats
	nextID   int
}

// DriverEntry registers the call manager with NdisRegisterProtocolDriver,
// as the driver's DriverEntry does.
func DriverEntry(cfg Config) (*CallManager, ndis.Status) {
	cm := &CallManager{cfg: cfg}
	ndis.AllocateSpinLock(&cm.lock)
	chars := ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		MinorNdisVersion:              0,
		MajorDriverVersion:            1,
		Name:                          cfg.Name,
		SetOptionsHandler:             cmSetOptions,
		BindAdapterHandlerEx:          cmBindAdapterEx,
		UnbindAdapterHandlerEx:        cmUnbindAdapterEx,
		OpenAdapterCompleteHandlerEx:  cmOpenAdapterCompleteEx,
		CloseAdapterCompleteHandlerEx: cmCloseAdapterCompleteEx,
		NetPnPEventHandler:            cmNetPnPEvent,
	}
	st := ndis.RegisterProtocolDriver(cm, &chars, &cm.ndisProtocolHandle)
	if st != ndis.StatusSuccess {
		ndis.FreeSpinLock(&cm.lock)
		return nil, st
	}
	return cm, st
}

// Unload deregisters the call manager: NDIS unbinds it from every adapter
// first, which closes its clients' address families. It returns the final
// counters; the CallManager must not be used afterwards, its lock is freed.
func (cm *CallManager) Unload() Stats {
	ndis.DeregisterProtocolDriver(cm.ndisProtocolHandle)
	s := cm.Stats()
	ndis.FreeSpinLock(&cm.lock)
	return s
}

// Config returns the current configuration.
func (cm *CallManager) Config() Config {
	ndis.AcquireSpinLock(&cm.lock)
	c := cm.cfg
	ndis.ReleaseSpinLock(&cm.lock)
	return c
}

// SetConfig changes how later requests are completed (a registry change
// the driver rereads).
func (cm *CallManager) SetConfig(c Config) {
	ndis.AcquireSpinLock(&cm.lock)
	cm.cfg = c
	ndis.ReleaseSpinLock(&cm.lock)
}

// cmNetPnPEvent is the call manager's ProtocolNetPnPEvent: nothing to do.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func cmNetPnPEvent(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	return ndis.StatusSuccess
}
