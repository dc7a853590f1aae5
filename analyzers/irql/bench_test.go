package irql_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/irql"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	bench(b, load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of many generated drivers,
// each with handlers, lock wrappers and helpers in a shared package,
// contracts, raises and KeGetCurrentIrql tests, and one deliberate finding
// (a PASSIVE_LEVEL wait reached from ProtocolClCloseCallComplete).
func BenchmarkGenerated(b *testing.B) {
	for _, n := range []int{10, 50} {
		b.Run(fmt.Sprintf("drivers=%d", n), func(b *testing.B) {
			bench(b, load(b, generate(b, n), "./..."))
		})
	}
}

// bench runs the analyzer over pkgs b.N times.
func bench(b *testing.B, pkgs []*packages.Package) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, err := checker.Analyze([]*analysis.Analyzer{irql.Analyzer}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		for act := range g.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
		}
	}
}

// load loads patterns in dir with everything the checker needs.
func load(b *testing.B, dir string, patterns ...string) []*packages.Package {
	b.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages do not load")
	}
	if len(pkgs) == 0 {
		b.Skip("no packages match " + strings.Join(patterns, " "))
	}
	return pkgs
}

// generate writes a module with a shared helper package and n driver
// packages, and returns its directory.
func generate(b *testing.B, n int) string {
	b.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	sum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
	write(b, filepath.Join(dir, "go.mod"), "module example.com/gen\n\ngo 1.26\n\nrequire github.com/ndislint/ndislint v0.0.0\n\nreplace github.com/ndislint/ndislint => "+root+"\n")
	write(b, filepath.Join(dir, "go.sum"), string(sum))
	write(b, filepath.Join(dir, "shared", "shared.go"), sharedTemplate)
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("drv%03d", i)
		write(b, filepath.Join(dir, name, "driver.go"), strings.ReplaceAll(driverTemplate, "PKG", name))
	}
	return dir
}

func write(b *testing.B, path, data string) {
	b.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		b.Fatal(err)
	}
}

const sharedTemplate = `package shared

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// Guard is a counter under a lock.
type Guard struct {
	Lock ndis.SpinLock
	N    int
}

// Enter takes the lock.
//
//ndis:irql raises=DISPATCH_LEVEL
func (g *Guard) Enter() { ndis.AcquireSpinLock(&g.Lock) }

// Leave releases it.
//
//ndis:irql restores=g
func (g *Guard) Leave() { ndis.ReleaseSpinLock(&g.Lock) }

// Backoff sleeps when it may.
func Backoff() {
	if wdm.KeGetCurrentIrql() == wdm.PassiveLevel {
		ndis.MSleep(10)
	}
}

// Settle waits.
func Settle(e *ndis.Event) { ndis.WaitEvent(e, 0) }
`

const driverTemplate = `package PKG

import (
	"example.com/gen/shared"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type vc struct {
	g       shared.Guard
	lock    ndis.SpinLock
	event   ndis.Event
	closing bool
	refs    int
}

func (v *vc) deref() bool {
	ndis.AcquireSpinLock(&v.lock)
	defer ndis.ReleaseSpinLock(&v.lock)
	v.refs--
	return v.refs == 0
}

func bump(v *vc) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	ndis.DprAcquireSpinLock(&v.lock)
	v.refs++
	ndis.DprReleaseSpinLock(&v.lock)
	wdm.KeLowerIrql(old)
}

func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	v.g.Enter()
	v.g.N++
	v.g.Leave()
	bump(v)
	shared.Backoff()
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	if v.closing {
		ndis.ReleaseSpinLock(&v.lock)
		return
	}
	v.closing = true
	ndis.ReleaseSpinLock(&v.lock)
	if v.deref() {
		shared.Settle(&v.event)
	}
}

func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	v := protocolAfContext.(*vc)
	shared.Settle(&v.event)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCallConnectedHandler:     clCallConnected,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClOpenAfCompleteHandlerEx:  clOpenAfCompleteEx,
}
`
