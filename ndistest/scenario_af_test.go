package ndistest_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

// count returns how many client events match pattern: the event starts with
// its first word (the role) and contains every other word ("vc#3" may sit
// between them).
func count(c *testclient.Client, pattern string) int {
	words := strings.Fields(pattern)
	n := 0
	for _, e := range c.Events {
		fields := strings.Fields(e)
		if len(fields) == 0 || fields[0] != words[0] {
			continue
		}
		ok := true
		for _, w := range words[1:] {
			if !strings.Contains(e, w) {
				ok = false
			}
		}
		if ok {
			n++
		}
	}
	return n
}

func TestOpenAfAndRegisterSap(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script ndistest.CMScript
	}{
		{"sync", ndistest.CMScript{}},
		{"pended", ndistest.CMScript{OpenAf: ndistest.Pend, RegisterSap: ndistest.Pend}},
		{"nested", ndistest.CMScript{OpenAf: ndistest.Nested, RegisterSap: ndistest.Nested}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, cm, c := setup(t, tc.script, testclient.Options{})
			if n := count(c, "PROTOCOL_CL_OPEN_AF_COMPLETE_EX NDIS_STATUS_SUCCESS"); n != 1 {
				t.Errorf("ProtocolClOpenAfCompleteEx ran %d times, want once; events %v", n, c.Events)
			}
			if n := count(c, "PROTOCOL_CL_REGISTER_SAP_COMPLETE NDIS_STATUS_SUCCESS"); n != 1 {
				t.Errorf("ProtocolClRegisterSapComplete ran %d times, want once", n)
			}
			if len(c.Af().Saps()) != 1 {
				t.Errorf("the client has %d SAPs registered", len(c.Af().Saps()))
			}
			if cm.OpenAfs() != 1 {
				t.Errorf("the call manager has %d AFs open", cm.OpenAfs())
			}
		})
	}
}

func TestOpenAfFailsThenClientHasNoAf(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	sys.AddCallManager(ad, q2931, ndistest.CMScript{OpenAf: ndistest.Pend.With(ndis.StatusResources)})
	c := testclient.New(testclient.Options{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() != nil {
		t.Fatalf("the client has an open AF after the call manager failed the open")
	}
	if count(c, "PROTOCOL_CL_OPEN_AF_COMPLETE_EX NDIS_STATUS_RESOURCES") != 1 {
		t.Errorf("events %v", c.Events)
	}
}

func TestClientBindingBeforeCallManagerIsNotified(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	c := testclient.New(testclient.Options{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() != nil {
		t.Fatalf("an AF is open with no call manager")
	}
	sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	sys.Bind()
	if c.Af() == nil {
		t.Fatalf("NdisCmRegisterAddressFamilyEx did not reach the client already bound; events %v", c.Events)
	}
}

func TestOpenAdapterPends(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{OpenPends: true})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	c := testclient.New(testclient.Options{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() == nil || cm.OpenAfs() != 1 {
		t.Fatalf("after pended opens the AF is not open; events %v", c.Events)
	}
	if !hasEvent(c, "PROTOCOL_OPEN_ADAPTER_COMPLETE_EX NDIS_STATUS_SUCCESS") {
		t.Errorf("ProtocolOpenAdapterCompleteEx was not called")
	}
}

func TestClientClosesAf(t *testing.T) {
	for _, a := range []ndistest.Action{ndistest.Sync, ndistest.Pend, ndistest.Nested} {
		t.Run(a.String(), func(t *testing.T) {
			sys, _, cm, c := setup(t, ndistest.CMScript{CloseAf: a, DeregisterSap: a, CloseCall: a}, testclient.Options{})
			af := c.Af()
			v, _ := c.CreateVc(af)
			c.MakeCall(v, nil, false)
			c.CloseAf(af)
			sys.Run()
			if af.Open() {
				t.Fatalf("the AF is still open; events %v", c.Events)
			}
			if cm.OpenAfs() != 0 {
				t.Errorf("the call manager still has %d AFs", cm.OpenAfs())
			}
			if !v.Deleted() {
				t.Errorf("the client's VC was not deleted during the teardown")
			}
		})
	}
}

func TestCallManagerClosesAf(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script ndistest.CMScript
		hold   bool
	}{
		{"client-sync", ndistest.CMScript{}, false},
		{"client-pends-close", ndistest.CMScript{CloseAf: ndistest.Pend, CloseCall: ndistest.Pend}, false},
		{"client-holds-notify", ndistest.CMScript{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys, _, cm, c := setup(t, tc.script, testclient.Options{HoldNotifyCloseAf: tc.hold})
			af := c.Af()
			v := cm.IncomingCall(nil)
			cm.CallConnected(v)
			sts := cm.NotifyCloseAf()
			if tc.hold {
				if len(sts) != 1 || sts[0] != ndis.StatusPending {
					t.Fatalf("NdisCmNotifyCloseAddressFamily returned %v, want PENDING", sts)
				}
				c.CompleteNotifyCloseAf(af)
			}
			sys.Run()
			if af.Open() {
				t.Fatalf("the client did not close the AF; events %v", c.Events)
			}
			if cm.OpenAfs() != 0 {
				t.Errorf("the call manager still has %d AFs", cm.OpenAfs())
			}
			if !tc.hold && sts[0] == ndis.StatusPending && cm.NotifyCloseAfCompleted() != 1 {
				t.Errorf("NdisCmNotifyCloseAddressFamily pended but ProtocolCmNotifyCloseAfComplete never came")
			}
			if tc.hold && cm.NotifyCloseAfCompleted() != 1 {
				t.Errorf("ProtocolCmNotifyCloseAfComplete did not follow NdisClNotifyCloseAddressFamilyComplete")
			}
		})
	}
}

func TestUnbindEverything(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{CloseCall: ndistest.Pend, CloseAf: ndistest.Pend}, testclient.Options{})
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	own, _ := c.CreateVc(c.Af())
	c.MakeCall(own, nil, false)
	sys.Unload()
	if c.Af() != nil {
		t.Errorf("an AF is still open after unload")
	}
	if !hasEvent(c, "PROTOCOL_UNBIND_ADAPTER_EX") {
		t.Errorf("ProtocolUnbindAdapterEx was not called; events %v", c.Events)
	}
}

func TestUnbindOneClientWithPendedClose(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{OpenPends: true})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{CloseCall: ndistest.Pend, DeleteVcAfterClose: ndistest.DeleteLater})
	s := sap
	c := testclient.New(testclient.Options{Sap: &s})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	if d := sys.Describe(v.Handle()); d != "vc #1" {
		t.Errorf("Describe: %q", d)
	}
	st, err := sys.Unbind(c.Protocol(), ad.Handle())
	if err != nil {
		t.Fatal(err)
	}
	sys.Run()
	if st != ndis.StatusPending || !hasEvent(c, "PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX") {
		t.Errorf("the unbind returned %s; events %v", st, c.Events)
	}
	if c.Af() != nil || cm.OpenAfs() != 0 || !v.Deleted() {
		t.Errorf("after the unbind: client AF %v, call manager AFs %d, VC deleted %v", c.Af() != nil, cm.OpenAfs(), v.Deleted())
	}
	if _, err := sys.Unbind(c.Protocol(), ad.Handle()); err == nil {
		t.Errorf("a second Unbind gave no error")
	}
}
