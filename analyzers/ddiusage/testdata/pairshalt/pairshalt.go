// Package pairshalt holds a MiniportInitializeEx that acquires one of each
// resource of the catalogue's other init/halt pairs and a MiniportHaltEx
// that releases none of them: each acquisition is reported
// (resource-not-released). Package pairsclean's haltAll is the clean twin.
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
	return ndis.StatusSuccess
}

// halt releases nothing the initialize handler acquired.
func halt(ctx ndis.Handle, action ndis.HaltAction) {
	a := ctx.(*adapter)
	ndis.FreeNetBufferPool(a.pool)
}
