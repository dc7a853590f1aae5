// Package mdlclean frees, in MiniportHaltEx through a helper, the MDL its
// MiniportInitializeEx allocates: clean.
package mdlclean

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	header []byte
	mdl    *ndis.Mdl
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	HaltHandlerEx:       halt,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{header: make([]byte, 64)}
	if a.mdl = ndis.AllocateMdl(ndisMiniportHandle, a.header, 64); a.mdl == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	release(ctx.(*adapter))
}

// release frees what initialize allocated.
func release(a *adapter) {
	ndis.FreeMdl(a.mdl)
	a.mdl = nil
}
