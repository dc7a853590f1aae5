package mistakes

import "github.com/ndislint/ndislint/ndis"

// interruptInitializeEx is the base MiniportInitializeEx that also
// registers a line-based interrupt.
//
// MISTAKE: the interrupt is never deregistered. "If NdisMRegisterInterruptEx
// is called at least one time during MiniportInitializeEx, the
// NdisMDeregisterInterruptEx function must be called at least one time in
// MiniportHaltEx" (SDV Init_RegisterInterrupt); this driver's MiniportHaltEx
// (mpHaltEx) never calls it. ndislint reports resource-not-released, and the
// verifier reports it at unload.
//
//ndis:role MINIPORT_INITIALIZE
func interruptInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	if st := mpInitializeEx(ndisMiniportHandle, miniportDriverContext, miniportInitParameters); st != ndis.StatusSuccess {
		return st
	}
	var interrupt ndis.Handle
	ic := &ndis.MiniportInterruptCharacteristics{InterruptHandler: mpInterrupt, InterruptDpcHandler: mpInterruptDpc}
	return ndis.MRegisterInterruptEx(ndisMiniportHandle, nil, ic, &interrupt)
}

// mpInterrupt claims every interrupt and asks for the DPC
// (MiniportInterrupt).
//
//ndis:role MINIPORT_ISR
func mpInterrupt(miniportInterruptContext ndis.Handle, queueDefaultInterruptDpc *bool, targetProcessors *uint32) bool {
	*queueDefaultInterruptDpc = true
	return true
}

// mpInterruptDpc has nothing to do: the virtual device raises no
// interrupt (MiniportInterruptDPC).
//
//ndis:role MINIPORT_INTERRUPT_DPC
func mpInterruptDpc(miniportInterruptContext ndis.Handle, miniportDpcContext ndis.Handle, receiveThrottleParameters ndis.Handle, ndisReserved2 ndis.Handle) {
}
