// Package order holds MiniportInitializeEx and MiniportAddDevice handlers
// that call NdisMRegisterIoPortRange before NdisMSetMiniportAttributes on
// some path (SDV NdisMRegisterIoPortRange).
package order

import (
	"example.com/t/helpers"

	"github.com/ndislint/ndislint/ndis"
)

type adapter struct {
	ports ndis.Handle
}

// attributes returns registration attributes for context a.
func attributes(a *adapter) *ndis.MiniportAdapterAttributes {
	return &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a}
}

// failing: the ports are registered before the attributes are set.
//
//ndis:role MINIPORT_INITIALIZE
func registerFirst(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	if ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8) != ndis.StatusSuccess { // want `NdisMRegisterIoPortRange is called in the context of MiniportInitializeEx on a path where MiniportInitializeEx has not called NdisMSetMiniportAttributes yet: MiniportInitializeEx or MINIPORT_ADD_DEVICE must call NdisMSetMiniportAttributes before calling NdisMRegisterIoPortRange. \(sdv/ndis-ndismregisterioportrange\)`
		return ndis.StatusResources
	}
	ndis.MSetMiniportAttributes(h, attributes(a))
	return ndis.StatusSuccess
}

// failing: the attributes are set on one branch only.
//
//ndis:role MINIPORT_INITIALIZE
func oneBranch(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	if p.IfIndex != 0 {
		ndis.MSetMiniportAttributes(h, attributes(a))
	}
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8) // want `NdisMRegisterIoPortRange is called in the context of MiniportInitializeEx on a path where`
	return ndis.StatusSuccess
}

// failing: a helper of the package registers the ports before the
// handler sets the attributes.
//
//ndis:role MINIPORT_INITIALIZE
func throughHelper(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	claim(h, a)
	ndis.MSetMiniportAttributes(h, attributes(a))
	return ndis.StatusSuccess
}

// claim registers a's ports.
func claim(h ndis.Handle, a *adapter) {
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8) // want `NdisMRegisterIoPortRange is called in the context of MiniportInitializeEx on a path where`
}

// failing: another package's function registers the ports before the
// attributes are set.
//
//ndis:role MINIPORT_INITIALIZE
func crossPackage(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	helpers.ClaimPorts(h, &a.ports) // want `NdisMRegisterIoPortRange is called in the context of MiniportInitializeEx on a path where`
	helpers.SetAttributes(h)
	return ndis.StatusSuccess
}

// failing: the first time round the loop registers before any attributes.
//
//ndis:role MINIPORT_INITIALIZE
func inLoop(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	ports := make([]ndis.Handle, 2)
	for i := range ports {
		ndis.MRegisterIoPortRange(&ports[i], h, 0x300+uint32(8*i), 8) // want `NdisMRegisterIoPortRange is called in the context of MiniportInitializeEx on a path where`
		ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: h})
	}
	return ndis.StatusSuccess
}

// failing: MiniportAddDevice owes the same order.
//
//ndis:role MINIPORT_ADD_DEVICE
func addDevice(h, ctx ndis.Handle) ndis.Status {
	var ports ndis.Handle
	ndis.MRegisterIoPortRange(&ports, h, 0x300, 8) // want `NdisMRegisterIoPortRange is called in the context of MiniportAddDevice on a path where MiniportAddDevice has not called NdisMSetMiniportAttributes yet`
	return ndis.StatusSuccess
}

// failing: the interrupt and the DMA channel are claimed before the
// attributes are set (their own pages' order).
//
//ndis:role MINIPORT_INITIALIZE
func claimsFirst(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	var irq, dma ndis.Handle
	ndis.MRegisterInterruptEx(h, a, &ndis.MiniportInterruptCharacteristics{}, &irq) // want `NdisMRegisterInterruptEx is called in the context of MiniportInitializeEx on a path where MiniportInitializeEx has not called NdisMSetMiniportAttributes yet: MiniportInitializeEx must call the NdisMSetMiniportAttributes function before calling NdisMRegisterInterruptEx. \(nf-ndis-ndismregisterinterruptex\)`
	ndis.MRegisterDmaChannel(&dma, h, 0, true, &ndis.DmaDescription{}, 2048)        // want `NdisMRegisterDmaChannel is called in the context of MiniportInitializeEx on a path where MiniportInitializeEx has not called NdisMSetMiniportAttributes yet`
	ndis.MSetMiniportAttributes(h, attributes(a))
	return ndis.StatusSuccess
}
