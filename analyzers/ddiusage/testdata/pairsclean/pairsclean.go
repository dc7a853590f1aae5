package pairsclean

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	interrupt ndis.Handle
	cleanup   func()
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	HaltHandlerEx:       halt,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	a.cleanup = func() { ndis.MDeregisterInterruptEx(a.interrupt) }
	return ndis.MRegisterInterruptEx(ndisMiniportHandle, a, &ndis.MiniportInterruptCharacteristics{}, &a.interrupt)
}

// halt releases through a function value the pass cannot follow: silent.
func halt(ctx ndis.Handle, action ndis.HaltAction) {
	ctx.(*adapter).cleanup()
}
