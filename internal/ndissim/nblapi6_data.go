package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NET_BUFFER API's data: the used data space of a NET_BUFFER is
// DataLength bytes from DataOffset in its MDL chain; the MDLs are shared
// (a clone or a fragment describes the original's memory, no copy), and
// NDIS keeps CurrentMdl and CurrentMdlOffset, and a list's model payload
// Data, in step with DataOffset.

// nbapiKey is where a run keeps its NET_BUFFER API state
// (kernel.State.Object).
type nbapiKey struct{}

// nbapiState is what NDIS knows beyond the lists' records (nblState).
type nbapiState struct {
	// poolData is the DataSize of each NET_BUFFER pool.
	poolData map[ndis.Handle]uint32
	// ndisMdls are the MDLs NDIS allocated itself to retreat a data start
	// (with no AllocateMdlHandler), and the memory it gave them.
	ndisMdls map[*ndis.Mdl]bool
	// driverMdls are those a driver's NetAllocateMdl gave it.
	driverMdls map[*ndis.Mdl]bool
	// mdlAndData are the NET_BUFFERs of NdisAllocateNetBufferMdlAndData,
	// true once freed.
	mdlAndData map[*ndis.NetBuffer]bool
	// contexts are the context blocks NdisAllocateNetBufferListContext
	// allocated (NdisFreeNetBufferListContext frees them when empty).
	contexts map[*ndis.NetBufferListContext]bool
	// delta is the DataOffsetDelta a fragment or reassembled list was
	// allocated with.
	delta map[*ndis.NetBufferList]uint32
}

// nbapi returns the run's state, creating it on first use.
func (w *world) nbapi() *nbapiState {
	v := w.st.Object(nbapiKey{}, "nbapi", func(string) any {
		return &nbapiState{
			poolData:   map[ndis.Handle]uint32{},
			ndisMdls:   map[*ndis.Mdl]bool{},
			driverMdls: map[*ndis.Mdl]bool{},
			mdlAndData: map[*ndis.NetBuffer]bool{},
			contexts:   map[*ndis.NetBufferListContext]bool{},
			delta:      map[*ndis.NetBufferList]uint32{},
		}
	})
	return v.(*nbapiState)
}

// derivedBy names, for each DDI that derives a list from another, the DDI
// that frees what it allocated.
var derivedBy = map[string]string{
	"NdisAllocateCloneNetBufferList":       "NdisFreeCloneNetBufferList",
	"NdisAllocateFragmentNetBufferList":    "NdisFreeFragmentNetBufferList",
	"NdisAllocateReassembledNetBufferList": "NdisFreeReassembledNetBufferList",
}

// chainLen is the number of bytes an MDL chain describes.
func chainLen(m *ndis.Mdl) uint64 {
	var n uint64
	for i := 0; m != nil && i < maxChain; m, i = m.Next, i+1 {
		n += uint64(len(m.Data))
	}
	return n
}

// locate returns the MDL of chain that holds byte off and the offset of
// that byte in it; off at the end of the chain gives the last MDL and its
// length (nil for an empty chain).
func locate(chain *ndis.Mdl, off uint64) (*ndis.Mdl, uint32) {
	var last *ndis.Mdl
	for i := 0; chain != nil && i < maxChain; chain, i = chain.Next, i+1 {
		if off < uint64(len(chain.Data)) {
			return chain, uint32(off)
		}
		off -= uint64(len(chain.Data))
		last = chain
	}
	if last == nil {
		return nil, 0
	}
	return last, uint32(len(last.Data))
}

// setCurrent sets nb's CurrentMdl and CurrentMdlOffset from its DataOffset.
func setCurrent(nb *ndis.NetBuffer) {
	nb.CurrentMdl, nb.CurrentMdlOffset = locate(nb.MdlChain, uint64(nb.DataOffset))
}

// spanOf returns n bytes of chain from off: the MDL's own memory when one
// MDL holds them (contiguous), else a copy; nil when the chain is shorter.
func spanOf(chain *ndis.Mdl, off, n uint64) (b []byte, contiguous bool) {
	if off+n > chainLen(chain) {
		return nil, false
	}
	m, at := locate(chain, off)
	if m != nil && uint64(at)+n <= uint64(len(m.Data)) {
		return m.Data[at : uint64(at)+n : uint64(at)+n], true
	}
	out := make([]byte, 0, n)
	for ; m != nil && uint64(len(out)) < n; m = m.Next {
		take := min(uint64(len(m.Data)-int(at)), n-uint64(len(out)))
		out = append(out, m.Data[at:uint64(at)+take]...)
		at = 0
	}
	return out, false
}

// partial returns new MDLs that describe n bytes of chain from off, in
// the chain's own memory (as IoBuildPartialMdl does).
func partial(chain *ndis.Mdl, off, n uint64) *ndis.Mdl {
	var head, tail *ndis.Mdl
	m, at := locate(chain, off)
	for ; m != nil && n > 0; m = m.Next {
		take := min(uint64(len(m.Data)-int(at)), n)
		p := &ndis.Mdl{Data: m.Data[at : uint64(at)+take : uint64(at)+take]}
		if head == nil {
			head = p
		} else {
			tail.Next = p
		}
		tail, n, at = p, n-take, 0
	}
	return head
}

// netBuffersOf returns list l's NET_BUFFERs. A list that carries only
// Data (one a driver built itself) is given one NET_BUFFER over it first,
// as NDIS's lists always have.
func netBuffersOf(l *ndis.NetBufferList) []*ndis.NetBuffer {
	if l.FirstNetBuffer == nil && l.Data != nil {
		l.FirstNetBuffer = &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: l.Data}, DataLength: uint64(len(l.Data))}
		setCurrent(l.FirstNetBuffer)
	}
	var out []*ndis.NetBuffer
	for nb := l.FirstNetBuffer; nb != nil && len(out) < maxChain; nb = nb.Next {
		out = append(out, nb)
	}
	return out
}

// syncData sets list l's model payload to its first NET_BUFFER's used data.
func syncData(l *ndis.NetBufferList) {
	if nb := l.FirstNetBuffer; nb != nil {
		l.Data, _ = spanOf(nb.MdlChain, uint64(nb.DataOffset), nb.DataLength)
	}
}

// liveList checks a list parameter: not NULL, not freed.
func (w *world) liveList(ddi, param string, l *ndis.NetBufferList) bool {
	if !w.needPtr(ddi, param, l == nil) {
		return false
	}
	if r := w.six().nbls[l]; r != nil && r.freed {
		w.report(rules.RuleNblNotOwned, "%s: %s was freed", ddi, param)
		return false
	}
	return true
}

// liveNB checks a NET_BUFFER parameter: not NULL, not freed with
// NdisFreeNetBuffer, and describing no more than its MDL chain holds.
func (w *world) liveNB(ddi, param string, nb *ndis.NetBuffer) bool {
	if !w.needPtr(ddi, param, nb == nil) {
		return false
	}
	if r := w.res().byKey[nb]; (r != nil && r.released) || w.nbapi().mdlAndData[nb] {
		w.report(rules.RuleBadHandle, "%s: %s was freed with NdisFreeNetBuffer", ddi, param)
		return false
	}
	if uint64(nb.DataOffset)+nb.DataLength > chainLen(nb.MdlChain) {
		w.report(rules.RuleBadParameter, "%s: %s describes %d bytes from DataOffset %d, past the %d bytes of its MDL chain", ddi, param, nb.DataLength, nb.DataOffset, chainLen(nb.MdlChain))
		return false
	}
	return true
}

// liveNBPool resolves an optional NET_BUFFER pool handle (nil: NDIS's
// internal pool); ok is false, after a report, for a handle that is not a
// live NET_BUFFER pool.
func (w *world) liveNBPool(ddi, param string, h ndis.Handle) (ndis.Handle, bool) {
	if h == nil {
		return nil, true
	}
	if x, isRes := h.(*resourceHandle); !isRes || x.r.acquire != "NdisAllocateNetBufferPool" || x.r.released {
		w.report(rules.RuleBadHandle, "%s: %s is not a live pool from NdisAllocateNetBufferPool", ddi, param)
		return nil, false
	}
	return h, true
}

// AdjustNetBufferCurrentMdl runs NdisAdjustNetBufferCurrentMdl in the
// simulated NDIS: CurrentMdl and CurrentMdlOffset follow DataOffset.
func (w *world) AdjustNetBufferCurrentMdl(netBuffer *ndis.NetBuffer) {
	const ddi = "NdisAdjustNetBufferCurrentMdl"
	defer w.st.EnterDDI(ddi, args("NetBuffer"))()
	if w.liveNB(ddi, "NetBuffer", netBuffer) {
		setCurrent(netBuffer)
	}
}

// QueryNetBufferPhysicalCount runs NdisQueryNetBufferPhysicalCount in the
// simulated NDIS: the model has no physical pages, so each MDL that holds
// used data is one physical break.
func (w *world) QueryNetBufferPhysicalCount(netBuffer *ndis.NetBuffer) uint32 {
	const ddi = "NdisQueryNetBufferPhysicalCount"
	defer w.st.EnterDDI(ddi, args("NetBuffer"))()
	if !w.liveNB(ddi, "NetBuffer", netBuffer) || netBuffer.DataLength == 0 {
		return 0
	}
	n := uint32(0)
	for p := partial(netBuffer.MdlChain, uint64(netBuffer.DataOffset), netBuffer.DataLength); p != nil; p = p.Next {
		n++
	}
	return n
}

// GetDataBuffer runs NdisGetDataBuffer in the simulated NDIS: BytesNeeded
// bytes of used data from DataOffset; when one MDL holds them, the MDL's
// own memory; otherwise a copy into Storage, which must hold BytesNeeded
// bytes (bad-parameter otherwise), or NULL without Storage. NULL also when
// the used data is shorter than BytesNeeded. The model has no addresses:
// AlignMultiple and AlignOffset are not applied.
func (w *world) GetDataBuffer(netBuffer *ndis.NetBuffer, bytesNeeded uint32, storage []byte, alignMultiple uint32, alignOffset uint32) []byte {
	const ddi = "NdisGetDataBuffer"
	defer w.st.EnterDDI(ddi, args("NetBuffer", bytesNeeded, fmt.Sprintf("Storage[%d]", len(storage)), alignMultiple, alignOffset))()
	if !w.liveNB(ddi, "NetBuffer", netBuffer) || netBuffer.DataLength < uint64(bytesNeeded) {
		return nil
	}
	b, contiguous := spanOf(netBuffer.MdlChain, uint64(netBuffer.DataOffset), uint64(bytesNeeded))
	if contiguous {
		return b
	}
	if storage == nil {
		return nil
	}
	if len(storage) < int(bytesNeeded) {
		w.report(rules.RuleBadParameter, "%s: Storage has %d bytes; NDIS copies BytesNeeded (%d) bytes into it", ddi, len(storage), bytesNeeded)
		return nil
	}
	copy(storage, b)
	return storage[:bytesNeeded]
}

// CopyFromNetBufferToNetBuffer runs NdisCopyFromNetBufferToNetBuffer in the
// simulated NDIS: it copies up to BytesToCopy bytes from the used data of
// Source (from SourceOffset) into the used data of Destination (from
// DestinationOffset), stopping where either runs out, and reports the
// count in BytesCopied.
func (w *world) CopyFromNetBufferToNetBuffer(destination *ndis.NetBuffer, destinationOffset uint32, bytesToCopy uint32, source *ndis.NetBuffer, sourceOffset uint32, bytesCopied *uint32) ndis.Status {
	const ddi = "NdisCopyFromNetBufferToNetBuffer"
	defer w.st.EnterDDI(ddi, args("Destination", destinationOffset, bytesToCopy, "Source", sourceOffset, "BytesCopied"))()
	if !w.liveNB(ddi, "Destination", destination) || !w.liveNB(ddi, "Source", source) || !w.needPtr(ddi, "BytesCopied", bytesCopied == nil) {
		return ndis.StatusFailure
	}
	*bytesCopied = 0
	n := uint64(bytesToCopy)
	if uint64(sourceOffset) >= source.DataLength || uint64(destinationOffset) >= destination.DataLength {
		return ndis.StatusSuccess
	}
	n = min(n, source.DataLength-uint64(sourceOffset), destination.DataLength-uint64(destinationOffset))
	src, _ := spanOf(source.MdlChain, uint64(source.DataOffset)+uint64(sourceOffset), n)
	at := uint64(destination.DataOffset) + uint64(destinationOffset)
	for p := partial(destination.MdlChain, at, n); p != nil; p = p.Next {
		src = src[copy(p.Data, src):]
	}
	*bytesCopied = uint32(n)
	return ndis.StatusSuccess
}

// GetPoolFromNetBuffer runs NdisGetPoolFromNetBuffer in the simulated
// NDIS: the pool NDIS allocated the structure from (NULL for NDIS's
// internal pool or a structure NDIS did not allocate).
func (w *world) GetPoolFromNetBuffer(netBuffer *ndis.NetBuffer) ndis.Handle {
	const ddi = "NdisGetPoolFromNetBuffer"
	defer w.st.EnterDDI(ddi, args("NetBuffer"))()
	if !w.liveNB(ddi, "NetBuffer", netBuffer) {
		return nil
	}
	return netBuffer.NdisPoolHandle
}

// AllocateNetBufferMdlAndData runs NdisAllocateNetBufferMdlAndData in the
// simulated NDIS: a NET_BUFFER with one MDL of the pool's DataSize bytes,
// all used (DataOffset 0, DataLength DataSize). The pool must be a live
// NET_BUFFER pool created with a DataSize (bad-parameter otherwise: its
// page says the caller gives the maximum size of the data buffers there).
// NdisFreeNetBuffer frees it.
func (w *world) AllocateNetBufferMdlAndData(poolHandle ndis.Handle) *ndis.NetBuffer {
	const ddi = "NdisAllocateNetBufferMdlAndData"
	defer w.st.EnterDDI(ddi, args(describeResource(poolHandle)))()
	h, ok := w.liveNBPool(ddi, "PoolHandle", poolHandle)
	if !ok {
		return nil
	}
	if !w.needPtr(ddi, "PoolHandle", h == nil) {
		return nil
	}
	size := w.nbapi().poolData[h]
	if size == 0 {
		w.report(rules.RuleBadParameter, "%s: PoolHandle is a NET_BUFFER pool allocated with DataSize 0; NdisAllocateNetBufferMdlAndData needs a pool whose DataSize gives the size of the data buffers", ddi)
		return nil
	}
	nb := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: make([]byte, size)}, DataLength: uint64(size), NdisPoolHandle: h}
	setCurrent(nb)
	w.nbapi().mdlAndData[nb] = false
	return nb
}

// freeMdlAndData frees, for NdisFreeNetBuffer, a NET_BUFFER of
// NdisAllocateNetBufferMdlAndData; it reports false for any other.
func (w *world) freeMdlAndData(nb *ndis.NetBuffer) bool {
	freed, ok := w.nbapi().mdlAndData[nb]
	if !ok {
		return false
	}
	if freed {
		w.report(rules.RuleBadHandle, "NdisFreeNetBuffer: NetBuffer (from NdisAllocateNetBufferMdlAndData) was freed already")
		return true
	}
	w.nbapi().mdlAndData[nb] = true
	return true
}

// GetPoolFromNetBufferList runs NdisGetPoolFromNetBufferList in the
// simulated NDIS: the pool NDIS allocated the list from (NULL for NDIS's
// internal pool or a list a driver made itself).
func (w *world) GetPoolFromNetBufferList(netBufferList *ndis.NetBufferList) ndis.Handle {
	const ddi = "NdisGetPoolFromNetBufferList"
	defer w.st.EnterDDI(ddi, args(nblArg(netBufferList)))()
	if !w.liveList(ddi, "NetBufferList", netBufferList) {
		return nil
	}
	return netBufferList.NdisPoolHandle
}

// GetNetBufferListProtocolId runs NdisGetNetBufferListProtocolId in the
// simulated NDIS: the identifier in NetBufferListInfo (NDIS puts the
// pool's ProtocolId there when it allocates a list; a driver sets it
// itself); NDIS_PROTOCOL_ID_DEFAULT (0) when there is none.
func (w *world) GetNetBufferListProtocolId(netBufferList *ndis.NetBufferList) uint8 {
	const ddi = "NdisGetNetBufferListProtocolId"
	defer w.st.EnterDDI(ddi, args(nblArg(netBufferList)))()
	if !w.liveList(ddi, "NetBufferList", netBufferList) {
		return 0
	}
	id, _ := netBufferList.NetBufferListInfo[ndis.NetBufferListProtocolId].(uint8)
	return id
}

// CopySendNetBufferListInfo runs NdisCopySendNetBufferListInfo in the
// simulated NDIS: the destination gets the source's NetBufferListInfo
// entries. (Which entries ndis.h copies for sends and for receives differs
// beyond the model's eight; the model copies all it has.)
func (w *world) CopySendNetBufferListInfo(destNetBufferList *ndis.NetBufferList, srcNetBufferList *ndis.NetBufferList) {
	const ddi = "NdisCopySendNetBufferListInfo"
	defer w.st.EnterDDI(ddi, args(nblArg(destNetBufferList), nblArg(srcNetBufferList)))()
	if w.liveList(ddi, "DestNetBufferList", destNetBufferList) && w.liveList(ddi, "SrcNetBufferList", srcNetBufferList) {
		destNetBufferList.NetBufferListInfo = srcNetBufferList.NetBufferListInfo
	}
}

// CopyReceiveNetBufferListInfo runs NdisCopyReceiveNetBufferListInfo in
// the simulated NDIS (see CopySendNetBufferListInfo).
func (w *world) CopyReceiveNetBufferListInfo(destNetBufferList *ndis.NetBufferList, srcNetBufferList *ndis.NetBufferList) {
	const ddi = "NdisCopyReceiveNetBufferListInfo"
	defer w.st.EnterDDI(ddi, args(nblArg(destNetBufferList), nblArg(srcNetBufferList)))()
	if w.liveList(ddi, "DestNetBufferList", destNetBufferList) && w.liveList(ddi, "SrcNetBufferList", srcNetBufferList) {
		destNetBufferList.NetBufferListInfo = srcNetBufferList.NetBufferListInfo
	}
}
