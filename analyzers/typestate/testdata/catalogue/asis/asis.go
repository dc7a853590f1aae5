// Package asis is afclose's core with the embedded catalogue: the failure
// branch of ProtocolClCloseAfComplete keeps the handle, and the
// notify-complete is the page's exception.
package asis

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
		ndis.ClNotifyCloseAddressFamilyComplete(a.ndisAfHandle, ndis.StatusSuccess)
		ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req) // want `af-use-after-close`
		return
	}
	ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClOpenAfCompleteHandlerEx: clOpenAfComplete,
	ClCloseAfCompleteHandler:  clCloseAfComplete,
}
