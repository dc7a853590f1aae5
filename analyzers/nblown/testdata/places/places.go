// Package places hands off lists loaded from the driver's structures and
// from captured variables, and touches them through the same place.
package places

import "github.com/ndislint/ndislint/ndis"

type queue struct{ head, tail *ndis.NetBufferList }

type adapter struct {
	handle  ndis.Handle
	pending *ndis.NetBufferList
	q       queue
	count   int
}

// The head completed, then read again from the same field.
func completeHead(a *adapter) {
	ndis.MSendNetBufferListsComplete(a.handle, a.pending, 0)
	a.pending = a.pending.Next // want `used after NdisMSendNetBufferListsComplete released it`
}

// Through a nested field.
func completeQueued(a *adapter) {
	ndis.MSendNetBufferListsComplete(a.handle, a.q.head, 0)
	a.q.head.Status = ndis.StatusSuccess // want `used after NdisMSendNetBufferListsComplete released it`
}

// A local variable captured by a closure lives in memory: each use loads it.
func captured(h ndis.Handle, nbl *ndis.NetBufferList) func() {
	f := func() { nbl = nil }
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	nbl.Status = 0 // want `used after NdisSendNetBufferLists handed it to NDIS`
	return f
}

// Clean twins.

// The field is moved on before the list is completed.
func drain(a *adapter) {
	for a.pending != nil {
		nbl := a.pending
		a.pending = nbl.Next
		nbl.Next = nil
		ndis.MSendNetBufferListsComplete(a.handle, nbl, 0)
	}
}

// The same, loading the field for the call itself.
func drainField(a *adapter, next *ndis.NetBufferList) {
	for a.pending != nil {
		next = a.pending.Next
		a.pending.Next = nil
		ndis.MSendNetBufferListsComplete(a.handle, a.pending, 0)
		a.pending = next
	}
}

// The field holds another list after a store.
func replaced(a *adapter, other *ndis.NetBufferList) {
	ndis.MSendNetBufferListsComplete(a.handle, a.pending, 0)
	a.pending = other
	a.pending.Status = ndis.StatusSuccess
}

// A store between the load and the call: the field no longer holds it.
func storedBefore(a *adapter, other *ndis.NetBufferList) {
	nbl := a.pending
	a.pending = other
	ndis.MSendNetBufferListsComplete(a.handle, nbl, 0)
	a.pending.Status = ndis.StatusSuccess
}

// A helper called after the send may refill the field.
func refilled(a *adapter) {
	ndis.MSendNetBufferListsComplete(a.handle, a.pending, 0)
	a.refill()
	a.pending.Status = ndis.StatusSuccess
}

// Another pointer to a structure of the same type may store the field.
func otherPointer(a, b *adapter, other *ndis.NetBufferList) {
	ndis.MSendNetBufferListsComplete(a.handle, a.pending, 0)
	b.pending = other
	a.pending.Status = ndis.StatusSuccess
}

func (a *adapter) refill() { a.count++ }

// The flag macros are field accesses: NdisSetNblFlag after the send is a
// touch of a list that is NDIS's.
func flagAfterSend(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(h, nbl, 0, 0)
	nbl.NblFlags |= 0x1 // want `used after NdisSendNetBufferLists handed it to NDIS`
}

// Clean twin: the flags and the miniport's reserved area set before the
// send.
func flagBeforeSend(h ndis.Handle, nbl *ndis.NetBufferList, a *adapter) {
	nbl.NblFlags |= 0x1
	nbl.MiniportReserved[0] = a
	ndis.SendNetBufferLists(h, nbl, 0, 0)
}
