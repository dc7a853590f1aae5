package irql_test

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/analyzers/irql"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, irql.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of many generated drivers,
// each with handlers, lock wrappers and helpers in a shared package,
// contracts, raises and KeGetCurrentIrql tests, and one deliberate finding
// (a PASSIVE_LEVEL wait reached from ProtocolClCloseCallComplete).
func BenchmarkGenerated(b *testing.B) {
	benchkit.Generated(b, irql.Analyzer, map[string]string{"shared/shared.go": sharedTemplate, "PKG/driver.go": driverTemplate})
}

// BenchmarkPackageSize runs the pass over one package made of 10 and then 50
// copies of the driver of BenchmarkGenerated, each a file, beside the shared
// package: pass-ns/line stays flat when the pass is linear in a package's
// size.
func BenchmarkPackageSize(b *testing.B) {
	benchkit.PackageSize(b, irql.Analyzer, driverTemplate, map[string]string{"shared/shared.go": sharedTemplate})
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

type vcPKG struct {
	g       shared.Guard
	lock    ndis.SpinLock
	event   ndis.Event
	closing bool
	refs    int
}

func (v *vcPKG) deref() bool {
	ndis.AcquireSpinLock(&v.lock)
	defer ndis.ReleaseSpinLock(&v.lock)
	v.refs--
	return v.refs == 0
}

func bumpPKG(v *vcPKG) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	ndis.DprAcquireSpinLock(&v.lock)
	v.refs++
	ndis.DprReleaseSpinLock(&v.lock)
	wdm.KeLowerIrql(old)
}

func clCallConnectedPKG(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vcPKG)
	v.g.Enter()
	v.g.N++
	v.g.Leave()
	bumpPKG(v)
	shared.Backoff()
}

func clCloseCallCompletePKG(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vcPKG)
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

func clOpenAfCompleteExPKG(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	v := protocolAfContext.(*vcPKG)
	shared.Settle(&v.event)
}

var handlersPKG = ndis.CoClientOptionalHandlers{
	ClCallConnectedHandler:     clCallConnectedPKG,
	ClCloseCallCompleteHandler: clCloseCallCompletePKG,
	ClOpenAfCompleteHandlerEx:  clOpenAfCompleteExPKG,
}
`
