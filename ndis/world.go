package ndis

import (
	"github.com/ndislint/ndislint/internal/kernel"
)

// worldKey is where the simulated NDIS keeps its tables in kernel.State.Objects.
const worldKey = "ndis.world"

// world is the simulated NDIS of one run: the drivers, adapters, bindings,
// address families, SAPs, VCs and parties it knows, and the requests in
// flight. kernel.Reset starts a new one.
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
	oids      map[*OidRequest]*oidRecord
	sends     map[*NetBufferList]*sendRecord
	running   []driverRef
	told      map[string]bool
}

// theWorld returns the simulated NDIS of the current run, creating it on
// first use.
func theWorld() *world {
	s := kernel.Current()
	if w, ok := s.Objects[worldKey].(*world); ok && w.st == s {
		return w
	}
	w := &world{
		st:        s,
		counters:  map[string]int{},
		inflight:  map[reqKey]*inflight{},
		completed: map[reqKey]bool{},
		oids:      map[*OidRequest]*oidRecord{},
		sends:     map[*NetBufferList]*sendRecord{},
		told:      map[string]bool{},
	}
	s.Objects[worldKey] = w
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
