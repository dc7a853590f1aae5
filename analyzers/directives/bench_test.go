package directives_test

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/directives"
	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, directives.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of many generated drivers,
// each with role, IRQL and pageable directives, suppressions with and
// without reasons, and a few malformed directives and unknown rule IDs.
func BenchmarkGenerated(b *testing.B) {
	benchkit.Generated(b, directives.Analyzer, map[string]string{"PKG/driver.go": driverTemplate})
}

// BenchmarkPackageSize runs the pass over one package made of 10 and then 50
// copies of the driver of BenchmarkGenerated, each a file: pass-ns/line
// stays flat when the pass is linear in a package's size.
func BenchmarkPackageSize(b *testing.B) {
	benchkit.PackageSize(b, directives.Analyzer, driverTemplate, nil)
}

const driverTemplate = `package PKG

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type vcPKG struct {
	lock ndis.SpinLock
	refs int
}

// derefPKG drops a reference.
//
//ndis:irql max=DISPATCH_LEVEL
func derefPKG(v *vcPKG) bool {
	ndis.AcquireSpinLock(&v.lock)
	defer ndis.ReleaseSpinLock(&v.lock)
	v.refs--
	return v.refs == 0
}

// settlePKG waits.
//
//ndis:irql max=PASSIVE_LEVEL
//ndis:pageable
func settlePKG(e *ndis.Event) { ndis.WaitEvent(e, 0) }

// raisePKG raises.
//
//ndis:irql raises=DISPATCH_LEVEL saves=old
func raisePKG(old *wdm.Irql) { wdm.KeRaiseIrql(wdm.DispatchLevel, old) }

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallCompletePKG(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vcPKG)
	//ndislint:ignore irql-above-max the lock is never taken on this path
	derefPKG(v)
	//ndislint:ignore vc-use-after-close,vc-delete-cm-vc the client created this VC
	_ = v
	//ndislint:ignore vc-use-after-clos a typo in the rule ID
	_ = v
	//ndislint:ignore vc-delete-cm-vc
	_ = v
}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfCompletePKG(status ndis.Status, protocolAfContext ndis.Handle) {}

//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVcPKG(protocolVcContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

// ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE
func clDeregisterSapCompletePKG(status ndis.Status, protocolSapContext ndis.Handle) {}

//ndis:rol PROTOCOL_CL_INCOMING_CALL
func clIncomingCallPKG(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusSuccess
}

var handlersPKG = ndis.CoClientOptionalHandlers{
	ClCloseCallCompleteHandler:     clCloseCallCompletePKG,
	ClCloseAfCompleteHandler:       clCloseAfCompletePKG,
	ClDeleteVcHandler:              clDeleteVcPKG,
	ClDeregisterSapCompleteHandler: clDeregisterSapCompletePKG,
	ClIncomingCallHandler:          clIncomingCallPKG,
}
`
