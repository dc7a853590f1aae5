// Package seedtwin is the seed's clean twin: one context type for both kinds // want package:"vcfields\\{example.com/t/seedtwin.vc.ndisVcHandle=cm\\+client\\}"
// of VC, with a createdByCM flag that keeps the delete on the client's side.
package seedtwin

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	createdByCM  bool
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true}
	return ndis.StatusSuccess
}

func makeVc(binding, af ndis.Handle) *vc {
	v := &vc{}
	if ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return nil
	}
	return v
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && !v.createdByCM {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}

var _ = makeVc
