package protocol

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// bindingState is the binding's state in NDIS's protocol binding state
// machine (protocol-binding-states-and-operations).
type bindingState int

// The states the driver tracks.
const (
	// stateOpening: in ProtocolBindAdapterEx.
	stateOpening bindingState = iota
	// statePaused: after the bind, and after a pause completes.
	statePaused
	// stateRunning: after NetEventRestart.
	stateRunning
	// statePausing: ProtocolNetPnPEvent is waiting for outstanding sends
	// to complete for NetEventPause.
	statePausing
	// stateClosing: in ProtocolUnbindAdapterEx.
	stateClosing
)

// String names the state as the pages do.
func (s bindingState) String() string {
	return [...]string{"Opening", "Paused", "Running", "Pausing", "Closing"}[s]
}

// Binding is the binding context (the ProtocolBindingContext NDIS passes to
// every ProtocolXxx function of the binding), allocated with
// NdisAllocateMemoryWithTagPriority in ProtocolBindAdapterEx.
type Binding struct {
	mem               []byte
	driver            *Driver
	adapterName       string
	ndisBindingHandle ndis.Handle
	// sendPool is the pool of the send lists.
	sendPool ndis.Handle

	// openDone, closeDone and oidDone are set by the completion handlers
	// of NdisOpenAdapterEx, NdisCloseAdapterEx and NdisOidRequest when they
	// pend; openStatus and oidStatus carry the final status. sendsDrained
	// is set when the last outstanding send of a pausing binding
	// completes.
	openDone, closeDone, oidDone, sendsDrained ndis.Event
	openStatus                                 ndis.Status
	oidRequest                                 ndis.OidRequest
	oidStatus                                  ndis.Status
	unbindContext                              ndis.Handle

	// What the bind read from the adapter.
	currentAddress [6]byte
	maxFrameSize   uint32

	// lock protects everything below.
	lock  ndis.SpinLock
	state bindingState
	// sendsOutstanding counts the lists given to NdisSendNetBufferLists
	// and not completed; sendBufs holds the NDIS memory of each.
	sendsOutstanding int
	sendBufs         map[*ndis.NetBufferList][]byte
	// received is the receive queue: copies of the frames received.
	received    [][]byte
	mediaStatus ndis.Status
	stats       Stats
}

// Stats are the binding's counters.
type Stats struct {
	// Sent counts lists completed with NDIS_STATUS_SUCCESS; SendFailed
	// those completed with another status.
	Sent, SendFailed int
	// Received counts frames received; ReceivedResources those indicated
	// with NDIS_RECEIVE_FLAGS_RESOURCES (not returned);
	// ReceivedWhilePaused those dropped because the binding was not
	// running.
	Received, ReceivedResources, ReceivedWhilePaused int
	// Pauses counts pauses; PausesWaited those that waited for
	// outstanding sends.
	Pauses, PausesWaited int
	// OidsPended counts OID requests completed in
	// ProtocolOidRequestComplete.
	OidsPended int
}

// ptBindAdapterEx binds to an adapter (ProtocolBindAdapterEx): it
// allocates the binding context and its resources, opens the adapter with
// NdisOpenAdapterEx, waiting for ProtocolOpenAdapterCompleteEx when the
// open pends, queries the adapter's address and maximum frame size and
// sets its packet filter.
// It completes the bind before it returns (binding-to-an-adapter); the
// binding is then Paused until NDIS restarts it.
//
//ndis:role PROTOCOL_BIND_ADAPTER_EX
func ptBindAdapterEx(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	d := protocolDriverContext.(*Driver)
	if bindParameters.MediaType != ndis.Medium802_3 {
		return ndis.StatusUnsupportedMedia
	}
	b := &Binding{driver: d, adapterName: bindParameters.AdapterName, sendBufs: make(map[*ndis.NetBufferList][]byte)}
	b.mem = ndis.AllocateMemoryWithTagPriority(d.ndisProtocolHandle, uint32(unsafe.Sizeof(*b)), protTag, ndis.NormalPoolPriority)
	if b.mem == nil {
		return ndis.StatusResources
	}
	ndis.AllocateSpinLock(&b.lock)
	ndis.InitializeEvent(&b.openDone)
	ndis.InitializeEvent(&b.closeDone)
	ndis.InitializeEvent(&b.oidDone)
	ndis.InitializeEvent(&b.sendsDrained)
	poolParams := ndis.NetBufferListPoolParameters{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeDefault,
			Revision: netBufferListPoolParametersRevision1,
		},
		ProtocolId:        0, // NDIS_PROTOCOL_ID_DEFAULT
		AllocateNetBuffer: true,
		PoolTag:           protTag,
	}
	b.sendPool = ndis.AllocateNetBufferListPool(d.ndisProtocolHandle, &poolParams)
	if b.sendPool == nil {
		b.free()
		return ndis.StatusResources
	}

	var selected uint32
	openParams := ndis.OpenParameters{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeOpenParameters,
			Revision: ndisOpenParametersRevision1,
		},
		AdapterName:         bindParameters.AdapterName,
		MediumArray:         []ndis.Medium{ndis.Medium802_3},
		SelectedMediumIndex: &selected,
		FrameTypeArray:      []uint16{ethernetIIFrameType},
	}
	b.state = stateOpening
	st := ndis.OpenAdapterEx(d.ndisProtocolHandle, b, &openParams, bindContext, &b.ndisBindingHandle)
	if st == ndis.StatusPending {
		ndis.WaitEvent(&b.openDone, 0)
		st = b.openStatus
	}
	if st != ndis.StatusSuccess {
		b.free()
		return st
	}

	if st := b.readAdapterProperties(); st != ndis.StatusSuccess {
		b.closeInBind()
		return st
	}

	ndis.AcquireSpinLock(&b.lock)
	b.state = statePaused
	ndis.ReleaseSpinLock(&b.lock)
	ndis.AcquireSpinLock(&d.lock)
	d.bindings = append(d.bindings, b)
	ndis.ReleaseSpinLock(&d.lock)
	return ndis.StatusSuccess
}

// readAdapterProperties queries the adapter's current address and maximum
// frame size with NdisOidRequest, and sets the packet filter, without
// which the adapter indicates nothing.
func (b *Binding) readAdapterProperties() ndis.Status {
	addr, st := b.QueryOid(oid8023CurrentAddress, 6)
	if st != ndis.StatusSuccess {
		return st
	}
	copy(b.currentAddress[:], addr)
	size, st := b.QueryOid(oidGenMaximumFrameSize, 4)
	if st != ndis.StatusSuccess {
		return st
	}
	if len(size) == 4 {
		b.maxFrameSize = uint32(size[0]) | uint32(size[1])<<8 | uint32(size[2])<<16 | uint32(size[3])<<24
	}
	filter := []byte{byte(packetFilter), byte(packetFilter >> 8), byte(packetFilter >> 16), byte(packetFilter >> 24)}
	return b.SetOid(oidGenCurrentPacketFilter, filter)
}

// closeInBind closes the adapter when the bind fails after the open
// (binding-to-an-adapter allows NdisCloseAdapterEx from
// ProtocolBindAdapterEx), waiting for the close to complete, and frees the
// binding.
func (b *Binding) closeInBind() {
	ndis.AcquireSpinLock(&b.lock)
	b.state = stateClosing
	ndis.ReleaseSpinLock(&b.lock)
	if ndis.CloseAdapterEx(b.ndisBindingHandle) == ndis.StatusPending {
		ndis.WaitEvent(&b.closeDone, 0)
	}
	b.free()
}

// ptOpenAdapterCompleteEx finishes a pended NdisOpenAdapterEx
// (ProtocolOpenAdapterCompleteEx): it wakes the bind waiting for it.
//
//ndis:role PROTOCOL_OPEN_ADAPTER_COMPLETE_EX
func ptOpenAdapterCompleteEx(protocolBindingContext ndis.Handle, status ndis.Status) {
	b := protocolBindingContext.(*Binding)
	b.openStatus = status
	ndis.SetEvent(&b.openDone)
}

// ptUnbindAdapterEx unbinds (ProtocolUnbindAdapterEx). NDIS pauses the
// binding first, so nothing is outstanding; the adapter is closed with
// NdisCloseAdapterEx, and a close that pends is finished in
// ProtocolCloseAdapterCompleteEx, which completes the unbind
// (unbinding-from-an-adapter).
//
//ndis:role PROTOCOL_UNBIND_ADAPTER_EX
func ptUnbindAdapterEx(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	b := protocolBindingContext.(*Binding)
	d := b.driver
	ndis.AcquireSpinLock(&d.lock)
	for i, x := range d.bindings {
		if x == b {
			d.bindings = append(d.bindings[:i], d.bindings[i+1:]...)
			break
		}
	}
	ndis.ReleaseSpinLock(&d.lock)
	ndis.AcquireSpinLock(&b.lock)
	b.state = stateClosing
	b.unbindContext = unbindContext
	ndis.ReleaseSpinLock(&b.lock)
	if ndis.CloseAdapterEx(b.ndisBindingHandle) == ndis.StatusPending {
		return ndis.StatusPending
	}
	b.free()
	return ndis.StatusSuccess
}

// ptCloseAdapterCompleteEx finishes a pended NdisCloseAdapterEx
// (ProtocolCloseAdapterCompleteEx): from an unbind it frees the binding and
// completes the unbind with NdisCompleteUnbindAdapterEx; from a failed bind
// it wakes the bind.
//
//ndis:role PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX
func ptCloseAdapterCompleteEx(protocolBindingContext ndis.Handle) {
	b := protocolBindingContext.(*Binding)
	unbindContext := b.unbindContext
	if unbindContext == nil {
		ndis.SetEvent(&b.closeDone)
		return
	}
	b.free()
	ndis.CompleteUnbindAdapterEx(unbindContext)
}

// free releases the binding's resources: the pool, the lock and the
// context. The adapter is closed (or was never opened).
func (b *Binding) free() {
	if b.sendPool != nil {
		ndis.FreeNetBufferListPool(b.sendPool)
		b.sendPool = nil
	}
	ndis.FreeSpinLock(&b.lock)
	ndis.FreeMemory(b.mem, uint32(len(b.mem)), 0)
	b.mem = nil
}

// ptNetPnPEvent handles network PnP events (ProtocolNetPnPEvent).
// NetEventRestart starts the binding (restarting-a-binding). NetEventPause
// stops new sends and waits, at PASSIVE_LEVEL, for the outstanding ones to
// complete before it returns NDIS_STATUS_SUCCESS (pausing-a-binding: "The
// pause operation is not complete until NDIS calls the
// ProtocolSendNetBufferListsComplete function for all of the driver's
// outstanding send requests"), as ndisprot does. It cannot return
// NDIS_STATUS_PENDING and finish later: NdisCompleteNetPnPEvent must be
// called at PASSIVE_LEVEL, ProtocolSendNetBufferListsComplete runs at up to
// DISPATCH_LEVEL, and a protocol driver has no NDIS work item to get back
// to PASSIVE_LEVEL (nf-ndis-ndisallocateioworkitem). Other events need
// nothing from this protocol. Events for all bindings come with a NULL
// ProtocolBindingContext: on NetEventReconfigure there the driver asks NDIS
// to offer it the adapters it is configured for but not bound to
// (NdisReEnumerateProtocolBindings, what its page advises intermediate
// drivers to do there), which its page allows in ProtocolNetPnPEvent only
// when ProtocolBindingContext is NULL.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func ptNetPnPEvent(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext == nil {
		if netPnPEventNotification.NetPnPEvent.NetEvent == ndis.NetEventReconfigure && globals != nil {
			ndis.ReEnumerateProtocolBindings(globals.ndisProtocolHandle)
		}
		return ndis.StatusSuccess
	}
	b, ok := protocolBindingContext.(*Binding)
	if !ok {
		return ndis.StatusSuccess
	}
	switch netPnPEventNotification.NetPnPEvent.NetEvent {
	case ndis.NetEventRestart:
		ndis.AcquireSpinLock(&b.lock)
		b.state = stateRunning
		ndis.ReleaseSpinLock(&b.lock)
	case ndis.NetEventPause:
		ndis.AcquireSpinLock(&b.lock)
		b.stats.Pauses++
		b.state = statePausing
		wait := b.sendsOutstanding != 0
		if wait {
			b.stats.PausesWaited++
			ndis.ResetEvent(&b.sendsDrained)
		} else {
			b.state = statePaused
		}
		ndis.ReleaseSpinLock(&b.lock)
		if wait {
			ndis.WaitEvent(&b.sendsDrained, 0)
		}
	}
	return ndis.StatusSuccess
}

// ptStatusEx records the adapter's media status (ProtocolStatusEx).
//
//ndis:role PROTOCOL_STATUS_EX
func ptStatusEx(protocolBindingContext ndis.Handle, statusIndication *ndis.StatusIndication) {
	b := protocolBindingContext.(*Binding)
	switch statusIndication.StatusCode {
	case ndis.StatusMediaConnect, ndis.StatusMediaDisconnect:
		ndis.AcquireSpinLock(&b.lock)
		b.mediaStatus = statusIndication.StatusCode
		ndis.ReleaseSpinLock(&b.lock)
	}
}

// AdapterName returns the name of the adapter the binding opened.
func (b *Binding) AdapterName() string { return b.adapterName }

// CurrentAddress returns the adapter's MAC address, as the bind read it.
func (b *Binding) CurrentAddress() [6]byte { return b.currentAddress }

// MaxFrameSize returns the adapter's maximum frame size, as the bind read
// it.
func (b *Binding) MaxFrameSize() uint32 { return b.maxFrameSize }

// MediaStatus returns the last media status the adapter indicated
// (NDIS_STATUS_MEDIA_CONNECT or NDIS_STATUS_MEDIA_DISCONNECT), or
// NDIS_STATUS_SUCCESS if none yet.
func (b *Binding) MediaStatus() ndis.Status {
	ndis.AcquireSpinLock(&b.lock)
	s := b.mediaStatus
	ndis.ReleaseSpinLock(&b.lock)
	return s
}

// State returns the binding's state as the pages name it.
func (b *Binding) State() string {
	ndis.AcquireSpinLock(&b.lock)
	s := b.state.String()
	ndis.ReleaseSpinLock(&b.lock)
	return s
}

// Stats returns a copy of the binding's counters.
func (b *Binding) Stats() Stats {
	ndis.AcquireSpinLock(&b.lock)
	s := b.stats
	ndis.ReleaseSpinLock(&b.lock)
	return s
}
