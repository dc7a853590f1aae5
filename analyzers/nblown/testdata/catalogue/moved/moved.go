// Package moved is asis, checked with a catalogue in which the indication
// has no KeepIf (the lists are NDIS's whatever the flags) and
// NdisReturnNetBufferLists hands nothing off.
package moved

import "github.com/ndislint/ndislint/ndis"

func indicateResources(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.MIndicateReceiveNetBufferLists(h, nbl, 0, 1, ndis.ReceiveFlagsResources)
	nbl.Status = ndis.StatusSuccess // want `used after NdisMIndicateReceiveNetBufferLists handed it to NDIS`
}

func returnThenRead(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.ReturnNetBufferLists(h, nbl, 0)
	_ = nbl.Next
}
