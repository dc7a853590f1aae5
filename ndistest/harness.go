package ndistest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/internal/ndissim"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// serial serializes the tests that use the simulation: there is one
// simulated NDIS per process.
var serial sync.Mutex

// holderMu guards holder, the test whose System holds serial.
var (
	holderMu sync.Mutex
	holder   testing.TB
)

// checkNested fails a test that calls New while it (or its parent test)
// already holds the simulation: waiting for the lock would hang for ever.
func checkNested(t testing.TB) {
	t.Helper()
	holderMu.Lock()
	h := holder
	holderMu.Unlock()
	if h == nil {
		return
	}
	if h == t || t.Name() == h.Name() || strings.HasPrefix(t.Name(), h.Name()+"/") {
		t.Fatalf("ndistest: New called while %s still holds the simulation (one System per test: use a subtest per System, and no System in a parent of those subtests)", h.Name())
	}
}

// RunLimit is how many queued events Run runs before it decides the queue
// will not drain.
const RunLimit = 100000

// System is one simulated machine: NDIS, its adapters and the drivers of
// one test.
type System struct {
	t         testing.TB
	st        *kernel.State
	sim       *ndissim.Sim
	keep      bool
	cat       *rules.Catalogue
	expected  map[string]bool
	miniport  ndis.Handle
	adapters  []*Adapter
	nAdapters int
	cms       []*CallManager
	mp6       *scriptedMiniport    // the scripted NDIS 6 miniport (AddStack)
	nProtos   int                  // scripted NDIS 6 protocols (BindProtocol)
	loaded    int                  // drivers LoadDriver loaded and Unload did not unload
	stacks6   []*Stack             // the NDIS 6 stacks, in creation order
	failAt    []int                // the NdisMAllocateSharedMemory calls that fail (FailSharedMemory)
	setup     []func(*ndissim.Sim) // what options give the simulated NDIS once it exists
}

// Option configures a System.
type Option func(*System)

// KeepViolations makes the System only collect violations: the test
// inspects them with Violations, and Cleanup does not fail the test for
// them.
func KeepViolations() Option { return func(s *System) { s.keep = true } }

// Expect declares violations of the given rules expected: Cleanup fails
// the test if none of a rule was reported and does not fail it for those
// that were.
func Expect(ids ...string) Option {
	return func(s *System) {
		for _, r := range ids {
			s.expected[r] = true
		}
	}
}

// UseCatalogue runs the System with catalogue c instead of the embedded
// one (rules.Default): the verifier then checks IRQL requirements and
// effects, role levels, forbidden statuses, completions and mandatory
// handler slots as c says. It is for testing the catalogue itself (an entry
// added to rules/overlay.json, say) before it is generated; build c with
// rules.Load. A nil c keeps the embedded catalogue.
func UseCatalogue(c *rules.Catalogue) Option { return func(s *System) { s.cat = c } }

// FailSharedMemory makes the nth call of NdisMAllocateSharedMemory in the
// run (1 the first) fail as its page says it can: nothing is allocated and
// VirtualAddress is NULL. A driver's MiniportInitializeEx that returns after
// such a failure without calling NdisWriteErrorLogEntry is reported
// (rules.RuleDDICompanionMissing, as the catalogue's Companions say), and
// Driver.AddAdapter accepts the MiniportInitializeEx that fails then. Give
// the option once per call to fail.
func FailSharedMemory(n int) Option { return func(s *System) { s.failAt = append(s.failAt, n) } }

// ConfigKey is a registry key of the simulated configuration: its values
// (NDIS_CONFIGURATION_PARAMETERs by name) and its subkeys.
type ConfigKey = ndissim.ConfigKey

// ConfigSubKey is one named subkey of a ConfigKey.
type ConfigSubKey = ndissim.ConfigSubKey

// Configuration gives the run's drivers the registry key every
// configuration handle opens (NdisOpenConfigurationEx; its subkeys are
// what NdisOpenConfigurationKeyByIndex and NdisOpenConfigurationKeyByName
// open). NdisReadConfiguration and NdisReadNetworkAddress read its values;
// NdisWriteConfiguration writes to the run's copy, not to root. Without it
// the key is empty.
func Configuration(root *ConfigKey) Option {
	return func(s *System) { s.setup = append(s.setup, func(sim *ndissim.Sim) { sim.SetConfiguration(root) }) }
}

// Files gives the run the files NdisOpenFile opens, by name (a copy of
// each).
func Files(files map[string][]byte) Option {
	return func(s *System) { s.setup = append(s.setup, func(sim *ndissim.Sim) { sim.SetFiles(files) }) }
}

// EventLogEntry is one event NdisWriteEventLogEntry logged.
type EventLogEntry = ndissim.EventLogEntry

// EventLog returns the events the drivers logged with
// NdisWriteEventLogEntry, in order.
func (s *System) EventLog() []EventLogEntry { return s.sim.EventLog() }

// New starts a fresh simulated NDIS for the test (kernel.Reset with the
// simulator of internal/ndissim, to which package ndis forwards every DDI). At Cleanup
// the System drains the event queue, reports requests still pending and
// incoming closes never answered, and fails the test with every violation
// (and the calls that led to it) unless KeepViolations or Expect said
// otherwise. Tests that use ndistest run one at a time.
func New(t testing.TB, opts ...Option) *System {
	t.Helper()
	checkNested(t)
	serial.Lock()
	holderMu.Lock()
	holder = t
	holderMu.Unlock()
	s := &System{t: t, expected: map[string]bool{}}
	for _, o := range opts {
		o(s)
	}
	s.st = kernel.Reset(kernel.WithCatalogue(s.cat), kernel.WithNDIS(ndissim.Attach))
	s.sim = ndissim.Of(s.st)
	for _, n := range s.failAt {
		s.sim.FailSharedMemory(n)
	}
	for _, f := range s.setup {
		f(s.sim)
	}
	t.Cleanup(s.cleanup)
	return s
}

// Finish ends the run now: it drains the event queue and runs the
// end-of-run checks (requests pending and never completed, incoming closes
// and drops never answered), so a test with KeepViolations can inspect
// them. Cleanup calls it; a second call does nothing.
func (s *System) Finish() {
	s.drain()
	s.sim.Finish()
}

// cleanup ends the run and reports.
func (s *System) cleanup() {
	defer func() {
		holderMu.Lock()
		holder = nil
		holderMu.Unlock()
		serial.Unlock()
	}()
	s.Finish()
	if s.keep {
		return
	}
	seen := map[string]bool{}
	for _, v := range s.Violations() {
		if s.expected[v.Rule] {
			seen[v.Rule] = true
			continue
		}
		s.t.Errorf("ndis verifier: %s", v)
	}
	for r := range s.expected {
		if !seen[r] {
			s.t.Errorf("ndistest: expected a %q violation; none was reported", r)
		}
	}
}

// Violation is one break of the NDIS contract the verifier saw: its rule
// ID (a constant of package rules, e.g. rules.RuleVcUseAfterClose), its
// message, and the trace of calls that led to it. It is the verifier's own
// type (an alias, not a copy), so there is one Violation and one format:
// String gives the message, the rule ID in parentheses as every ndislint
// finding ends, and the trace, one call a line.
type Violation = kernel.Violation

// Violations returns what the verifier reported so far.
func (s *System) Violations() []Violation { return s.st.Violations() }

// ViolationsOf returns the violations of one rule.
func (s *System) ViolationsOf(rule string) []Violation {
	var out []Violation
	for _, v := range s.Violations() {
		if v.Rule == rule {
			out = append(out, v)
		}
	}
	return out
}

// Trace returns the last lines of the trace of DDI calls and callbacks.
func (s *System) Trace() []string { return s.st.Trace() }

// VcInfo is what NDIS knows of one VC (System.VcInfo, VC.Info).
type VcInfo = ndissim.VcInfo

// VcInfo reports what NDIS knows of the VC whose handle (either side's) is
// h; false if h is not a VC handle of this run.
func (s *System) VcInfo(h ndis.Handle) (VcInfo, bool) { return s.sim.Vc(h) }

// Describe renders a handle the way traces and violations do ("vc #3",
// "binding of protocol \"client\" on \"atm0\"").
func (s *System) Describe(h ndis.Handle) string { return s.sim.Describe(h) }

// Allocation is one block NdisAllocateMemoryWithTagPriority handed out and
// nobody has freed yet (System.OutstandingAllocations).
type Allocation = ndissim.Allocation

// OutstandingAllocations returns the blocks of the run still allocated, in
// allocation order: the leaks, once the driver has unloaded.
func (s *System) OutstandingAllocations() []Allocation { return s.sim.OutstandingAllocations() }

// Unbind unbinds a protocol driver (its NdisProtocolHandle, as the driver
// received it from NdisRegisterProtocolDriver) from an adapter: NDIS calls
// its ProtocolUnbindAdapterEx at PASSIVE_LEVEL. It returns the handler's
// status, or an error if the protocol is not bound to the adapter.
func (s *System) Unbind(protocol, adapter ndis.Handle) (ndis.Status, error) {
	return s.sim.Unbind(protocol, adapter)
}

// PnPEvent raises a Plug and Play or power event on the binding of a
// protocol driver to an adapter (its ProtocolNetPnPEvent) and returns the
// handler's status, or an error if there is no such binding.
func (s *System) PnPEvent(protocol, adapter ndis.Handle, code ndis.NetPnpEventCode) (ndis.Status, error) {
	return s.sim.PnPEvent(protocol, adapter, code)
}

// GlobalPnPEvent raises an event for all of a protocol driver's bindings
// (NetEventBindList, NetEventBindsComplete or NetEventReconfigure): NDIS
// calls its ProtocolNetPnPEvent with a NULL ProtocolBindingContext. It
// returns the handler's status, or an error for another event code or a
// handle that is not a registered protocol driver's.
func (s *System) GlobalPnPEvent(protocol ndis.Handle, code ndis.NetPnpEventCode) (ndis.Status, error) {
	return s.sim.GlobalPnPEvent(protocol, code)
}

// Run runs the queued events due now (completions delivered later, work
// items, timers that expired), and those they queue for now, until none is
// due; it does not move the virtual clock (Advance does). It returns how
// many ran.
func (s *System) Run() int {
	s.t.Helper()
	n := s.st.RunDue(RunLimit)
	if n == RunLimit {
		s.t.Errorf("ndistest: %d events ran and more are due (does a driver re-queue work for ever?)", RunLimit)
	}
	return n
}

// drain runs every queued event, moving the clock as far as needed, at the
// end of the test (a periodic timer stops it at RunLimit).
func (s *System) drain() {
	s.st.Run(RunLimit)
}

// Advance moves the virtual clock forward by d, running every event due
// until then in order (timers fire, delayed completions arrive).
func (s *System) Advance(d time.Duration) {
	s.t.Helper()
	if d < 0 {
		s.t.Errorf("ndistest: Advance(%v): the clock does not go back", d)
		return
	}
	end := s.st.Now() + int64(d/100)
	for n := 0; n < RunLimit; n++ {
		at, ok := s.st.NextDue()
		if !ok || at > end {
			break
		}
		s.st.Step()
	}
	s.st.Advance(end - s.st.Now())
}

// Load runs a driver's entry point (its DriverEntry, which calls
// ndis.RegisterProtocolDriver) at PASSIVE_LEVEL and fails the test if it
// does not return NDIS_STATUS_SUCCESS.
func (s *System) Load(entry func() ndis.Status) {
	s.t.Helper()
	if entry == nil {
		s.t.Fatalf("ndistest: Load(nil)")
	}
	if st := entry(); st != ndis.StatusSuccess {
		s.t.Errorf("ndistest: the driver's entry point returned %s", st)
	}
}

// Bind binds every registered protocol driver to every adapter it was not
// offered yet (ProtocolBindAdapterEx at PASSIVE_LEVEL; NDIS then tells
// clients of the address families registered on the adapter), and runs the
// queue until idle.
func (s *System) Bind() {
	s.t.Helper()
	if s.nAdapters == 0 {
		s.t.Fatalf("ndistest: Bind with no adapter; call AddAdapter or AddMCM first")
	}
	s.sim.BindAll()
	s.Run()
}

// Unload deregisters every registered protocol driver
// (NdisDeregisterProtocolDriver runs their ProtocolUnbindAdapterEx), runs
// the queue, and reports what the drivers still hold of the kernel services
// (memory, work items, timers).
func (s *System) Unload() {
	s.t.Helper()
	for _, st := range s.stacks6 {
		st.pauseIfRunning() // NDIS pauses an NDIS 6 stack before it unbinds
	}
	for _, p := range s.sim.Protocols() {
		ndis.DeregisterProtocolDriver(p)
	}
	s.Run()
	s.sim.ReportServiceLeaks()
}

// Irql returns the current IRQL of the simulated processor.
func (s *System) Irql() uint8 { return s.st.Irql() }
