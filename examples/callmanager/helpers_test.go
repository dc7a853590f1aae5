package callmanager_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/callmanager"
	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// q2931 is the address family the call manager registers and the client
// opens.
var q2931 = ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3, MinorVersion: 1}

// sapAddr is the address of the SAP the client registers.
var sapAddr = []byte("sap0")

// The pool tags of the two drivers ('ExCm', 'ExCl').
const (
	cmTag     uint32 = 'm'<<24 | 'C'<<16 | 'x'<<8 | 'E'
	clientTag uint32 = 'l'<<24 | 'C'<<16 | 'x'<<8 | 'E'
)

// clientConfig returns the client's configuration.
func clientConfig(answer client.AnswerPolicy) client.Config {
	return client.Config{
		Name:          "exclient",
		AddressFamily: q2931,
		Sap:           &ndis.CoSap{SapType: 1, SapLength: uint32(len(sapAddr)), Sap: sapAddr},
		Answer:        answer,
	}
}

// cmConfig returns the call manager's configuration, every request
// completed with mode.
func cmConfig(mode callmanager.Completion) callmanager.Config {
	return callmanager.Config{
		Name:          "excm",
		AddressFamily: q2931,
		OpenAf:        mode, CloseAf: mode, RegisterSap: mode, MakeCall: mode, CloseCall: mode,
	}
}

// params returns fresh call parameters.
func params() *ndis.CoCallParameters {
	return &ndis.CoCallParameters{
		CallMgrParameters: &ndis.CoCallManagerParameters{},
		MediaParameters:   &ndis.CoMediaParameters{},
	}
}

// pair is the two example drivers over one simulated adapter.
type pair struct {
	sys *ndistest.System
	ad  *ndistest.Adapter
	cm  *callmanager.CallManager
	c   *client.Client
}

// setup loads the call manager and the client (the client first if
// clientFirst), binds both to one adapter and runs the queue.
func setup(t *testing.T, cmCfg callmanager.Config, clCfg client.Config, clientFirst bool, opts ...ndistest.AdapterOptions) *pair {
	t.Helper()
	sys := ndistest.New(t)
	p := &pair{sys: sys, ad: sys.AddAdapter("atm0", ndis.MediumAtm, opts...)}
	loadCM := func() {
		sys.Load(func() ndis.Status {
			var st ndis.Status
			p.cm, st = callmanager.DriverEntry(cmCfg)
			return st
		})
	}
	loadClient := func() {
		sys.Load(func() ndis.Status {
			var st ndis.Status
			p.c, st = client.DriverEntry(clCfg)
			return st
		})
	}
	if clientFirst {
		loadClient()
		loadCM()
	} else {
		loadCM()
		loadClient()
	}
	if p.cm == nil || p.c == nil {
		t.Fatal("a driver did not load")
	}
	sys.Bind()
	return p
}

// unload unloads both drivers (the client first if clientFirst), checks
// that neither leaked a context, and returns their final counters.
func (p *pair) unload(t *testing.T, clientFirst bool) (client.Stats, callmanager.Stats) {
	t.Helper()
	var cs client.Stats
	var ms callmanager.Stats
	if clientFirst {
		cs = p.c.Unload()
		p.sys.Run()
		ms = p.cm.Unload()
	} else {
		ms = p.cm.Unload()
		p.sys.Run()
		cs = p.c.Unload()
	}
	p.sys.Run()
	for _, a := range p.sys.OutstandingAllocations() {
		if a.Tag == cmTag || a.Tag == clientTag {
			t.Errorf("leaked %s", a)
		}
	}
	return cs, ms
}

// only returns the client's single call.
func only(t *testing.T, c *client.Client) *client.Call {
	t.Helper()
	calls := c.Calls()
	if len(calls) != 1 {
		t.Fatalf("the client has %d VCs, want 1", len(calls))
	}
	return calls[0]
}

// modes are the call manager's completion modes, by name.
var modes = []struct {
	name string
	mode callmanager.Completion
}{
	{"sync", callmanager.Synchronous},
	{"deferred", callmanager.Deferred},
	{"nested", callmanager.Nested},
}

// wantFor is what a client's request returns when the call manager
// completes it in mode (and the miniport does not pend).
func wantFor(mode callmanager.Completion) ndis.Status {
	if mode == callmanager.Synchronous {
		return ndis.StatusSuccess
	}
	return ndis.StatusPending
}
