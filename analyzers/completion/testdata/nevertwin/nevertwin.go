// Package nevertwin is the twin of package never: its ProtocolClNotifyCloseAf // want package:`uses\(NdisClNotifyCloseAddressFamilyComplete\)`
// pends too, and a helper of the package it imports completes the
// notification (on some path the pass does not try to prove).
package nevertwin

import (
	"example.com/t/completers"

	"github.com/ndislint/ndislint/ndis"
)

// clNotifyCloseAf notes the close and pends.
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	a := clientAfContext.(*completers.Af)
	a.Closing = true
	return ndis.StatusPending
}

// clCloseAfComplete finishes the close.
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*completers.Af)
	if a.Closing {
		completers.Closed(a)
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClNotifyCloseAfHandler:   clNotifyCloseAf,
	ClCloseAfCompleteHandler: clCloseAfComplete,
}
