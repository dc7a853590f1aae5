package roletypes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/roletypes"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	pkgs := load(b, "../..", "./examples/...")
	bench(b, pkgs)
}

// BenchmarkGenerated runs the pass over a module of many generated drivers,
// each a client with directives, method handlers, a registration,
// status helpers and optional parameters.
func BenchmarkGenerated(b *testing.B) {
	for _, n := range []int{10, 50} {
		b.Run(fmt.Sprintf("drivers=%d", n), func(b *testing.B) {
			dir := generate(b, n)
			bench(b, load(b, dir, "./..."))
		})
	}
}

// bench runs the analyzer over pkgs b.N times.
func bench(b *testing.B, pkgs []*packages.Package) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, err := checker.Analyze([]*analysis.Analyzer{roletypes.Analyzer}, pkgs, nil)
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

// generate writes a module with n driver packages and returns its directory.
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
