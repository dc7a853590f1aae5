package roles_test

import (
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

const driverTemplate = `package PKG

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	multipoint   bool
}

type party struct{ closed bool }

type client struct{ vcs int }

var theClient = &client{}

//ndis:role PROTOCOL_CO_CREATE_VC
func (c *client) createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	c.vcs++
	return status(protocolAfContext)
}

func status(h ndis.Handle) ndis.Status {
	if h == nil {
		return ndis.StatusResources
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CO_DELETE_VC
func (c *client) deleteVc(protocolVcContext ndis.Handle) ndis.Status {
	c.vcs--
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if v.multipoint {
		protocolPartyContext.(*party).closed = true
	}
}

//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {}

//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	if callParameters == nil {
		return ndis.StatusInvalidData
	}
	return ndis.StatusPending
}

//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{
		ClCreateVcHandler:              theClient.createVc,
		ClDeleteVcHandler:              theClient.deleteVc,
		ClCloseCallCompleteHandler:     clCloseCallComplete,
		ClCloseAfCompleteHandler:       clCloseAfComplete,
		ClDeregisterSapCompleteHandler: clDeregisterSapComplete,
		ClIncomingCallHandler:          clIncomingCall,
	})
}
`
