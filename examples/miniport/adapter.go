package miniport

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// The adapter's fixed properties.
const (
	// mtuSize is the largest payload the adapter sends or receives.
	mtuSize = 1500
	// frameSize is the largest frame: the payload and an Ethernet header.
	frameSize = mtuSize + 14
	// linkSpeed is the link speed the adapter reports, in bits per second.
	linkSpeed uint64 = 1_000_000_000
	// maxMulticastList is the number of multicast addresses the adapter
	// filters (OID_802_3_MAXIMUM_LIST_SIZE).
	maxMulticastList = 32
	// rcbCount is the number of receive buffers (netvmini's RCBs).
	rcbCount = 16
	// rcbLowWater is the number of free receive buffers below which
	// receives are indicated with NDIS_RECEIVE_FLAGS_RESOURCES.
	rcbLowWater = 4
	// dpcDelay is how long after a send or a frame's arrival the adapter's
	// "interrupt" DPC runs, in 100-nanosecond units (negative: relative,
	// as NdisSetTimerObject takes it).
	dpcDelay int64 = -10_000
	// oidDelay is how long programming the multicast list "into the
	// hardware" takes.
	oidDelay int64 = -20_000
)

// adapterState is the adapter's state in NDIS's miniport adapter state
// machine (miniport-adapter-states-and-operations).
type adapterState int

// The states the driver tracks. NDIS does not call MiniportXxx in the
// Initializing, Halted or Shutdown states except as the pages allow.
const (
	// statePaused: after MiniportInitializeEx and after a pause completes.
	statePaused adapterState = iota
	// stateRunning: after MiniportRestart.
	stateRunning
	// statePausing: MiniportPause returned NDIS_STATUS_PENDING; sends or
	// receives are still outstanding.
	statePausing
)

// String names the state as the pages do.
func (s adapterState) String() string {
	switch s {
	case statePaused:
		return "Paused"
	case stateRunning:
		return "Running"
	case statePausing:
		return "Pausing"
	}
	return "unknown"
}

// rcb is a receive control block: one receive buffer with the
// NET_BUFFER_LIST (and its NET_BUFFER and MDL) that describes it, allocated
// once in MiniportInitializeEx and reused for every receive.
type rcb struct {
	buf []byte
	mdl ndis.Mdl
	nbl *ndis.NetBufferList
}

// Stats are the adapter's counters (OID_GEN_XMIT_OK, OID_GEN_RCV_OK, ...).
type Stats struct {
	// XmitOk counts sends completed with NDIS_STATUS_SUCCESS.
	XmitOk uint64
	// XmitPaused counts sends refused with NDIS_STATUS_PAUSED.
	XmitPaused uint64
	// RcvOk counts frames indicated up.
	RcvOk uint64
	// RcvResources counts frames indicated with NDIS_RECEIVE_FLAGS_RESOURCES.
	RcvResources uint64
	// RcvDiscards counts frames dropped: no free receive buffer, or the
	// adapter not running.
	RcvDiscards uint64
	// RcvFiltered counts frames the packet filter did not pass.
	RcvFiltered uint64
	// Pauses counts pauses; PausesPended those that returned
	// NDIS_STATUS_PENDING and completed with NdisMPauseComplete.
	Pauses, PausesPended int
	// OidsPended counts OID requests completed with NdisMOidRequestComplete.
	OidsPended int
}

// Adapter is the adapter context (the MiniportAdapterContext NDIS passes to
// every MiniportXxx function of the adapter), allocated with
// NdisAllocateMemoryWithTagPriority in MiniportInitializeEx.
type Adapter struct {
	mem                   []byte
	driver                *Driver
	miniportAdapterHandle ndis.Handle
	ifIndex               uint32
	currentAddress        [6]byte

	// nblPool is the pool of the receive NET_BUFFER_LISTs.
	nblPool ndis.Handle
	// rcbs are every receive buffer; rcbOf finds one from its list, as a
	// C driver finds its RCB through the list's MiniportReserved field.
	rcbs  []*rcb
	rcbOf map[*ndis.NetBufferList]*rcb

	// txDpc and rxDpc stand for the adapter's interrupt DPCs; oidTimer
	// completes the pended multicast-list set.
	txDpc, rxDpc, oidTimer ndis.Handle

	// lock protects everything below.
	lock  ndis.SpinLock
	state adapterState
	// sendHead and sendTail queue the sends the transmit DPC completes;
	// sendsOutstanding counts the lists the driver owns (queued and being
	// completed).
	sendHead, sendTail *ndis.NetBufferList
	sendsOutstanding   int
	// wire holds the frames "on the wire", waiting for the receive DPC.
	wire [][]byte
	// freeRcbs are the receive buffers the driver owns; recvsOutstanding
	// counts those NDIS has not returned yet.
	freeRcbs         []*rcb
	recvsOutstanding int
	// pendingOid is the OID request MiniportOidRequest pended (NDIS gives
	// a miniport one request at a time); pendingMulticast is the list it
	// sets.
	pendingOid       *ndis.OidRequest
	pendingMulticast [][6]byte
	packetFilter     uint32
	lookahead        uint32
	multicast        [][6]byte
	stats            Stats
}

// mpInitializeEx initializes an adapter (MiniportInitializeEx): the adapter
// context first, then NdisMSetMiniportAttributes with the registration and
// the general attributes, then the receive resources and the DPC timers.
// The adapter starts in the Paused state. On failure it frees what it
// allocated: NDIS does not call MiniportHaltEx for an adapter whose
// initialization failed.
//
//ndis:role MINIPORT_INITIALIZE
func mpInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	d := miniportDriverContext.(*Driver)
	a := &Adapter{driver: d, miniportAdapterHandle: ndisMiniportHandle, ifIndex: miniportInitParameters.IfIndex}
	a.mem = ndis.AllocateMemoryWithTagPriority(ndisMiniportHandle, uint32(unsafe.Sizeof(*a)), vminiTag, ndis.NormalPoolPriority)
	if a.mem == nil {
		return ndis.StatusResources
	}
	// A locally administered unicast address derived from the interface
	// index, as netvmini derives one from its adapter number.
	a.currentAddress = [6]byte{0x02, 0x50, 0xF2, 0x00, byte(a.ifIndex >> 8), byte(a.ifIndex)}
	a.lookahead = mtuSize
	ndis.AllocateSpinLock(&a.lock)

	registration := ndis.MiniportAdapterAttributes{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeMiniportAdapterRegistrationAttributes,
			Revision: ndisMiniportAdapterAttributesRevision1,
		},
		MiniportAdapterContext: a,
		AttributeFlags:         ndisMiniportAttributesNoHaltOnSuspend,
	}
	if st := ndis.MSetMiniportAttributes(ndisMiniportHandle, &registration); st != ndis.StatusSuccess {
		a.free()
		return st
	}
	general := ndis.MiniportAdapterAttributes{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeMiniportAdapterGeneralAttributes,
			Revision: ndisMiniportAdapterAttributesRevision1,
		},
		MtuSize:   mtuSize,
		MediaType: ndis.Medium802_3,
	}
	if st := ndis.MSetMiniportAttributes(ndisMiniportHandle, &general); st != ndis.StatusSuccess {
		a.free()
		return st
	}
	if st := a.allocateReceiveResources(); st != ndis.StatusSuccess {
		a.free()
		return st
	}
	if st := a.allocateDpcs(); st != ndis.StatusSuccess {
		a.free()
		return st
	}
	a.state = statePaused
	d.addAdapter(a)
	return ndis.StatusSuccess
}

// allocateReceiveResources allocates the NET_BUFFER_LIST pool and the
// receive buffers, each with its list (NdisAllocateNetBufferAndNetBufferList
// over the buffer's MDL).
func (a *Adapter) allocateReceiveResources() ndis.Status {
	params := ndis.NetBufferListPoolParameters{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeDefault,
			Revision: netBufferListPoolParametersRevision1,
		},
		ProtocolId:        0, // NDIS_PROTOCOL_ID_DEFAULT
		AllocateNetBuffer: true,
		PoolTag:           vminiTag,
	}
	a.nblPool = ndis.AllocateNetBufferListPool(a.miniportAdapterHandle, &params)
	if a.nblPool == nil {
		return ndis.StatusResources
	}
	a.rcbOf = make(map[*ndis.NetBufferList]*rcb, rcbCount)
	for i := 0; i < rcbCount; i++ {
		r := &rcb{}
		r.buf = ndis.AllocateMemoryWithTagPriority(a.miniportAdapterHandle, frameSize, vminiTag, ndis.NormalPoolPriority)
		if r.buf == nil {
			return ndis.StatusResources
		}
		r.mdl = ndis.Mdl{Data: r.buf}
		r.nbl = ndis.AllocateNetBufferAndNetBufferList(a.nblPool, 0, 0, &r.mdl, 0, frameSize)
		if r.nbl == nil {
			ndis.FreeMemory(r.buf, frameSize, 0)
			return ndis.StatusResources
		}
		a.rcbs = append(a.rcbs, r)
		a.rcbOf[r.nbl] = r
		a.freeRcbs = append(a.freeRcbs, r)
	}
	return ndis.StatusSuccess
}

// allocateDpcs allocates the timers that stand for the transmit and receive
// DPCs and the one that completes a pended OID request.
func (a *Adapter) allocateDpcs() ndis.Status {
	timers := []struct {
		fn     ndis.TimerFunction
		handle *ndis.Handle
	}{
		{mpTransmitDpc, &a.txDpc},
		{mpReceiveDpc, &a.rxDpc},
		{mpOidTimer, &a.oidTimer},
	}
	for _, t := range timers {
		tc := ndis.TimerCharacteristics{
			AllocationTag:   vminiTag,
			TimerFunction:   t.fn,
			FunctionContext: a,
		}
		if st := ndis.AllocateTimerObject(a.miniportAdapterHandle, &tc, t.handle); st != ndis.StatusSuccess {
			return st
		}
	}
	return ndis.StatusSuccess
}

// free releases everything the adapter allocated, whatever
// MiniportInitializeEx got to: the timers, the receive lists and buffers,
// the pool, the lock and the context.
func (a *Adapter) free() {
	for _, t := range []*ndis.Handle{&a.txDpc, &a.rxDpc, &a.oidTimer} {
		if *t != nil {
			ndis.FreeTimerObject(*t)
			*t = nil
		}
	}
	for _, r := range a.rcbs {
		ndis.FreeNetBufferList(r.nbl)
		ndis.FreeMemory(r.buf, frameSize, 0)
	}
	a.rcbs, a.freeRcbs, a.rcbOf = nil, nil, nil
	if a.nblPool != nil {
		ndis.FreeNetBufferListPool(a.nblPool)
		a.nblPool = nil
	}
	ndis.FreeSpinLock(&a.lock)
	ndis.FreeMemory(a.mem, uint32(len(a.mem)), 0)
	a.mem = nil
}

// mpHaltEx frees the adapter (MiniportHaltEx). NDIS halts a paused adapter
// with no request outstanding (halting-a-miniport-adapter); the DPC timers
// may still be queued by frames that arrived during the pause, so they are
// cancelled before their objects are freed.
//
//ndis:role MINIPORT_HALT
func mpHaltEx(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*Adapter)
	ndis.CancelTimerObject(a.txDpc)
	ndis.CancelTimerObject(a.rxDpc)
	ndis.CancelTimerObject(a.oidTimer)
	ndis.AcquireSpinLock(&a.lock)
	a.wire = nil
	ndis.ReleaseSpinLock(&a.lock)
	a.driver.removeAdapter(a)
	a.free()
}

// mpRestart starts the data flow (MiniportRestart): the adapter is Running
// and accepts sends and indicates receives.
//
//ndis:role MINIPORT_RESTART
func mpRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*Adapter)
	ndis.AcquireSpinLock(&a.lock)
	a.state = stateRunning
	ndis.ReleaseSpinLock(&a.lock)
	return ndis.StatusSuccess
}

// mpPause stops the data flow (MiniportPause). New sends are refused from
// now on and no new receive is indicated; if sends are queued or NDIS has
// not returned every indicated list, the pause pends and the transmit DPC
// or MiniportReturnNetBufferLists completes it with NdisMPauseComplete
// (pausing-an-adapter). It returns only NDIS_STATUS_SUCCESS or
// NDIS_STATUS_PENDING, the statuses nc-ndis-miniport_pause allows.
//
//ndis:role MINIPORT_PAUSE
func mpPause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*Adapter)
	ndis.AcquireSpinLock(&a.lock)
	a.stats.Pauses++
	a.state = statePausing
	done := a.pauseDoneLocked()
	if !done {
		a.stats.PausesPended++
	}
	ndis.ReleaseSpinLock(&a.lock)
	if done {
		return ndis.StatusSuccess
	}
	return ndis.StatusPending
}

// pauseDoneLocked moves a Pausing adapter to Paused once nothing is
// outstanding, and says whether it did. The caller holds a.lock.
func (a *Adapter) pauseDoneLocked() bool {
	if a.state != statePausing || a.sendsOutstanding != 0 || a.recvsOutstanding != 0 {
		return false
	}
	a.state = statePaused
	return true
}

// State returns the adapter's state as the pages name it: "Paused",
// "Running" or "Pausing".
func (a *Adapter) State() string {
	ndis.AcquireSpinLock(&a.lock)
	defer ndis.ReleaseSpinLock(&a.lock)
	return a.state.String()
}

// Stats returns a copy of the adapter's counters.
func (a *Adapter) Stats() Stats {
	ndis.AcquireSpinLock(&a.lock)
	defer ndis.ReleaseSpinLock(&a.lock)
	return a.stats
}

// CurrentAddress returns the adapter's MAC address.
func (a *Adapter) CurrentAddress() [6]byte { return a.currentAddress }
