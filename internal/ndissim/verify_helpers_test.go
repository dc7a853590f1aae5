package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/internal/ndissim"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

// q2931 is the address family of the tests' call managers.
var q2931 = ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3}

// current returns the simulated NDIS of the running System.
func current() *ndissim.Sim { return ndissim.Of(kernel.Current()) }

// world builds a system (collecting violations) with one adapter, a
// scripted call manager and the test client with a SAP, bound.
func world(t *testing.T, script ndistest.CMScript, opts testclient.Options) (*ndistest.System, *ndistest.Adapter, *ndistest.CallManager, *testclient.Client) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, script)
	if opts.Sap == nil {
		opts.Sap = &ndis.CoSap{SapType: 1, Sap: []byte("sap")}
	}
	c := testclient.New(opts)
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() == nil {
		t.Fatalf("no AF open; events %v", c.Events)
	}
	return sys, ad, cm, c
}

// connectedIncoming offers an incoming call and connects it; it returns the
// call manager's and the client's VC.
func connectedIncoming(t *testing.T, cm *ndistest.CallManager, c *testclient.Client) (*ndistest.VC, *testclient.VC) {
	t.Helper()
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	in := c.IncomingVCs()
	if len(in) == 0 {
		t.Fatalf("the client has no incoming VC; events %v", c.Events)
	}
	return v, in[len(in)-1]
}

// expect fails the test unless a violation of rule was reported whose
// message contains every one of words (DDI and role names in NDIS spelling).
func expect(t *testing.T, sys *ndistest.System, rule string, words ...string) {
	t.Helper()
	for _, v := range sys.ViolationsOf(rule) {
		ok := true
		for _, w := range words {
			if !strings.Contains(v.Message, w) {
				ok = false
			}
		}
		if ok {
			if len(v.Trace) == 0 {
				t.Errorf("the %q violation carries no trace", rule)
			}
			return
		}
	}
	t.Errorf("no %q violation naming %q; reported:\n%s", rule, words, dump(sys))
}

// clean fails the test if any violation was reported.
func clean(t *testing.T, sys *ndistest.System) {
	t.Helper()
	if vs := sys.Violations(); len(vs) > 0 {
		t.Errorf("unexpected violations:\n%s", dump(sys))
	}
}

// only fails the test if a violation of a rule not in rules was reported.
func only(t *testing.T, sys *ndistest.System, rules ...string) {
	t.Helper()
	allowed := map[string]bool{}
	for _, r := range rules {
		allowed[r] = true
	}
	for _, v := range sys.Violations() {
		if !allowed[v.Rule] {
			t.Errorf("unexpected %s", v)
		}
	}
}

// dump renders the violations for a failure message.
func dump(sys *ndistest.System) string {
	var b strings.Builder
	for _, v := range sys.Violations() {
		b.WriteString("\t" + v.Headline() + "\n")
	}
	return b.String()
}
