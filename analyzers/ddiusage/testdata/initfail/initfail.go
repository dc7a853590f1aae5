// Package initfail holds MiniportInitializeEx handlers that fail after
// acquiring what MiniportHaltEx releases: NDIS calls no MiniportHaltEx for
// an adapter whose initialization failed, so the handler owes the release
// on its failing returns.
package initfail

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	interrupt ndis.Handle
	workItem  ndis.Handle
	dma       ndis.Handle
	config    ndis.Handle
	object    *ndis.GenericObject
	ready     bool
	status    ndis.Status
}

var chars ndis.MiniportInterruptCharacteristics

// halt releases everything: the package's MiniportHaltEx does its part.
//
//ndis:role MINIPORT_HALT
func halt(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*adapter)
	ndis.MDeregisterInterruptEx(a.interrupt)
	ndis.FreeIoWorkItem(a.workItem)
	ndis.CloseConfiguration(a.config)
	ndis.FreeGenericObject(a.object)
	ndis.MDeregisterScatterGatherDma(a.dma)
}

// failing: the interrupt is registered, then a later step fails.
//
//ndis:role MINIPORT_INITIALIZE
func keepsInterrupt(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	if st := ndis.MRegisterInterruptEx(h, a, &chars, &a.interrupt); st != ndis.StatusSuccess { // want `NdisMRegisterInterruptEx in the context of MiniportInitializeEx acquires what a failing return keeps: MiniportInitializeEx must release it with NdisMDeregisterInterruptEx before it fails, since NDIS calls no MiniportHaltEx then`
		return st
	}
	if !a.ready {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// failing: the scatter/gather DMA channel is registered, then a later step
// fails (SDV Init_RegisterSG).
//
//ndis:role MINIPORT_INITIALIZE
func keepsDma(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	if st := ndis.MRegisterScatterGatherDma(h, &ndis.SgDmaDescription{}, &a.dma); st != ndis.StatusSuccess { // want `NdisMRegisterScatterGatherDma in the context of MiniportInitializeEx acquires what a failing return keeps: MiniportInitializeEx must release it with NdisMDeregisterScatterGatherDma before it fails`
		return st
	}
	if !a.ready {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// The later failure deregisters the DMA channel first.
//
//ndis:role MINIPORT_INITIALIZE
func undoesDma(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	if st := ndis.MRegisterScatterGatherDma(h, &ndis.SgDmaDescription{}, &a.dma); st != ndis.StatusSuccess {
		return st
	}
	if !a.ready {
		ndis.MDeregisterScatterGatherDma(a.dma)
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// failing: a work item allocated (nil tested), then a failure.
//
//ndis:role MINIPORT_INITIALIZE
func keepsWorkItem(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	a.workItem = ndis.AllocateIoWorkItem(h) // want `NdisAllocateIoWorkItem in the context of MiniportInitializeEx acquires what a failing return keeps`
	if a.workItem == nil {
		return ndis.StatusResources
	}
	if p.IfIndex == 0 {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// failing: the generic object is kept on one of two failing returns.
//
//ndis:role MINIPORT_INITIALIZE
func keepsObjectOnOnePath(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	obj := ndis.AllocateGenericObject(nil, 0x696e6974, 0) // want `NdisAllocateGenericObject in the context of MiniportInitializeEx acquires what a failing return keeps`
	if obj == nil {
		return ndis.StatusResources
	}
	a.object = obj
	if p.IfIndex == 1 {
		ndis.FreeGenericObject(obj)
		return ndis.StatusFailure
	}
	if p.IfIndex == 2 {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// Clean twins.

// The registration's own failure returns its status: nothing to release.
//
//ndis:role MINIPORT_INITIALIZE
func registerOnly(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	st := ndis.MRegisterInterruptEx(h, a, &chars, &a.interrupt)
	if st != ndis.StatusSuccess {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// The later failure deregisters first.
//
//ndis:role MINIPORT_INITIALIZE
func undoes(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	if st := ndis.MRegisterInterruptEx(h, a, &chars, &a.interrupt); st != ndis.StatusSuccess {
		return st
	}
	if !a.ready {
		ndis.MDeregisterInterruptEx(a.interrupt)
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// The later failure goes through a cleanup helper that frees.
//
//ndis:role MINIPORT_INITIALIZE
func undoesInHelper(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	a.workItem = ndis.AllocateIoWorkItem(h)
	if a.workItem == nil {
		return ndis.StatusResources
	}
	if p.IfIndex == 0 {
		a.cleanup()
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

func (a *adapter) cleanup() { ndis.FreeIoWorkItem(a.workItem) }

// A deferred cleanup covers every failing return.
//
//ndis:role MINIPORT_INITIALIZE
func deferred(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) (st ndis.Status) {
	a := &adapter{}
	defer func() {
		if st != ndis.StatusSuccess {
			a.cleanup()
		}
	}()
	a.workItem = ndis.AllocateIoWorkItem(h)
	if a.workItem == nil {
		return ndis.StatusResources
	}
	if p.IfIndex == 0 {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// The status of the failing return is not known (it comes from a field):
// the pass cannot tell a failure.
//
//ndis:role MINIPORT_INITIALIZE
func unknownStatus(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	if st := ndis.MRegisterInterruptEx(h, a, &chars, &a.interrupt); st != ndis.StatusSuccess {
		return st
	}
	return a.status
}

// The registration's result is never tested: the pass cannot tell a
// failing return for the registration's own failure.
//
//ndis:role MINIPORT_INITIALIZE
func untested(h, ctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
	ndis.MRegisterInterruptEx(h, a, &chars, &a.interrupt)
	if !a.ready {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// Outside MiniportInitializeEx no failing return owes anything.
func notARole(h ndis.Handle) ndis.Status {
	a := &adapter{}
	if st := ndis.MRegisterInterruptEx(h, a, &chars, &a.interrupt); st != ndis.StatusSuccess {
		return st
	}
	return ndis.StatusFailure
}
