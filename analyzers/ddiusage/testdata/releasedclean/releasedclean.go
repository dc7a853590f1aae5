// Package releasedclean releases handles and uses them only where they are
// alive: the twins of package released that a careless rule would flag.
package releasedclean

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

type adapter struct {
	handle    ndis.Handle
	interrupt ndis.Handle
	other     ndis.Handle
	pool      ndis.Handle
	mdl       *ndis.Mdl
	buf       []byte
	msi       bool
	count     int
	sgDma     ndis.Handle
}

func isr(synchronizeContext ndis.Handle) bool { return true }

// Released, then allocated again into the same variable, then used.
func reallocated(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m)
	m = ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m)
}

// Deregistered, registered again into the same field, used.
func reregistered(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	if ndis.MRegisterInterruptEx(a.handle, a, &ndis.MiniportInterruptCharacteristics{}, &a.interrupt) != ndis.StatusSuccess {
		return
	}
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
}

// The field stored between the release and the use.
func storedBetween(a *adapter, fresh ndis.Handle) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	a.interrupt = fresh
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
}

// Another adapter's field stored between: the two may be one adapter.
func storedThroughOther(a, b *adapter, fresh ndis.Handle) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	b.interrupt = fresh
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
}

// A helper of the package called between may store the field.
func helperBetween(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	reinit(a)
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
}

func reinit(a *adapter) {
	ndis.MRegisterInterruptEx(a.handle, a, &ndis.MiniportInterruptCharacteristics{}, &a.interrupt)
}

// Released in one branch, used in the other.
func branches(a *adapter, halting bool) {
	if halting {
		ndis.MDeregisterInterruptEx(a.interrupt)
	} else {
		ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
	}
}

// Released on a branch that returns.
func releasedAndReturns(a *adapter, failed bool) {
	if failed {
		ndis.FreeMdl(a.mdl)
		return
	}
	ndis.FreeMdl(a.mdl)
}

// Two different handles.
func twoHandles(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	ndis.MSynchronizeWithInterruptEx(a.other, 0, isr, a)
	m1 := ndis.AllocateMdl(a.handle, a.buf, 14)
	m2 := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m1)
	ndis.FreeMdl(m2)
}

// A flag records the free; the second free is on the other arm of it.
func flagged(a *adapter, early bool) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	freed := false
	if early {
		ndis.FreeMdl(m)
		freed = true
	}
	fmt.Println("between")
	if !freed {
		ndis.FreeMdl(m)
	}
}

// The same condition tested twice: a path through both frees does not
// exist.
func sameCondition(a *adapter, early bool) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	if early {
		ndis.FreeMdl(m)
	}
	fmt.Println("between")
	if !early {
		ndis.FreeMdl(m)
	}
}

// A handle merged from two values by a phi.
func merged(a *adapter, first bool) {
	m1 := ndis.AllocateMdl(a.handle, a.buf, 14)
	m2 := ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(m1)
	m := m2
	if first {
		m = m1
	}
	ndis.FreeMdl(m)
}

// A release per iteration of a fresh allocation: no path goes back round
// the loop.
func perIteration(a *adapter, n int) {
	for i := 0; i < n; i++ {
		m := ndis.AllocateMdl(a.handle, a.buf, 14)
		ndis.FreeMdl(m)
	}
}

// A deferred release and no other.
func deferred(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	defer ndis.FreeMdl(m)
	ndis.AllocateNetBuffer(a.pool, m, 0, 14)
}

// Freed to nil, tested before the second free.
func nilled(a *adapter) {
	ndis.FreeMdl(a.mdl)
	a.mdl = nil
	if a.mdl != nil {
		ndis.FreeMdl(a.mdl)
	}
}

// A NULL handle released twice names no resource.
func nulls() {
	ndis.FreeMdl(nil)
	ndis.FreeMdl(nil)
}

// A configuration closed, opened again into the same variable, read.
func configReopened(obj *ndis.ConfigurationObject, keyword *ndis.String) {
	var cfg ndis.Handle
	if ndis.OpenConfigurationEx(obj, &cfg) != ndis.StatusSuccess {
		return
	}
	ndis.CloseConfiguration(cfg)
	if ndis.OpenConfigurationEx(obj, &cfg) != ndis.StatusSuccess {
		return
	}
	var st ndis.Status
	var v *ndis.ConfigurationParameter
	ndis.ReadConfiguration(&st, &v, cfg, keyword, ndis.ParameterInteger)
	ndis.CloseConfiguration(cfg)
}

// A field tested twice with nothing between that may store to it: the
// path through the first deregistration does not take the second.
func fieldFlag(a *adapter) {
	if a.msi {
		ndis.MDeregisterInterruptEx(a.interrupt)
	}
	a.count++ // an int written: the bool is not
	if !a.msi {
		ndis.MDeregisterInterruptEx(a.interrupt)
	}
}

// A switch on one value twice: the case that frees first is not the case
// that frees again.
func switched(a *adapter, state int) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	switch state {
	case 1:
		ndis.FreeMdl(m)
	}
	fmt.Println("between")
	switch state {
	case 2, 3:
		ndis.FreeMdl(m)
	}
}

// A status tested twice against different values.
func statusTwice(a *adapter, status ndis.Status) {
	if status != ndis.StatusSuccess {
		ndis.FreeMdl(a.mdl)
	}
	if status == ndis.StatusSuccess {
		ndis.FreeMdl(a.mdl)
	}
}

// A goroutine started between may store the field.
func goroutineBetween(a *adapter, fresh *ndis.Mdl) {
	ndis.FreeMdl(a.mdl)
	go func() { a.mdl = fresh }()
	ndis.FreeMdl(a.mdl)
}

// A standard-library call given the field's address may store it.
func stdlibBetween(a *adapter, s string) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	fmt.Sscan(s, &a.interrupt)
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
}

// Scatter/gather lists asked while the DMA channel is registered; the
// channel deregistered last.
func sgThenDeregister(a *adapter, nb *ndis.NetBuffer) {
	ndis.MAllocateNetBufferSGList(a.sgDma, nb, a, 0, nil, 0)
	ndis.MDeregisterScatterGatherDma(a.sgDma)
}

func workItemRoutine(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	ndis.FreeIoWorkItem(ndisIoWorkItemHandle)
}

// A work item queued, and freed by its routine once it ran.
func queueThenFreeInRoutine(a *adapter) {
	w := ndis.AllocateIoWorkItem(a.handle)
	ndis.QueueIoWorkItem(w, workItemRoutine, a)
}

// DPCs queued with both forms while the interrupt is registered; the
// interrupt deregistered last.
func dpcsThenDeregister(a *adapter) {
	ndis.MQueueDpc(a.interrupt, 0, 1, nil)
	ndis.MQueueDpcEx(a.interrupt, 0, nil, nil)
	ndis.MDeregisterInterruptEx(a.interrupt)
}

// A NET_BUFFER_LIST built on an MDL, the MDL freed after the list.
func listThenFreeMdl(a *adapter) {
	m := ndis.AllocateMdl(a.handle, a.buf, 14)
	l := ndis.AllocateNetBufferAndNetBufferList(a.pool, 0, 0, m, 0, 14)
	ndis.FreeNetBufferList(l)
	ndis.FreeMdl(m)
}

// freeWhen frees its MDL only when told to: not a release on every path.
func freeWhen(m *ndis.Mdl, drop bool) {
	if drop {
		ndis.FreeMdl(m)
	}
}

// A helper that frees on some paths only, then the free: not a double
// free whatever the helper did (the caller cannot tell; silent).
func maybeThenFree(a *adapter, drop bool) {
	freeWhen(a.mdl, drop)
	if !drop {
		ndis.FreeMdl(a.mdl)
	}
}

// freeSecond frees its second parameter, not its first.
func freeSecond(keep, drop *ndis.Mdl) {
	ndis.FreeMdl(drop)
}

// The helper freed the other MDL.
func otherParameter(a *adapter, m *ndis.Mdl) {
	freeSecond(a.mdl, m)
	ndis.FreeMdl(a.mdl)
}

// freeReplaced reassigns its parameter before the free: it frees another
// MDL than the one it was given.
func freeReplaced(m *ndis.Mdl, spare *ndis.Mdl) {
	m = spare
	ndis.FreeMdl(m)
}

// The helper freed the spare.
func reassignedParameter(a *adapter, spare *ndis.Mdl) {
	freeReplaced(a.mdl, spare)
	ndis.AllocateNetBuffer(a.pool, a.mdl, 0, 14)
}

// freeIt frees its parameter.
func freeIt(m *ndis.Mdl) { ndis.FreeMdl(m) }

// Freed by the helper, allocated again into the same field, freed.
func helperThenReallocated(a *adapter) {
	freeIt(a.mdl)
	a.mdl = ndis.AllocateMdl(a.handle, a.buf, 14)
	ndis.FreeMdl(a.mdl)
}

// syncWith synchronizes with its interrupt.
func syncWith(a *adapter, interrupt ndis.Handle) {
	ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, a)
}

// Synchronized through the helper before the deregistration, not after.
func helperSyncsThenDeregister(a *adapter) {
	syncWith(a, a.interrupt)
	ndis.MDeregisterInterruptEx(a.interrupt)
}

// Deregistered, registered again into the same field, synchronized through
// the helper.
func helperAfterReregister(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	if ndis.MRegisterInterruptEx(a.handle, a, &ndis.MiniportInterruptCharacteristics{}, &a.interrupt) != ndis.StatusSuccess {
		return
	}
	syncWith(a, a.interrupt)
}

// A helper given another interrupt than the one deregistered.
func helperOtherHandle(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	syncWith(a, a.other)
}

// freeChain frees an MDL chain, recursively: a function in a cycle of
// calls has no summary, so its callers see no release in it.
func freeChain(m *ndis.Mdl) {
	if m == nil {
		return
	}
	next := m.Next
	ndis.FreeMdl(m)
	freeChain(next)
}

// The chain freed, its head then cleared: no use of a freed MDL.
func chainFreed(a *adapter) {
	freeChain(a.mdl)
	a.mdl = nil
}

// A helper that frees its MDL only on its failure path returns a status
// that tells which; the caller frees on the other.
func freeOnFailure(m *ndis.Mdl, status ndis.Status) ndis.Status {
	if status != ndis.StatusSuccess {
		ndis.FreeMdl(m)
	}
	return status
}

func failureThenSuccess(a *adapter, status ndis.Status) {
	if freeOnFailure(a.mdl, status) == ndis.StatusSuccess {
		ndis.FreeMdl(a.mdl)
	}
}

// Freed, then given to a helper told by a constant not to free it.
func freeThenHelperToldNot(a *adapter) {
	ndis.FreeMdl(a.mdl)
	freeWhen(a.mdl, false)
}

// syncIf synchronizes only when its mode says so.
func syncIf(a *adapter, interrupt ndis.Handle, mode int) {
	if mode == 2 {
		ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, a)
	}
}

// Deregistered, then a helper called in a mode that does not synchronize.
func deregisterThenOtherMode(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	syncIf(a, a.interrupt, 1)
}

// renewMdl frees the MDL it is given and stores a new one in the adapter.
func renewMdl(a *adapter, m *ndis.Mdl) {
	ndis.FreeMdl(m)
	a.mdl = ndis.AllocateMdl(a.handle, a.buf, 14)
}

// The helper freed the old MDL and stored a new one in the field: the
// field's next load is the new MDL.
func renewedByHelper(a *adapter) {
	renewMdl(a, a.mdl)
	ndis.FreeMdl(a.mdl)
}

// reregister deregisters the interrupt it is given and registers a new one
// into the adapter's field.
func reregister(a *adapter, interrupt ndis.Handle) {
	ndis.MDeregisterInterruptEx(interrupt)
	ndis.MRegisterInterruptEx(a.handle, a, &ndis.MiniportInterruptCharacteristics{}, &a.interrupt)
}

// Re-registered by the helper that deregistered: the field holds the new
// interrupt.
func reregisteredByHelper(a *adapter) {
	reregister(a, a.interrupt)
	ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a)
}

// syncNotify synchronizes only when it has a context to pass.
func syncNotify(ctx ndis.Handle, interrupt ndis.Handle) {
	if ctx != nil {
		ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, ctx)
	}
}

// Deregistered, then the helper given a NULL context: it does not
// synchronize.
func deregisterThenNilContext(a *adapter) {
	ndis.MDeregisterInterruptEx(a.interrupt)
	syncNotify(nil, a.interrupt)
}
