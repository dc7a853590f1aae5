// Package helperlib exports helpers that hand lists off.
package helperlib

import "github.com/ndislint/ndislint/ndis"

// Send hands nbl to NDIS.
func Send(h ndis.Handle, nbl *ndis.NetBufferList) { // want Send:`handsOff\(p1 NdisSendNetBufferLists until PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE\)`
	ndis.SendNetBufferLists(h, nbl, 0, 0)
}

// Free frees nbl.
func Free(nbl *ndis.NetBufferList) { // want Free:`handsOff\(p0 NdisFreeNetBufferList\)`
	ndis.FreeNetBufferList(nbl)
}

// Peek reads nbl: no handoff, no fact.
func Peek(nbl *ndis.NetBufferList) ndis.Status {
	return nbl.Status
}
