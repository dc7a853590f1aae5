// Package methods registers methods as handlers. // want package:"vcfields\\{example.com/t/methods.vc.h=cm\\+client\\}"
package methods

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h    ndis.Handle
	mine bool
}

type client struct{ binding, af ndis.Handle }

func (c *client) createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{h: ndisVcHandle}
	return ndis.StatusSuccess
}

func (c *client) dial() *vc {
	v := &vc{mine: true}
	ndis.CoCreateVc(c.binding, c.af, v, &v.h)
	return v
}

// closeComplete deletes on success, mine or not.
func (c *client) closeComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && !v.mine {
		ndis.CoDeleteVc(v.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClCloseCallComplete`
	}
}

// incomingClose deletes only its own VCs after a synchronous successful close.
func (c *client) incomingClose(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	st := ndis.ClCloseCall(v.h, nil, nil, 0)
	if st == ndis.StatusPending {
		return
	}
	c.closeComplete(st, v, nil)
}

func (c *client) handlers() ndis.CoClientOptionalHandlers {
	return ndis.CoClientOptionalHandlers{
		ClCreateVcHandler:          c.createVc,
		ClCloseCallCompleteHandler: c.closeComplete,
		ClIncomingCloseCallHandler: c.incomingClose,
	}
}

var _ = (*client).dial
var _ = (*client).handlers
