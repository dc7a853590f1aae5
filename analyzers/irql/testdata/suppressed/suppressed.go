// Package suppressed checks //ndislint:ignore with the pass's rules.
package suppressed

import "github.com/ndislint/ndislint/ndis"

func clCallConnected(protocolVcContext ndis.Handle) {
	//ndislint:ignore irql-above-max the call manager of this driver only calls it at PASSIVE_LEVEL
	ndis.MSleep(1)
	ndis.WaitEvent(nil, 0) //ndislint:ignore irql-above-max same as above
}

func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	//ndislint:ignore spinlock-double-acquire nothing to suppress here // want `//ndislint:ignore spinlock-double-acquire suppresses nothing here \(unused-ignore\)`
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCallConnectedHandler:     clCallConnected,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
}
