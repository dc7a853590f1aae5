package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NET_BUFFER API's lists: lists without NET_BUFFERs, clones,
// fragments, reassembled lists and list contexts. A derived list is at
// rest with the driver that allocated it (nblState.allocatedBy names the
// DDI), describes the original's memory, and is freed with its own free
// DDI (freeList).

// newContext returns a context block of size bytes after backFill bytes
// of backfill, on top of next.
func newContext(size, backFill uint16, next *ndis.NetBufferListContext) *ndis.NetBufferListContext {
	total := size + backFill
	return &ndis.NetBufferListContext{Next: next, Size: total, Offset: backFill, ContextData: make([]byte, total)}
}

// AllocateNetBufferList runs NdisAllocateNetBufferList in the simulated
// NDIS: a list from the pool, with no NET_BUFFERs, and a context area of
// ContextSize bytes (after ContextBackFill bytes of backfill) if asked.
func (w *world) AllocateNetBufferList(poolHandle ndis.Handle, contextSize uint16, contextBackFill uint16) *ndis.NetBufferList {
	const ddi = "NdisAllocateNetBufferList"
	defer w.st.EnterDDI(ddi, args(describe(poolHandle), contextSize, contextBackFill))()
	p := w.livePool(ddi, "PoolHandle", poolHandle)
	if p == nil {
		return nil
	}
	n := &ndis.NetBufferList{}
	w.fromPool(ddi, p, n, contextSize, contextBackFill)
	return n
}

// AllocateNetBufferListContext runs NdisAllocateNetBufferListContext in
// the simulated NDIS: it lowers the Offset of the top context block when
// that has ContextSize bytes unused below it, and otherwise pushes a new
// block of ContextSize bytes after ContextBackFill bytes of backfill.
func (w *world) AllocateNetBufferListContext(netBufferList *ndis.NetBufferList, contextSize uint16, contextBackFill uint16, poolTag uint32) ndis.Status {
	const ddi = "NdisAllocateNetBufferListContext"
	defer w.st.EnterDDI(ddi, args(nblArg(netBufferList), contextSize, contextBackFill, poolTag))()
	if !w.liveList(ddi, "NetBufferList", netBufferList) {
		return ndis.StatusFailure
	}
	if c := netBufferList.Context; c != nil && c.Offset >= contextSize {
		c.Offset -= contextSize
		return ndis.StatusSuccess
	}
	c := newContext(contextSize, contextBackFill, netBufferList.Context)
	w.nbapi().contexts[c] = true
	netBufferList.Context = c
	return ndis.StatusSuccess
}

// FreeNetBufferListContext runs NdisFreeNetBufferListContext in the
// simulated NDIS: it raises the top block's Offset by ContextSize and, when
// the block is empty and NdisAllocateNetBufferListContext allocated it,
// frees it. Freeing more than the top block has in use is bad-parameter.
func (w *world) FreeNetBufferListContext(netBufferList *ndis.NetBufferList, contextSize uint16) {
	const ddi = "NdisFreeNetBufferListContext"
	defer w.st.EnterDDI(ddi, args(nblArg(netBufferList), contextSize))()
	if !w.liveList(ddi, "NetBufferList", netBufferList) {
		return
	}
	c := netBufferList.Context
	if c == nil || c.Size-c.Offset < contextSize {
		used := uint16(0)
		if c != nil {
			used = c.Size - c.Offset
		}
		w.report(rules.RuleBadParameter, "%s: ContextSize %d is more than the %d bytes of context space in use; a driver frees what it allocated with NdisAllocateNetBufferListContext", ddi, contextSize, used)
		return
	}
	c.Offset += contextSize
	if c.Offset == c.Size && w.nbapi().contexts[c] {
		delete(w.nbapi().contexts, c)
		netBufferList.Context = c.Next
	}
}

// derive records list n, which ddi derived from another list, with the
// optional NET_BUFFER_LIST pool p.
func (w *world) derive(ddi string, n *ndis.NetBufferList, p *nblPool) {
	w.fromPool(ddi, p, n, 0, 0)
	syncData(n)
}

// derivedArgs checks the original list and the optional pools of a DDI
// that derives a list.
func (w *world) derivedArgs(ddi, origParam string, orig *ndis.NetBufferList, listPoolParam string, listPool ndis.Handle, nbPoolParam string, nbPool ndis.Handle) (*nblPool, ndis.Handle, bool) {
	if !w.liveList(ddi, origParam, orig) {
		return nil, nil, false
	}
	var p *nblPool
	if listPool != nil {
		if p = w.livePool(ddi, listPoolParam, listPool); p == nil {
			return nil, nil, false
		}
	}
	h, ok := w.liveNBPool(ddi, nbPoolParam, nbPool)
	return p, h, ok
}

// AllocateCloneNetBufferList runs NdisAllocateCloneNetBufferList in the
// simulated NDIS: a new list whose NET_BUFFERs describe the used data of
// the original's, from their current MDL, in the same memory (no copy);
// no context area.
func (w *world) AllocateCloneNetBufferList(originalNetBufferList *ndis.NetBufferList, netBufferListPoolHandle ndis.Handle, netBufferPoolHandle ndis.Handle, allocateCloneFlags uint32) *ndis.NetBufferList {
	const ddi = "NdisAllocateCloneNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(originalNetBufferList), describe(netBufferListPoolHandle), describeResource(netBufferPoolHandle), allocateCloneFlags))()
	p, nbPool, ok := w.derivedArgs(ddi, "OriginalNetBufferList", originalNetBufferList, "NetBufferListPoolHandle", netBufferListPoolHandle, "NetBufferPoolHandle", netBufferPoolHandle)
	if !ok {
		return nil
	}
	clone := &ndis.NetBufferList{}
	var tail *ndis.NetBuffer
	for _, nb := range netBuffersOf(originalNetBufferList) {
		if !w.liveNB(ddi, "OriginalNetBufferList", nb) {
			return nil
		}
		setCurrent(nb)
		c := &ndis.NetBuffer{MdlChain: nb.CurrentMdl, DataOffset: nb.CurrentMdlOffset, DataLength: nb.DataLength, NdisPoolHandle: nbPool}
		setCurrent(c)
		if tail == nil {
			clone.FirstNetBuffer = c
		} else {
			tail.Next = c
		}
		tail = c
	}
	w.derive(ddi, clone, p)
	return clone
}

// FreeCloneNetBufferList runs NdisFreeCloneNetBufferList in the simulated
// NDIS (freeList: a clone at rest with the caller).
func (w *world) FreeCloneNetBufferList(cloneNetBufferList *ndis.NetBufferList, freeCloneFlags uint32) {
	const ddi = "NdisFreeCloneNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(cloneNetBufferList), freeCloneFlags))()
	w.freeList(ddi, "CloneNetBufferList", cloneNetBufferList, "NdisAllocateCloneNetBufferList")
}

// retreatNew returns a NET_BUFFER over data (an MDL chain of the
// original's memory) retreated by delta bytes: a first MDL of NDIS's own
// memory holds the delta bytes after backFill bytes of backfill.
func (w *world) retreatNew(data *ndis.Mdl, length uint64, delta, backFill uint32, pool ndis.Handle) *ndis.NetBuffer {
	nb := &ndis.NetBuffer{MdlChain: data, DataLength: length, NdisPoolHandle: pool}
	if delta > 0 {
		m := &ndis.Mdl{Data: make([]byte, delta+backFill), Next: data}
		w.nbapi().ndisMdls[m] = true
		nb.MdlChain, nb.DataOffset, nb.DataLength = m, backFill, length+uint64(delta)
	}
	setCurrent(nb)
	return nb
}

// AllocateFragmentNetBufferList runs NdisAllocateFragmentNetBufferList in
// the simulated NDIS: each NET_BUFFER's used data, after StartOffset
// bytes, is cut into fragments of at most MaximumLength bytes, each a new
// NET_BUFFER over the original's memory, retreated by DataOffsetDelta
// (with DataBackFill bytes more in the new MDL); all in one new list. A
// MaximumLength of 0, or no data after StartOffset, allocates nothing.
func (w *world) AllocateFragmentNetBufferList(originalNetBufferList *ndis.NetBufferList, netBufferListPool ndis.Handle, netBufferPool ndis.Handle, startOffset uint32, maximumLength uint32, dataOffsetDelta uint32, dataBackFill uint32, allocateFragmentFlags uint32) *ndis.NetBufferList {
	const ddi = "NdisAllocateFragmentNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(originalNetBufferList), describe(netBufferListPool), describeResource(netBufferPool), startOffset, maximumLength, dataOffsetDelta, dataBackFill, allocateFragmentFlags))()
	p, nbPool, ok := w.derivedArgs(ddi, "OriginalNetBufferList", originalNetBufferList, "NetBufferListPool", netBufferListPool, "NetBufferPool", netBufferPool)
	if !ok {
		return nil
	}
	frag := &ndis.NetBufferList{}
	var tail *ndis.NetBuffer
	for _, nb := range netBuffersOf(originalNetBufferList) {
		if !w.liveNB(ddi, "OriginalNetBufferList", nb) {
			return nil
		}
		for at := uint64(startOffset); maximumLength > 0 && at < nb.DataLength; at += uint64(maximumLength) {
			n := min(uint64(maximumLength), nb.DataLength-at)
			f := w.retreatNew(partial(nb.MdlChain, uint64(nb.DataOffset)+at, n), n, dataOffsetDelta, dataBackFill, nbPool)
			if tail == nil {
				frag.FirstNetBuffer = f
			} else {
				tail.Next = f
			}
			tail = f
		}
	}
	if frag.FirstNetBuffer == nil {
		w.st.Tracef("%s: no used data after StartOffset %d in fragments of %d bytes: no list", ddi, startOffset, maximumLength)
		return nil
	}
	w.derive(ddi, frag, p)
	w.nbapi().delta[frag] = dataOffsetDelta
	return frag
}

// freeDerived frees a fragment or reassembled list: the DataOffsetDelta
// must be the one it was allocated with (the pages: it should match).
func (w *world) freeDerived(ddi, param string, l *ndis.NetBufferList, allocate string, delta uint32) {
	if l != nil && w.nblOf(l).allocatedBy == allocate && !w.nblOf(l).freed {
		if want := w.nbapi().delta[l]; want != delta {
			w.report(rules.RuleBadParameter, "%s: DataOffsetDelta is %d; %s allocated the list with %d, and the two match", ddi, delta, allocate, want)
			return
		}
	}
	if w.freeList(ddi, param, l, allocate) {
		delete(w.nbapi().delta, l)
	}
}

// FreeFragmentNetBufferList runs NdisFreeFragmentNetBufferList in the
// simulated NDIS (freeDerived).
func (w *world) FreeFragmentNetBufferList(fragmentNetBufferList *ndis.NetBufferList, dataOffsetDelta uint32, freeFragmentFlags uint32) {
	const ddi = "NdisFreeFragmentNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(fragmentNetBufferList), dataOffsetDelta, freeFragmentFlags))()
	w.freeDerived(ddi, "FragmentNetBufferList", fragmentNetBufferList, "NdisAllocateFragmentNetBufferList", dataOffsetDelta)
}

// AllocateReassembledNetBufferList runs
// NdisAllocateReassembledNetBufferList in the simulated NDIS: one list
// with one NET_BUFFER whose MDL chain describes, in order, the used data
// of each of the fragment list's NET_BUFFERs after StartOffset bytes (the
// fragments' memory, no copy), retreated by DataOffsetDelta. The pool,
// when given, must have been created with fAllocateNetBuffer and a
// DataSize of 0 (bad-parameter otherwise, as its page requires).
func (w *world) AllocateReassembledNetBufferList(fragmentNetBufferList *ndis.NetBufferList, netBufferAndNetBufferListPoolHandle ndis.Handle, startOffset uint32, dataOffsetDelta uint32, dataBackFill uint32, allocateReassembleFlags uint32) *ndis.NetBufferList {
	const ddi = "NdisAllocateReassembledNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(fragmentNetBufferList), describe(netBufferAndNetBufferListPoolHandle), startOffset, dataOffsetDelta, dataBackFill, allocateReassembleFlags))()
	p, _, ok := w.derivedArgs(ddi, "FragmentNetBufferList", fragmentNetBufferList, "NetBufferAndNetBufferListPoolHandle", netBufferAndNetBufferListPoolHandle, "", nil)
	if !ok {
		return nil
	}
	if p != nil && (!p.params.AllocateNetBuffer || p.params.DataSize != 0) {
		w.report(rules.RuleBadParameter, "%s: NetBufferAndNetBufferListPoolHandle is %s, allocated with fAllocateNetBuffer %v and DataSize %d; the page requires TRUE and 0", ddi, p.describe(), p.params.AllocateNetBuffer, p.params.DataSize)
		return nil
	}
	var head, tail *ndis.Mdl
	var length uint64
	for _, nb := range netBuffersOf(fragmentNetBufferList) {
		if !w.liveNB(ddi, "FragmentNetBufferList", nb) {
			return nil
		}
		if uint64(startOffset) >= nb.DataLength {
			continue
		}
		n := nb.DataLength - uint64(startOffset)
		part := partial(nb.MdlChain, uint64(nb.DataOffset)+uint64(startOffset), n)
		if head == nil {
			head = part
		} else {
			tail.Next = part
		}
		for tail = part; tail.Next != nil; tail = tail.Next {
		}
		length += n
	}
	l := &ndis.NetBufferList{FirstNetBuffer: w.retreatNew(head, length, dataOffsetDelta, dataBackFill, nil)}
	w.derive(ddi, l, p)
	w.nbapi().delta[l] = dataOffsetDelta
	return l
}

// FreeReassembledNetBufferList runs NdisFreeReassembledNetBufferList in
// the simulated NDIS (freeDerived).
func (w *world) FreeReassembledNetBufferList(reassembledNetBufferList *ndis.NetBufferList, dataOffsetDelta uint32, freeReassembleFlags uint32) {
	const ddi = "NdisFreeReassembledNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(reassembledNetBufferList), dataOffsetDelta, freeReassembleFlags))()
	w.freeDerived(ddi, "ReassembledNetBufferList", reassembledNetBufferList, "NdisAllocateReassembledNetBufferList", dataOffsetDelta)
}

// mdlName names an MDL handler's argument in the trace.
func mdlName(m *ndis.Mdl) string {
	if m == nil {
		return "NULL"
	}
	return fmt.Sprintf("MDL of %d bytes", len(m.Data))
}
