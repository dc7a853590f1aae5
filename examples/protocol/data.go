package protocol

import "github.com/ndislint/ndislint/ndis"

// maxReceiveQueue bounds the receive queue; older frames are dropped
// first, as ndisprot bounds its queue.
const maxReceiveQueue = 64

// Send sends frames on the binding (the upper edge of the driver: ndisprot's
// write path). Each frame is copied into NDIS memory and described by a
// list from the binding's pool; the chain goes down in one
// NdisSendNetBufferLists call, and ProtocolSendNetBufferListsComplete
// frees it. It returns NDIS_STATUS_PENDING when the chain went down (the
// sends complete later), NDIS_STATUS_RESOURCES when memory or lists ran
// out, and NDIS_STATUS_PAUSED, sending nothing, when the binding is not
// running (pausing-a-binding: "must not make any send requests"). Send runs
// at PASSIVE_LEVEL.
func (b *Binding) Send(frames ...[]byte) ndis.Status {
	if len(frames) == 0 {
		return ndis.StatusSuccess
	}
	var head, tail *ndis.NetBufferList
	var bufs [][]byte
	for _, f := range frames {
		buf := ndis.AllocateMemoryWithTagPriority(b.driver.ndisProtocolHandle, uint32(len(f)), protTag, ndis.NormalPoolPriority)
		if buf == nil {
			b.freeUnsent(head, bufs)
			return ndis.StatusResources
		}
		copy(buf, f)
		mdl := &ndis.Mdl{Data: buf}
		nbl := ndis.AllocateNetBufferAndNetBufferList(b.sendPool, 0, 0, mdl, 0, uint64(len(buf)))
		if nbl == nil {
			ndis.FreeMemory(buf, uint32(len(buf)), 0)
			b.freeUnsent(head, bufs)
			return ndis.StatusResources
		}
		// The list's one NET_BUFFER describes the whole MDL.
		nbl.Data = buf
		if tail == nil {
			head = nbl
		} else {
			tail.Next = nbl
		}
		tail = nbl
		bufs = append(bufs, buf)
	}

	ndis.AcquireSpinLock(&b.lock)
	if b.state != stateRunning {
		ndis.ReleaseSpinLock(&b.lock)
		b.freeUnsent(head, bufs)
		return ndis.StatusPaused
	}
	i := 0
	for nbl := head; nbl != nil; nbl = nbl.Next {
		b.sendBufs[nbl] = bufs[i]
		i++
	}
	b.sendsOutstanding += i
	ndis.ReleaseSpinLock(&b.lock)
	ndis.SendNetBufferLists(b.ndisBindingHandle, head, 0, 0)
	return ndis.StatusPending
}

// freeUnsent frees a chain that was never sent, and its buffers.
func (b *Binding) freeUnsent(head *ndis.NetBufferList, bufs [][]byte) {
	var next *ndis.NetBufferList
	for nbl := head; nbl != nil; nbl = next {
		next = nbl.Next
		ndis.FreeNetBufferList(nbl)
	}
	for _, buf := range bufs {
		ndis.FreeMemory(buf, uint32(len(buf)), 0)
	}
}

// ptSendNetBufferListsComplete takes back the lists of a send
// (ProtocolSendNetBufferListsComplete): it reads each list's status and
// Next before it frees the list and its buffer. When these were the last
// outstanding sends of a pausing binding, it wakes ProtocolNetPnPEvent,
// which waits for them.
//
//ndis:role PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE
func ptSendNetBufferListsComplete(protocolBindingContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	b := protocolBindingContext.(*Binding)
	n := 0
	var next *ndis.NetBufferList
	for nbl := netBufferList; nbl != nil; nbl = next {
		next = nbl.Next
		nbl.Next = nil
		ok := nbl.Status == ndis.StatusSuccess
		ndis.AcquireSpinLock(&b.lock)
		buf := b.sendBufs[nbl]
		delete(b.sendBufs, nbl)
		if ok {
			b.stats.Sent++
		} else {
			b.stats.SendFailed++
		}
		ndis.ReleaseSpinLock(&b.lock)
		ndis.FreeNetBufferList(nbl)
		if buf != nil {
			ndis.FreeMemory(buf, uint32(len(buf)), 0)
		}
		n++
	}

	ndis.AcquireSpinLock(&b.lock)
	b.sendsOutstanding -= n
	drained := b.state == statePausing && b.sendsOutstanding == 0
	if drained {
		b.state = statePaused
	}
	ndis.ReleaseSpinLock(&b.lock)
	if drained {
		ndis.SetEvent(&b.sendsDrained)
	}
}

// ptReceiveNetBufferLists takes a receive indication
// (ProtocolReceiveNetBufferLists): a running binding copies each frame into
// its receive queue; a pausing or paused one drops them (pausing-a-binding:
// "return receive indications immediately"). Either way the lists go back
// at once with NdisReturnNetBufferLists, with
// NDIS_RETURN_FLAGS_DISPATCH_LEVEL when they came at DISPATCH_LEVEL,
// unless they were indicated with NDIS_RECEIVE_FLAGS_RESOURCES: those are
// the miniport's again when this handler returns, and must not be returned
// (nf-ndis-ndismindicatereceivenetbufferlists).
//
//ndis:role PROTOCOL_RECEIVE_NET_BUFFER_LISTS
func ptReceiveNetBufferLists(protocolBindingContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	b := protocolBindingContext.(*Binding)
	resources := receiveFlags&ndis.ReceiveFlagsResources != 0
	ndis.AcquireSpinLock(&b.lock)
	for nbl := netBufferLists; nbl != nil; nbl = nbl.Next {
		if b.state != stateRunning {
			b.stats.ReceivedWhilePaused++
			continue
		}
		if len(b.received) == maxReceiveQueue {
			b.received = b.received[1:]
		}
		b.received = append(b.received, append([]byte(nil), nbl.Data...))
		b.stats.Received++
		if resources {
			b.stats.ReceivedResources++
		}
	}
	ndis.ReleaseSpinLock(&b.lock)
	if resources {
		return
	}
	var returnFlags uint32
	if receiveFlags&ndis.ReceiveFlagsDispatchLevel != 0 {
		returnFlags = ndis.ReturnFlagsDispatchLevel
	}
	ndis.ReturnNetBufferLists(b.ndisBindingHandle, netBufferLists, returnFlags)
}

// Received takes the frames in the binding's receive queue (the upper edge
// of the driver: ndisprot's read path).
func (b *Binding) Received() [][]byte {
	ndis.AcquireSpinLock(&b.lock)
	out := b.received
	b.received = nil
	ndis.ReleaseSpinLock(&b.lock)
	return out
}
