package ndissim

import (
	"reflect"

	"github.com/ndislint/ndislint/ndis"
)

// miniport6Extras is what the simulated NDIS keeps for the NDIS 6 miniport
// DDIs of miniport6_*.go: selective suspend and configuration spaces per
// adapter, the interrupts and DMA channels drivers registered, the
// scatter/gather lists it built and the ports it allocated.
type miniport6Extras struct {
	idle   map[*adapter6]*idleState
	config map[*adapter6]*[configSpaceSize]byte
	ports  map[*adapter6]map[ndis.PortNumber]bool
	irq    map[*resourceHandle]*interrupt6
	dma    map[*resourceHandle]*dma6
	sgl    map[*ndis.ScatterGatherList]*sgList6
	devs   map[*adapter6]*devices6
	// removing are the adapters NdisMRemoveMiniport asked NDIS to remove.
	removing map[*adapter6]bool
	sriov    map[*adapter6]*sriov6
	logs     map[*resourceHandle]*log6
	sysdma   map[*resourceHandle]*sysDma6
	msix     map[*adapter6][]msixEntry
	pnp      map[*adapter6]*pnp6
}

// interrupt6 is an interrupt NdisMRegisterInterruptEx registered.
type interrupt6 struct {
	h       *resourceHandle
	adapter ndis.Handle
	ctx     ndis.Handle
	chars   ndis.MiniportInterruptCharacteristics
	// queued are the processors with a DPC of this interrupt queued.
	queued map[int]bool
}

// dma6 is a scatter/gather DMA channel NdisMRegisterScatterGatherDma
// registered.
type dma6 struct {
	h       *resourceHandle
	adapter ndis.Handle
	desc    ndis.SgDmaDescription
	pdo     *ndis.DeviceObject
}

// sgList6 is a scatter/gather list NdisMAllocateNetBufferSGList built.
type sgList6 struct {
	dma *dma6
	nb  *ndis.NetBuffer
}

// extras returns the run's miniport6Extras.
func (w *world) extras() *miniport6Extras {
	x := &w.mp6x
	if x.idle == nil {
		x.idle = map[*adapter6]*idleState{}
		x.config = map[*adapter6]*[configSpaceSize]byte{}
		x.ports = map[*adapter6]map[ndis.PortNumber]bool{}
		x.irq = map[*resourceHandle]*interrupt6{}
		x.dma = map[*resourceHandle]*dma6{}
		x.sgl = map[*ndis.ScatterGatherList]*sgList6{}
		x.devs = map[*adapter6]*devices6{}
		x.removing = map[*adapter6]bool{}
		x.sriov = map[*adapter6]*sriov6{}
		x.logs = map[*resourceHandle]*log6{}
		x.sysdma = map[*resourceHandle]*sysDma6{}
		x.msix = map[*adapter6][]msixEntry{}
		x.pnp = map[*adapter6]*pnp6{}
	}
	return x
}

// delivers returns the roles the catalogue says ddi calls later.
func (w *world) delivers(ddi string) []string {
	if c := w.st.Catalogue(); c != nil {
		if d := c.DDI(ddi); d != nil {
			return d.Delivers
		}
	}
	return nil
}

// completedBy returns the role the catalogue says NDIS calls when ddi
// pended.
func (w *world) completedBy(ddi string) string {
	if c := w.st.Catalogue(); c != nil {
		if d := c.DDI(ddi); d != nil {
			return d.CompletedBy
		}
	}
	return ""
}

// roleOf returns the role among roles whose Go type is handler's (a
// MiniportInterruptDPC is MINIPORT_INTERRUPT_DPC), or "".
func (w *world) roleOf(roles []string, handler any) string {
	c := w.st.Catalogue()
	if c == nil || handler == nil {
		return ""
	}
	name := reflect.TypeOf(handler).Name()
	for _, r := range roles {
		if cr := c.Role(r); cr != nil && cr.GoName == name {
			return r
		}
	}
	return ""
}

// adapterContext returns the MiniportAdapterContext of the adapter handle
// a driver registered a resource with, or nil when it is not an NDIS 6
// adapter of this run.
func adapterContext(h ndis.Handle) ndis.Handle {
	if a, ok := h.(*adapter6); ok && a != nil {
		return a.ctx
	}
	return nil
}

// noteInterrupt records what NdisMRegisterInterruptEx registered under its
// handle h.
func (w *world) noteInterrupt(h *resourceHandle, adapter, ctx ndis.Handle, ch *ndis.MiniportInterruptCharacteristics) {
	w.extras().irq[h] = &interrupt6{h: h, adapter: adapter, ctx: ctx, chars: *ch, queued: map[int]bool{}}
}

// noteDma records what NdisMRegisterScatterGatherDma registered under its
// handle h, and sets the description's ScatterGatherListSize to the storage
// a list of MaximumPhysicalMapping bytes needs.
func (w *world) noteDma(h *resourceHandle, adapter ndis.Handle, desc *ndis.SgDmaDescription) {
	desc.ScatterGatherListSize = sgListHeader + sgElementSize*(desc.MaximumPhysicalMapping/pageSize+2)
	pdo := &ndis.DeviceObject{Name: "device of " + describe(adapter)}
	if a, ok := adapter.(*adapter6); ok && a != nil {
		pdo = w.devicesOf(a).pdo
	}
	w.extras().dma[h] = &dma6{h: h, adapter: adapter, desc: *desc, pdo: pdo}
}
