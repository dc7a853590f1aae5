// Package send is a protocol driver's send path: the lists it hands to
// NdisSendNetBufferLists, touched after the send (reported) and not
// (clean twins).
package send

import "github.com/ndislint/ndislint/ndis"

type binding struct {
	handle  ndis.Handle
	pending *ndis.NetBufferList
	count   int
}

// The classic: the next list read from the one just sent.
func sendChainWrong(h ndis.Handle, nbl *ndis.NetBufferList) {
	for nbl != nil {
		ndis.SendNetBufferLists(h, nbl, 0, 0)
		nbl = nbl.Next // want `the NET_BUFFER_LIST is used after NdisSendNetBufferLists handed it to NDIS; it is not the driver's again until ProtocolSendNetBufferListsComplete returns it`
	}
}

// A field written after the send.
func statusAfterSend(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	nbl.Status = ndis.StatusSuccess // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// The list passed to a helper after the send.
func helperAfterSend(b *binding, nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(b.handle, nbl, 0, ndis.SendFlagsDispatchLevel)
	count(b, nbl) // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// The same list sent twice.
func sendTwice(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	ndis.SendNetBufferLists(h, nbl, 0, 0) // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// The same list sent on every iteration of a loop.
func sendInLoop(h ndis.Handle, nbl *ndis.NetBufferList, n int) {
	for i := 0; i < n; i++ {
		ndis.SendNetBufferLists(h, nbl, 0, 0) // want `used after NdisSendNetBufferLists handed it to NDIS`
	}
}

// Touched then sent on every iteration: the second touch follows the first
// send.
func touchAndSendInLoop(h ndis.Handle, nbl *ndis.NetBufferList, n int) {
	for i := 0; i < n; i++ {
		nbl.Status = 0 // want `used after NdisSendNetBufferLists handed it to NDIS`
		ndis.SendNetBufferLists(h, nbl, 0, 0)
	}
}

// Freed after the send: a release of a list the driver no longer owns.
func freeAfterSend(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	ndis.FreeNetBufferList(nbl) // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// Through an interface value and back.
func throughInterface(h ndis.Handle, nbl *ndis.NetBufferList) {
	var x any = nbl
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	x.(*ndis.NetBufferList).Status = 0 // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// A deferred call that takes the list after the send.
func deferAfterSend(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	defer ndis.FreeNetBufferList(nbl) // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// Touched on a path that merges after the send: the phi holds the list
// when cond is false.
func mergeAfterSend(h ndis.Handle, nbl, other *ndis.NetBufferList, cond bool) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	if cond {
		nbl = other
	}
	nbl.Status = 0 // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// Freed, then read.
func readAfterFree(nbl *ndis.NetBufferList) ndis.Status {
	ndis.FreeNetBufferList(nbl)
	return nbl.Status // want `the NET_BUFFER_LIST is used after NdisFreeNetBufferList released it; it is no longer the driver's`
}

// Clean twins.

// The next list is read, and the list unlinked, before the send.
func sendChainRight(h ndis.Handle, nbl *ndis.NetBufferList) {
	for nbl != nil {
		next := nbl.Next
		nbl.Next = nil
		ndis.SendNetBufferLists(h, nbl, 0, 0)
		nbl = next
	}
}

// Send on one branch, touch on the other.
func sendOrDrop(h ndis.Handle, nbl *ndis.NetBufferList, up bool) {
	if up {
		ndis.SendNetBufferLists(h, nbl, 0, 0)
	} else {
		nbl.Status = ndis.StatusFailure
		ndis.FreeNetBufferList(nbl)
	}
}

// Another list touched after the send.
func otherList(h ndis.Handle, nbl, other *ndis.NetBufferList) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	other.Status = ndis.StatusSuccess
	ndis.FreeNetBufferList(other)
}

// Comparing the pointer is no touch: nothing of the list is read.
func compareAfterSend(b *binding, nbl *ndis.NetBufferList) bool {
	ndis.SendNetBufferLists(b.handle, nbl, 0, 0)
	if nbl == nil {
		return false
	}
	return nbl == b.pending
}

// Keeping the pointer is no touch either.
func keepAfterSend(b *binding, nbl *ndis.NetBufferList) *ndis.NetBufferList {
	ndis.SendNetBufferLists(b.handle, nbl, 0, 0)
	b.pending = nbl
	return nbl
}

// The list touched before the send, and the touch on the path that does not
// send returns first.
func touchBefore(h ndis.Handle, nbl *ndis.NetBufferList, ok bool) {
	nbl.Status = ndis.StatusSuccess
	if !ok {
		nbl.Status = ndis.StatusFailure
		return
	}
	ndis.SendNetBufferLists(h, nbl, 0, 0)
}

// The list used again after it came back: in the send-complete role it is
// the driver's.
//
//ndis:role PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE
func sendComplete(protocolBindingContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	b := protocolBindingContext.(*binding)
	for nbl := netBufferList; nbl != nil; {
		next := nbl.Next
		if nbl.Status != ndis.StatusSuccess {
			b.count++
		}
		nbl.Next = nil
		ndis.FreeNetBufferList(nbl)
		nbl = next
	}
}

// Resent from the send-complete role (a retry): the list came back first.
//
//ndis:role PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE
func retryComplete(protocolBindingContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	b := protocolBindingContext.(*binding)
	netBufferList.Status = ndis.StatusSuccess
	ndis.SendNetBufferLists(b.handle, netBufferList, 0, 0)
}

// A nil list is no list.
func sendNil(h ndis.Handle) {
	ndis.SendNetBufferLists(h, nil, 0, 0)
	ndis.SendNetBufferLists(h, nil, 0, 0)
}

// Sent once, from one iteration of a loop: the other iterations do not
// send it, and the pass does not follow the list around the loop.
func sendOnce(h ndis.Handle, nbl *ndis.NetBufferList, n int) {
	sent := false
	for i := 0; i < n; i++ {
		if !sent {
			ndis.SendNetBufferLists(h, nbl, 0, 0)
			sent = true
		}
	}
}

// Read, then sent on the last iteration only.
func readThenSendLast(h ndis.Handle, nbl *ndis.NetBufferList, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += len(nbl.Data)
		if i == n-1 {
			ndis.SendNetBufferLists(h, nbl, 0, 0)
		}
	}
	return total
}

func count(b *binding, nbl *ndis.NetBufferList) {
	if nbl != nil {
		b.count++
	}
}
