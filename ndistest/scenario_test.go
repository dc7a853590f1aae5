package ndistest_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

// q2931 is the address family the tests' call managers register.
var q2931 = ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3, MinorVersion: 1}

// sap is the SAP the tests' clients register.
var sap = ndis.CoSap{SapType: 1, SapLength: 4, Sap: []byte("sap0")}

// setup builds a system with one adapter, a scripted call manager and the
// test client, bound.
func setup(t *testing.T, script ndistest.CMScript, opts testclient.Options, sysOpts ...ndistest.Option) (*ndistest.System, *ndistest.Adapter, *ndistest.CallManager, *testclient.Client) {
	t.Helper()
	sys := ndistest.New(t, sysOpts...)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, script)
	if opts.Sap == nil {
		s := sap
		opts.Sap = &s
	}
	c := testclient.New(opts)
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() == nil {
		t.Fatalf("the client has no open AF after Bind; events: %v", c.Events)
	}
	return sys, ad, cm, c
}

// hasEvent reports whether the client's log has an event starting with prefix.
func hasEvent(c *testclient.Client, prefix string) bool {
	for _, e := range c.Events {
		if strings.HasPrefix(e, prefix) {
			return true
		}
	}
	return false
}

func TestOutgoingCallSyncCloseAndDelete(t *testing.T) {
	sys, ad, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{})
	v, st := c.CreateVc(c.Af())
	if st != ndis.StatusSuccess {
		t.Fatalf("CreateVc: %s", st)
	}
	if st := c.MakeCall(v, nil, false); st != ndis.StatusSuccess {
		t.Fatalf("MakeCall: %s", st)
	}
	if v.State() != "connected" {
		t.Fatalf("state after a synchronous make-call: %s", v.State())
	}
	c.Send(v, []byte("hello"))
	sys.Run()
	if got := ad.Sent(); len(got) != 1 || string(got[0]) != "hello" {
		t.Errorf("the miniport sent %q", got)
	}
	if v.SendsOutstanding() != 0 {
		t.Errorf("%d sends still outstanding", v.SendsOutstanding())
	}
	ad.Receive(v.Number(), []byte("world"))
	if r := v.Received(); len(r) != 1 || string(r[0]) != "world" {
		t.Errorf("received %q", r)
	}
	if st := c.CloseCall(v); st != ndis.StatusSuccess {
		t.Fatalf("CloseCall: %s", st)
	}
	if !v.Deleted() {
		t.Errorf("the client did not delete its VC after a successful close")
	}
	if len(cm.VCs()) != 1 || !cm.VCs()[0].Deleted() {
		t.Errorf("the call manager's ProtocolCoDeleteVc did not run")
	}
}
