// Package pairshalt holds a MiniportInitializeEx that acquires the resource
// of eleven of the catalogue's thirteen init/halt pairs (the interrupt
// through a helper it calls; MDLs are package mdl's, and
// NdisMAllocateSharedMemoryAsyncEx is not here) and a MiniportHaltEx that releases none of them: each
// acquisition is reported (resource-not-released). Package pairshaltclean
// is the clean twin.
package pairshalt

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	workItem ndis.Handle
	dma      ndis.Handle
	object   *ndis.GenericObject
	pool     ndis.Handle
	nb       *ndis.NetBuffer
	config   ndis.Handle
	timer    ndis.Handle
	regs     []byte
	ports    ndis.Handle
	shared   []byte
	sharedPA ndis.PhysicalAddress
	sysDma   ndis.Handle
	irq      ndis.Handle
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	HaltHandlerEx:       halt,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	a.workItem = ndis.AllocateIoWorkItem(ndisMiniportHandle)                                                                  // want `NdisAllocateIoWorkItem in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisFreeIoWorkItem`
	if st := ndis.MRegisterScatterGatherDma(ndisMiniportHandle, &ndis.SgDmaDescription{}, &a.dma); st != ndis.StatusSuccess { // want `NdisMRegisterScatterGatherDma in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMDeregisterScatterGatherDma`
		return st
	}
	a.object = ndis.AllocateGenericObject(nil, 0x74736574, 16) // want `NdisAllocateGenericObject in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisFreeGenericObject`
	a.pool = ndis.AllocateNetBufferPool(ndisMiniportHandle, &ndis.NetBufferPoolParameters{DataSize: 64})
	a.nb = ndis.AllocateNetBuffer(a.pool, nil, 0, 0)                                               // want `NdisAllocateNetBuffer in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisFreeNetBuffer`
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{NdisHandle: ndisMiniportHandle}, &a.config) // want `NdisOpenConfigurationEx in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisCloseConfiguration`
	ndis.SetTimerObject(a.timer, -10000, 0, a)                                                     // want `NdisSetTimerObject in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisCancelTimerObject`
	ndis.MMapIoSpace(&a.regs, ndisMiniportHandle, 0xf000, 64)                                      // want `NdisMMapIoSpace in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMUnmapIoSpace`
	ndis.MRegisterIoPortRange(&a.ports, ndisMiniportHandle, 0x300, 8)                              // want `NdisMRegisterIoPortRange in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMDeregisterIoPortRange`
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.sharedPA)            // want `NdisMAllocateSharedMemory in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMFreeSharedMemory`
	if a.shared == nil {
		ndis.WriteErrorLogEntry(ndisMiniportHandle, 0xC0001389, 0) // logged; the adapter runs without it
	}
	ndis.MRegisterDmaChannel(&a.sysDma, ndisMiniportHandle, 0, true, &ndis.DmaDescription{}, 2048) // want `NdisMRegisterDmaChannel in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMDeregisterDmaChannel`
	claimInterrupt(ndisMiniportHandle, a)
	return ndis.StatusSuccess
}

// halt releases nothing the initialize handler acquired.
func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.FreeNetBufferPool(a.pool)
}

// claimInterrupt is a helper MiniportInitializeEx calls: what it acquires
// is the handler's.
func claimInterrupt(h ndis.Handle, a *adapter) {
	ndis.MRegisterInterruptEx(h, a, &ndis.MiniportInterruptCharacteristics{}, &a.irq) // want `NdisMRegisterInterruptEx in the context of MiniportInitializeEx acquires what no MiniportHaltEx handler of the package releases with NdisMDeregisterInterruptEx`
}
