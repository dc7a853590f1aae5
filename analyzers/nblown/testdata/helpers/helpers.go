// Package helpers hands lists off inside helpers.
package helpers

import "github.com/ndislint/ndislint/ndis"

type binding struct{ handle ndis.Handle }

// sendOne hands its list off on every path (the message names the first
// DDI in block order).
func sendOne(b *binding, nbl *ndis.NetBufferList) {
	if b.handle != nil {
		ndis.SendNetBufferLists(b.handle, nbl, 0, 0)
		return
	}
	ndis.FreeNetBufferList(nbl)
}

// sendVia hands it off through sendOne.
func sendVia(b *binding, nbl *ndis.NetBufferList) {
	sendOne(b, nbl)
}

// maybeSend hands it off on one path only.
func maybeSend(b *binding, nbl *ndis.NetBufferList) {
	if b.handle != nil {
		ndis.SendNetBufferLists(b.handle, nbl, 0, 0)
	}
}

// send is a method that hands its argument off.
func (b *binding) send(nbl *ndis.NetBufferList) {
	ndis.SendNetBufferLists(b.handle, nbl, 0, 0)
}

func caller(b *binding, nbl *ndis.NetBufferList) {
	sendOne(b, nbl)
	nbl.Status = 0 // want `used after sendOne \(through NdisSendNetBufferLists\) handed it to NDIS`
}

func callerVia(b *binding, nbl *ndis.NetBufferList) {
	sendVia(b, nbl)
	_ = nbl.Next // want `used after sendVia \(through NdisSendNetBufferLists\) handed it to NDIS`
}

func callerMethod(b *binding, nbl *ndis.NetBufferList) {
	b.send(nbl)
	_ = nbl.Next // want `used after send \(through NdisSendNetBufferLists\) handed it to NDIS`
}

// Clean twin: the helper may keep the list.
func callerMaybe(b *binding, nbl *ndis.NetBufferList) {
	maybeSend(b, nbl)
	_ = nbl.Next
}

// recursive helpers do not loop the pass.
func ping(b *binding, nbl *ndis.NetBufferList, n int) {
	if n > 0 {
		pong(b, nbl, n-1)
		return
	}
	ndis.SendNetBufferLists(b.handle, nbl, 0, 0)
}

func pong(b *binding, nbl *ndis.NetBufferList, n int) {
	ping(b, nbl, n)
}
