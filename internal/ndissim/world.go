package ndissim

import (
	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// world is the simulated NDIS of one run: the drivers, adapters, bindings,
// address families, SAPs, VCs and parties it knows, and the requests in
// flight. Attach creates it for a run.
type world struct {
	st        *kernel.State
	protocols []*protocolBlock
	miniports []*miniportDriverBlock
	adapters  []*adapterBlock
	regAfs    []*regAf
	afs       []*afBlock
	vcs       []*vcBlock
	counters  map[string]int
	inflight  map[reqKey]*inflight
	completed map[reqKey]bool
	oids      map[*ndis.OidRequest]*oidRecord
	sends     map[*ndis.NetBufferList]*sendRecord
	running   []driverRef
	told      map[string]bool
	// adverts are the address families NDIS told clients of
	// (PROTOCOL_CO_AF_REGISTER_NOTIFY), each in its af lifetime until the
	// client opens it; an open starts from a copy.
	adverts map[advert]*life

	// The kernel services' objects.
	memory    memoryTable                                  // NdisAllocateMemoryWithTagPriority's blocks
	workItems []*ioWorkItemObject                          // NdisAllocateIoWorkItem's, in allocation order
	timers    []*timerObject                               // NdisAllocateTimerObject's, in allocation order
	spinLocks map[*kernel.LockState]bool                   // the NDIS spin locks NdisAllocateSpinLock initialized
	errorLog  []ErrorLogEntry                              // NdisWriteErrorLogEntry's records
	resources resourceTable                                // NDIS 6 miniport resources, configuration handles, generic objects, NET_BUFFERs
	mp6x      miniport6Extras                              // NDIS 6 miniport selective suspend, bus data, DPCs, ports and SG lists (miniport6_*.go)
	ifx       ifRegistry                                   // NDIS network interface providers, NET_LUID indexes, interfaces and the stack table (ifprov_*.go)
	imx       imRegistry                                   // NDIS 6 intermediate drivers: associations and virtual miniports (im6_*.go)
	misc      miscState                                    // the general-purpose DDIs' objects (misc_*.go)
	lookaside map[*ndis.NpagedLookasideList]*lookasideList // the lists NdisInitializeNPagedLookasideList initialized
}

// Attach creates the simulated NDIS of the run s: the kernel.Option
// kernel.WithNDIS(Attach) gives a run its NDIS, to which package ndis
// forwards every DDI. ndistest.New does that.
func Attach(s *kernel.State) any { return newWorld(s) }

// newWorld returns an empty simulated NDIS on s.
func newWorld(s *kernel.State) *world {
	return &world{
		st:        s,
		counters:  map[string]int{},
		inflight:  map[reqKey]*inflight{},
		completed: map[reqKey]bool{},
		oids:      map[*ndis.OidRequest]*oidRecord{},
		sends:     map[*ndis.NetBufferList]*sendRecord{},
		told:      map[string]bool{},
		adverts:   map[advert]*life{},
		memory:    memoryTable{live: map[*byte]*Allocation{}, freed: map[*byte]*Allocation{}},
		spinLocks: map[*kernel.LockState]bool{},
	}
}

// advert is one address family a call manager registered, as one binding
// of a client learns of it.
type advert struct {
	open *openBlock
	reg  *regAf
}

// advertOf returns the life of the address family reg as binding o's
// client knows it: in the lifetime's initial state until NDIS tells the
// client of it.
func (w *world) advertOf(o *openBlock, reg *regAf) *life {
	k := advert{o, reg}
	if w.adverts[k] == nil {
		w.adverts[k] = w.newLife(rules.ObjectAf)
	}
	return w.adverts[k]
}

// of returns the simulated NDIS of run s, nil if it has none.
func of(s *kernel.State) *world {
	w, _ := s.NDIS().(*world)
	return w
}

// next returns the next number of a kind of object (vc, af, sap, party),
// starting at 1, so reports name objects stably across runs.
func (w *world) next(kind string) int {
	w.counters[kind]++
	return w.counters[kind]
}

// once reports whether key is seen for the first time, for reports that
// should be made only once per run.
func (w *world) once(key string) bool {
	if w.told[key] {
		return false
	}
	w.told[key] = true
	return true
}
