package client_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// q2931 is the address family the call managers register and the client
// opens.
var q2931 = ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3, MinorVersion: 1}

// sapAddr is the address of the SAP the client registers.
var sapAddr = []byte("sap0")

// config returns the client's configuration with the given answer policy.
func config(answer client.AnswerPolicy) client.Config {
	return client.Config{
		Name:          "exclient",
		AddressFamily: q2931,
		Sap:           &ndis.CoSap{SapType: 1, SapLength: uint32(len(sapAddr)), Sap: sapAddr},
		Answer:        answer,
	}
}

// params returns fresh call parameters.
func params() *ndis.CoCallParameters {
	return &ndis.CoCallParameters{
		CallMgrParameters: &ndis.CoCallManagerParameters{},
		MediaParameters:   &ndis.CoMediaParameters{},
	}
}

// load runs the client's DriverEntry under the harness.
func load(t *testing.T, sys *ndistest.System, cfg client.Config) *client.Client {
	t.Helper()
	var c *client.Client
	sys.Load(func() ndis.Status {
		var st ndis.Status
		c, st = client.DriverEntry(cfg)
		return st
	})
	if c == nil {
		t.Fatal("the client did not load")
	}
	return c
}

// scripted builds a system with one adapter, the harness's scripted call
// manager and the client, bound, with the AF open.
func scripted(t *testing.T, script ndistest.CMScript, cfg client.Config, opts ...ndistest.Option) (*ndistest.System, *ndistest.Adapter, *ndistest.CallManager, *client.Client) {
	t.Helper()
	sys := ndistest.New(t, opts...)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, script)
	c := load(t, sys, cfg)
	sys.Bind()
	return sys, ad, cm, c
}

// clientTag is the client's pool tag ('ExCl').
const clientTag uint32 = 'l'<<24 | 'C'<<16 | 'x'<<8 | 'E'

// unload unloads the client, checks that it freed every context it
// allocated, and returns its final counters.
func unload(t *testing.T, sys *ndistest.System, c *client.Client) client.Stats {
	t.Helper()
	s := c.Unload()
	sys.Run()
	for _, a := range sys.OutstandingAllocations() {
		if a.Tag == clientTag {
			t.Errorf("the client leaked %s", a)
		}
	}
	if s.Bindings != 0 {
		t.Errorf("the client still has %d bindings after Unload", s.Bindings)
	}
	return s
}

// only returns the client's single call, failing the test when it does not
// have exactly one.
func only(t *testing.T, c *client.Client) *client.Call {
	t.Helper()
	calls := c.Calls()
	if len(calls) != 1 {
		t.Fatalf("the client has %d VCs, want 1", len(calls))
	}
	return calls[0]
}

// clientVc returns the VC the client created as the call manager sees it.
func clientVc(t *testing.T, cm *ndistest.CallManager) *ndistest.VC {
	t.Helper()
	for _, v := range cm.VCs() {
		if !v.CreatedByCallManager() {
			return v
		}
	}
	t.Fatal("the call manager knows no VC created by the client")
	return nil
}

// completions are the ways the scripted call manager answers, by name.
var completions = []struct {
	name string
	act  ndistest.Action
	// want is what the client's request returns.
	want ndis.Status
}{
	{"sync", ndistest.Sync, ndis.StatusSuccess},
	{"pended", ndistest.Pend, ndis.StatusPending},
	{"nested", ndistest.Nested, ndis.StatusPending},
}
