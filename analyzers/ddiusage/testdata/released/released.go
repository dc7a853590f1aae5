// Package released uses handles after the release that ended them, within
// one function (bad-handle): interrupts, MDLs, NET_BUFFERs and generic
// objects, through locals, fields, globals and address-taken variables.
package released

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle    ndis.Handle
	interrupt ndis.Handle
	pool      ndis.Handle
	mdl       *ndis.Mdl
	buf       []byte
	msi       bool
	sgDma     ndis.Handle
	dma       ndis.Handle
}

var globalInterrupt ndis.Handle

func isr(synchronizeContext ndis.Handle) bool { return true }

// The interrupt deregistered, then synchronized with (SDV
// NdisMDeregisterInterruptEx), through the adapter's field.
func haltThenSync(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a) // want `NdisMSynchronizeWithInterruptEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released: the handle is dead`
}

// The same through a type assertion of the context, made twice.
func haltThenSyncCtx(ctx ndis.Handle) {
	ndis.MDeregisterInterruptEx(ctx.(*adapter).interrupt)
	ndis.MSynchronizeWithInterruptEx(ctx.(*adapter).interrupt, 0, isr, ctx) // want `NdisMSynchronizeWithInterruptEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released`
}

// Deregistered twice, through a global.
func deregisterTwice() {
	ndis.MDeregisterInterruptEx(globalInterrupt)
	ndis.MDeregisterInterruptEx(globalInterrupt) // want `NdisMDeregisterInterruptEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released already: a double free`
}

// Registered into a local whose address is taken, deregistered, used.
func localInterrupt(a *adapter) {
	var h ndis.Handle
	if ndis.MRegisterInterruptEx(a.handle, a, &ndis.MiniportInterruptCharacteristics{}, &h) != ndis.StatusSuccess {
		return
	}
	ndis.MDeregisterInterruptEx(h)
	ndis.MSynchronizeWithInterruptEx(h, 0, isr, a) // want `NdisMSynchronizeWithInterruptEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released`
}

// An MDL freed twice (SDV NdisAllocateMdl's alternation), the value kept
// in a local.
func mdlTwice(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m)
	ndis.FreeMdl(m) // want `NdisFreeMdl's Mdl is a handle NdisFreeMdl released already: a double free`
}

// A freed MDL chained to a new NET_BUFFER.
func mdlThenBuffer(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m)
	ndis.AllocateNetBuffer(a.pool, m, 0, 14) // want `NdisAllocateNetBuffer's MdlChain is a handle NdisFreeMdl released`
}

// Freed on the error branch, then freed again after it: the path through
// the error branch frees twice.
func mdlErrorPath(a *adapter, failed bool) {
	if failed {
		ndis.FreeMdl(a.mdl)
	}
	ndis.FreeMdl(a.mdl) // want `NdisFreeMdl's Mdl is a handle NdisFreeMdl released already`
}

// A NET_BUFFER freed twice, and one used after its free.
func bufferTwice(a *adapter) {
	nb := ndis.AllocateNetBuffer(a.pool, nil, 0, 0)
	ndis.FreeNetBuffer(nb)
	ndis.FreeNetBuffer(nb) // want `NdisFreeNetBuffer's NetBuffer is a handle NdisFreeNetBuffer released already: a double free`
}

func bufferUsed(a *adapter) {
	nb := ndis.AllocateNetBuffer(a.pool, nil, 0, 64)
	ndis.FreeNetBuffer(nb)
	ndis.AdvanceNetBufferDataStart(nb, 14, false, nil) // want `NdisAdvanceNetBufferDataStart's NetBuffer is a handle NdisFreeNetBuffer released`
}

// A generic object freed twice (SDV NdisAllocateGenericObject's
// alternation), the second in a deferred call.
func genericTwice() {
	o := ndis.AllocateGenericObject(nil, 0x6b6e694c, 0)
	ndis.FreeGenericObject(o)
	defer ndis.FreeGenericObject(o) // want `NdisFreeGenericObject's NdisObject is a handle NdisFreeGenericObject released already: a double free`
}

// Freed in a loop, after the loop once more: the free in the loop reaches
// the one after it.
func loopThenFree(a *adapter, n int) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	for i := 0; i < n; i++ {
		if i == 3 {
			ndis.FreeMdl(m)
			break
		}
	}
	ndis.FreeMdl(m) // want `NdisFreeMdl's Mdl is a handle NdisFreeMdl released already`
}

// Three frees: each is reported once, against the one before it.
func threeFrees(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m)
	ndis.FreeMdl(m) // want `a double free`
	ndis.FreeMdl(m) // want `a double free`
}

// A configuration read after its handle was closed, the handle in a local
// whose address NdisOpenConfigurationEx was given.
func configAfterClose(obj *ndis.ConfigurationObject, keyword *ndis.String) {
	var cfg ndis.Handle
	if ndis.OpenConfigurationEx(obj, &cfg) != ndis.StatusSuccess {
		return
	}
	ndis.CloseConfiguration(cfg)
	var st ndis.Status
	var v *ndis.ConfigurationParameter
	ndis.ReadConfiguration(&st, &v, cfg, keyword, ndis.ParameterInteger) // want `NdisReadConfiguration's ConfigurationHandle is a handle NdisCloseConfiguration released: the handle is dead`
}

// The flag the second test reads is stored between: the pass forgets what
// the first test decided, and the path through both deregistrations is
// taken.
func fieldFlagChanged(a *adapter) {
	if a.msi {
		ndis.MDeregisterInterruptEx(a.interrupt)
		a.msi = false
	}
	if !a.msi {
		ndis.MDeregisterInterruptEx(a.interrupt) // want `NdisMDeregisterInterruptEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released already: a double free`
	}
}

// A switch whose second cases include the first's.
func switchedOverlap(a *adapter, state int) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	switch state {
	case 1:
		ndis.FreeMdl(m)
	}
	switch state {
	case 1, 2:
		ndis.FreeMdl(m) // want `a double free`
	}
}

// In a function literal (a work item's routine, say), as in any function.
func literal(a *adapter) func() {
	return func() {
		m := a.mdl
		ndis.FreeMdl(m)
		ndis.FreeMdl(m) // want `a double free`
	}
}

// A DPC queued on an interrupt deregistered.
func dpcAfterDeregister(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	ndis.MQueueDpcEx(a.interrupt, 0, nil, nil) // want `NdisMQueueDpcEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released`
}

// A scatter/gather list asked of a DMA channel deregistered.
func sgAfterDeregister(a *adapter, nb *ndis.NetBuffer) {
	ndis.MDeregisterScatterGatherDma(a.sgDma)
	ndis.MAllocateNetBufferSGList(a.sgDma, nb, a, 0, nil, 0) // want `NdisMAllocateNetBufferSGList's NdisMiniportDmaHandle is a handle NdisMDeregisterScatterGatherDma released`
}

// A system DMA channel read after it was deregistered ("the caller should
// consider MiniportDmaHandle invalid as soon as it is passed to
// NdisMDeregisterDmaChannel").
func counterAfterDeregister(a *adapter) uint32 {
	ndis.MDeregisterDmaChannel(a.dma)
	return ndis.MReadDmaCounter(a.dma) // want `NdisMReadDmaCounter's MiniportDmaHandle is a handle NdisMDeregisterDmaChannel released`
}

func workItemRoutine(workItemContext, ndisIoWorkItemHandle ndis.Handle) {}

// A work item queued after its free: the verifier's workitem-use-after-free,
// which the catalogue's pair names.
func queueAfterFree(a *adapter) {
	w := ndis.AllocateIoWorkItem(a.handle)
	ndis.FreeIoWorkItem(w)
	ndis.QueueIoWorkItem(w, workItemRoutine, a) // want `NdisQueueIoWorkItem's NdisIoWorkItemHandle is a handle NdisFreeIoWorkItem released: the handle is dead \(workitem-use-after-free\)`
}

// A DPC queued with the NDIS 6.0 form on an interrupt deregistered.
func dpcNdis60AfterDeregister(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	ndis.MQueueDpc(a.interrupt, 0, 1, nil) // want `NdisMQueueDpc's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released`
}

// A freed MDL given as the MdlChain of a NET_BUFFER_LIST's first NET_BUFFER.
func listOfFreedMdl(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m)
	ndis.AllocateNetBufferAndNetBufferList(a.pool, 0, 0, m, 0, 14) // want `NdisAllocateNetBufferAndNetBufferList's MdlChain is a handle NdisFreeMdl released`
}

// A work item freed twice.
func workItemFreedTwice(a *adapter) {
	w := ndis.AllocateIoWorkItem(a.handle)
	ndis.FreeIoWorkItem(w)
	ndis.FreeIoWorkItem(w) // want `NdisFreeIoWorkItem's NdisIoWorkItemHandle is a handle NdisFreeIoWorkItem released already: a double free \(workitem-use-after-free\)`
}

// freeIt frees its parameter on every path.
func freeIt(m *ndis.Mdl) {
	ndis.FreeMdl(m)
}

// A helper that frees its parameter acts as the release of the argument:
// the free after it is a double free.
func helperFreesThenFree(a *adapter) {
	freeIt(a.mdl)
	ndis.FreeMdl(a.mdl) // want `NdisFreeMdl's Mdl is a handle NdisFreeMdl released already: a double free`
}

// syncWith synchronizes with its interrupt.
func syncWith(a *adapter, interrupt ndis.Handle) {
	ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, a)
}

// A helper that passes its parameter to a use DDI acts as a use of the
// argument.
func deregisterThenHelperSyncs(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	syncWith(a, a.interrupt) // want `syncWith passes a handle NdisMDeregisterInterruptEx released to NdisMSynchronizeWithInterruptEx's NdisInterruptHandle: the handle is dead`
}

// A helper releases, another helper uses.
func helperFreesThenHelperChains(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	freeIt(m)
	chain(a, m) // want `chain passes a handle NdisFreeMdl released to NdisAllocateNetBuffer's MdlChain: the handle is dead`
}

// chain builds a NET_BUFFER on its MDL.
func chain(a *adapter, m *ndis.Mdl) *ndis.NetBuffer {
	return ndis.AllocateNetBuffer(a.pool, m, 0, 14)
}

// freeIfAny frees its MDL unless it is NULL: a NULL handle names nothing,
// so the free is on every path that has one.
func freeIfAny(m *ndis.Mdl) {
	if m == nil {
		return
	}
	ndis.FreeMdl(m)
}

// The same helper freed twice.
func helperTwice(a *adapter) {
	freeIfAny(a.mdl)
	freeIfAny(a.mdl) // want `freeIfAny passes a handle NdisFreeMdl released already to NdisFreeMdl's Mdl: a double free`
}

// teardown deregisters through a helper of its own: two levels down.
func teardown(interrupt ndis.Handle) {
	deregister(interrupt)
}

func deregister(interrupt ndis.Handle) {
	defer ndis.MDeregisterInterruptEx(interrupt)
}

// Deregistered two calls down, then a DPC queued.
func helperOfHelperThenDpc(a *adapter) {
	teardown(a.interrupt)
	ndis.MQueueDpcEx(a.interrupt, 0, nil, nil) // want `NdisMQueueDpcEx's NdisInterruptHandle is a handle NdisMDeregisterInterruptEx released`
}

// A direct free, then a helper that frees on only some of its paths: a
// double free on those.
func freeThenMaybe(a *adapter, drop bool) {
	ndis.FreeMdl(a.mdl)
	freeWhen(a.mdl, drop) // want `freeWhen passes a handle NdisFreeMdl released already to NdisFreeMdl's Mdl: a double free`
}

func freeWhen(m *ndis.Mdl, drop bool) {
	if drop {
		ndis.FreeMdl(m)
	}
}

// A work item freed by a helper, then queued.
func workItemFreedByHelper(a *adapter) {
	w := ndis.AllocateIoWorkItem(a.handle)
	freeWorkItem(w)
	ndis.QueueIoWorkItem(w, workItemRoutine, a) // want `NdisQueueIoWorkItem's NdisIoWorkItemHandle is a handle NdisFreeIoWorkItem released: the handle is dead \(workitem-use-after-free\)`
}

func freeWorkItem(w ndis.Handle) { ndis.FreeIoWorkItem(w) }

// syncIf synchronizes only when its mode says so.
func syncIf(a *adapter, interrupt ndis.Handle, mode int) {
	if mode == 2 {
		ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, a)
	}
}

// Deregistered, then the helper called in the mode that synchronizes.
func deregisterThenSyncMode(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	syncIf(a, a.interrupt, 2) // want `syncIf passes a handle NdisMDeregisterInterruptEx released to NdisMSynchronizeWithInterruptEx's NdisInterruptHandle`
}

// freeAndClear frees its MDL and writes a flag: a bool, not the MDL's field.
func freeAndClear(a *adapter, m *ndis.Mdl) {
	ndis.FreeMdl(m)
	a.msi = false
}

// What the helper writes besides the free does not touch the field.
func helperWritesOther(a *adapter) {
	freeAndClear(a, a.mdl)
	ndis.FreeMdl(a.mdl) // want `NdisFreeMdl's Mdl is a handle NdisFreeMdl released already: a double free`
}

// syncNotify synchronizes only when it has a context to pass.
func syncNotify(ctx ndis.Handle, interrupt ndis.Handle) {
	if ctx != nil {
		ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, ctx)
	}
}

// Deregistered, then the helper given a context: it synchronizes.
func deregisterThenContext(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	syncNotify(a, a.interrupt) // want `syncNotify passes a handle NdisMDeregisterInterruptEx released to NdisMSynchronizeWithInterruptEx's NdisInterruptHandle`
}
