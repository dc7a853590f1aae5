package crosspkg

import (
	"example.com/t/helpers"

	"github.com/ndislint/ndislint/ndis"
)

type adapter struct {
	handle    ndis.Handle
	regs      []byte
	interrupt ndis.Handle
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	RestartHandler:      restart,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	return helpers.MapRegisters(a.handle, &a.regs) // clean
}

func restart(ctx ndis.Handle, p *ndis.MiniportRestartParameters) ndis.Status {
	a := ctx.(*adapter)
	return helpers.MapRegisters(a.handle, &a.regs) // want `NdisMMapIoSpace is called in the context of MiniportRestart`
}

// An MDL freed by another package's helper (its fact says it releases its
// parameter on every path), then freed again.
func freeTwiceAcross(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.regs, 14)
	helpers.FreeMdl(m)
	ndis.FreeMdl(m) // want `NdisFreeMdl's Mdl is a handle NdisFreeMdl released already: a double free`
}

// An interrupt deregistered, then given to another package's helper that
// may synchronize with it.
func deregisterThenSyncAcross(a *adapter, sync bool) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	helpers.SyncWhen(a, a.interrupt, sync) // want `helpers.SyncWhen passes a handle NdisMDeregisterInterruptEx released to NdisMSynchronizeWithInterruptEx's NdisInterruptHandle: the handle is dead`
}

// The same helper told by a constant not to synchronize: the fact does not
// say which branches a constant decides, so the call is not a use.
func deregisterThenNoSyncAcross(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	helpers.SyncWhen(a, a.interrupt, false)
}

// Another package's helper frees the MDL, a new one is allocated into the
// variable, then freed.
func freeAcrossThenReallocate(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.regs, 14)
	helpers.FreeMdl(m)
	m = ndis.AllocateMdl(a.handle, a.regs, 14)
	ndis.FreeMdl(m)
}
