package pairs

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle    ndis.Handle
	interrupt ndis.Handle
	dma       ndis.Handle
	config    ndis.Handle
	timer     ndis.Handle
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	HaltHandlerEx:       halt,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	ic := &ndis.MiniportInterruptCharacteristics{}
	if st := ndis.MRegisterInterruptEx(ndisMiniportHandle, a, ic, &a.interrupt); st != ndis.StatusSuccess { // want `NdisMRegisterInterruptEx in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMDeregisterInterruptEx`
		return st
	}
	if st := ndis.MRegisterScatterGatherDma(ndisMiniportHandle, &ndis.SgDmaDescription{}, &a.dma); st != ndis.StatusSuccess {
		return st
	}
	ndis.SetTimerObject(a.timer, -10000, 0, a) // clean: halt cancels it
	return ndis.StatusSuccess
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	release(a)
	ndis.CancelTimerObject(a.timer)
}

// release deregisters the DMA channel (clean: the halt handler reaches it
// through this helper) but forgets the interrupt.
func release(a *adapter) {
	ndis.MDeregisterScatterGatherDma(a.dma)
}
