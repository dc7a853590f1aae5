// Package asis is checked with the embedded catalogue.
package asis

import "github.com/ndislint/ndislint/ndis"

func indicateResources(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.MIndicateReceiveNetBufferLists(h, nbl, 0, 1, ndis.ReceiveFlagsResources)
	nbl.Status = ndis.StatusSuccess
}

func returnThenRead(h ndis.Handle, nbl *ndis.NetBufferList) {
	ndis.ReturnNetBufferLists(h, nbl, 0)
	_ = nbl.Next // want `used after NdisReturnNetBufferLists released it`
}
