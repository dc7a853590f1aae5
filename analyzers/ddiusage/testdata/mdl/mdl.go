// Package mdl has two miniport drivers whose MiniportHaltEx handlers free no
// MDL (SDV NdisAllocateMdl): one keeps the MDL it allocates in
// MiniportInitializeEx, the other frees it before initialization returns;
// both allocate MDLs for sends too.
package mdl

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle ndis.Handle
	header []byte
	mdl    *ndis.Mdl
}

var leaky = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx:       initialize,
	HaltHandlerEx:             halt,
	SendNetBufferListsHandler: send,
}

var scratch = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx:       initializeScratch,
	HaltHandlerEx:             halt,
	SendNetBufferListsHandler: send,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle, header: make([]byte, 64)}
	a.mdl = ndis.AllocateMdl(ndisMiniportHandle, a.header, 64) // want `NdisAllocateMdl in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisFreeMdl`
	if a.mdl == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// clean: the MDL is built and freed while MiniportInitializeEx runs.
func initializeScratch(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	probe := make([]byte, 16)
	m := ndis.AllocateMdl(ndisMiniportHandle, probe, 16)
	if m == nil {
		return ndis.StatusResources
	}
	ndis.FreeMdl(m)
	return ndis.StatusSuccess
}

// clean: an MDL allocated outside MiniportInitializeEx is not seen (the
// verifier sees it, at the end of MiniportHaltEx).
func send(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	ndis.AllocateMdl(a.handle, a.header, 14)
	ndis.MSendNetBufferListsComplete(a.handle, netBufferList, 0)
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {}
