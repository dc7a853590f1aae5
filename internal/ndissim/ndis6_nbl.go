package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// NET_BUFFER_LIST ownership. The catalogue's Param.Handoff of each DDI
// parameter that passes lists says what the call does with them: with
// Until set it hands them on until that role gives them back (a send, a
// receive indication), unless KeepIf's flag leaves them the caller's on
// return; with Until empty it gives them back (a completion, a return) or
// frees them. The simulator follows every list: who holds it now, which
// layers passed it down (its send path) or indicated it up (its receive
// path), so that a completion goes back to the layer that sent it and a
// return to the layer that indicated it.

// nblState is what NDIS knows of one NET_BUFFER_LIST.
type nblState struct {
	// holders are the layers that own the list now: one, or every binding
	// a received list was indicated to. Empty: the list is at rest, its
	// creator's.
	holders []layer
	// sendPath are the layers that passed the list down, latest last;
	// recvPath those that indicated it up.
	sendPath, recvPath []layer
	// at is the adapter whose MiniportSendNetBufferLists holds the list,
	// since sentAt; key is its pending request and timer its
	// NdisTimedDataSend watchdog.
	at       *adapter6
	sentAt   int64
	key      reqKey
	timer    *kernel.Event
	timedOut bool
	freed    bool
	pool     *nblPool
	// allocatedBy is the DDI that allocated the list ("" for a list the
	// driver made itself).
	allocatedBy string
	// lent counts the indications with NDIS_RECEIVE_FLAGS_RESOURCES under
	// way that lend the list: nobody returns it, it comes back when they
	// return.
	lent int
	// handedBy is the layer that last handed the list on or gave it back
	// and has not got it back since: its next use of the list is the
	// static nblown pass's nbl-use-after-handoff.
	handedBy layer
}

// handOff records that layer l handed the list on or gave it back.
func (r *nblState) handOff(l layer) {
	if l != nil {
		r.handedBy = l
	}
}

// backTo records that the list came back to layer l.
func (r *nblState) backTo(l layer) {
	if r.handedBy == l {
		r.handedBy = nil
	}
}

// holds reports whether l holds the list.
func (s *nblState) holds(l layer) bool {
	for _, h := range s.holders {
		if h == l {
			return true
		}
	}
	return false
}

// atRest reports whether the list is no layer's but its creator's.
func (s *nblState) atRest() bool {
	return len(s.holders) == 0 && len(s.sendPath) == 0 && len(s.recvPath) == 0
}

// atRestFrom reports whether the list is at rest with the driver that
// allocated it with one of the DDIs ddis (a list it originates).
func (r *nblState) atRestFrom(ddis []string) bool {
	if !r.atRest() {
		return false
	}
	for _, d := range ddis {
		if d == r.allocatedBy {
			return true
		}
	}
	return false
}

// release removes l from the holders.
func (s *nblState) release(l layer) {
	out := s.holders[:0]
	for _, h := range s.holders {
		if h != l {
			out = append(out, h)
		}
	}
	s.holders = out
}

// nblOf returns NDIS's record of list n, creating it (at rest) on first use.
func (w *world) nblOf(n *ndis.NetBufferList) *nblState {
	s := w.six()
	if r := s.nbls[n]; r != nil {
		return r
	}
	r := &nblState{}
	s.nbls[n] = r
	s.order = append(s.order, n)
	return r
}

// maxChain bounds the walk of a NET_BUFFER_LIST chain (a cycle in Next).
const maxChain = 1 << 16

// listOf returns the lists of a chain, in order.
func listOf(head *ndis.NetBufferList) []*ndis.NetBufferList {
	var out []*ndis.NetBufferList
	seen := map[*ndis.NetBufferList]bool{}
	for n := head; n != nil && !seen[n] && len(out) < maxChain; n = n.Next {
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// chainOf links lists into a chain, in order, and returns its head.
func chainOf(lists []*ndis.NetBufferList) *ndis.NetBufferList {
	for i, n := range lists {
		if i+1 < len(lists) {
			n.Next = lists[i+1]
		} else {
			n.Next = nil
		}
	}
	if len(lists) == 0 {
		return nil
	}
	return lists[0]
}

// handoff returns the catalogue's Handoff of ddi's parameter param, nil
// when the catalogue has none.
func (w *world) handoff(ddi, param string) *rules.Handoff {
	c := w.st.Catalogue()
	if c == nil {
		return nil
	}
	d := c.DDI(ddi)
	if d == nil {
		return nil
	}
	for _, p := range d.Params {
		if p.Name == param {
			return p.Handoff
		}
	}
	return nil
}

// keeps reports whether the caller of ddi keeps the lists of param on
// return: the Handoff's KeepIf flag is set in flags.
func (w *world) keeps(ddi, param string, flags uint32) bool {
	h := w.handoff(ddi, param)
	return h != nil && h.KeepIf != nil && h.KeepIf.Holds(flags)
}

// passes checks the lists of ddi's parameter param, passed by layer by,
// against their Handoff: a DDI that hands lists on (Until set) takes lists
// at rest or held by the caller; one that gives them back (Until empty)
// takes only lists NDIS gave the caller and that have a layer to go back
// to (path returns the send or receive path that says so). It reports the
// first list the caller does not own (nbl-not-owned) and returns false
// then. A DDI with no Handoff in the catalogue checks nothing.
func (w *world) passes(ddi, param string, by layer, lists []*ndis.NetBufferList, path func(*nblState) []layer) bool {
	h := w.handoff(ddi, param)
	if h == nil {
		return true
	}
	for i, n := range lists {
		r := w.nblOf(n)
		why := ""
		switch {
		case r.freed:
			why = "was freed with NdisFreeNetBufferList"
		case h.Until != "":
			if !r.atRest() && !r.holds(by) {
				why = "is not the caller's: " + r.whereabouts()
			}
		case !r.holds(by) || len(path(r)) == 0:
			why = "was never given to the caller, or was given back already: " + r.whereabouts()
		case r.lent > 0 && len(r.recvPath) > 0:
			why = "was indicated with NDIS_RECEIVE_FLAGS_RESOURCES: it is the indicator's again when the indication returns and is never returned"
		}
		if why == "" {
			continue
		}
		if r.handedBy == by && !r.freed {
			w.report(rules.RuleNblUseAfterHandoff, "%s: %s passes NET_BUFFER_LIST #%d of the chain, which it handed off itself and has not got back: %s", ddi, by.who(), i+1, why)
			return false
		}
		w.report(rules.RuleNblNotOwned, "%s: %s passes NET_BUFFER_LIST #%d of the chain, which %s", ddi, by.who(), i+1, why)
		return false
	}
	return true
}

// whereabouts says where a list is, for reports.
func (r *nblState) whereabouts() string {
	switch {
	case len(r.holders) > 0:
		return "it is with " + r.holders[0].who()
	case !r.atRest():
		return "it is in flight"
	}
	return "it is at rest with its creator"
}

// sendPathOf and recvPathOf select a list's paths for passes.
func sendPathOf(r *nblState) []layer { return r.sendPath }
func recvPathOf(r *nblState) []layer { return r.recvPath }

// nblPool is a pool NdisAllocateNetBufferListPool created.
type nblPool struct {
	issued
	id     int
	owner  ndis.Handle
	params ndis.NetBufferListPoolParameters
	lists  []*ndis.NetBufferList
	freed  bool
}

func (p *nblPool) describe() string { return fmt.Sprintf("NET_BUFFER_LIST pool #%d", p.id) }
func (p *nblPool) kind() string     { return "a NET_BUFFER_LIST pool handle" }

// AllocateNetBufferListPool runs NdisAllocateNetBufferListPool in the simulated NDIS.
func (w *world) AllocateNetBufferListPool(ndisHandle ndis.Handle, parameters *ndis.NetBufferListPoolParameters) ndis.Handle {
	defer w.st.EnterDDI("NdisAllocateNetBufferListPool", args(ndisHandle, "Parameters"))()
	const ddi = "NdisAllocateNetBufferListPool"
	if !w.needPtr(ddi, "Parameters", parameters == nil) {
		return nil
	}
	if w.foreign(ddi, "NdisHandle", ndisHandle) {
		return nil
	}
	p := &nblPool{issued: issued{w}, id: w.next("nblpool"), owner: ndisHandle, params: *parameters}
	w.six().pools = append(w.six().pools, p)
	return p
}

// FreeNetBufferListPool runs NdisFreeNetBufferListPool in the simulated NDIS.
func (w *world) FreeNetBufferListPool(poolHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisFreeNetBufferListPool", args(describe(poolHandle)))()
	const ddi = "NdisFreeNetBufferListPool"
	p, ok := handleOf[*nblPool](w, ddi, "PoolHandle", poolHandle, "a pool handle from NdisAllocateNetBufferListPool")
	if !ok {
		return
	}
	if p.freed {
		w.report(rules.RuleBadHandle, "%s: PoolHandle is %s, which was freed already", ddi, p.describe())
		return
	}
	for _, n := range p.lists {
		if r := w.nblOf(n); !r.freed {
			w.report(rules.RuleBadParameter, "%s: %s still has NET_BUFFER_LISTs not freed with NdisFreeNetBufferList; a driver frees every list of a pool before the pool", ddi, p.describe())
			break
		}
	}
	p.freed = true
}

// AllocateNetBufferAndNetBufferList runs NdisAllocateNetBufferAndNetBufferList in the simulated NDIS.
func (w *world) AllocateNetBufferAndNetBufferList(poolHandle ndis.Handle, contextSize uint16, contextBackFill uint16, mdlChain *ndis.Mdl, dataOffset uint32, dataLength uint64) *ndis.NetBufferList {
	defer w.st.EnterDDI("NdisAllocateNetBufferAndNetBufferList", args(describe(poolHandle), contextSize, contextBackFill, "MdlChain", dataOffset, dataLength))()
	const ddi = "NdisAllocateNetBufferAndNetBufferList"
	p := w.livePool(ddi, "PoolHandle", poolHandle)
	if p == nil || w.freedInChain(ddi, "MdlChain", mdlChain) {
		return nil
	}
	var data []byte
	for m := mdlChain; m != nil; m = m.Next {
		data = append(data, m.Data...)
	}
	if mdlChain == nil {
		data = make([]byte, dataOffset+uint32(dataLength))
	}
	if uint64(dataOffset)+dataLength > uint64(len(data)) {
		w.report(rules.RuleBadParameter, "%s: DataOffset %d and DataLength %d go past the %d bytes of MdlChain", ddi, dataOffset, dataLength, len(data))
		return nil
	}
	chain := mdlChain
	if chain == nil {
		chain = &ndis.Mdl{Data: data}
	}
	nb := &ndis.NetBuffer{MdlChain: chain, DataOffset: dataOffset, DataLength: dataLength}
	setCurrent(nb)
	n := &ndis.NetBufferList{Data: data[dataOffset : uint64(dataOffset)+dataLength], FirstNetBuffer: nb}
	w.fromPool(ddi, p, n, contextSize, contextBackFill)
	return n
}

// livePool resolves a NET_BUFFER_LIST pool handle parameter: a pool
// NdisAllocateNetBufferListPool created and that is not freed.
func (w *world) livePool(ddi, param string, h ndis.Handle) *nblPool {
	p, ok := handleOf[*nblPool](w, ddi, param, h, "a pool handle from NdisAllocateNetBufferListPool")
	if !ok {
		return nil
	}
	if p.freed {
		w.report(rules.RuleBadHandle, "%s: %s is %s, which was freed", ddi, param, p.describe())
		return nil
	}
	return p
}

// fromPool records list n, which ddi allocated from pool p (nil: NDIS's
// internal pool), with a context area of contextSize bytes after
// contextBackFill bytes of backfill, and the pool's protocol identifier
// in NetBufferListInfo.
func (w *world) fromPool(ddi string, p *nblPool, n *ndis.NetBufferList, contextSize, contextBackFill uint16) {
	if contextSize > 0 {
		n.Context = newContext(contextSize, contextBackFill, nil)
	}
	r := w.nblOf(n)
	r.allocatedBy = ddi
	if p != nil {
		n.NdisPoolHandle = p
		n.NetBufferListInfo[ndis.NetBufferListProtocolId] = p.params.ProtocolId
		p.lists = append(p.lists, n)
		r.pool = p
	}
}

// FreeNetBufferList runs NdisFreeNetBufferList in the simulated NDIS.
func (w *world) FreeNetBufferList(netBufferList *ndis.NetBufferList) {
	defer w.st.EnterDDI("NdisFreeNetBufferList", args(nblArg(netBufferList)))()
	const ddi = "NdisFreeNetBufferList"
	w.freeList(ddi, "NetBufferList", netBufferList, "")
}

// freeList frees list l for ddi: l must not be freed already, must be at
// rest with the caller, and must come from allocate (a clone, a fragment,
// a reassembled list), or, with allocate "", not from one of those (they
// have their own free DDIs).
func (w *world) freeList(ddi, param string, l *ndis.NetBufferList, allocate string) bool {
	if !w.needPtr(ddi, param, l == nil) {
		return false
	}
	r := w.nblOf(l)
	switch {
	case r.freed:
		w.report(rules.RuleNblNotOwned, "%s: the NET_BUFFER_LIST was freed already", ddi)
	case !r.atRest():
		w.report(rules.RuleNblNotOwned, "%s: the NET_BUFFER_LIST is not the caller's to free: %s", ddi, r.whereabouts())
	case allocate != r.allocatedBy && (allocate != "" || derivedBy[r.allocatedBy] != ""):
		want := allocate
		if want == "" {
			want = derivedBy[r.allocatedBy]
		}
		w.report(rules.RuleBadParameter, "%s: %s was allocated by %s; it is freed with %s", ddi, param, orUnknown(r.allocatedBy), want)
	default:
		r.freed = true
		return true
	}
	return false
}

// finish6 reports, at the end of the run, the NET_BUFFER_LISTs a filter
// module or a binding still holds that NDIS gave it: sends a filter module
// neither passed on nor completed, receive indications it or a protocol
// neither passed on nor returned (nbl-held-at-end). Lists the miniport
// still holds were reported by the timed rules when the end of the run
// drained the clock.
func (w *world) finish6() {
	for _, a := range w.six().adapters {
		var layers []layer
		for _, m := range a.filters {
			layers = append(layers, m)
		}
		for _, o := range a.base.opens {
			if b := w.six().bindings[o]; b != nil {
				layers = append(layers, b)
			}
		}
		for _, l := range layers {
			sends, recvs := 0, 0
			for _, n := range w.six().order {
				r := w.six().nbls[n]
				if !r.holds(l) {
					continue
				}
				if len(r.recvPath) > 0 {
					recvs++
				} else if len(r.sendPath) > 0 {
					sends++
				}
			}
			if sends+recvs > 0 {
				w.report(rules.RuleNblHeldAtEnd, "%s still holds %d sent and %d received NET_BUFFER_LIST(s) NDIS gave it at the end of the run: a driver completes every send it is given (or passes it on) and returns every receive indication", l.who(), sends, recvs)
			}
		}
	}
}
