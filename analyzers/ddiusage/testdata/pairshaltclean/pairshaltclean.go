// Package pairshaltclean is pairshalt's clean twin: MiniportHaltEx (or a
// helper it calls) releases every resource MiniportInitializeEx acquired.
package pairshaltclean

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
	mp       ndis.Handle
}

var chars = ndis.MiniportDriverCharacteristics{
	InitializeHandlerEx: initialize,
	HaltHandlerEx:       halt,
}

func initialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{mp: ndisMiniportHandle}
	ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	a.workItem = ndis.AllocateIoWorkItem(ndisMiniportHandle)
	if st := ndis.MRegisterScatterGatherDma(ndisMiniportHandle, &ndis.SgDmaDescription{}, &a.dma); st != ndis.StatusSuccess {
		return st
	}
	a.object = ndis.AllocateGenericObject(nil, 0x74736574, 16)
	a.pool = ndis.AllocateNetBufferPool(ndisMiniportHandle, &ndis.NetBufferPoolParameters{DataSize: 64})
	a.nb = ndis.AllocateNetBuffer(a.pool, nil, 0, 0)
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{NdisHandle: ndisMiniportHandle}, &a.config)
	ndis.SetTimerObject(a.timer, -10000, 0, a)
	ndis.MMapIoSpace(&a.regs, ndisMiniportHandle, 0xf000, 64)
	ndis.MRegisterIoPortRange(&a.ports, ndisMiniportHandle, 0x300, 8)
	ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.sharedPA)
	if a.shared == nil {
		ndis.WriteErrorLogEntry(ndisMiniportHandle, 0xC0001389, 0) // logged; the adapter runs without it
	}
	ndis.MRegisterDmaChannel(&a.sysDma, ndisMiniportHandle, 0, true, &ndis.DmaDescription{}, 2048)
	claimInterrupt(ndisMiniportHandle, a)
	return ndis.StatusSuccess
}

func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.CancelTimerObject(a.timer)
	ndis.CloseConfiguration(a.config)
	a.freeBuffers()
	ndis.FreeGenericObject(a.object)
	ndis.MDeregisterScatterGatherDma(a.dma)
	ndis.FreeIoWorkItem(a.workItem)
	ndis.MUnmapIoSpace(a.mp, a.regs, 64)
	ndis.MDeregisterIoPortRange(a.mp, 0x300, 8, a.ports)
	ndis.MFreeSharedMemory(a.mp, 4096, false, a.shared, a.sharedPA)
	ndis.MDeregisterDmaChannel(a.sysDma)
	ndis.MDeregisterInterruptEx(a.irq)
}

// freeBuffers is a helper the halt handler reaches.
func (a *adapter) freeBuffers() {
	ndis.FreeNetBuffer(a.nb)
	ndis.FreeNetBufferPool(a.pool)
}

// claimInterrupt is a helper MiniportInitializeEx calls: what it acquires
// is the handler's.
func claimInterrupt(h ndis.Handle, a *adapter) {
	ndis.MRegisterInterruptEx(h, a, &ndis.MiniportInterruptCharacteristics{}, &a.irq)
}
