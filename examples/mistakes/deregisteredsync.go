package mistakes

import "github.com/ndislint/ndislint/ndis"

// probingInitializeEx is the base MiniportInitializeEx that registers an
// interrupt to probe for an interrupt line, finds that the virtual device
// polls instead, and deregisters the interrupt again.
//
// MISTAKE: it masks the device's interrupts under the interrupt's lock
// with the handle it has just deregistered. "After NdisMDeregisterInterruptEx
// returns control, the miniport driver cannot call the
// NdisMSynchronizeWithInterruptEx function" (SDV
// NdisMDeregisterInterruptEx): the mask belongs before the
// deregistration. ndislint reports bad-handle at the synchronization, with
// the deregistration as related position, and the verifier reports the
// same ID when the call runs (and does not run maskInterrupts).
//
//ndis:role MINIPORT_INITIALIZE
func probingInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	a, st := newAdapter(ndisMiniportHandle)
	if st != ndis.StatusSuccess {
		return st
	}
	ic := &ndis.MiniportInterruptCharacteristics{InterruptHandler: mpInterrupt, InterruptDpcHandler: mpInterruptDpc}
	if st := ndis.MRegisterInterruptEx(ndisMiniportHandle, a, ic, &a.interrupt); st != ndis.StatusSuccess {
		mpHaltEx(a, ndis.HaltDeviceInitializationFailed)
		return st
	}
	ndis.MDeregisterInterruptEx(a.interrupt) // the device polls: no interrupt needed
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, maskInterrupts, a)
	return ndis.StatusSuccess
}

// maskInterrupts would mask the device's interrupts
// (MiniportSynchronizeInterrupt).
//
//ndis:role MINIPORT_SYNCHRONIZE_INTERRUPT
func maskInterrupts(synchronizeContext ndis.Handle) bool {
	return true
}
