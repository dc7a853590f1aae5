package crosspkg

import (
	"example.com/t/helpers"

	"github.com/ndislint/ndislint/ndis"
)

type adapter struct {
	handle ndis.Handle
	regs   []byte
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
