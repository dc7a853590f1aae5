package typestate_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/typestate"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, typestate.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of 10 and then 50 drivers,
// each a copy of examples/client and examples/callmanager
// (benchkit.ExampleDrivers): pass-ns/line stays flat when the pass is
// linear in the number of drivers.
func BenchmarkGenerated(b *testing.B) {
	benchkit.Generated(b, typestate.Analyzer, benchkit.ExampleDrivers(b))
}

// BenchmarkFunctionSize runs the pass over one driver whose
// ProtocolClCloseAfComplete is one generated function of about 2.5k, 5k, 10k
// and 20k lines. Besides ns/op (the whole checker run) it reports ns/line:
// the time of this pass's own work on the generated package per line of the
// function, which stays flat as the function grows when the pass is linear
// (the SSA form is built by a prerequisite first, so it is not counted).
func BenchmarkFunctionSize(b *testing.B) {
	for _, lines := range []int{2500, 5000, 10000, 20000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			src, n := bigDriver(lines)
			pkgs := benchkit.Load(b, benchkit.Module(b, 1, map[string]string{"PKG/driver.go": src}), "./...")
			b.ReportAllocs()
			b.ResetTimer()
			var own time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				own += runOnce(b, pkgs)
			}
			b.ReportMetric(float64(own.Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}

// buildSSA builds a package's SSA form through the front end, so that the
// pass finds it built.
var buildSSA = &analysis.Analyzer{
	Name:     "buildssafirst",
	Doc:      "builds the SSA form the front end gives the passes",
	Requires: []*analysis.Analyzer{ndisfacts.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		if front := ndisfacts.Of(pass); front.Analysed {
			front.SSA()
		}
		return nil, nil
	},
}

// measured is the pass with buildSSA among its prerequisites.
var measured = &analysis.Analyzer{
	Name:      typestate.Analyzer.Name,
	Doc:       typestate.Analyzer.Doc,
	Requires:  append([]*analysis.Analyzer{buildSSA}, typestate.Analyzer.Requires...),
	Run:       typestate.Analyzer.Run,
	FactTypes: typestate.Analyzer.FactTypes,
}

// runOnce runs the checker with the pass over pkgs and returns the time the
// pass itself took on them (not on their dependencies).
func runOnce(b *testing.B, pkgs []*packages.Package) time.Duration {
	g, err := checker.Analyze([]*analysis.Analyzer{measured}, pkgs, &checker.Options{Sequential: true})
	if err != nil {
		b.Fatal(err)
	}
	var own time.Duration
	for act := range g.All() {
		if act.Err != nil {
			b.Fatal(act.Err)
		}
		for _, p := range pkgs {
			if act.Package == p && act.Analyzer == measured {
				own += act.Duration
			}
		}
	}
	return own
}

// bigDriver returns a client whose ProtocolClCloseAfComplete has about
// lines lines, made of units that each touch the handles the way handlers
// do (a status branch, an OID request on the AF, a SAP deregistered, a VC
// created, called on and deleted, a loop, a helper), and the number of
// lines of that function.
func bigDriver(lines int) (string, int) {
	var body strings.Builder
	n := 0
	for i := 0; n < lines; i++ {
		unit := fmt.Sprintf(bigUnits[i%len(bigUnits)], i)
		body.WriteString(unit)
		n += strings.Count(unit, "\n")
	}
	return strings.Replace(bigTemplate, "BODY\n", body.String(), 1), n
}

const bigTemplate = `package PKG

import "github.com/ndislint/ndislint/ndis"

type af struct {
	binding      ndis.Handle
	ndisAfHandle ndis.Handle
	req          ndis.OidRequest
	saps         []*sap
	n            int
}

type sap struct{ ndisSapHandle ndis.Handle }

type vc struct{ ndisVcHandle ndis.Handle }

func clOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	protocolAfContext.(*af).ndisAfHandle = ndisAfHandle
}

func query(a *af) {
	ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req)
}

func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
BODY
}

var handlers = ndis.CoClientOptionalHandlers{
	ClOpenAfCompleteHandlerEx: clOpenAfComplete,
	ClCloseAfCompleteHandler:  clCloseAfComplete,
}
`

// bigUnits are the units of the generated function; %[1]d numbers them.
var bigUnits = []string{
	`	if status != ndis.StatusSuccess && a.n == %[1]d {
		ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req)
	}
`,
	`	if a.n > %[1]d {
		for _, s := range a.saps {
			ndis.ClDeregisterSap(s.ndisSapHandle)
		}
	}
`,
	`	if v%[1]d := (&vc{}); status != ndis.StatusSuccess && ndis.CoCreateVc(a.binding, a.ndisAfHandle, v%[1]d, &v%[1]d.ndisVcHandle) == ndis.StatusSuccess {
		ndis.ClMakeCall(v%[1]d.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil)
		ndis.CoDeleteVc(v%[1]d.ndisVcHandle)
	}
`,
	`	if status != ndis.StatusSuccess {
		query(a)
	}
	a.n += %[1]d
`,
	`	switch a.n {
	case %[1]d:
		a.n--
	default:
		a.n++
	}
`,
}
