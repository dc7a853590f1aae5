package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Advancing and retreating the data start of NET_BUFFERs. A retreat takes
// the unused data space before DataOffset; when that is too short, a new
// MDL (the driver's NetAllocateMdl, else NDIS's own memory) is chained in
// front, large enough for the rest plus the backfill. An advance with
// FreeMdl frees the MDLs a retreat chained in front once no used data is
// left in them (with the driver's NetFreeMdl for those its NetAllocateMdl
// gave); the driver's own MDLs are never freed by NDIS.

// mdlRole returns the role of ddi's catalogue Invokes whose C result is
// returns (PMDL for the allocator, VOID for the deallocator).
func (w *world) mdlRole(ddi, returns string) string {
	c := w.st.Catalogue()
	for _, name := range w.invokes(ddi) {
		if r := c.Role(name); r != nil && r.Returns == returns {
			return name
		}
	}
	return ""
}

// advance moves nb's data start forward by delta for ddi.
func (w *world) advance(ddi string, nb *ndis.NetBuffer, delta uint32, freeMdl bool, freeMdlHandler ndis.NetBufferFreeMdl) bool {
	if uint64(delta) > nb.DataLength {
		w.report(rules.RuleBadParameter, "%s: DataOffsetDelta %d is more than the %d bytes of used data space", ddi, delta, nb.DataLength)
		return false
	}
	nb.DataOffset += delta
	nb.DataLength -= uint64(delta)
	st := w.nbapi()
	for m := nb.MdlChain; freeMdl && m != nil && uint64(len(m.Data)) <= uint64(nb.DataOffset) && (st.ndisMdls[m] || st.driverMdls[m]); m = nb.MdlChain {
		nb.MdlChain = m.Next
		nb.DataOffset -= uint32(len(m.Data))
		if st.driverMdls[m] && freeMdlHandler != nil {
			w.st.Callback(w.mdlRole(ddi, "VOID"), "the caller", args(mdlName(m)), func() { freeMdlHandler(m) })
		}
		delete(st.ndisMdls, m)
		delete(st.driverMdls, m)
		m.Next = nil
	}
	setCurrent(nb)
	return true
}

// retreat moves nb's data start back by delta for ddi.
func (w *world) retreat(ddi string, nb *ndis.NetBuffer, delta, backFill uint32, allocateMdlHandler ndis.NetBufferAllocateMdl) ndis.Status {
	if delta <= nb.DataOffset {
		nb.DataOffset -= delta
		nb.DataLength += uint64(delta)
		setCurrent(nb)
		return ndis.StatusSuccess
	}
	short := delta - nb.DataOffset
	size := short + backFill
	var m *ndis.Mdl
	if allocateMdlHandler != nil {
		asked := size
		w.st.Callback(w.mdlRole(ddi, "PMDL"), "the caller", args(size), func() { m = allocateMdlHandler(&size) })
		if m == nil {
			return ndis.StatusResources
		}
		if uint32(len(m.Data)) < asked {
			w.report(rules.RuleBadParameter, "%s: AllocateMdlHandler returned an MDL of %d bytes; NDIS asked for %d", ddi, len(m.Data), asked)
			return ndis.StatusFailure
		}
		w.nbapi().driverMdls[m] = true
	} else {
		m = &ndis.Mdl{Data: make([]byte, size)}
		w.nbapi().ndisMdls[m] = true
	}
	m.Next = nb.MdlChain
	nb.MdlChain = m
	nb.DataOffset = uint32(len(m.Data)) - short
	nb.DataLength += uint64(delta)
	setCurrent(nb)
	return ndis.StatusSuccess
}

// AdvanceNetBufferDataStart runs NdisAdvanceNetBufferDataStart in the
// simulated NDIS: DataOffset grows and DataLength shrinks by
// DataOffsetDelta, which must not exceed DataLength (bad-parameter).
func (w *world) AdvanceNetBufferDataStart(netBuffer *ndis.NetBuffer, dataOffsetDelta uint32, freeMdl bool, freeMdlHandler ndis.NetBufferFreeMdl) {
	const ddi = "NdisAdvanceNetBufferDataStart"
	defer w.st.EnterDDI(ddi, args("NetBuffer", dataOffsetDelta, freeMdl, "FreeMdlHandler"))()
	if w.liveNB(ddi, "NetBuffer", netBuffer) {
		w.advance(ddi, netBuffer, dataOffsetDelta, freeMdl, freeMdlHandler)
	}
}

// AdvanceNetBufferListDataStart runs NdisAdvanceNetBufferListDataStart in
// the simulated NDIS: each NET_BUFFER of the list is advanced; NDIS checks
// them all first, so a delta too large for one changes none.
func (w *world) AdvanceNetBufferListDataStart(netBufferList *ndis.NetBufferList, dataOffsetDelta uint32, freeMdl bool, freeMdlMdlHandler ndis.NetBufferFreeMdl) {
	const ddi = "NdisAdvanceNetBufferListDataStart"
	defer w.st.EnterDDI(ddi, args(nblArg(netBufferList), dataOffsetDelta, freeMdl, "FreeMdlMdlHandler"))()
	if !w.liveList(ddi, "NetBufferList", netBufferList) {
		return
	}
	nbs := netBuffersOf(netBufferList)
	for _, nb := range nbs {
		if !w.liveNB(ddi, "NetBufferList", nb) {
			return
		}
		if uint64(dataOffsetDelta) > nb.DataLength {
			w.advance(ddi, nb, dataOffsetDelta, freeMdl, freeMdlMdlHandler) // reports
			return
		}
	}
	for _, nb := range nbs {
		w.advance(ddi, nb, dataOffsetDelta, freeMdl, freeMdlMdlHandler)
	}
	syncData(netBufferList)
}

// RetreatNetBufferDataStart runs NdisRetreatNetBufferDataStart in the
// simulated NDIS (retreat).
func (w *world) RetreatNetBufferDataStart(netBuffer *ndis.NetBuffer, dataOffsetDelta uint32, dataBackFill uint32, allocateMdlHandler ndis.NetBufferAllocateMdl) ndis.Status {
	const ddi = "NdisRetreatNetBufferDataStart"
	defer w.st.EnterDDI(ddi, args("NetBuffer", dataOffsetDelta, dataBackFill, "AllocateMdlHandler"))()
	if !w.liveNB(ddi, "NetBuffer", netBuffer) {
		return ndis.StatusFailure
	}
	return w.retreat(ddi, netBuffer, dataOffsetDelta, dataBackFill, allocateMdlHandler)
}

// RetreatNetBufferListDataStart runs NdisRetreatNetBufferListDataStart in
// the simulated NDIS: each NET_BUFFER of the list is retreated; when one
// fails, those already retreated are advanced back, their new MDLs freed
// (with FreeMdlHandler for those AllocateMdlHandler gave), and the
// failure is returned.
func (w *world) RetreatNetBufferListDataStart(netBufferList *ndis.NetBufferList, dataOffsetDelta uint32, dataBackFill uint32, allocateMdlHandler ndis.NetBufferAllocateMdl, freeMdlHandler ndis.NetBufferFreeMdl) ndis.Status {
	const ddi = "NdisRetreatNetBufferListDataStart"
	defer w.st.EnterDDI(ddi, args(nblArg(netBufferList), dataOffsetDelta, dataBackFill, "AllocateMdlHandler", "FreeMdlHandler"))()
	if !w.liveList(ddi, "NetBufferList", netBufferList) {
		return ndis.StatusFailure
	}
	nbs := netBuffersOf(netBufferList)
	for _, nb := range nbs {
		if !w.liveNB(ddi, "NetBufferList", nb) {
			return ndis.StatusFailure
		}
	}
	for i, nb := range nbs {
		if st := w.retreat(ddi, nb, dataOffsetDelta, dataBackFill, allocateMdlHandler); st != ndis.StatusSuccess {
			for _, done := range nbs[:i] {
				w.advance(ddi, done, dataOffsetDelta, true, freeMdlHandler)
			}
			syncData(netBufferList)
			return st
		}
	}
	syncData(netBufferList)
	return ndis.StatusSuccess
}
