package roles_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/analyzers/roles"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, roles.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of many generated drivers,
// each a client with directives, method handlers, a registration,
// status helpers and optional parameters.
func BenchmarkGenerated(b *testing.B) {
	benchkit.Generated(b, roles.Analyzer, map[string]string{"PKG/driver.go": driverTemplate})
}

// BenchmarkPackageSize runs the pass over one package made of 10 and then 50
// copies of the driver of BenchmarkGenerated, each a file: pass-ns/line
// stays flat when the pass is linear in a package's size.
func BenchmarkPackageSize(b *testing.B) {
	benchkit.PackageSize(b, roles.Analyzer, driverTemplate, nil)
}

// BenchmarkFixes runs the pass over one file of n units, each a function
// stored in a slot with no declared role (role-undeclared, whose fix adds
// the directive) and a handler structure registered without its mandatory
// handlers (role-missing-handler, whose fix generates them): 2n findings
// with fixes in a file of about 25n lines (5k lines at funcs=200).
// pass-ns/line stays flat when the cost of a fix does not grow with the
// size of the file it is in.
func BenchmarkFixes(b *testing.B) {
	benchkit.Sizes(b, roles.Analyzer, "funcs", []int{50, 100, 200, 400}, func(b testing.TB, n int) string {
		return benchkit.Module(b, 1, map[string]string{"fixes/fixes.go": fixesFile(n)})
	})
}

// fixesFile returns a package of n units needing fixes, in one file.
func fixesFile(n int) string {
	var src strings.Builder
	src.WriteString("package fixes\n\nimport \"github.com/ndislint/ndislint/ndis\"\n\ntype af struct{ open bool }\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&src, fixesUnit, i)
	}
	return src.String()
}

// fixesUnit is one unit of fixesFile; %[1]d numbers it.
const fixesUnit = `
// clCloseAfComplete%[1]d closes AF %[1]d.
func clCloseAfComplete%[1]d(status ndis.Status, protocolAfContext ndis.Handle) {
	// The AF is closed: forget it.
	protocolAfContext.(*af).open = false
}

//ndis:role SET_OPTIONS
func setOptions%[1]d(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{
		// Only this one, for now.
		ClCloseAfCompleteHandler: clCloseAfComplete%[1]d,
	})
}
`

const driverTemplate = `package PKG

import "github.com/ndislint/ndislint/ndis"

type vcPKG struct {
	ndisVcHandle ndis.Handle
	multipoint   bool
}

type partyPKG struct{ closed bool }

type clientPKG struct{ vcs int }

var theClientPKG = &clientPKG{}

//ndis:role PROTOCOL_CO_CREATE_VC
func (c *clientPKG) createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vcPKG{ndisVcHandle: ndisVcHandle}
	c.vcs++
	return statusPKG(protocolAfContext)
}

func statusPKG(h ndis.Handle) ndis.Status {
	if h == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CO_DELETE_VC
func (c *clientPKG) deleteVc(protocolVcContext ndis.Handle) ndis.Status {
	c.vcs--
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallCompletePKG(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vcPKG)
	if v.multipoint {
		protocolPartyContext.(*partyPKG).closed = true
	}
}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfCompletePKG(status ndis.Status, protocolAfContext ndis.Handle) {}

func clDeregisterSapCompletePKG(status ndis.Status, protocolSapContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCallPKG(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	if callParameters == nil {
		return ndis.StatusInvalidData
	}
	return ndis.StatusPending
}

//ndis:role SET_OPTIONS
func setOptionsPKG(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{
		ClCreateVcHandler:              theClientPKG.createVc,
		ClDeleteVcHandler:              theClientPKG.deleteVc,
		ClCloseCallCompleteHandler:     clCloseCallCompletePKG,
		ClCloseAfCompleteHandler:       clCloseAfCompletePKG,
		ClDeregisterSapCompleteHandler: clDeregisterSapCompletePKG,
		ClIncomingCallHandler:          clIncomingCallPKG,
	})
}
`
