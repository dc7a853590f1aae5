package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// The NDIS 6 miniport DDIs that ask NDIS about an adapter's device, or ask
// NDIS to reset or remove it.

const (
	// dmaAlignment is the virtual device's DMA alignment: a cache line.
	dmaAlignment = 64
	// barSize is the size of the virtual device's memory BAR 0.
	barSize = 0x20000
	// cmResourceTypeInterrupt and cmResourceTypeMemory are wdm.h's
	// CmResourceTypeInterrupt and CmResourceTypeMemory.
	cmResourceTypeInterrupt = 2
	cmResourceTypeMemory    = 3
	// pciBus is the INTERFACE_TYPE PCIBus.
	pciBus = 5
	// removeRetryDelay is how long NDIS waits before it tries again to halt
	// an adapter NdisMRemoveMiniport asked to remove (100-ns units: 10
	// ms), and removeRetries how often it tries.
	removeRetryDelay = 100000
	removeRetries    = 100
)

// devices6 are an adapter's device objects and the resources the Plug and
// Play manager assigned to its virtual PCI device.
type devices6 struct {
	pdo, fdo, next *ndis.DeviceObject
	resources      ndis.CmResourceList
}

// bar0 is the address of adapter a's memory BAR 0.
func bar0(a *adapter6) ndis.PhysicalAddress {
	return ndis.PhysicalAddress(0xF0000000 + 0x100000*int64(a.base.index))
}

// devicesOf returns adapter a's device objects and resources: BAR 0 and
// one interrupt; raw and translated alike, as on x64 for memory.
func (w *world) devicesOf(a *adapter6) *devices6 {
	x := w.extras()
	d := x.devs[a]
	if d == nil {
		d = &devices6{
			pdo:  &ndis.DeviceObject{Name: fmt.Sprintf("PDO of adapter %q", a.name)},
			fdo:  &ndis.DeviceObject{Name: fmt.Sprintf("FDO of adapter %q", a.name)},
			next: &ndis.DeviceObject{Name: fmt.Sprintf("PCI bus device of adapter %q", a.name)},
		}
		parts := []ndis.CmPartialResourceDescriptor{
			{Type: cmResourceTypeMemory, Start: bar0(a), Length: barSize},
			{Type: cmResourceTypeInterrupt, Start: ndis.PhysicalAddress(0x50 + a.base.index), Length: 1},
		}
		d.resources = ndis.CmResourceList{Count: 1, List: []ndis.CmFullResourceDescriptor{{
			InterfaceType: pciBus, PartialResourceList: ndis.CmPartialResourceList{Count: uint32(len(parts)), PartialDescriptors: parts},
		}}}
		x.devs[a] = d
	}
	return d
}

// MGetDmaAlignment runs NdisMGetDmaAlignment in the simulated NDIS: the
// virtual device's DMA system aligns on a cache line.
func (w *world) MGetDmaAlignment(miniportAdapterHandle ndis.Handle) uint32 {
	const ddi = "NdisMGetDmaAlignment"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle))()
	if w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle) == nil {
		return 0
	}
	return dmaAlignment
}

// MQueryAdapterInstanceName runs NdisMQueryAdapterInstanceName in the
// simulated NDIS: the friendly name of an adapter is the name the harness
// gave it.
func (w *world) MQueryAdapterInstanceName(pAdapterInstanceName *ndis.String, miniportHandle ndis.Handle) ndis.Status {
	const ddi = "NdisMQueryAdapterInstanceName"
	defer w.st.EnterDDI(ddi, args("AdapterInstanceName", miniportHandle))()
	a := w.adapter6Arg(ddi, "MiniportHandle", miniportHandle)
	if a == nil || !w.needPtr(ddi, "pAdapterInstanceName", pAdapterInstanceName == nil) {
		return ndis.StatusResources
	}
	*pAdapterInstanceName = a.name
	return ndis.StatusSuccess
}

// MGetDeviceProperty runs NdisMGetDeviceProperty in the simulated NDIS:
// each non-NULL parameter receives the adapter's device object or resource
// list.
func (w *world) MGetDeviceProperty(miniportAdapterHandle ndis.Handle, physicalDeviceObject **ndis.DeviceObject, functionalDeviceObject **ndis.DeviceObject, nextDeviceObject **ndis.DeviceObject, allocatedResources **ndis.CmResourceList, allocatedResourcesTranslated **ndis.CmResourceList) {
	const ddi = "NdisMGetDeviceProperty"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, "PhysicalDeviceObject", "FunctionalDeviceObject", "NextDeviceObject", "AllocatedResources", "AllocatedResourcesTranslated"))()
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil {
		return
	}
	d := w.devicesOf(a)
	for _, o := range []struct {
		p **ndis.DeviceObject
		v *ndis.DeviceObject
	}{{physicalDeviceObject, d.pdo}, {functionalDeviceObject, d.fdo}, {nextDeviceObject, d.next}} {
		if o.p != nil {
			*o.p = o.v
		}
	}
	for _, p := range []**ndis.CmResourceList{allocatedResources, allocatedResourcesTranslated} {
		if p != nil {
			l := d.resources
			*p = &l
		}
	}
}

// MRemoveMiniport runs NdisMRemoveMiniport in the simulated NDIS: NDIS
// removes the adapter later, from the event queue, as the Plug and Play
// manager does a failed device: it pauses its stack if it runs and halts
// it, trying again while requests are outstanding. An adapter that has not
// finished MiniportInitializeEx, or is being removed already, cannot be
// removed (NDIS_STATUS_FAILURE).
func (w *world) MRemoveMiniport(miniportHandle ndis.Handle) ndis.Status {
	const ddi = "NdisMRemoveMiniport"
	defer w.st.EnterDDI(ddi, args(miniportHandle))()
	a := w.adapter6Arg(ddi, "MiniportHandle", miniportHandle)
	x := w.extras()
	if a == nil || w.starting6(a.life) || x.removing[a] {
		return ndis.StatusFailure
	}
	x.removing[a] = true
	w.removeLater(a, removeRetries)
	return ndis.StatusSuccess
}

// removeLater queues NDIS's removal of adapter a, with tries attempts left.
func (w *world) removeLater(a *adapter6, tries int) {
	delay := int64(0)
	if tries < removeRetries {
		delay = removeRetryDelay
	}
	w.st.Enqueue(fmt.Sprintf("NDIS removes %s (NdisMRemoveMiniport)", a.who()), delay, func() {
		again := func() {
			if tries > 1 {
				w.removeLater(a, tries-1)
			}
		}
		switch {
		case w.gone6(a.life):
			return
		case w.can6(a.life, ev6("MINIPORT_PAUSE")):
			if w.pauseStack(a, func(ok bool) {
				if !ok || w.haltAdapter6(a) != nil {
					again()
				}
			}) != nil {
				again()
			}
		default:
			if w.haltAdapter6(a) != nil {
				again()
			}
		}
	})
}

// MResetMiniport runs NdisMResetMiniport in the simulated NDIS: NDIS
// schedules a work item that calls the driver's MiniportResetEx (its
// catalogue role, a delivery) unless the adapter has none, is resetting or
// is no longer up by then.
func (w *world) MResetMiniport(miniportAdapterHandle ndis.Handle) {
	const ddi = "NdisMResetMiniport"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle))()
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || len(w.delivers(ddi)) == 0 {
		return
	}
	w.st.Enqueue(fmt.Sprintf("NDIS work item: reset of %s (NdisMResetMiniport)", a.who()), 0, func() {
		if a.drv.chars.ResetHandlerEx != nil && !a.resetting && !w.starting6(a.life) && !w.gone6(a.life) {
			w.resetAdapter6(a)
		}
	})
}
