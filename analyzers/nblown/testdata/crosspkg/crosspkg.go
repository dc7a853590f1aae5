// Package crosspkg calls helperlib's helpers.
package crosspkg

import (
	"example.com/t/helperlib"

	"github.com/ndislint/ndislint/ndis"
)

func sendAndPeek(h ndis.Handle, nbl *ndis.NetBufferList) ndis.Status {
	helperlib.Send(h, nbl)
	return helperlib.Peek(nbl) // want `used after helperlib.Send \(through NdisSendNetBufferLists\) handed it to NDIS; it is not the driver's again until ProtocolSendNetBufferListsComplete returns it`
}

func freeAndRead(nbl *ndis.NetBufferList) {
	helperlib.Free(nbl)
	nbl.Next = nil // want `used after helperlib.Free \(through NdisFreeNetBufferList\) released it`
}

// Clean twin: peek first.
func peekAndSend(h ndis.Handle, nbl *ndis.NetBufferList) ndis.Status {
	st := helperlib.Peek(nbl)
	helperlib.Send(h, nbl)
	return st
}
