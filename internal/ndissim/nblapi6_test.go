package ndissim

import (
	"bytes"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// nblPoolFor allocates a NET_BUFFER_LIST pool with params.
func nblPoolFor(t *testing.T, params ndis.NetBufferListPoolParameters) ndis.Handle {
	t.Helper()
	p := ndis.AllocateNetBufferListPool(ksDriver(), &params)
	if p == nil {
		t.Fatal("no NET_BUFFER_LIST pool")
	}
	return p
}

// TestNetBufferListsAndContexts: NdisAllocateNetBufferList gives a list
// with no NET_BUFFER, its context area, the pool's protocol identifier and
// pool; contexts are taken from the backfill, then pushed and popped; a
// list's info is copied.
func TestNetBufferListsAndContexts(t *testing.T) {
	s := reset()
	pool := nblPoolFor(t, ndis.NetBufferListPoolParameters{ProtocolId: 2, PoolTag: ksTag})
	l := ndis.AllocateNetBufferList(pool, 16, 8)
	if l == nil || l.FirstNetBuffer != nil || l.Context == nil || l.Context.Size != 24 || l.Context.Offset != 8 {
		t.Fatalf("list %+v", l)
	}
	if ndis.GetPoolFromNetBufferList(l) != pool || ndis.GetNetBufferListProtocolId(l) != 2 {
		t.Errorf("pool or protocol id wrong")
	}
	if st := ndis.AllocateNetBufferListContext(l, 8, 0, ksTag); st != ndis.StatusSuccess || l.Context.Offset != 0 {
		t.Fatalf("context from the backfill: %s, offset %d", st, l.Context.Offset)
	}
	first := l.Context
	ndis.AllocateNetBufferListContext(l, 4, 12, ksTag)
	if l.Context == first || l.Context.Next != first || l.Context.Offset != 12 {
		t.Fatalf("no new context block: %+v", l.Context)
	}
	ndis.FreeNetBufferListContext(l, 4)
	if l.Context != first {
		t.Errorf("the emptied block NDIS allocated was not freed")
	}
	ndis.FreeNetBufferListContext(l, 8)
	ndis.FreeNetBufferListContext(l, 16)
	ndis.FreeNetBufferListContext(l, 1) // more than in use
	d := &ndis.NetBufferList{}
	l.NetBufferListInfo[ndis.NetBufferListCancelId] = ndis.Handle("id")
	ndis.CopySendNetBufferListInfo(d, l)
	if d.NetBufferListInfo[ndis.NetBufferListCancelId] != ndis.Handle("id") || ndis.GetNetBufferListProtocolId(d) != 2 {
		t.Errorf("info not copied: %v", d.NetBufferListInfo)
	}
	d.NetBufferListInfo = [8]ndis.Handle{}
	ndis.CopyReceiveNetBufferListInfo(d, l)
	if d.NetBufferListInfo[ndis.NetBufferListCancelId] == nil {
		t.Errorf("receive info not copied")
	}
	if ndis.GetNetBufferListProtocolId(&ndis.NetBufferList{}) != 0 || ndis.GetPoolFromNetBufferList(&ndis.NetBufferList{}) != nil {
		t.Errorf("a driver's own list has a protocol id or a pool")
	}
	ndis.FreeNetBufferList(l)
	ndis.GetPoolFromNetBufferList(l) // freed
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleNblNotOwned)
}

// TestCloneSharesData: a clone describes the original's used data in the
// same memory; it is freed with NdisFreeCloneNetBufferList, not
// NdisFreeNetBufferList, once, and only while the caller holds it.
func TestCloneSharesData(t *testing.T) {
	s := reset()
	pool := nblPoolFor(t, ndis.NetBufferListPoolParameters{PoolTag: ksTag})
	m := &ndis.Mdl{Data: []byte("hdr:payload")}
	orig := ndis.AllocateNetBufferAndNetBufferList(pool, 0, 0, m, 4, 7)
	if orig == nil || string(orig.Data) != "payload" || orig.FirstNetBuffer.CurrentMdl != m || orig.FirstNetBuffer.CurrentMdlOffset != 4 {
		t.Fatalf("original %+v", orig)
	}
	clone := ndis.AllocateCloneNetBufferList(orig, nil, nil, 0)
	if clone == nil || string(clone.Data) != "payload" {
		t.Fatalf("clone %+v", clone)
	}
	m.Data[4] = 'P'
	if clone.Data[0] != 'P' {
		t.Errorf("the clone does not share the original's memory")
	}
	ndis.FreeNetBufferList(clone) // not with this DDI
	ndis.FreeCloneNetBufferList(clone, 0)
	ndis.FreeCloneNetBufferList(clone, 0) // twice
	ndis.FreeCloneNetBufferList(orig, 0)  // not a clone
	ndis.AllocateCloneNetBufferList(orig, ndis.Handle("junk"), nil, 0)
	ndis.AllocateCloneNetBufferList(orig, nil, ndis.Handle("junk"), 0)
	own := &ndis.NetBufferList{Data: []byte("own")}
	if c := ndis.AllocateCloneNetBufferList(own, pool, nil, 0); c == nil || string(c.Data) != "own" || ndis.GetPoolFromNetBufferList(c) != pool {
		t.Errorf("clone of a driver's list: %+v", c)
	}
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleNblNotOwned, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadHandle)
}

// TestFragmentsAndReassembly: fragments cut the used data after
// StartOffset into MaximumLength pieces, each retreated by DataOffsetDelta
// in NDIS's memory; reassembly chains the fragments' data after their
// StartOffset; both are freed with the DataOffsetDelta they were allocated
// with.
func TestFragmentsAndReassembly(t *testing.T) {
	s := reset()
	pool := nblPoolFor(t, ndis.NetBufferListPoolParameters{PoolTag: ksTag, AllocateNetBuffer: true})
	dataPool := nblPoolFor(t, ndis.NetBufferListPoolParameters{PoolTag: ksTag, AllocateNetBuffer: true, DataSize: 64})
	orig := &ndis.NetBufferList{Data: []byte("HHabcdefghij")}
	frag := ndis.AllocateFragmentNetBufferList(orig, nil, nil, 2, 4, 2, 1, 0)
	if frag == nil {
		t.Fatal("no fragments")
	}
	var got []string
	for nb := frag.FirstNetBuffer; nb != nil; nb = nb.Next {
		b := ndis.GetDataBuffer(nb, uint32(nb.DataLength), make([]byte, nb.DataLength), 1, 0)
		got = append(got, string(b[2:]))
		if nb.DataOffset != 1 || nb.DataLength < 3 {
			t.Errorf("fragment at %d, %d bytes", nb.DataOffset, nb.DataLength)
		}
	}
	if len(got) != 3 || got[0] != "abcd" || got[1] != "efgh" || got[2] != "ij" {
		t.Fatalf("fragments %q", got)
	}
	// Strip the 2 bytes each fragment was retreated by, then reassemble.
	re := ndis.AllocateReassembledNetBufferList(frag, pool, 2, 3, 0, 0)
	if re == nil || string(re.Data[3:]) != "abcdefghij" || re.FirstNetBuffer.Next != nil {
		t.Fatalf("reassembled %q", re.Data)
	}
	if ndis.AllocateReassembledNetBufferList(frag, dataPool, 0, 0, 0, 0) != nil {
		t.Errorf("a pool with data reassembled")
	}
	if ndis.AllocateFragmentNetBufferList(orig, nil, nil, 20, 4, 0, 0, 0) != nil {
		t.Errorf("fragments of no data")
	}
	ndis.FreeReassembledNetBufferList(re, 2, 0) // wrong delta
	ndis.FreeReassembledNetBufferList(re, 3, 0)
	ndis.FreeFragmentNetBufferList(frag, 2, 0)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter)
}

// TestDataStart: advance and retreat move DataOffset within the unused
// space; a retreat past it chains a new MDL (NDIS's, or the driver's
// NetAllocateMdl), which an advance with FreeMdl frees (with NetFreeMdl
// for the driver's); too large an advance is bad-parameter; a list's
// retreat that fails undoes the NET_BUFFERs already retreated.
func TestDataStart(t *testing.T) {
	s := reset()
	nbPool := ndis.AllocateNetBufferPool(ksDriver(), &ndis.NetBufferPoolParameters{PoolTag: ksTag})
	m := &ndis.Mdl{Data: []byte("xxxxhello")}
	nb := ndis.AllocateNetBuffer(nbPool, m, 4, 5)
	if ndis.GetPoolFromNetBuffer(nb) != nbPool {
		t.Errorf("NdisGetPoolFromNetBuffer")
	}
	if st := ndis.RetreatNetBufferDataStart(nb, 2, 0, nil); st != ndis.StatusSuccess || nb.DataOffset != 2 || nb.MdlChain != m {
		t.Fatalf("retreat into the unused space: %s, offset %d", st, nb.DataOffset)
	}
	if st := ndis.RetreatNetBufferDataStart(nb, 5, 8, nil); st != ndis.StatusSuccess || nb.MdlChain == m || nb.DataOffset != 8 || nb.DataLength != 12 {
		t.Fatalf("retreat past the unused space: %s, offset %d length %d", st, nb.DataOffset, nb.DataLength)
	}
	if n := ndis.QueryNetBufferPhysicalCount(nb); n != 2 {
		t.Errorf("physical count %d, want 2", n)
	}
	if b := ndis.GetDataBuffer(nb, 5, nil, 1, 0); b != nil {
		t.Errorf("non-contiguous data without Storage: %q", b)
	}
	b := ndis.GetDataBuffer(nb, 12, make([]byte, 12), 1, 0)
	if string(b[7:]) != "hello" {
		t.Errorf("data %q", b)
	}
	ndis.GetDataBuffer(nb, 12, make([]byte, 3), 1, 0) // Storage too small
	ndis.AdvanceNetBufferDataStart(nb, 7, true, nil)
	if nb.MdlChain != m || nb.DataOffset != 4 || nb.CurrentMdl != m || nb.CurrentMdlOffset != 4 {
		t.Fatalf("advance did not free NDIS's MDL: offset %d", nb.DataOffset)
	}
	if b := ndis.GetDataBuffer(nb, 5, nil, 1, 0); string(b) != "hello" {
		t.Errorf("contiguous data %q", b)
	}
	ndis.AdvanceNetBufferDataStart(nb, 6, false, nil) // more than the used data
	nb.DataOffset = 1
	ndis.AdjustNetBufferCurrentMdl(nb)
	if nb.CurrentMdlOffset != 1 {
		t.Errorf("CurrentMdlOffset %d after adjusting", nb.CurrentMdlOffset)
	}
	nb.DataOffset = 4
	// The driver's MDL allocator and deallocator.
	allocs, frees := 0, 0
	alloc := func(size *uint32) *ndis.Mdl { allocs++; return &ndis.Mdl{Data: make([]byte, *size)} }
	free := func(*ndis.Mdl) { frees++ }
	ndis.RetreatNetBufferDataStart(nb, 10, 0, alloc)
	ndis.AdvanceNetBufferDataStart(nb, 10, true, free)
	if allocs != 1 || frees != 1 || nb.MdlChain != m {
		t.Errorf("allocs %d frees %d", allocs, frees)
	}
	short := func(size *uint32) *ndis.Mdl { return &ndis.Mdl{Data: make([]byte, 1)} }
	if st := ndis.RetreatNetBufferDataStart(nb, 10, 0, short); st != ndis.StatusFailure {
		t.Errorf("a short MDL: %s", st)
	}
	if st := ndis.RetreatNetBufferDataStart(nb, 10, 0, func(*uint32) *ndis.Mdl { return nil }); st != ndis.StatusResources {
		t.Errorf("no MDL: %s", st)
	}
	// A list of two NET_BUFFERs: the second's retreat fails, the first's
	// is undone.
	a := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: []byte("aa")}, DataLength: 2}
	c := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: []byte("cc")}, DataLength: 2}
	a.Next = c
	l := &ndis.NetBufferList{FirstNetBuffer: a}
	n := 0
	once := func(size *uint32) *ndis.Mdl {
		n++
		if n > 1 {
			return nil
		}
		return &ndis.Mdl{Data: make([]byte, *size)}
	}
	if st := ndis.RetreatNetBufferListDataStart(l, 3, 0, once, free); st != ndis.StatusResources || a.DataLength != 2 || frees != 2 {
		t.Errorf("failed list retreat: %s, first NET_BUFFER %d bytes, frees %d", st, a.DataLength, frees)
	}
	if st := ndis.RetreatNetBufferListDataStart(l, 2, 0, nil, nil); st != ndis.StatusSuccess || len(l.Data) != 4 {
		t.Errorf("list retreat: %s, data %q", st, l.Data)
	}
	ndis.AdvanceNetBufferListDataStart(l, 2, true, nil)
	if !bytes.Equal(l.Data, []byte("aa")) {
		t.Errorf("list data after advance %q", l.Data)
	}
	ndis.AdvanceNetBufferListDataStart(l, 3, true, nil) // too far
	ndis.FreeNetBuffer(nb)
	ndis.QueryNetBufferPhysicalCount(nb) // freed
	ndis.FreeNetBufferPool(nbPool)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadHandle)
}

// TestCopyAndMdlAndData: NdisCopyFromNetBufferToNetBuffer copies what
// fits; NdisAllocateNetBufferMdlAndData needs a pool with a DataSize and
// is freed by NdisFreeNetBuffer once.
func TestCopyAndMdlAndData(t *testing.T) {
	s := reset()
	withData := ndis.AllocateNetBufferPool(ksDriver(), &ndis.NetBufferPoolParameters{PoolTag: ksTag, DataSize: 8})
	noData := ndis.AllocateNetBufferPool(ksDriver(), &ndis.NetBufferPoolParameters{PoolTag: ksTag})
	dst := ndis.AllocateNetBufferMdlAndData(withData)
	if dst == nil || dst.DataLength != 8 || ndis.GetPoolFromNetBuffer(dst) != withData {
		t.Fatalf("NET_BUFFER with data %+v", dst)
	}
	src := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: []byte("012"), Next: &ndis.Mdl{Data: []byte("3456789")}}, DataOffset: 1, DataLength: 9}
	var n uint32
	if st := ndis.CopyFromNetBufferToNetBuffer(dst, 2, 100, src, 0, &n); st != ndis.StatusSuccess || n != 6 || string(dst.MdlChain.Data[2:]) != "123456" {
		t.Errorf("copy: %s, %d bytes, %q", st, n, dst.MdlChain.Data)
	}
	if ndis.CopyFromNetBufferToNetBuffer(dst, 9, 1, src, 0, &n); n != 0 {
		t.Errorf("copy past the destination: %d bytes", n)
	}
	ndis.AllocateNetBufferMdlAndData(noData) // no DataSize
	ndis.AllocateNetBufferMdlAndData(ndis.Handle("junk"))
	bad := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: []byte("ab")}, DataLength: 5}
	ndis.GetDataBuffer(bad, 1, nil, 1, 0) // describes more than its MDLs
	ndis.FreeNetBuffer(dst)
	ndis.FreeNetBuffer(dst) // twice
	ndis.FreeNetBufferPool(withData)
	ndis.FreeNetBufferPool(noData)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadHandle)
}
