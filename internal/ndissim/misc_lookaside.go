package ndissim

import (
	"fmt"
	"sort"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The nonpaged lookaside lists (NdisInitializeNPagedLookasideList and its
// companions). An entry the driver holds is a block of the run's memory
// table, like NdisAllocateMemoryWithTagPriority's, recorded with the list
// it came from: freeing it anywhere but to that list, freeing it twice, and
// holding it when the driver unloads are reported with the memory rules.
// Entries given back wait on the list for the next allocation, up to
// lookasideDepth; the list frees the others, and its cache when it is
// deleted, with the driver's Free function if it gave one.

// lookasideDepth is how many freed entries a simulated list keeps for
// reuse (Windows sizes the depth itself; the driver's Depth must be zero).
const lookasideDepth = 4

// lookasideList is what the simulation knows of one initialized list.
type lookasideList struct {
	seq     int
	name    string
	size    uint32
	tag     uint32
	alloc   ndis.AllocateFunction
	free    ndis.FreeFunction
	cached  [][]byte
	deleted bool
}

// lookasides returns the run's lists by their head.
func (w *world) lookasides() map[*ndis.NpagedLookasideList]*lookasideList {
	if w.lookaside == nil {
		w.lookaside = map[*ndis.NpagedLookasideList]*lookasideList{}
	}
	return w.lookaside
}

// InitializeNPagedLookasideList runs NdisInitializeNPagedLookasideList in
// the simulated NDIS.
func (w *world) InitializeNPagedLookasideList(lookaside *ndis.NpagedLookasideList, allocate ndis.AllocateFunction, free ndis.FreeFunction, flags uint32, size uint32, tag uint32, depth uint16) {
	const ddi = "NdisInitializeNPagedLookasideList"
	defer w.st.EnterDDI(ddi, args("Lookaside", "Allocate", "Free", flags, size, poolTagString(tag), uint32(depth)))()
	if !w.needPtr(ddi, "Lookaside", lookaside == nil) {
		return
	}
	if flags != 0 || depth != 0 {
		w.report(rules.RuleBadParameter, "%s: Flags is %d and Depth is %d; both are reserved and must be zero", ddi, flags, depth)
	}
	if l := w.lookasides()[lookaside]; l != nil && !l.deleted {
		w.report(rules.RuleBadParameter, "%s: Lookaside is %s, which is initialized and was not deleted with NdisDeleteNPagedLookasideList", ddi, l.name)
		return
	}
	n := w.next("lookaside list")
	l := &lookasideList{seq: n, name: fmt.Sprintf("lookaside list #%d", n), size: size, tag: tag, alloc: allocate, free: free}
	w.lookasides()[lookaside] = l
	lookaside.Size, lookaside.Tag = size, tag
	w.st.Tracef("  = %s", l.name)
}

// listArg resolves a lookaside list head a DDI received: one that
// NdisInitializeNPagedLookasideList initialized and that was not deleted.
func (w *world) listArg(ddi, param string, h *ndis.NpagedLookasideList) *lookasideList {
	l := w.lookasides()[h]
	switch {
	case h == nil:
		w.report(rules.RuleBadParameter, "%s: %s is NULL", ddi, param)
	case l == nil:
		w.report(rules.RuleBadParameter, "%s: %s is not a list head NdisInitializeNPagedLookasideList initialized", ddi, param)
	case l.deleted:
		w.report(rules.RuleBadParameter, "%s: %s is %s, which NdisDeleteNPagedLookasideList deleted", ddi, param, l.name)
	default:
		return l
	}
	return nil
}

// AllocateFromNPagedLookasideList runs NdisAllocateFromNPagedLookasideList
// in the simulated NDIS.
func (w *world) AllocateFromNPagedLookasideList(lh *ndis.NpagedLookasideList) []byte {
	const ddi = "NdisAllocateFromNPagedLookasideList"
	defer w.st.EnterDDI(ddi, args("L"))()
	l := w.listArg(ddi, "_L", lh)
	if l == nil {
		return nil
	}
	var b []byte
	if n := len(l.cached); n > 0 {
		b, l.cached = l.cached[n-1], l.cached[:n-1]
	} else if b = w.newEntry(l); b == nil {
		return nil
	}
	t := &w.memory
	t.seq++
	t.live[baseOf(b)] = &Allocation{Seq: t.seq, Tag: l.tag, Length: uint32(len(b)), Owner: l.name, From: ddi}
	w.st.Tracef("  = block #%d", t.seq)
	return b
}

// newEntry allocates a new entry of l: with the driver's Allocate
// function, called with NonPagedPool, or by NDIS.
func (w *world) newEntry(l *lookasideList) []byte {
	if l.alloc == nil {
		return make([]byte, l.size, max(l.size, 1))
	}
	b := l.alloc(0, uint64(l.size), l.tag)
	if b != nil && uint32(len(b)) < l.size {
		w.report(rules.RuleBadParameter, "the Allocate function of %s returned %d bytes; entries are %d bytes", l.name, len(b), l.size)
		return nil
	}
	if cap(b) == 0 {
		return nil
	}
	return b
}

// FreeToNPagedLookasideList runs NdisFreeToNPagedLookasideList in the
// simulated NDIS.
func (w *world) FreeToNPagedLookasideList(lh *ndis.NpagedLookasideList, e []byte) {
	const ddi = "NdisFreeToNPagedLookasideList"
	t := &w.memory
	base := baseOf(e)
	defer w.st.EnterDDI(ddi, args("L", blockName(t, base)))()
	l := w.listArg(ddi, "_L", lh)
	if l == nil {
		return
	}
	a, live := t.live[base]
	switch {
	case base == nil:
		w.report(rules.RuleBadParameter, "%s: _E is NULL", ddi)
		return
	case !live && t.freed[base] != nil:
		w.report(rules.RuleMemoryDoubleFree, "%s of %s, which was already freed", ddi, t.freed[base])
		return
	case !live || a.Owner != l.name:
		w.report(rules.RuleMemoryFreeUnknown, "%s of an address %s did not hand out (an entry of another list, memory from elsewhere, or a slice not starting at the entry's base)", ddi, l.name)
		return
	}
	delete(t.live, base)
	t.freed[base] = a
	if len(l.cached) < lookasideDepth {
		l.cached = append(l.cached, e)
	} else if l.free != nil {
		l.free(e)
	}
}

// DeleteNPagedLookasideList runs NdisDeleteNPagedLookasideList in the
// simulated NDIS: the entries the list keeps are freed (with the driver's
// Free function, if any); entries the driver still holds stay allocated,
// and are reported if the driver never gives them back.
func (w *world) DeleteNPagedLookasideList(lh *ndis.NpagedLookasideList) {
	const ddi = "NdisDeleteNPagedLookasideList"
	defer w.st.EnterDDI(ddi, args("L"))()
	l := w.listArg(ddi, "_L", lh)
	if l == nil {
		return
	}
	for _, e := range l.cached {
		if l.free != nil {
			l.free(e)
		}
	}
	l.cached, l.deleted = nil, true
}

// lookasideLeaks reports the lists the driver never deleted and returns
// how many. (The entries it still holds are in the memory table.)
func (w *world) lookasideLeaks() int {
	var left []*lookasideList
	for _, l := range w.lookaside {
		if !l.deleted {
			left = append(left, l)
		}
	}
	sort.Slice(left, func(i, j int) bool { return left[i].seq < left[j].seq })
	for _, l := range left {
		w.report(rules.RuleMemoryLeak, "%s was never deleted with NdisDeleteNPagedLookasideList", l.name)
	}
	return len(left)
}
