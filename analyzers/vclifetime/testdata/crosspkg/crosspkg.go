// Package crosspkg is a client whose VC helpers live in another package. // want package:"vcfields\\{example.com/t/helperpkg.Vc.NdisVcHandle=cm\\+client\\}"
package crosspkg

import (
	"example.com/t/helperpkg"

	"github.com/ndislint/ndislint/ndis"
)

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &helperpkg.Vc{NdisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

func newVc(binding, af ndis.Handle) *helperpkg.Vc {
	v := &helperpkg.Vc{Mine: true}
	ndis.CoCreateVc(binding, af, v, &v.NdisVcHandle)
	return v
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*helperpkg.Vc)
	if status == ndis.StatusSuccess {
		helperpkg.DeleteIfMine(v) // clean: the helper tests the owner flag
	}
}

func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*helperpkg.Vc)
	if !v.Mine {
		helperpkg.Delete(v) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClIncomingCloseCall \(through Delete at .*helperpkg.go:13:\d+\)`
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
}

var _ = newVc
