package vclifetime_test

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/vclifetime"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, vclifetime.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of many generated drivers,
// each a client with both kinds of VC, an owner flag, helpers and handlers.
func BenchmarkGenerated(b *testing.B) {
	benchkit.Generated(b, vclifetime.Analyzer, map[string]string{"PKG/driver.go": driverTemplate})
}

const driverTemplate = `package PKG

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	lock         ndis.SpinLock
	ndisVcHandle ndis.Handle
	createdByCM  bool
	refs         int
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true, refs: 1}
	return ndis.StatusSuccess
}

func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

func dial(binding, af ndis.Handle) *vc {
	v := &vc{refs: 1}
	if ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return nil
	}
	if st := ndis.ClMakeCall(v.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil); st != ndis.StatusPending {
		clMakeCallComplete(st, v, nil, nil)
	}
	return v
}

func deref(v *vc) {
	ndis.AcquireSpinLock(&v.lock)
	v.refs--
	last := v.refs == 0
	ndis.ReleaseSpinLock(&v.lock)
	if last && !v.createdByCM {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

func hangup(v *vc) {
	if st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0); st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
}

func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	if status != ndis.StatusSuccess {
		deref(protocolVcContext.(*vc))
	}
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		deref(v)
	}
}

func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	hangup(protocolVcContext.(*vc))
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
}

var _ = dial
`

// BenchmarkFunctionSize runs the pass over one driver whose
// ProtocolClIncomingCloseCall is one generated function of about 2.5k, 5k,
// 10k and 20k lines. Besides ns/op (the whole checker run: the runtime
// packages, the prerequisite passes and this one) it reports ns/line: the
// CPU time of this pass's own work on the generated package (the thread's
// CPU time where the platform gives it, else wall time) per line of the
// function, in the fastest of the b.N runs (the one least disturbed by other
// processes on the machine: a longer run is interrupted more often, and each
// interruption costs it the caches). It stays flat as the function grows when
// the pass is linear. ssa-ns/line is the same for building the package's SSA
// form (go/ssa, which the pass builds on first use: here a prerequisite
// builds it first, so that it is measured apart, and collects its garbage,
// so that the pass does not pay for a collection the build made due). Run
// with -benchtime 10x or more and compare runs with benchstat; no test
// asserts timings.
func BenchmarkFunctionSize(b *testing.B) {
	for _, lines := range []int{2500, 5000, 10000, 20000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			src, n := bigDriver(lines)
			pkgs := benchkit.Load(b, benchkit.Module(b, 1, map[string]string{"PKG/driver.go": src}), "./...")
			b.ReportAllocs()
			b.ResetTimer()
			var own, ssa time.Duration
			for i := 0; i < b.N; i++ {
				// Each run starts as a fresh process would, the memory
				// it allocates not yet mapped, whatever its size: after a
				// mere runtime.GC the runtime keeps some freed memory
				// mapped, enough for a small run and not for a large one,
				// so that a large run would also pay for page faults that
				// a small one does not.
				b.StopTimer()
				debug.FreeOSMemory()
				b.StartTimer()
				o, s := runOnce(b, pkgs)
				if i == 0 || o < own {
					own = o
				}
				if i == 0 || s < ssa {
					ssa = s
				}
			}
			b.ReportMetric(float64(own.Nanoseconds())/float64(n), "ns/line")
			b.ReportMetric(float64(ssa.Nanoseconds())/float64(n), "ssa-ns/line")
		})
	}
}

// timed is the time the measured analyzers spent on the generated
// packages in one run.
var timed struct{ own, ssa time.Duration }

// generated reports whether pass analyses a package of the generated module.
func generated(pass *analysis.Pass) bool {
	return strings.HasPrefix(pass.Pkg.Path(), "example.com/gen/")
}

// buildSSA builds a package's SSA form through the front end, so that the
// pass finds it built, then collects the garbage of the build.
var buildSSA = &analysis.Analyzer{
	Name:     "buildssafirst",
	Doc:      "builds the SSA form the front end gives the passes",
	Requires: []*analysis.Analyzer{ndisfacts.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		t0 := cpuTime()
		if front := ndisfacts.Of(pass); front.Analysed {
			front.SSA()
		}
		if generated(pass) {
			timed.ssa += cpuTime() - t0
			// The collection the SSA build's garbage calls for happens
			// here, not in the middle of the measured pass.
			runtime.GC()
		}
		return nil, nil
	},
}

// measured is the pass with buildSSA among its prerequisites: the same run
// function (timed), facts and results.
var measured = &analysis.Analyzer{
	Name:     vclifetime.Analyzer.Name,
	Doc:      vclifetime.Analyzer.Doc,
	Requires: append([]*analysis.Analyzer{buildSSA}, vclifetime.Analyzer.Requires...),
	Run: func(pass *analysis.Pass) (any, error) {
		t0 := cpuTime()
		res, err := vclifetime.Analyzer.Run(pass)
		if generated(pass) {
			timed.own += cpuTime() - t0
		}
		return res, err
	},
	FactTypes: vclifetime.Analyzer.FactTypes,
}

// runOnce runs the checker with the pass over pkgs, one action after the
// other on this goroutine's thread, and returns the time the pass itself
// and the SSA build took on the generated packages.
func runOnce(b *testing.B, pkgs []*packages.Package) (own, ssa time.Duration) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	timed.own, timed.ssa = 0, 0
	g, err := checker.Analyze([]*analysis.Analyzer{measured}, pkgs, &checker.Options{Sequential: true})
	if err != nil {
		b.Fatal(err)
	}
	for act := range g.All() {
		if act.Err != nil {
			b.Fatal(act.Err)
		}
	}
	return timed.own, timed.ssa
}

// bigDriver returns a client whose ProtocolClIncomingCloseCall has about
// lines lines, made of units that each touch the VC the way handlers do
// (a close completed synchronously, a guarded delete through a
// reference-counted helper, an OID request, a send, a make-call), and the
// number of lines of that function.
func bigDriver(lines int) (string, int) {
	var body strings.Builder
	n := 0
	for i := 0; n < lines; i++ {
		unit := fmt.Sprintf(bigUnits[i%len(bigUnits)], i)
		body.WriteString(unit)
		n += strings.Count(unit, "\n")
	}
	return strings.Replace(bigTemplate, "BODY\n", body.String(), 1), n + 3
}

// bigUnits are the generated function's building blocks; %[1]d is the
// unit's number.
var bigUnits = []string{
	`	if v.state == %[1]d {
		st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
		if st != ndis.StatusPending {
			clCloseCallComplete(st, v, nil)
		}
		return
	}
`,
	`	if v.refs == %[1]d && !v.createdByCM {
		deref(v)
	}
	v.count += %[1]d
`,
	`	switch v.state {
	case %[1]d:
		ndis.CoOidRequest(v.binding, nil, v.ndisVcHandle, nil, &v.req)
	case %[1]d + 1:
		ndis.CoSendNetBufferLists(v.ndisVcHandle, nil, 0)
	}
`,
	`	if closeStatus != ndis.StatusSuccess && v.count > %[1]d {
		v.closing = true
	} else if v.closing {
		v.count--
	}
`,
	`	if !v.createdByCM && v.state == %[1]d {
		if st := ndis.ClMakeCall(v.ndisVcHandle, &v.params, nil, nil); st != ndis.StatusPending {
			clMakeCallComplete(st, v, nil, &v.params)
		}
	}
`,
}

const bigTemplate = `package PKG

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	lock         ndis.SpinLock
	ndisVcHandle ndis.Handle
	binding      ndis.Handle
	createdByCM  bool
	closing      bool
	refs, state  int
	count        int
	req          ndis.OidRequest
	params       ndis.CoCallParameters
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true, refs: 1}
	return ndis.StatusSuccess
}

func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

func dial(binding, af ndis.Handle) *vc {
	v := &vc{refs: 1, binding: binding}
	if ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return nil
	}
	if st := ndis.ClMakeCall(v.ndisVcHandle, &v.params, nil, nil); st != ndis.StatusPending {
		clMakeCallComplete(st, v, nil, &v.params)
	}
	return v
}

func deref(v *vc) {
	ndis.AcquireSpinLock(&v.lock)
	v.refs--
	last := v.refs == 0
	ndis.ReleaseSpinLock(&v.lock)
	if last && !v.createdByCM {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	if status != ndis.StatusSuccess {
		deref(protocolVcContext.(*vc))
	}
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		deref(v)
	}
}

func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
BODY
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
}

var _ = dial
`
