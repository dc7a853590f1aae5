package ndistest_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

// afCloseOrder fails the test unless the client's log has exactly one
// ProtocolCoDeleteVc and one successful ProtocolClCloseAfComplete, the
// delete first: a call manager deletes its VCs on an AF before it lets the
// close of the AF complete.
func afCloseOrder(t *testing.T, c *testclient.Client) {
	t.Helper()
	if n := count(c, "PROTOCOL_CO_DELETE_VC"); n != 1 {
		t.Errorf("ProtocolCoDeleteVc ran %d times, want once; events %v", n, c.Events)
	}
	closed := slices.Index(c.Events, "PROTOCOL_CL_CLOSE_AF_COMPLETE NDIS_STATUS_SUCCESS")
	deleted := slices.IndexFunc(c.Events, func(e string) bool { return strings.HasPrefix(e, "PROTOCOL_CO_DELETE_VC") })
	if closed < 0 || deleted < 0 || deleted > closed {
		t.Errorf("the client's ProtocolCoDeleteVc did not run before its ProtocolClCloseAfComplete; events %v", c.Events)
	}
}

// TestCloseAfDeletesCallManagerVcs: the client closes an incoming call (the
// call manager completes synchronously) and at once closes its AF. Whatever
// the call manager does with its VC after a close (keep it, delete it
// nested, or delete it later from the queue) and however it answers the
// close of the AF, it deletes the VC before the close completes, so the
// client's ProtocolCoDeleteVc never follows its ProtocolClCloseAfComplete
// (the verifier's af-close-with-vcs would fail the test otherwise).
func TestCloseAfDeletesCallManagerVcs(t *testing.T) {
	deletes := []struct {
		name string
		mode ndistest.DeleteMode
	}{{"keep", ndistest.DeleteNever}, {"delete-nested", ndistest.DeleteNested}, {"delete-later", ndistest.DeleteLater}}
	for _, mcm := range []bool{false, true} {
		for _, closeAf := range []ndistest.Action{ndistest.Sync, ndistest.Pend, ndistest.Nested} {
			for _, del := range deletes {
				name := "cm"
				if mcm {
					name = "mcm"
				}
				t.Run(name+"/close-af-"+closeAf.String()+"/"+del.name, func(t *testing.T) {
					script := ndistest.CMScript{CloseAf: closeAf, DeleteVcAfterClose: del.mode, AutoConnect: true}
					sys := ndistest.New(t)
					var cm *ndistest.CallManager
					if mcm {
						cm = sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, script)
					} else {
						cm = sys.AddCallManager(sys.AddAdapter("atm0", ndis.MediumAtm), q2931, script)
					}
					s := sap
					c := testclient.New(testclient.Options{Sap: &s})
					sys.Load(c.DriverEntry)
					sys.Bind()
					af := c.Af()
					if af == nil {
						t.Fatalf("no AF open; events %v", c.Events)
					}
					v := cm.IncomingCall(nil)
					in := c.IncomingVCs()
					if v == nil || len(in) != 1 {
						t.Fatalf("the incoming call did not reach the client; events %v", c.Events)
					}
					if st := c.CloseCall(in[0]); st != ndis.StatusSuccess {
						t.Fatalf("NdisClCloseCall returned %s", st)
					}
					c.CloseAf(af)
					sys.Run()
					if af.Open() || cm.OpenAfs() != 0 {
						t.Fatalf("the AF is still open (client %v, call manager %d); events %v", af.Open(), cm.OpenAfs(), c.Events)
					}
					if !v.Deleted() {
						t.Errorf("the call manager's VC was not deleted")
					}
					afCloseOrder(t, c)
				})
			}
		}
	}
}

// TestCloseAfWaitsForDeactivation: the client rejects an offered call and
// closes its AF while the call manager's deactivation of the VC is still
// pending in the miniport. The call manager cannot delete the VC yet, so its
// close of the AF (scripted Sync) returns NDIS_STATUS_PENDING and completes
// once the deactivation completed and it deleted the VC.
func TestCloseAfWaitsForDeactivation(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{DeactivatePends: true})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{DeleteVcAfterClose: ndistest.DeleteLater})
	s := sap
	c := testclient.New(testclient.Options{Sap: &s, Incoming: testclient.Reject})
	sys.Load(c.DriverEntry)
	sys.Bind()
	af := c.Af()
	if af == nil {
		t.Fatalf("no AF open; events %v", c.Events)
	}
	v := cm.IncomingCall(nil)
	if v == nil || v.Deleted() {
		t.Fatalf("the call manager has no VC after the rejected offer")
	}
	c.CloseAf(af)
	if hasEvent(c, "PROTOCOL_CL_CLOSE_AF_COMPLETE") || v.Deleted() {
		t.Fatalf("the close of the AF completed (or the VC was deleted) while the deactivation was pending; events %v", c.Events)
	}
	sys.Run()
	if af.Open() || cm.OpenAfs() != 0 || !v.Deleted() {
		t.Fatalf("after the deactivation: AF open %v, call manager AFs %d, VC deleted %v; events %v", af.Open(), cm.OpenAfs(), v.Deleted(), c.Events)
	}
	afCloseOrder(t, c)
}

// TestCloseAfAbandonsActivatingOffer: the client closes its AF while the call
// manager's activation of the VC for an incoming call is pending. The call
// manager abandons the offer: once the activation completes it deactivates
// and deletes the VC instead of dispatching the call, then completes the
// close.
func TestCloseAfAbandonsActivatingOffer(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{ActivatePends: true})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	s := sap
	c := testclient.New(testclient.Options{Sap: &s})
	sys.Load(c.DriverEntry)
	sys.Bind()
	af := c.Af()
	if af == nil {
		t.Fatalf("no AF open; events %v", c.Events)
	}
	v := cm.IncomingCall(nil)
	if v == nil {
		t.Fatalf("the call manager did not create a VC")
	}
	c.CloseAf(af)
	if hasEvent(c, "PROTOCOL_CL_CLOSE_AF_COMPLETE") {
		t.Fatalf("the close of the AF completed while the activation was pending; events %v", c.Events)
	}
	sys.Run()
	if af.Open() || cm.OpenAfs() != 0 || !v.Deleted() {
		t.Fatalf("after the activation: AF open %v, call manager AFs %d, VC deleted %v; events %v", af.Open(), cm.OpenAfs(), v.Deleted(), c.Events)
	}
	if hasEvent(c, "PROTOCOL_CL_INCOMING_CALL") {
		t.Errorf("the call manager dispatched the call on an AF being closed; events %v", c.Events)
	}
	afCloseOrder(t, c)
}
