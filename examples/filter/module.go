package filter

import (
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// moduleState is the filter module's state in NDIS's filter module state
// machine (filter-module-states-and-operations).
type moduleState int

// The states the driver tracks.
const (
	// statePaused: after FilterAttach and after a pause completes.
	statePaused moduleState = iota
	// stateRunning: after FilterRestart.
	stateRunning
	// statePausing: FilterPause returned NDIS_STATUS_PENDING; sends or
	// receives the module passed on are still outstanding.
	statePausing
)

// String names the state as the pages do.
func (s moduleState) String() string {
	switch s {
	case statePaused:
		return "Paused"
	case stateRunning:
		return "Running"
	case statePausing:
		return "Pausing"
	}
	return "unknown"
}

// Stats are the module's counters.
type Stats struct {
	// SendsPassed counts lists passed down; SendsRefused lists completed
	// with NDIS_STATUS_PAUSED.
	SendsPassed, SendsRefused uint64
	// ReceivesPassed counts lists passed up; ReceivesResources those that
	// came with NDIS_RECEIVE_FLAGS_RESOURCES; ReceivesRefused those
	// returned or dropped because the module was not running.
	ReceivesPassed, ReceivesResources, ReceivesRefused uint64
	// Pauses counts pauses; PausesPended those completed with
	// NdisFPauseComplete.
	Pauses, PausesPended int
	// OidsForwarded counts OID requests forwarded with a clone.
	OidsForwarded int
}

// Module is the filter module context (the FilterModuleContext NDIS passes
// to every FilterXxx function of the module), allocated with
// NdisAllocateMemoryWithTagPriority in FilterAttach.
type Module struct {
	mem              []byte
	driver           *Driver
	ndisFilterHandle ndis.Handle
	ifIndex          uint32
	miniportIfIndex  uint32

	// lock protects everything below.
	lock  ndis.SpinLock
	state moduleState
	// sendsOutstanding counts the lists passed down and not completed;
	// receivesOutstanding the lists indicated up and not returned.
	sendsOutstanding, receivesOutstanding int
	// clones maps each forwarded OID request's clone to it.
	clones map[*ndis.OidRequest]*oidClone
	stats  Stats
}

// fAttach attaches a filter module to a miniport adapter's stack
// (FilterAttach): it allocates the module context and gives it to NDIS
// with NdisFSetAttributes (attaching-a-filter-module). The module is then
// Paused.
//
//ndis:role FILTER_ATTACH
func fAttach(ndisFilterHandle ndis.Handle, filterDriverContext ndis.Handle, attachParameters *ndis.FilterAttachParameters) ndis.Status {
	d := filterDriverContext.(*Driver)
	if attachParameters.MiniportMediaType != ndis.Medium802_3 {
		// The filter binds only to Ethernet (its INF's FilterMediaTypes).
		return ndis.StatusFailure
	}
	m := &Module{
		driver:           d,
		ndisFilterHandle: ndisFilterHandle,
		ifIndex:          attachParameters.IfIndex,
		miniportIfIndex:  attachParameters.BaseMiniportIfIndex,
		clones:           make(map[*ndis.OidRequest]*oidClone),
	}
	m.mem = ndis.AllocateMemoryWithTagPriority(ndisFilterHandle, uint32(unsafe.Sizeof(*m)), lwfTag, ndis.NormalPoolPriority)
	if m.mem == nil {
		return ndis.StatusResources
	}
	ndis.AllocateSpinLock(&m.lock)
	attributes := ndis.FilterAttributes{
		Header: ndis.ObjectHeader{
			Type:     ndisObjectTypeFilterAttributes,
			Revision: ndisFilterAttributesRevision1,
		},
	}
	if st := ndis.FSetAttributes(ndisFilterHandle, m, &attributes); st != ndis.StatusSuccess {
		m.free()
		return ndis.StatusFailure
	}
	m.state = statePaused
	ndis.AcquireSpinLock(&d.lock)
	d.modules = append(d.modules, m)
	ndis.ReleaseSpinLock(&d.lock)
	return ndis.StatusSuccess
}

// free releases the module context.
func (m *Module) free() {
	ndis.FreeSpinLock(&m.lock)
	ndis.FreeMemory(m.mem, uint32(len(m.mem)), 0)
	m.mem = nil
}

// fDetach releases the module (FilterDetach). NDIS detaches a paused module
// with no request outstanding (detaching-a-filter-module).
//
//ndis:role FILTER_DETACH
func fDetach(filterModuleContext ndis.Handle) {
	m := filterModuleContext.(*Module)
	d := m.driver
	ndis.AcquireSpinLock(&d.lock)
	for i, x := range d.modules {
		if x == m {
			d.modules = append(d.modules[:i], d.modules[i+1:]...)
			break
		}
	}
	ndis.ReleaseSpinLock(&d.lock)
	m.free()
}

// fRestart starts the data flow through the module (FilterRestart).
//
//ndis:role FILTER_RESTART
func fRestart(filterModuleContext ndis.Handle, restartParameters *ndis.FilterRestartParameters) ndis.Status {
	m := filterModuleContext.(*Module)
	ndis.AcquireSpinLock(&m.lock)
	m.state = stateRunning
	ndis.ReleaseSpinLock(&m.lock)
	return ndis.StatusSuccess
}

// fPause stops the data flow through the module (FilterPause). New sends
// are completed and new receives returned at once from now on; if sends
// the module passed down have not completed or receives it passed up have
// not come back, the pause pends, and the completion path that sees the
// last one calls NdisFPauseComplete (pausing-a-filter-module).
//
//ndis:role FILTER_PAUSE
func fPause(filterModuleContext ndis.Handle, pauseParameters *ndis.FilterPauseParameters) ndis.Status {
	m := filterModuleContext.(*Module)
	ndis.AcquireSpinLock(&m.lock)
	m.stats.Pauses++
	m.state = statePausing
	done := m.pauseDoneLocked()
	if !done {
		m.stats.PausesPended++
	}
	ndis.ReleaseSpinLock(&m.lock)
	if done {
		return ndis.StatusSuccess
	}
	return ndis.StatusPending
}

// pauseDoneLocked moves a Pausing module to Paused once nothing is
// outstanding, and says whether it did. The caller holds m.lock.
func (m *Module) pauseDoneLocked() bool {
	if m.state != statePausing || m.sendsOutstanding != 0 || m.receivesOutstanding != 0 {
		return false
	}
	m.state = statePaused
	return true
}

// fStatus passes a status indication up (FilterStatus) unchanged.
//
//ndis:role FILTER_STATUS
func fStatus(filterModuleContext ndis.Handle, statusIndication *ndis.StatusIndication) {
	m := filterModuleContext.(*Module)
	ndis.FIndicateStatus(m.ndisFilterHandle, statusIndication)
}

// State returns the module's state as the pages name it: "Paused",
// "Running" or "Pausing".
func (m *Module) State() string {
	ndis.AcquireSpinLock(&m.lock)
	s := m.state.String()
	ndis.ReleaseSpinLock(&m.lock)
	return s
}

// Stats returns a copy of the module's counters.
func (m *Module) Stats() Stats {
	ndis.AcquireSpinLock(&m.lock)
	s := m.stats
	ndis.ReleaseSpinLock(&m.lock)
	return s
}
