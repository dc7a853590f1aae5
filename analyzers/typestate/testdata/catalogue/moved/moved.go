// Package moved is asis with a catalogue in which a refused close leaves the
// AF closed and the notify-complete is no exception: the reports move with
// the catalogue.
package moved

import "github.com/ndislint/ndislint/ndis"

type af struct {
	binding      ndis.Handle
	ndisAfHandle ndis.Handle
	req          ndis.OidRequest
}

func clOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	protocolAfContext.(*af).ndisAfHandle = ndisAfHandle
}

func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	if status == ndis.StatusSuccess {
		ndis.ClNotifyCloseAddressFamilyComplete(a.ndisAfHandle, ndis.StatusSuccess) // want `af-use-after-close`
		ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req)              // want `af-use-after-close`
		return
	}
	ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req) // want `af-use-after-close`
}

var handlers = ndis.CoClientOptionalHandlers{
	ClOpenAfCompleteHandlerEx: clOpenAfComplete,
	ClCloseAfCompleteHandler:  clCloseAfComplete,
}
