package context

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle ndis.Handle
	regs   []byte
	shared []byte
	item   ndis.Handle
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	RestartHandler:      restart,
	ShutdownHandlerEx:   shutdown,
	HaltHandlerEx:       halt,
	UnloadHandler:       unload,
}

// lastAdapter is the adapter unload wrongly indicates status on.
var lastAdapter *adapter

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{handle: ndisMiniportHandle}
	mapRegisters(a) // clean: a helper called from MiniportInitializeEx
	return ndis.MMapIoSpace(&a.regs, ndisMiniportHandle, 0, 64)
}

func mapRegisters(a *adapter) {
	ndis.MMapIoSpace(&a.regs, a.handle, 0, 64) // want `NdisMMapIoSpace is called in the context of MiniportRestart; its page allows it only in the context of MiniportInitializeEx`
}

func restart(ctx ndis.Handle, p *ndis.MiniportRestartParameters) ndis.Status {
	a := ctx.(*adapter)
	ndis.MMapIoSpace(&a.regs, a.handle, 0, 64) // want `NdisMMapIoSpace is called in the context of MiniportRestart; its page allows it only in the context of MiniportInitializeEx`
	mapRegisters(a)
	var ports ndis.Handle
	ndis.MRegisterIoPortRange(&ports, a.handle, 0x300, 8) // want `NdisMRegisterIoPortRange is called in the context of MiniportRestart; its page allows it only in the context of MiniportInitializeEx`
	return ndis.StatusSuccess
}

func shutdown(ctx ndis.Handle, action ndis.ShutdownAction) {
	a := ctx.(*adapter)
	ndis.MFreeSharedMemory(a.handle, 64, false, a.shared, 0) // want `NdisMFreeSharedMemory is called in the context of MiniportShutdownEx; its page forbids it in the context of MiniportShutdownEx`
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.MFreeSharedMemory(a.handle, 64, false, a.shared, 0)   // clean: MiniportHaltEx may free it
	ndis.MUnmapIoSpace(a.handle, a.regs, 64)                   // clean: MiniportHaltEx may unmap
	ndis.MIndicateStatusEx(a.handle, &ndis.StatusIndication{}) // clean: MiniportHaltEx has not returned yet
}

func unload(driverObject *ndis.DriverObject) {
	ndis.MIndicateStatusEx(lastAdapter.handle, &ndis.StatusIndication{}) // want `NdisMIndicateStatusEx is called in the context of MiniportDriverUnload; its page forbids it in the context of MiniportDriverUnload`
	sayGoodbye(lastAdapter)
}

// sayGoodbye is called from MiniportDriverUnload, after every
// MiniportHaltEx returned.
func sayGoodbye(a *adapter) {
	ndis.MIndicateStatusEx(a.handle, &ndis.StatusIndication{}) // want `NdisMIndicateStatusEx is called in the context of MiniportDriverUnload`
}

// notAHandler is called by no handler: its context is unknown, and the pass
// stays silent.
func notAHandler(a *adapter) {
	ndis.MMapIoSpace(&a.regs, a.handle, 0, 64)
}

//ndis:role MINIPORT_OID_REQUEST
func oidRequest(ctx ndis.Handle, r *ndis.OidRequest) ndis.Status {
	a := ctx.(*adapter)
	ndis.MNetPnPEvent(a.handle, &ndis.NetPnpEventNotification{}) // want `NdisMNetPnPEvent is called in the context of MiniportOidRequest; its page forbids it in the context of MiniportOidRequest`
	// clean: the work item runs later, in no handler's context.
	ndis.QueueIoWorkItem(a.item, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
		ndis.MNetPnPEvent(a.handle, &ndis.NetPnpEventNotification{})
	}, a)
	return ndis.StatusSuccess
}

var _ ndis.ProtocolBindAdapterEx = bind

func bind(protocolDriverContext, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	ndis.ReEnumerateProtocolBindings(protocolDriverContext) // want `NdisReEnumerateProtocolBindings is called in the context of ProtocolBindAdapterEx`
	return ndis.StatusSuccess
}

var _ ndis.ProtocolUnbindAdapterEx = unbind

func unbind(unbindContext, protocolBindingContext ndis.Handle) ndis.Status {
	ndis.ReEnumerateProtocolBindings(unbindContext) // want `NdisReEnumerateProtocolBindings is called in the context of ProtocolUnbindAdapterEx`
	return ndis.StatusSuccess
}
