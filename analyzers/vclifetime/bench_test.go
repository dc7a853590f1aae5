package vclifetime_test

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
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
