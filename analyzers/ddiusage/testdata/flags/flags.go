package flags

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

var chars = ndis.MiniportDriverCharacteristics{
	SendNetBufferListsHandler:   send,
	ReturnNetBufferListsHandler: ret,
	RestartHandler:              restart,
}

func send(ctx ndis.Handle, nbl *ndis.NetBufferList, port ndis.PortNumber, sendFlags uint32) {
	var flags uint32
	if wdm.KeGetCurrentIrql() == wdm.DispatchLevel { // want `KeGetCurrentIrql queries the IRQL in the context of MiniportSendNetBufferLists, whose SendFlags tells it \(NDIS_SEND_FLAGS_DISPATCH_LEVEL\): test the flag instead`
		flags = ndis.SendCompleteFlagsDispatchLevel
	}
	ndis.MSendNetBufferListsComplete(ctx, nbl, flags)
}

func ret(ctx ndis.Handle, nbl *ndis.NetBufferList, returnFlags uint32) {
	atDispatch() // the query is in a helper it calls
}

func atDispatch() bool {
	return wdm.KeGetCurrentIrql() == wdm.DispatchLevel // want `KeGetCurrentIrql queries the IRQL in the context of MiniportReturnNetBufferLists, whose ReturnFlags tells it \(NDIS_RETURN_FLAGS_DISPATCH_LEVEL\)`
}

// clean: MiniportRestart has no dispatch-level flag.
func restart(ctx ndis.Handle, p *ndis.MiniportRestartParameters) ndis.Status {
	if wdm.KeGetCurrentIrql() != wdm.PassiveLevel {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}
