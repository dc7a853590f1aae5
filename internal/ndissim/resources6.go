package ndissim

import (
	"fmt"
	"sort"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NDIS 6 miniport's resources (interrupts, scatter/gather DMA, I/O
// space and ports, shared memory), configuration handles, generic objects,
// NET_BUFFERs and MDLs: each acquire hands out an object the simulation
// records, each release must name one it recorded and not yet released, and
// what is still held is reported with the rule of the catalogue's
// acquire/release pair (resource-not-released): a resource held by an
// adapter when the handler of the pair's releasing role (MiniportHaltEx)
// returns for that adapter, and any other when the driver unloads. Each is
// reported once.

// resource is one object an acquire DDI handed out.
type resource struct {
	seq      int
	acquire  string // the DDI that handed it out
	what     string // how reports name it
	released bool
	// adapter is the miniport adapter that holds it (the acquire named
	// its adapter handle), nil when none does.
	adapter *adapter6
	// reported is set once resource-not-released reported it.
	reported bool
}

// resourceHandle is the opaque handle of a resource NDIS returns as an
// NDIS_HANDLE (an interrupt, a DMA channel, a configuration handle, a pool,
// an I/O port range).
type resourceHandle struct{ r *resource }

// resourceTable is the run's record: live and released resources by key
// (a *resourceHandle, the first byte of a mapping, a *ndis.GenericObject,
// a *ndis.NetBuffer).
type resourceTable struct {
	byKey map[any]*resource
	// ports are the InitialPort and NumberOfPorts of each I/O port range.
	ports map[*resourceHandle][2]uint32
	seq   int
	// shared counts the run's NdisMAllocateSharedMemory calls, failShared
	// are those that fail (Sim.FailSharedMemory), failed how many did.
	shared     int
	failShared map[int]bool
	failed     int
}

// res returns the run's table.
func (w *world) res() *resourceTable {
	if w.resources.byKey == nil {
		w.resources.byKey = map[any]*resource{}
		w.resources.ports = map[*resourceHandle][2]uint32{}
	}
	return &w.resources
}

// acquired records a new resource under key.
func (w *world) acquired(key any, ddi, what string) *resource {
	t := w.res()
	t.seq++
	r := &resource{seq: t.seq, acquire: ddi, what: fmt.Sprintf("%s #%d", what, t.seq)}
	t.byKey[key] = r
	return r
}

// newResourceHandle records a resource and returns its handle.
func (w *world) newResourceHandle(ddi, what string) *resourceHandle {
	h := &resourceHandle{}
	h.r = w.acquired(h, ddi, what)
	return h
}

// release marks the resource under key released by ddi; a key it never
// handed out, one another acquire DDI handed out, or one already released
// is reported as a bad handle and nothing is released.
func (w *world) release(key any, ddi, param string) bool {
	r := w.res().byKey[key]
	want := w.pairedAcquire(ddi)
	switch {
	case r == nil:
		w.report(rules.RuleBadHandle, "%s: %s was not handed out by %s", ddi, param, orUnknown(want))
		return false
	case want != "" && !w.pairs(r.acquire, ddi):
		w.report(rules.RuleBadHandle, "%s: %s is %s from %s, not from %s", ddi, param, r.what, r.acquire, want)
		return false
	case r.released:
		w.report(rules.RuleBadHandle, "%s: %s is %s, already released", ddi, param, r.what)
		return false
	}
	r.released = true
	return true
}

// pairedAcquire is the acquire DDI the catalogue pairs with release ddi.
func (w *world) pairedAcquire(ddi string) string {
	if c := w.st.Catalogue(); c != nil {
		for _, p := range c.Pairs {
			if p.Release == ddi {
				return p.Acquire
			}
		}
	}
	return ""
}

// pairs reports whether the catalogue pairs acquire with release (NdisMFreeSharedMemory
// releases what NdisMAllocateSharedMemory and NdisMAllocateSharedMemoryAsyncEx allocate).
func (w *world) pairs(acquire, release string) bool {
	if c := w.st.Catalogue(); c != nil {
		for _, p := range c.Pairs {
			if p.Acquire == acquire && p.Release == release {
				return true
			}
		}
	}
	return false
}

// orUnknown names an acquire DDI or says none is known.
func orUnknown(s string) string {
	if s == "" {
		return "NDIS"
	}
	return s
}

// heldBy records that the adapter whose handle h is (when it is a
// miniport adapter handle of this run) holds resource r.
func (w *world) heldBy(r *resource, h ndis.Handle) {
	if a, ok := h.(*adapter6); ok && a != nil && a.issuer() == w {
		r.adapter = a
	}
}

// unreleased returns, in acquisition order, the resources not released nor
// reported yet that keep returns true for, each with the release DDI of its
// catalogue pair; resources of no pair are left out.
func (w *world) unreleased(keep func(r *resource, p rules.Pair) bool) ([]*resource, map[*resource]string) {
	c := w.st.Catalogue()
	if c == nil {
		return nil, nil
	}
	release := map[*resource]string{}
	var left []*resource
	for _, r := range w.res().byKey {
		if r.released || r.reported {
			continue
		}
		for _, p := range c.Pairs {
			if p.Acquire == r.acquire && keep(r, p) {
				release[r] = p.Release
				left = append(left, r)
				break
			}
		}
	}
	sort.Slice(left, func(i, j int) bool { return left[i].seq < left[j].seq })
	return left, release
}

// reportResourceLeaks reports each resource of a catalogue pair the driver
// never released (resource-not-released) and returns how many.
func (w *world) reportResourceLeaks() int {
	left, release := w.unreleased(func(*resource, rules.Pair) bool { return true })
	for _, r := range left {
		r.reported = true
		w.report(rules.RuleResourceNotReleased, "%s from %s was never released with %s", r.what, r.acquire, release[r])
	}
	return len(left)
}

// reportHeldAfter reports, when the handler of role for adapter a has
// returned, each resource a holds of a catalogue pair whose releasing role
// is role (MiniportHaltEx): the pair's page, or its SDV rule, wants it
// released by then (resource-not-released).
func (w *world) reportHeldAfter(role string, a *adapter6) {
	left, release := w.unreleased(func(r *resource, p rules.Pair) bool { return r.adapter == a && p.By == role })
	callback := role
	if rl := w.st.Catalogue().Role(role); rl != nil {
		callback = rl.Callback
	}
	for _, r := range left {
		r.reported = true
		w.report(rules.RuleResourceNotReleased, "%s from %s was not released with %s when %s of %s returned", r.what, r.acquire, release[r], callback, a.who())
	}
}

// resourceMark numbers the resources acquired so far: those a handler
// acquires are numbered after the mark taken before NDIS calls it.
func (w *world) resourceMark() int { return w.res().seq }

// reportKeptOnFailure reports, after the handler of role for who returned
// st, each resource of a catalogue pair acquired in role (Pair.In) that the
// handler acquired (numbered after mark) and still holds, when st is a
// failure and the role must release on failure (rules.Role.ReleaseOnFailure:
// NDIS calls no handler of the pair's releasing role for it then).
func (w *world) reportKeptOnFailure(role string, mark int, st ndis.Status, who string) {
	c := w.st.Catalogue()
	if c == nil || st == ndis.StatusSuccess {
		return
	}
	rl := c.Role(role)
	if rl == nil || rl.ReleaseOnFailure == "" {
		return
	}
	left, release := w.unreleased(func(r *resource, p rules.Pair) bool { return r.seq > mark && p.In == role })
	for _, r := range left {
		r.reported = true
		w.report(rules.RuleResourceNotReleased, "%s from %s was not released with %s when %s of %s returned %s: a handler that fails releases what it acquired, NDIS calls no %s then (%s)",
			r.what, r.acquire, release[r], rl.Callback, who, st, byCallback(c, r.acquire, role), rl.Page)
	}
}

// byCallback names the releasing role of the pair that acquires with
// acquire in role.
func byCallback(c *rules.Catalogue, acquire, role string) string {
	for _, p := range c.Pairs {
		if p.Acquire == acquire && p.In == role {
			if by := c.Role(p.By); by != nil {
				return by.Callback
			}
			return p.By
		}
	}
	return "release"
}

// describeResource renders a resource key for traces.
func describeResource(key any) string {
	switch x := key.(type) {
	case nil:
		return "NULL"
	case *resourceHandle:
		if x == nil {
			return "NULL"
		}
		return x.r.what
	}
	return "object"
}

// MRegisterInterruptEx runs NdisMRegisterInterruptEx in the simulated NDIS.
func (w *world) MRegisterInterruptEx(miniportAdapterHandle ndis.Handle, miniportInterruptContext ndis.Handle, miniportInterruptCharacteristics *ndis.MiniportInterruptCharacteristics, ndisInterruptHandle *ndis.Handle) ndis.Status {
	const ddi = "NdisMRegisterInterruptEx"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, miniportInterruptContext, "MiniportInterruptCharacteristics", "NdisInterruptHandle"))()
	if !w.needPtr(ddi, "MiniportInterruptCharacteristics", miniportInterruptCharacteristics == nil) || !w.needPtr(ddi, "NdisInterruptHandle", ndisInterruptHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	ch := miniportInterruptCharacteristics
	if ch.InterruptHandler == nil && ch.MessageInterruptHandler == nil {
		w.report(rules.RuleBadParameter, "%s: MiniportInterruptCharacteristics has neither InterruptHandler nor MessageInterruptHandler", ddi)
		return ndis.StatusInvalidParameter
	}
	h := w.newResourceHandle(ddi, "interrupt")
	w.heldBy(h.r, miniportAdapterHandle)
	w.noteInterrupt(h, miniportAdapterHandle, miniportInterruptContext, ch)
	*ndisInterruptHandle = h
	return ndis.StatusSuccess
}

// MDeregisterInterruptEx runs NdisMDeregisterInterruptEx in the simulated NDIS.
func (w *world) MDeregisterInterruptEx(ndisInterruptHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMDeregisterInterruptEx", args(describeResource(ndisInterruptHandle)))()
	w.release(ndisInterruptHandle, "NdisMDeregisterInterruptEx", "NdisInterruptHandle")
}

// MRegisterScatterGatherDma runs NdisMRegisterScatterGatherDma in the simulated NDIS.
func (w *world) MRegisterScatterGatherDma(miniportAdapterHandle ndis.Handle, dmaDescription *ndis.SgDmaDescription, ndisMiniportDmaHandle *ndis.Handle) ndis.Status {
	const ddi = "NdisMRegisterScatterGatherDma"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, "DmaDescription", "NdisMiniportDmaHandle"))()
	if !w.needPtr(ddi, "DmaDescription", dmaDescription == nil) || !w.needPtr(ddi, "NdisMiniportDmaHandle", ndisMiniportDmaHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	h := w.newResourceHandle(ddi, "scatter/gather DMA channel")
	w.heldBy(h.r, miniportAdapterHandle)
	w.noteDma(h, miniportAdapterHandle, dmaDescription)
	*ndisMiniportDmaHandle = h
	return ndis.StatusSuccess
}

// MDeregisterScatterGatherDma runs NdisMDeregisterScatterGatherDma in the simulated NDIS.
func (w *world) MDeregisterScatterGatherDma(ndisMiniportDmaHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMDeregisterScatterGatherDma", args(describeResource(ndisMiniportDmaHandle)))()
	w.release(ndisMiniportDmaHandle, "NdisMDeregisterScatterGatherDma", "NdisMiniportDmaHandle")
}

// MMapIoSpace runs NdisMMapIoSpace in the simulated NDIS: the mapping is a
// block of Length bytes.
func (w *world) MMapIoSpace(virtualAddress *[]byte, miniportAdapterHandle ndis.Handle, physicalAddress ndis.PhysicalAddress, length uint32) ndis.Status {
	const ddi = "NdisMMapIoSpace"
	defer w.st.EnterDDI(ddi, args("VirtualAddress", miniportAdapterHandle, fmt.Sprintf("%#x", int64(physicalAddress)), length))()
	if !w.needPtr(ddi, "VirtualAddress", virtualAddress == nil) {
		return ndis.StatusInvalidParameter
	}
	if length == 0 {
		w.report(rules.RuleBadParameter, "%s: Length is 0", ddi)
		return ndis.StatusInvalidParameter
	}
	b := make([]byte, length)
	w.heldBy(w.acquired(&b[0], ddi, fmt.Sprintf("I/O space mapping of %d bytes", length)), miniportAdapterHandle)
	*virtualAddress = b
	return ndis.StatusSuccess
}

// MUnmapIoSpace runs NdisMUnmapIoSpace in the simulated NDIS.
func (w *world) MUnmapIoSpace(miniportAdapterHandle ndis.Handle, virtualAddress []byte, length uint32) {
	defer w.st.EnterDDI("NdisMUnmapIoSpace", args(miniportAdapterHandle, "VirtualAddress", length))()
	w.releaseBlock(virtualAddress, length, "NdisMUnmapIoSpace")
}

// releaseBlock releases a block-shaped resource (a mapping, shared memory)
// by its first byte, checking the length it was handed out with.
func (w *world) releaseBlock(b []byte, length uint32, ddi string) {
	if len(b) == 0 {
		w.report(rules.RuleBadParameter, "%s: VirtualAddress is NULL", ddi)
		return
	}
	if uint32(len(b)) != length {
		w.report(rules.RuleBadParameter, "%s: Length is %d; the block was handed out with %d bytes", ddi, length, len(b))
		return
	}
	w.release(&b[0], ddi, "VirtualAddress")
}

// MRegisterIoPortRange runs NdisMRegisterIoPortRange in the simulated NDIS.
func (w *world) MRegisterIoPortRange(portOffset *ndis.Handle, miniportAdapterHandle ndis.Handle, initialPort uint32, numberOfPorts uint32) ndis.Status {
	const ddi = "NdisMRegisterIoPortRange"
	defer w.st.EnterDDI(ddi, args("PortOffset", miniportAdapterHandle, initialPort, numberOfPorts))()
	if !w.needPtr(ddi, "PortOffset", portOffset == nil) {
		return ndis.StatusInvalidParameter
	}
	h := w.newResourceHandle(ddi, fmt.Sprintf("I/O port range %#x+%d", initialPort, numberOfPorts))
	w.heldBy(h.r, miniportAdapterHandle)
	w.res().ports[h] = [2]uint32{initialPort, numberOfPorts}
	*portOffset = h
	return ndis.StatusSuccess
}

// MDeregisterIoPortRange runs NdisMDeregisterIoPortRange in the simulated
// NDIS; the page requires the InitialPort and NumberOfPorts of the
// registration.
func (w *world) MDeregisterIoPortRange(miniportAdapterHandle ndis.Handle, initialPort uint32, numberOfPorts uint32, portOffset ndis.Handle) {
	const ddi = "NdisMDeregisterIoPortRange"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, initialPort, numberOfPorts, describeResource(portOffset)))()
	if h, ok := portOffset.(*resourceHandle); ok {
		if r, known := w.res().ports[h]; known && r != [2]uint32{initialPort, numberOfPorts} {
			w.report(rules.RuleBadParameter, "%s: InitialPort and NumberOfPorts are %#x+%d; the range was registered as %#x+%d", ddi, initialPort, numberOfPorts, r[0], r[1])
			return
		}
	}
	w.release(portOffset, ddi, "PortOffset")
}

// MAllocateSharedMemory runs NdisMAllocateSharedMemory in the simulated NDIS.
func (w *world) MAllocateSharedMemory(miniportAdapterHandle ndis.Handle, length uint32, cached bool, virtualAddress *[]byte, physicalAddress *ndis.PhysicalAddress) {
	const ddi = "NdisMAllocateSharedMemory"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, length, cached, "VirtualAddress", "PhysicalAddress"))()
	if !w.needPtr(ddi, "VirtualAddress", virtualAddress == nil) || !w.needPtr(ddi, "PhysicalAddress", physicalAddress == nil) {
		return
	}
	if length == 0 || w.sharedFails() {
		*virtualAddress = nil // the page: "it returns NULL to indicate that no memory was allocated"
		w.st.NullOut(ddi, "VirtualAddress")
		return
	}
	b := make([]byte, length)
	r := w.acquired(&b[0], ddi, fmt.Sprintf("shared memory of %d bytes", length))
	w.heldBy(r, miniportAdapterHandle)
	*virtualAddress = b
	*physicalAddress = ndis.PhysicalAddress(0x100000 * int64(r.seq))
}

// sharedFails counts a call of NdisMAllocateSharedMemory and reports
// whether the test made it fail (Sim.FailSharedMemory).
func (w *world) sharedFails() bool {
	r := w.res()
	r.shared++
	if !r.failShared[r.shared] {
		return false
	}
	r.failed++
	return true
}

// FailSharedMemory makes the nth call of NdisMAllocateSharedMemory of the
// run (1 the first) fail as its page says it can: it allocates nothing and
// returns NULL at VirtualAddress. Calls made already are not undone.
func (s *Sim) FailSharedMemory(n int) {
	r := s.w.res()
	if r.failShared == nil {
		r.failShared = map[int]bool{}
	}
	r.failShared[n] = true
}

// FailedSharedMemory returns how many calls of NdisMAllocateSharedMemory
// failed because FailSharedMemory said so.
func (s *Sim) FailedSharedMemory() int { return s.w.res().failed }

// MFreeSharedMemory runs NdisMFreeSharedMemory in the simulated NDIS.
func (w *world) MFreeSharedMemory(miniportAdapterHandle ndis.Handle, length uint32, cached bool, virtualAddress []byte, physicalAddress ndis.PhysicalAddress) {
	defer w.st.EnterDDI("NdisMFreeSharedMemory", args(miniportAdapterHandle, length, cached, "VirtualAddress", fmt.Sprintf("%#x", int64(physicalAddress))))()
	w.releaseBlock(virtualAddress, length, "NdisMFreeSharedMemory")
}

// OpenConfigurationEx runs NdisOpenConfigurationEx in the simulated NDIS.
func (w *world) OpenConfigurationEx(configObject *ndis.ConfigurationObject, configurationHandle *ndis.Handle) ndis.Status {
	const ddi = "NdisOpenConfigurationEx"
	defer w.st.EnterDDI(ddi, args("ConfigObject", "ConfigurationHandle"))()
	if !w.needPtr(ddi, "ConfigObject", configObject == nil) || !w.needPtr(ddi, "ConfigurationHandle", configurationHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	h := w.newResourceHandle(ddi, "configuration handle")
	w.heldBy(h.r, configObject.NdisHandle)
	w.initMisc().keys[h] = &openKey{key: w.rootKey()}
	*configurationHandle = h
	return ndis.StatusSuccess
}

// CloseConfiguration runs NdisCloseConfiguration in the simulated NDIS.
func (w *world) CloseConfiguration(configurationHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisCloseConfiguration", args(describeResource(configurationHandle)))()
	w.release(configurationHandle, "NdisCloseConfiguration", "ConfigurationHandle")
}

// AllocateGenericObject runs NdisAllocateGenericObject in the simulated NDIS.
func (w *world) AllocateGenericObject(driverObject *ndis.DriverObject, tag uint32, size uint16) *ndis.GenericObject {
	defer w.st.EnterDDI("NdisAllocateGenericObject", args("DriverObject", poolTagString(tag), uint32(size)))()
	o := &ndis.GenericObject{Reserved: make([]byte, size)}
	w.acquired(o, "NdisAllocateGenericObject", "generic object")
	return o
}

// FreeGenericObject runs NdisFreeGenericObject in the simulated NDIS.
func (w *world) FreeGenericObject(ndisObject *ndis.GenericObject) {
	defer w.st.EnterDDI("NdisFreeGenericObject", args("NdisObject"))()
	if !w.needPtr("NdisFreeGenericObject", "NdisObject", ndisObject == nil) {
		return
	}
	w.release(ndisObject, "NdisFreeGenericObject", "NdisObject")
}

// AllocateNetBufferPool runs NdisAllocateNetBufferPool in the simulated NDIS.
func (w *world) AllocateNetBufferPool(ndisHandle ndis.Handle, parameters *ndis.NetBufferPoolParameters) ndis.Handle {
	const ddi = "NdisAllocateNetBufferPool"
	defer w.st.EnterDDI(ddi, args(ndisHandle, "Parameters"))()
	if !w.needPtr(ddi, "Parameters", parameters == nil) {
		return nil
	}
	h := w.newResourceHandle(ddi, "NET_BUFFER pool")
	w.heldBy(h.r, ndisHandle)
	w.nbapi().poolData[h] = parameters.DataSize
	return h
}

// FreeNetBufferPool runs NdisFreeNetBufferPool in the simulated NDIS.
func (w *world) FreeNetBufferPool(poolHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFreeNetBufferPool", args(describeResource(poolHandle)))()
	w.release(poolHandle, "NdisFreeNetBufferPool", "PoolHandle")
}

// AllocateNetBuffer runs NdisAllocateNetBuffer in the simulated NDIS.
func (w *world) AllocateNetBuffer(poolHandle ndis.Handle, mdlChain *ndis.Mdl, dataOffset uint32, dataLength uint64) *ndis.NetBuffer {
	const ddi = "NdisAllocateNetBuffer"
	defer w.st.EnterDDI(ddi, args(describeResource(poolHandle), "MdlChain", dataOffset, dataLength))()
	pool, ok := poolHandle.(*resourceHandle)
	if !ok || pool.r.acquire != "NdisAllocateNetBufferPool" || pool.r.released {
		w.report(rules.RuleBadHandle, "%s: PoolHandle is not a live pool from NdisAllocateNetBufferPool", ddi)
		return nil
	}
	if w.freedInChain(ddi, "MdlChain", mdlChain) {
		return nil
	}
	nb := &ndis.NetBuffer{MdlChain: mdlChain, DataOffset: dataOffset, DataLength: dataLength, NdisPoolHandle: poolHandle}
	setCurrent(nb)
	w.acquired(nb, ddi, "NET_BUFFER").adapter = pool.r.adapter // a NET_BUFFER of an adapter's pool is the adapter's
	return nb
}

// FreeNetBuffer runs NdisFreeNetBuffer in the simulated NDIS.
func (w *world) FreeNetBuffer(netBuffer *ndis.NetBuffer) {
	defer w.st.EnterDDI("NdisFreeNetBuffer", args("NetBuffer"))()
	if !w.needPtr("NdisFreeNetBuffer", "NetBuffer", netBuffer == nil) {
		return
	}
	if w.freeMdlAndData(netBuffer) {
		return
	}
	w.release(netBuffer, "NdisFreeNetBuffer", "NetBuffer")
}

// MNetPnPEvent runs NdisMNetPnPEvent in the simulated NDIS: NDIS passes the
// event to the protocols bound to the adapter; with none bound here, it
// succeeds.
func (w *world) MNetPnPEvent(miniportAdapterHandle ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	const ddi = "NdisMNetPnPEvent"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, "NetPnPEventNotification"))()
	if !w.needPtr(ddi, "NetPnPEventNotification", netPnPEventNotification == nil) {
		return ndis.StatusInvalidParameter
	}
	return ndis.StatusSuccess
}

// ReEnumerateProtocolBindings runs NdisReEnumerateProtocolBindings in the
// simulated NDIS. The simulation has no bindings pending in the registry to
// re-offer, so it only checks the call.
func (w *world) ReEnumerateProtocolBindings(ndisProtocolHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisReEnumerateProtocolBindings", args(ndisProtocolHandle))()
	if isNullHandle(ndisProtocolHandle) {
		w.report(rules.RuleBadHandle, "NdisReEnumerateProtocolBindings: NdisProtocolHandle is NULL")
	}
}

// QueryBindInstanceName runs NdisQueryBindInstanceName in the simulated
// NDIS: the friendly name of the adapter the binding context's bind is for.
func (w *world) QueryBindInstanceName(pAdapterInstanceName *ndis.String, bindingContext ndis.Handle) ndis.Status {
	const ddi = "NdisQueryBindInstanceName"
	defer w.st.EnterDDI(ddi, args("pAdapterInstanceName", bindingContext))()
	if !w.needPtr(ddi, "pAdapterInstanceName", pAdapterInstanceName == nil) {
		return ndis.StatusInvalidParameter
	}
	if isNullHandle(bindingContext) {
		w.report(rules.RuleBadHandle, "%s: BindingContext is NULL", ddi)
		return ndis.StatusInvalidParameter
	}
	*pAdapterInstanceName = fmt.Sprintf("adapter of %s", describe(bindingContext))
	return ndis.StatusSuccess
}

// MSynchronizeWithInterruptEx runs NdisMSynchronizeWithInterruptEx in the
// simulated NDIS: the driver's MiniportSynchronizeInterrupt runs at the
// interrupt's DIRQL and its result is returned. An interrupt handle that is
// not live (never registered, or deregistered: SDV NdisMDeregisterInterruptEx)
// is a bad handle and nothing runs.
func (w *world) MSynchronizeWithInterruptEx(ndisInterruptHandle ndis.Handle, messageId uint32, synchronizeFunction ndis.MiniportSynchronizeInterrupt, synchronizeContext ndis.Handle) bool {
	const ddi = "NdisMSynchronizeWithInterruptEx"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisInterruptHandle), messageId, "SynchronizeFunction", synchronizeContext))()
	h, ok := ndisInterruptHandle.(*resourceHandle)
	switch {
	case !ok || w.res().byKey[h] == nil || !w.handsOut(h.r.acquire, "NdisInterruptHandle"):
		w.report(rules.RuleBadHandle, "%s: NdisInterruptHandle is not an interrupt handle NDIS handed out", ddi)
		return false
	case h.r.released:
		w.report(rules.RuleBadHandle, "%s: NdisInterruptHandle is %s, deregistered with NdisMDeregisterInterruptEx", ddi, h.r.what)
		return false
	case !w.needPtr(ddi, "SynchronizeFunction", synchronizeFunction == nil):
		return false
	}
	result := false
	for _, role := range w.invokes(ddi) {
		w.st.Callback(role, "the miniport", args(synchronizeContext), func() { result = synchronizeFunction(synchronizeContext) })
	}
	return result
}

// handsOut reports whether DDI acquire hands out the handle a parameter of
// that page name carries (NdisMRegisterInterruptEx's NdisInterruptHandle).
func (w *world) handsOut(acquire, param string) bool {
	c := w.st.Catalogue()
	if c == nil {
		return false
	}
	if d := c.DDI(acquire); d != nil {
		for _, p := range d.Params {
			if p.Name == param && p.Dir != rules.In {
				return true
			}
		}
	}
	return false
}

// invokes returns the roles the catalogue says ddi calls synchronously.
func (w *world) invokes(ddi string) []string {
	if c := w.st.Catalogue(); c != nil {
		if d := c.DDI(ddi); d != nil {
			return d.Invokes
		}
	}
	return nil
}

// ErrorLogEntry is one record NdisWriteErrorLogEntry wrote.
type ErrorLogEntry struct {
	// Adapter describes the NdisAdapterHandle.
	Adapter string
	// ErrorCode is the NDIS_ERROR_CODE_XXX.
	ErrorCode uint32
	// Values are the error values.
	Values []uint32
}

// WriteErrorLogEntry runs NdisWriteErrorLogEntry in the simulated NDIS: the
// record goes to the run's error log (Sim.ErrorLog). NumberOfErrorValues
// must count the values that follow it.
func (w *world) WriteErrorLogEntry(ndisAdapterHandle ndis.Handle, errorCode uint32, numberOfErrorValues uint32, errorValues ...uint32) {
	const ddi = "NdisWriteErrorLogEntry"
	defer w.st.EnterDDI(ddi, args(ndisAdapterHandle, fmt.Sprintf("%#x", errorCode), numberOfErrorValues))()
	if isNullHandle(ndisAdapterHandle) {
		w.report(rules.RuleBadHandle, "%s: NdisAdapterHandle is NULL", ddi)
		return
	}
	if int(numberOfErrorValues) != len(errorValues) {
		w.report(rules.RuleBadParameter, "%s: NumberOfErrorValues is %d, but %d values follow it", ddi, numberOfErrorValues, len(errorValues))
		return
	}
	w.errorLog = append(w.errorLog, ErrorLogEntry{Adapter: describe(ndisAdapterHandle), ErrorCode: errorCode, Values: append([]uint32(nil), errorValues...)})
}

// ErrorLog returns the records NdisWriteErrorLogEntry wrote in the run, in
// order.
func (s *Sim) ErrorLog() []ErrorLogEntry { return append([]ErrorLogEntry(nil), s.w.errorLog...) }
