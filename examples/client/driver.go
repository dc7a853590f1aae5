package client

import (
	"time"

	"github.com/ndislint/ndislint/ndis"
)

// clientTag is the pool tag of the client's allocations ('ExCl' in a pool
// dump).
const clientTag uint32 = 'l'<<24 | 'C'<<16 | 'x'<<8 | 'E'

// AnswerPolicy says how the client answers an incoming call
// (ProtocolClIncomingCall).
type AnswerPolicy int

// The answer policies.
const (
	// AcceptNow accepts the call by returning NDIS_STATUS_SUCCESS.
	AcceptNow AnswerPolicy = iota
	// AcceptLater returns NDIS_STATUS_PENDING and accepts from a timer with
	// NdisClIncomingCallComplete.
	AcceptLater
	// RejectNow rejects the call by returning NDIS_STATUS_NOT_ACCEPTED.
	RejectNow
	// RejectLater returns NDIS_STATUS_PENDING and rejects from a timer with
	// NdisClIncomingCallComplete.
	RejectLater
)

// Config is what the client reads from its registry key in a real driver.
type Config struct {
	// Name is the protocol's name (NDIS_PROTOCOL_DRIVER_CHARACTERISTICS
	// Name).
	Name string
	// AddressFamily is the address family the client opens when a call
	// manager advertises it; other families are ignored.
	AddressFamily ndis.CoAddressFamily
	// Sap is the SAP the client registers to receive incoming calls; nil
	// registers none.
	Sap *ndis.CoSap
	// Answer is how incoming calls are answered.
	Answer AnswerPolicy
	// AnswerDelay is how long a pended answer waits on the client's timer.
	AnswerDelay time.Duration
}

// Client is the driver's global state: what a C driver keeps in its
// global structure.
type Client struct {
	cfg                Config
	ndisProtocolHandle ndis.Handle
	// lock protects bindings and everything reachable from them (address
	// families, SAPs, VCs, their states) and stats.
	lock     ndis.SpinLock
	bindings []*binding
	stats    Stats
	nextID   int
}

// DriverEntry registers the client with NdisRegisterProtocolDriver, as the
// driver's DriverEntry does; NDIS calls its SetOptions handler from there.
func DriverEntry(cfg Config) (*Client, ndis.Status) {
	c := &Client{cfg: cfg}
	ndis.AllocateSpinLock(&c.lock)
	chars := ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		MinorNdisVersion:              0,
		MajorDriverVersion:            1,
		Name:                          cfg.Name,
		SetOptionsHandler:             clSetOptions,
		BindAdapterHandlerEx:          clBindAdapterEx,
		UnbindAdapterHandlerEx:        clUnbindAdapterEx,
		OpenAdapterCompleteHandlerEx:  clOpenAdapterCompleteEx,
		CloseAdapterCompleteHandlerEx: clCloseAdapterCompleteEx,
		NetPnPEventHandler:            clNetPnPEvent,
	}
	st := ndis.RegisterProtocolDriver(c, &chars, &c.ndisProtocolHandle)
	if st != ndis.StatusSuccess {
		ndis.FreeSpinLock(&c.lock)
		return nil, st
	}
	return c, st
}

// Unload deregisters the client (its DriverUnload): NDIS unbinds it from
// every adapter first, which closes its calls and address families. It
// returns the final counters; the Client (Stats, Calls) must not be used
// afterwards, its lock is freed.
func (c *Client) Unload() Stats {
	ndis.DeregisterProtocolDriver(c.ndisProtocolHandle)
	s := c.Stats()
	ndis.FreeSpinLock(&c.lock)
	return s
}

// clNetPnPEvent is the client's ProtocolNetPnPEvent: it has nothing to do
// for power or reconfiguration events.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func clNetPnPEvent(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	return ndis.StatusSuccess
}
