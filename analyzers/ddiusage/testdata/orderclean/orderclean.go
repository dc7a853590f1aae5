// Package orderclean holds the clean twins of package order: handlers that
// set the attributes before registering ports, and those where the pass
// cannot tell the order and stays silent.
package orderclean

import (
	"example.com/t/helpers"

	"github.com/ndislint/ndislint/ndis"
)

type adapter struct {
	ports ndis.Handle
	set   func(ndis.Handle) ndis.Status
}

// attributes returns registration attributes for context a.
func attributes(a *adapter) *ndis.MiniportAdapterAttributes {
	return &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a}
}

// clean: the attributes first, then the ports.
//
//ndis:role MINIPORT_INITIALIZE
func attributesFirst(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	if ndis.MSetMiniportAttributes(h, attributes(a)) != ndis.StatusSuccess {
		return ndis.StatusFailure
	}
	if ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8) != ndis.StatusSuccess {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

// clean: the attributes are set on both branches.
//
//ndis:role MINIPORT_INITIALIZE
func bothBranches(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	if p.IfIndex != 0 {
		ndis.MSetMiniportAttributes(h, attributes(a))
	} else {
		ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: h})
	}
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8)
	return ndis.StatusSuccess
}

// clean: a helper of the package sets the attributes first; another
// registers the ports after.
//
//ndis:role MINIPORT_INITIALIZE
func throughHelpers(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	setAttributes(h, a)
	claim(h, a)
	return ndis.StatusSuccess
}

// setAttributes sets a's registration attributes.
func setAttributes(h ndis.Handle, a *adapter) {
	ndis.MSetMiniportAttributes(h, attributes(a))
}

// claim registers a's ports; whoever calls it sets the attributes first.
func claim(h ndis.Handle, a *adapter) {
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8)
}

// clean: other packages' functions, in the right order.
//
//ndis:role MINIPORT_INITIALIZE
func crossPackage(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	helpers.SetAttributes(h)
	helpers.ClaimPorts(h, &a.ports)
	return ndis.StatusSuccess
}

// silent: another package's function does both; the order inside it is
// its package's to check.
//
//ndis:role MINIPORT_INITIALIZE
func bothInside(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	return helpers.SetUp(h, &a.ports)
}

// silent: the attributes may be set through a function value the pass
// cannot follow.
//
//ndis:role MINIPORT_INITIALIZE
func throughValue(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{set: helpers.SetAttributes}
	a.set(h)
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8)
	return ndis.StatusSuccess
}

// silent: a helper that may set the attributes (on one of its paths)
// counts as setting them; the pass does not follow what it returns.
//
//ndis:role MINIPORT_INITIALIZE
func maybeInHelper(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	if !setIf(h, a, p.IfIndex != 0) {
		return ndis.StatusFailure
	}
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8)
	return ndis.StatusSuccess
}

// setIf sets the attributes when ok, and reports ok.
func setIf(h ndis.Handle, a *adapter, ok bool) bool {
	if ok {
		ndis.MSetMiniportAttributes(h, attributes(a))
	}
	return ok
}

// silent: the attributes are set in a goroutine, whose order with the
// registration the pass cannot tell.
//
//ndis:role MINIPORT_INITIALIZE
func inGoroutine(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	done := make(chan struct{})
	go func() {
		ndis.MSetMiniportAttributes(h, attributes(a))
		close(done)
	}()
	<-done
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8)
	return ndis.StatusSuccess
}

// clean: MiniportAddDevice sets its attributes first.
//
//ndis:role MINIPORT_ADD_DEVICE
func addDevice(h, ctx ndis.Handle) ndis.Status {
	var ports ndis.Handle
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: h})
	ndis.MRegisterIoPortRange(&ports, h, 0x300, 8)
	return ndis.StatusSuccess
}

// silent: a function no handler calls; its context is unknown.
func unreached(h ndis.Handle, a *adapter) {
	ndis.MRegisterIoPortRange(&a.ports, h, 0x300, 8)
}

// clean: the attributes come first, then the interrupt and the DMA channel.
//
//ndis:role MINIPORT_INITIALIZE
func claimsAfter(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	var irq, dma ndis.Handle
	ndis.MSetMiniportAttributes(h, attributes(a))
	ndis.MRegisterInterruptEx(h, a, &ndis.MiniportInterruptCharacteristics{}, &irq)
	ndis.MRegisterDmaChannel(&dma, h, 0, true, &ndis.DmaDescription{}, 2048)
	return ndis.StatusSuccess
}

// clean: MiniportAddDevice is not bound by the interrupt's order (its page
// names MiniportInitializeEx only).
//
//ndis:role MINIPORT_ADD_DEVICE
func addDeviceInterrupt(h, ctx ndis.Handle) ndis.Status {
	var irq ndis.Handle
	ndis.MRegisterInterruptEx(h, nil, &ndis.MiniportInterruptCharacteristics{}, &irq)
	return ndis.StatusSuccess
}
