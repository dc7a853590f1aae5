package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NDIS 6 miniport DDIs of bus access, DPCs, ports and scatter/gather
// DMA, run against a virtual PCI device per adapter.

const (
	// configSpaceSize is the size of a PCI configuration space.
	configSpaceSize = 256
	// whichSpaceConfig is PCI_WHICHSPACE_CONFIG, the WhichSpace of the
	// configuration space; the virtual device has no other bus data.
	whichSpaceConfig = 0
	// simProcessors is the number of processors of the simulated machine,
	// all in processor group 0.
	simProcessors = 4
	// pageSize, sgListHeader and sgElementSize size a SCATTER_GATHER_LIST
	// on x64: a 16-byte header and 16-byte elements, one per page touched.
	pageSize      = 4096
	sgListHeader  = 16
	sgElementSize = 16
)

// configSpace returns adapter a's configuration space, a network
// controller's type 0 header at first: Microsoft's vendor ID 0x1414, device
// ID 0x0100 plus the adapter's index, memory and bus-master decoding
// enabled, class code 02 00 00 (Ethernet controller), BAR 0 at the memory
// range NdisMGetDeviceProperty reports.
func (w *world) configSpace(a *adapter6) *[configSpaceSize]byte {
	x := w.extras()
	cs := x.config[a]
	if cs == nil {
		cs = &[configSpaceSize]byte{}
		dev := 0x0100 + a.base.index
		cs[0x00], cs[0x01] = 0x14, 0x14
		cs[0x02], cs[0x03] = byte(dev), byte(dev>>8)
		cs[0x04] = 0x06
		cs[0x0B] = 0x02
		b := uint32(bar0(a))
		cs[0x10], cs[0x11], cs[0x12], cs[0x13] = byte(b), byte(b>>8), byte(b>>16), byte(b>>24)
		x.config[a] = cs
	}
	return cs
}

// readOnlyConfig reports whether configuration-space byte off is a
// read-only register of the header (IDs, revision, class code), whose
// writes the device drops.
func readOnlyConfig(off uint32) bool { return off < 0x04 || (off >= 0x08 && off < 0x0C) }

// busAccess checks the arguments NdisMGetBusData and NdisMSetBusData share
// and returns the adapter and how many bytes of the configuration space
// the access covers (0 for another space or an offset past its end).
func (w *world) busAccess(ddi string, h ndis.Handle, whichSpace, offset uint32, buffer []byte, length uint32) (*adapter6, uint32) {
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", h)
	if a == nil {
		return nil, 0
	}
	if w.shortBuffer(ddi, buffer, length) {
		return nil, 0
	}
	if whichSpace != whichSpaceConfig || offset >= configSpaceSize {
		return a, 0
	}
	return a, min(length, configSpaceSize-offset)
}

// MGetBusData runs NdisMGetBusData in the simulated NDIS: it reads the
// adapter's virtual configuration space and returns the number of bytes
// read.
func (w *world) MGetBusData(ndisMiniportHandle ndis.Handle, whichSpace uint32, offset uint32, buffer []byte, length uint32) uint32 {
	const ddi = "NdisMGetBusData"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, whichSpace, offset, "Buffer", length))()
	a, n := w.busAccess(ddi, ndisMiniportHandle, whichSpace, offset, buffer, length)
	if n == 0 {
		return 0
	}
	copy(buffer[:n], w.configSpace(a)[offset:offset+n])
	return n
}

// MSetBusData runs NdisMSetBusData in the simulated NDIS: it writes the
// adapter's virtual configuration space (the device drops writes to its
// read-only header registers) and returns the number of bytes written.
func (w *world) MSetBusData(ndisMiniportHandle ndis.Handle, whichSpace uint32, offset uint32, buffer []byte, length uint32) uint32 {
	const ddi = "NdisMSetBusData"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, whichSpace, offset, "Buffer", length))()
	a, n := w.busAccess(ddi, ndisMiniportHandle, whichSpace, offset, buffer, length)
	if n == 0 {
		return 0
	}
	cs := w.configSpace(a)
	for i := uint32(0); i < n; i++ {
		if !readOnlyConfig(offset + i) {
			cs[offset+i] = buffer[i]
		}
	}
	return n
}

// liveResource resolves a handle parameter that must be a live resource
// registered in reg (an interrupt, a DMA channel): one never handed out is
// a bad handle, as is one released since.
func liveResource[T any](w *world, ddi, param string, h ndis.Handle, reg map[*resourceHandle]T) (T, bool) {
	var zero T
	rh, ok := h.(*resourceHandle)
	v, found := reg[rh]
	switch {
	case !ok || !found:
		w.report(rules.RuleBadHandle, "%s: %s is %s, not one NDIS handed out for it", ddi, param, describeResource(h))
		return zero, false
	case rh.r.released:
		w.report(rules.RuleBadHandle, "%s: %s is %s, released with %s", ddi, param, rh.r.what, w.releaseOf(rh.r.acquire))
		return zero, false
	}
	return v, true
}

// releaseOf names the DDI the catalogue pairs with acquire.
func (w *world) releaseOf(acquire string) string {
	if c := w.st.Catalogue(); c != nil {
		for _, p := range c.Pairs {
			if p.Acquire == acquire {
				return p.Release
			}
		}
	}
	return "its release"
}

// queueDpcs queues a DPC of interrupt i on each processor of mask that has
// none queued, and returns the processors it queued one on. The DPC is the
// interrupt's MiniportMessageInterruptDPC when it registered for
// message-signaled interrupts, else its MiniportInterruptDPC; it runs from
// the event queue at DISPATCH_LEVEL (its role's IRQL).
func (w *world) queueDpcs(ddi string, i *interrupt6, messageId uint32, mask uint64, dpcContext ndis.Handle) uint64 {
	var handler any
	switch {
	case i.chars.MsiSupported && i.chars.MessageInterruptDpcHandler != nil:
		handler = i.chars.MessageInterruptDpcHandler
	case i.chars.InterruptDpcHandler != nil:
		handler = i.chars.InterruptDpcHandler
	}
	role := w.roleOf(w.delivers(ddi), handler)
	if role == "" {
		return 0
	}
	var queued uint64
	for cpu := 0; cpu < simProcessors; cpu++ {
		if mask&(1<<cpu) == 0 || i.queued[cpu] {
			continue
		}
		i.queued[cpu] = true
		queued |= 1 << cpu
		w.st.Enqueue(fmt.Sprintf("DPC of %s on processor %d", i.h.r.what, cpu), 0, func() {
			i.queued[cpu] = false
			if i.h.r.released {
				return // NdisMDeregisterInterruptEx removed it
			}
			w.st.Callback(role, "the miniport", args(i.ctx, dpcContext), func() {
				switch h := handler.(type) {
				case ndis.MiniportMessageInterruptDPC:
					h(i.ctx, messageId, dpcContext, nil, nil, nil)
				case ndis.MiniportInterruptDPC:
					h(i.ctx, dpcContext, nil, nil)
				}
			})
		})
	}
	return queued
}

// MQueueDpc runs NdisMQueueDpc in the simulated NDIS: a DPC of the
// interrupt is queued on each target processor (of the first 32 of group
// 0) that has none queued; the result has a bit for each.
func (w *world) MQueueDpc(ndisInterruptHandle ndis.Handle, messageId uint32, targetProcessors uint32, miniportDpcContext ndis.Handle) uint32 {
	const ddi = "NdisMQueueDpc"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisInterruptHandle), messageId, fmt.Sprintf("%#x", targetProcessors), miniportDpcContext))()
	i, ok := liveResource(w, ddi, "NdisInterruptHandle", ndisInterruptHandle, w.extras().irq)
	if !ok {
		return 0
	}
	return uint32(w.queueDpcs(ddi, i, messageId, uint64(targetProcessors), miniportDpcContext))
}

// MQueueDpcEx runs NdisMQueueDpcEx in the simulated NDIS, as NdisMQueueDpc
// with the processors of a GROUP_AFFINITY; the simulated machine's
// processors are all in group 0.
func (w *world) MQueueDpcEx(ndisInterruptHandle ndis.Handle, messageId uint32, targetProcessors *ndis.GroupAffinity, miniportDpcContext ndis.Handle) uint64 {
	const ddi = "NdisMQueueDpcEx"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisInterruptHandle), messageId, "TargetProcessors", miniportDpcContext))()
	i, ok := liveResource(w, ddi, "NdisInterruptHandle", ndisInterruptHandle, w.extras().irq)
	if !ok || !w.needPtr(ddi, "TargetProcessors", targetProcessors == nil) || targetProcessors.Group != 0 {
		return 0
	}
	return w.queueDpcs(ddi, i, messageId, targetProcessors.Mask, miniportDpcContext)
}

// maxPortNumber is the highest NDIS port number (the page: 1 through
// 0xffffff; 0 is the default port).
const maxPortNumber = 0xffffff

// MAllocatePort runs NdisMAllocatePort in the simulated NDIS: the adapter's
// lowest free port number from 1 is allocated and returned in
// PortCharacteristics.PortNumber.
func (w *world) MAllocatePort(ndisMiniportHandle ndis.Handle, portCharacteristics *ndis.PortCharacteristics) ndis.Status {
	const ddi = "NdisMAllocatePort"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, "PortCharacteristics"))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil {
		return ndis.StatusInvalidData
	}
	if !w.needPtr(ddi, "PortCharacteristics", portCharacteristics == nil) {
		return ndis.StatusInvalidData
	}
	x := w.extras()
	if x.ports[a] == nil {
		x.ports[a] = map[ndis.PortNumber]bool{}
	}
	for n := ndis.PortNumber(1); n <= maxPortNumber; n++ {
		if !x.ports[a][n] {
			x.ports[a][n] = true
			portCharacteristics.PortNumber = n
			return ndis.StatusSuccess
		}
	}
	return ndis.StatusResources
}

// MFreePort runs NdisMFreePort in the simulated NDIS: the port is free
// again. The default port (0) is invalid data; a number the adapter has
// not allocated is an invalid port; both are the driver's mistake.
func (w *world) MFreePort(ndisMiniportHandle ndis.Handle, portNumber ndis.PortNumber) ndis.Status {
	const ddi = "NdisMFreePort"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, uint32(portNumber)))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	switch {
	case a == nil:
		return ndis.StatusInvalidData
	case portNumber == 0 || portNumber > maxPortNumber:
		w.report(rules.RuleBadParameter, "%s: PortNumber is %d; a port number is 1 through 0xffffff (0 is the default port, which the miniport never allocated)", ddi, uint32(portNumber))
		return ndis.StatusInvalidData
	case !w.extras().ports[a][portNumber]:
		w.report(rules.RuleBadHandle, "%s: port %d of %s is not allocated (never, or freed already)", ddi, uint32(portNumber), a.who())
		return ndis.StatusInvalidPort
	}
	delete(w.extras().ports[a], portNumber)
	return ndis.StatusSuccess
}

// MAllocateNetBufferSGList runs NdisMAllocateNetBufferSGList in the
// simulated NDIS: HAL maps the NET_BUFFER's MDLs from the start of its
// CurrentMdl (the page: the list is generated from the data starting at
// the beginning of the MDL at CurrentMdl) to the end of its data, one
// element per MDL at addresses of the DMA channel, and calls the
// channel's MiniportProcessSGList with the list before the DDI returns.
// Data longer than the channel's MaximumPhysicalMapping cannot be mapped
// (NDIS_STATUS_RESOURCES). The list is the driver's until
// NdisMFreeNetBufferSGList.
func (w *world) MAllocateNetBufferSGList(ndisMiniportDmaHandle ndis.Handle, netBuffer *ndis.NetBuffer, context ndis.Handle, flags uint32, scatterGatherListBuffer []byte, scatterGatherListBufferSize uint32) ndis.Status {
	const ddi = "NdisMAllocateNetBufferSGList"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisMiniportDmaHandle), "NetBuffer", context, flags, "ScatterGatherListBuffer", scatterGatherListBufferSize))()
	d, ok := liveResource(w, ddi, "NdisMiniportDmaHandle", ndisMiniportDmaHandle, w.extras().dma)
	if !ok || !w.needPtr(ddi, "NetBuffer", netBuffer == nil) {
		return ndis.StatusResources
	}
	if d.desc.ProcessSGListHandler == nil {
		w.report(rules.RuleMissingHandler, "%s: %s was registered with no ProcessSGListHandler; NDIS has no MiniportProcessSGList to pass the list to", ddi, d.h.r.what)
		return ndis.StatusResources
	}
	// The list starts at the beginning of the MDL that holds the data's
	// start (CurrentMdl; the chain's first when it is not set) and ends with
	// the data.
	first, end := netBuffer.MdlChain, uint64(netBuffer.DataOffset)+netBuffer.DataLength
	if netBuffer.CurrentMdl != nil {
		first, end = netBuffer.CurrentMdl, uint64(netBuffer.CurrentMdlOffset)+netBuffer.DataLength
	}
	if d.desc.MaximumPhysicalMapping != 0 && netBuffer.DataLength > uint64(d.desc.MaximumPhysicalMapping) {
		return ndis.StatusResources
	}
	sgl := &ndis.ScatterGatherList{}
	r := w.acquired(sgl, ddi, "scatter/gather list")
	base := ndis.PhysicalAddress(0x40000000 + 0x100000*int64(r.seq))
	var at uint64
	for m := first; m != nil && at < end; m = m.Next {
		n := min(uint64(len(m.Data)), end-at)
		if n > 0 {
			sgl.Elements = append(sgl.Elements, ndis.ScatterGatherElement{Address: base + ndis.PhysicalAddress(at), Length: uint32(n)})
		}
		at += n
	}
	sgl.NumberOfElements = uint32(len(sgl.Elements))
	w.extras().sgl[sgl] = &sgList6{dma: d, nb: netBuffer}
	for _, role := range w.invokes(ddi) {
		w.st.Callback(role, "the miniport", args(d.pdo.Name, "NULL", "pSGL", context), func() {
			d.desc.ProcessSGListHandler(d.pdo, nil, sgl, context)
		})
	}
	return ndis.StatusSuccess
}

// MFreeNetBufferSGList runs NdisMFreeNetBufferSGList in the simulated NDIS:
// the list is released. It must be a list NdisMAllocateNetBufferSGList
// built on the same DMA channel for the same NET_BUFFER.
func (w *world) MFreeNetBufferSGList(ndisMiniportDmaHandle ndis.Handle, pSGL *ndis.ScatterGatherList, netBuffer *ndis.NetBuffer) {
	const ddi = "NdisMFreeNetBufferSGList"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisMiniportDmaHandle), "pSGL", "NetBuffer"))()
	d, ok := liveResource(w, ddi, "NdisMiniportDmaHandle", ndisMiniportDmaHandle, w.extras().dma)
	if !ok || !w.needPtr(ddi, "pSGL", pSGL == nil) {
		return
	}
	if l := w.extras().sgl[pSGL]; l != nil && (l.dma != d || l.nb != netBuffer) {
		w.report(rules.RuleBadParameter, "%s: pSGL was built on %s for another NET_BUFFER or DMA channel than NdisMiniportDmaHandle and NetBuffer name", ddi, l.dma.h.r.what)
		return
	}
	w.release(pSGL, ddi, "pSGL")
}

// MAllocateSharedMemoryAsyncEx runs NdisMAllocateSharedMemoryAsyncEx in the
// simulated NDIS: it returns NDIS_STATUS_PENDING and NDIS calls the DMA
// channel's MiniportSharedMemoryAllocateComplete from the event queue with
// the block, which the driver frees with NdisMFreeSharedMemory. A Length
// of 0 cannot be allocated (NDIS_STATUS_FAILURE).
func (w *world) MAllocateSharedMemoryAsyncEx(miniportDmaHandle ndis.Handle, length uint32, cached bool, context ndis.Handle) ndis.Status {
	const ddi = "NdisMAllocateSharedMemoryAsyncEx"
	defer w.st.EnterDDI(ddi, args(describeResource(miniportDmaHandle), length, cached, context))()
	d, ok := liveResource(w, ddi, "MiniportDmaHandle", miniportDmaHandle, w.extras().dma)
	if !ok {
		return ndis.StatusFailure
	}
	complete := d.desc.SharedMemAllocateCompleteHandler
	if complete == nil {
		w.report(rules.RuleMissingHandler, "%s: %s was registered with no SharedMemAllocateCompleteHandler; NDIS has no MiniportSharedMemoryAllocateComplete to pass the memory to", ddi, d.h.r.what)
		return ndis.StatusFailure
	}
	if length == 0 {
		return ndis.StatusFailure
	}
	b := make([]byte, length)
	r := w.acquired(&b[0], ddi, fmt.Sprintf("shared memory of %d bytes", length))
	w.heldBy(r, d.adapter)
	pa := ndis.PhysicalAddress(0x100000 * int64(r.seq))
	ctx := adapterContext(d.adapter)
	if role := w.completedBy(ddi); role != "" {
		w.st.Enqueue(fmt.Sprintf("NDIS completes %s on %s", ddi, d.h.r.what), 0, func() {
			w.st.Callback(role, "the miniport", args(ctx, "VirtualAddress", fmt.Sprintf("%#x", int64(pa)), length, context), func() {
				complete(ctx, b, &pa, length, context)
			})
		})
	}
	return ndis.StatusPending
}
