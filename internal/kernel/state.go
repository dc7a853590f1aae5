package kernel

import (
	"fmt"
	"strings"
	"sync"

	"github.com/ndislint/ndislint/rules"
)

// TraceDepth is how many trace lines a violation carries.
const TraceDepth = 24

// State is one simulation run: processor, queue, clock and verifier.
type State struct {
	irql       uint8
	held       []*LockState
	trace      []string
	depth      int
	violations []Violation
	queue      []*Event
	seq        uint64
	now        int64 // virtual time, in 100ns units like LARGE_INTEGER times
	pending    map[any]*Pending
	pendOrder  []any
	cat        *rules.Catalogue  // the run's catalogue; nil: rules.Default, loaded on first use
	catTold    bool              // the default catalogue's load error was reported
	attach     func(*State) any  // WithNDIS's constructor, run once the options are applied
	ndis       any               // the simulated NDIS of the run (WithNDIS); nil without one
	local      map[string]any    // the kernel's other per-run tables, by key
	roles      []string          // the roles whose handlers run, innermost last (Callback)
	owed       [][]owedCompanion // per running handler (as roles): failed calls whose companion it owes (NullOut)
	nulls      []ParamNull       // per running handler (as roles): which of its parameters are NULL (CallbackWith)
	called     []map[string]bool // per running handler (as roles): the earlier DDIs of orders it called (noteCalled)
}

var (
	mu  sync.Mutex
	cur = newState()
)

func newState() *State {
	return &State{pending: map[any]*Pending{}, local: map[string]any{}}
}

// Option configures the State Reset installs.
type Option func(*State)

// WithCatalogue makes the run read c instead of the embedded catalogue
// (rules.Default): the IRQL requirements and effects of DDIs, the levels of
// roles, and everything the simulated NDIS takes from the catalogue. A nil c
// keeps the embedded one. The catalogue belongs to the run, so tests that
// use different catalogues do not share any mutable state.
func WithCatalogue(c *rules.Catalogue) Option {
	return func(s *State) { s.cat = c }
}

// WithNDIS gives the run a simulated NDIS: once the other options are
// applied, Reset calls attach with the new State and keeps what it returns,
// which NDIS returns. The kernel does not look inside it: it is the
// simulator of internal/ndissim (ndissim.Attach), to which package ndis
// forwards every DDI. A run without one runs the kernel routines of package
// wdm only.
func WithNDIS(attach func(*State) any) Option {
	return func(s *State) { s.attach = attach }
}

// Reset installs a fresh State, configured by opts, and returns it.
func Reset(opts ...Option) *State {
	s := newState()
	for _, o := range opts {
		o(s)
	}
	if s.attach != nil {
		s.ndis = s.attach(s)
		s.attach = nil
	}
	mu.Lock()
	defer mu.Unlock()
	cur = s
	return cur
}

// Current returns the current State.
func Current() *State {
	mu.Lock()
	defer mu.Unlock()
	return cur
}

// NDIS returns the simulated NDIS of the run (see WithNDIS), nil if it has
// none.
func (s *State) NDIS() any { return s.ndis }

// Irql returns the current IRQL.
func (s *State) Irql() uint8 { return s.irql }

// SetIrql sets the current IRQL (used by KeRaiseIrql, KeLowerIrql and
// callback dispatch).
func (s *State) SetIrql(l uint8) { s.irql = l }

// Tracef appends a line to the trace, indented by the call depth.
func (s *State) Tracef(format string, args ...any) {
	line := strings.Repeat("  ", s.depth) + fmt.Sprintf(format, args...)
	s.trace = append(s.trace, line)
	if len(s.trace) > 4*TraceDepth {
		s.trace = append([]string(nil), s.trace[len(s.trace)-TraceDepth:]...)
	}
}

// Push and Pop bracket a nested DDI call or callback in the trace.
func (s *State) Push() { s.depth++ }

// Pop ends what Push began.
func (s *State) Pop() {
	if s.depth > 0 {
		s.depth--
	}
}

// Trace returns the last TraceDepth trace lines.
func (s *State) Trace() []string {
	t := s.trace
	if len(t) > TraceDepth {
		t = t[len(t)-TraceDepth:]
	}
	return append([]string(nil), t...)
}
