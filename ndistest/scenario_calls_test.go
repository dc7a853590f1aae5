package ndistest_test

import (
	"fmt"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

// actions are the three ways the scripted call manager completes a request.
var actions = []ndistest.Action{ndistest.Sync, ndistest.Pend, ndistest.Nested}

func TestOutgoingCall(t *testing.T) {
	for _, mk := range actions {
		for _, cl := range actions {
			t.Run("make-"+mk.String()+"/close-"+cl.String(), func(t *testing.T) {
				sys, _, cm, c := setup(t, ndistest.CMScript{MakeCall: mk, CloseCall: cl}, testclient.Options{})
				v, st := c.CreateVc(c.Af())
				if st != ndis.StatusSuccess {
					t.Fatalf("NdisCoCreateVc: %s", st)
				}
				st = c.MakeCall(v, nil, false)
				if want := map[bool]ndis.Status{true: ndis.StatusSuccess, false: ndis.StatusPending}[mk == ndistest.Sync]; st != want {
					t.Errorf("NdisClMakeCall returned %s, want %s", st, want)
				}
				sys.Run()
				if v.State() != "connected" {
					t.Fatalf("the call is %s after the make-call completed", v.State())
				}
				if n := count(c, "PROTOCOL_CL_MAKE_CALL_COMPLETE"); n != 1 {
					t.Errorf("ProtocolClMakeCallComplete ran %d times", n)
				}
				info := vcInfo(sys, v)
				if !info.Active || !info.Connected {
					t.Errorf("NDIS says %+v", info)
				}
				c.CloseCall(v)
				sys.Run()
				if !v.Deleted() {
					t.Errorf("the client's VC was not deleted after its close completed; events %v", c.Events)
				}
				if n := count(c, "PROTOCOL_CL_CLOSE_CALL_COMPLETE NDIS_STATUS_SUCCESS"); n != 1 {
					t.Errorf("ProtocolClCloseCallComplete ran %d times", n)
				}
				if !cm.VCs()[0].Deleted() {
					t.Errorf("the call manager's ProtocolCoDeleteVc was not called")
				}
			})
		}
	}
}

// Info returns what NDIS knows of the client's VC.
func vcInfo(sys *ndistest.System, v *testclient.VC) ndistest.VcInfo {
	info, _ := sys.VcInfo(v.Handle())
	return info
}

func TestOutgoingCallFailsThenVcIsReusedAndDeleted(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{MakeCall: ndistest.Pend.With(ndis.StatusDestOutOfOrder)}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, false)
	sys.Run()
	if v.State() != "idle" || count(c, "PROTOCOL_CL_MAKE_CALL_COMPLETE NDIS_STATUS_DEST_OUT_OF_ORDER") != 1 {
		t.Fatalf("after a failed call: state %s, events %v", v.State(), c.Events)
	}
	cm.Script().MakeCall = ndistest.Sync
	if st := c.MakeCall(v, nil, false); st != ndis.StatusSuccess {
		t.Fatalf("a second NdisClMakeCall on the idle VC returned %s", st)
	}
	c.CloseCall(v)
	if !v.Deleted() {
		t.Errorf("the VC was not deleted")
	}
	_ = vcInfo(sys, v)
}

func TestOutgoingCallWithPendedActivation(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{ActivatePends: true, DeactivatePends: true})
	sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	c := testclient.New(testclient.Options{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v, _ := c.CreateVc(c.Af())
	if st := c.MakeCall(v, nil, false); st != ndis.StatusPending {
		t.Errorf("with a pended activation the call manager must pend the make-call; NdisClMakeCall returned %s", st)
	}
	sys.Run()
	if v.State() != "connected" {
		t.Fatalf("state %s", v.State())
	}
	c.CloseCall(v)
	sys.Run()
	if !v.Deleted() {
		t.Errorf("the VC was not deleted; events %v", c.Events)
	}
}

func TestIncomingCall(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer testclient.Answer
	}{
		{"accepted-sync", testclient.Accept},
		{"accepted-pended", testclient.Hold},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys, _, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{Incoming: tc.answer})
			v := cm.IncomingCall(nil)
			if v == nil {
				t.Fatal("no VC")
			}
			cv := c.IncomingVCs()
			if len(cv) != 1 {
				t.Fatalf("the client saw %d CM-created VCs", len(cv))
			}
			if tc.answer == testclient.Hold {
				c.CompleteIncoming(cv[0], ndis.StatusSuccess)
			}
			cm.CallConnected(v)
			if cv[0].State() != "connected" {
				t.Fatalf("the client's call is %s", cv[0].State())
			}
			if v.Number() != cv[0].Number() {
				t.Errorf("the client and the call manager see different VCs: %d, %d", cv[0].Number(), v.Number())
			}
			c.Send(cv[0], []byte("x"))
			sys.Run()
			if cv[0].SendsOutstanding() != 0 {
				t.Errorf("the send did not come back")
			}
		})
	}
}

func TestIncomingCallRejected(t *testing.T) {
	for _, answer := range []testclient.Answer{testclient.Reject, testclient.Hold} {
		t.Run(fmt.Sprint(answer), func(t *testing.T) { testRejected(t, answer) })
	}
}

func testRejected(t *testing.T, answer testclient.Answer) {
	{
		sys, _, cm, c := setup(t, ndistest.CMScript{DeleteVcAfterClose: ndistest.DeleteLater}, testclient.Options{Incoming: answer})
		v := cm.IncomingCall(nil)
		if answer == testclient.Hold {
			c.CompleteIncoming(c.IncomingVCs()[0], ndis.StatusFailure)
		}
		sys.Run()
		if !v.Deleted() {
			t.Errorf("answer %d: the call manager did not delete the rejected VC", answer)
		}
		if count(c, "PROTOCOL_CO_DELETE_VC") != 1 {
			t.Errorf("answer %d: the client's ProtocolCoDeleteVc ran %d times", answer, count(c, "PROTOCOL_CO_DELETE_VC"))
		}
	}
}

func TestIncomingCallClosedByClient(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script ndistest.CMScript
	}{
		{"sync-delete-later", ndistest.CMScript{DeleteVcAfterClose: ndistest.DeleteLater}},
		{"pended-delete-nested", ndistest.CMScript{CloseCall: ndistest.Pend, DeleteVcAfterClose: ndistest.DeleteNested}},
		{"nested-delete-nested", ndistest.CMScript{CloseCall: ndistest.Nested, DeleteVcAfterClose: ndistest.DeleteNested}},
		{"nested-keep", ndistest.CMScript{CloseCall: ndistest.Nested}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys, _, cm, c := setup(t, tc.script, testclient.Options{})
			v := cm.IncomingCall(nil)
			cm.CallConnected(v)
			cv := c.IncomingVCs()[0]
			c.CloseCall(cv)
			if tc.name == "nested-delete-nested" && !cv.Deleted() {
				t.Errorf("the call manager's delete nested in its ProtocolCmCloseCall did not reach the client's ProtocolCoDeleteVc before NdisClCloseCall returned")
			}
			sys.Run()
			if info := v.Info(); info.ClientHandleValid {
				t.Errorf("the client's handle is still valid after its close: %+v", info)
			}
			if tc.script.DeleteVcAfterClose == ndistest.DeleteNever {
				if v.Deleted() {
					t.Errorf("the VC was deleted")
				}
				if st := cm.DeleteVc(v); st != ndis.StatusSuccess {
					t.Errorf("the call manager's NdisCoDeleteVc returned %s", st)
				}
			}
			if !cv.Deleted() {
				t.Errorf("the client's ProtocolCoDeleteVc did not run")
			}
		})
	}
}

func TestIncomingCallClosedFromNetwork(t *testing.T) {
	for _, cl := range actions {
		t.Run(cl.String(), func(t *testing.T) {
			sys, _, cm, c := setup(t, ndistest.CMScript{CloseCall: cl, DeleteVcAfterClose: ndistest.DeleteLater}, testclient.Options{})
			v := cm.IncomingCall(nil)
			cm.CallConnected(v)
			cm.CloseFromNetwork(v, ndis.StatusSuccess)
			sys.Run()
			cv := c.VCs()[0]
			if cv.State() != "closed" || !cv.Deleted() || !v.Deleted() {
				t.Errorf("after the network closed: client state %s, deleted %v/%v; events %v", cv.State(), cv.Deleted(), v.Deleted(), c.Events)
			}
		})
	}
}

func TestOutgoingCallClosedFromNetwork(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, false)
	cm.CloseFromNetwork(cm.VCs()[0], ndis.StatusSuccess)
	sys.Run()
	if !v.Deleted() {
		t.Errorf("the client did not close and delete its VC after ProtocolClIncomingCloseCall")
	}
}

func TestDeferredAnswerToIncomingClose(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{DeferIncomingClose: true})
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	cm.CloseFromNetwork(v, ndis.StatusSuccess)
	sys.Run()
	cv := c.IncomingVCs()[0]
	c.CloseCall(cv)
	sys.Run()
	if cv.State() != "closed" {
		t.Errorf("state %s", cv.State())
	}
}

func TestReofferOnSameVc(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{CloseCall: ndistest.Pend}, testclient.Options{})
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	cv := c.IncomingVCs()[0]
	c.CloseCall(cv)
	sys.Run()
	if v.Info().ClientHandleValid {
		t.Fatalf("the client's handle is valid after the close")
	}
	cm.ReofferOn(v, nil)
	if !v.Info().ClientHandleValid {
		t.Fatalf("a new incoming call did not revive the client's handle")
	}
	cm.CallConnected(v)
	c.Send(cv, []byte("again"))
	sys.Run()
	if cv.State() != "connected" || count(c, "PROTOCOL_CL_INCOMING_CALL") != 2 {
		t.Errorf("state %s, events %v", cv.State(), c.Events)
	}
	c.CloseCall(cv)
	sys.Run()
	cm.DeleteVc(v)
	if !cv.Deleted() {
		t.Errorf("the client's ProtocolCoDeleteVc did not run")
	}
}

func TestQoS(t *testing.T) {
	for _, a := range actions {
		t.Run(a.String(), func(t *testing.T) {
			sys, _, cm, c := setup(t, ndistest.CMScript{ModifyQoS: a}, testclient.Options{})
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, false)
			c.ModifyQoS(v, &ndis.CoCallParameters{Flags: ndis.CallParametersChanged})
			sys.Run()
			if count(c, "PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE NDIS_STATUS_SUCCESS") != 1 {
				t.Errorf("events %v", c.Events)
			}
			cm.QoSChangeFromNetwork(cm.VCs()[0], &ndis.CoCallParameters{})
			if count(c, "PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE") != 1 {
				t.Errorf("ProtocolClIncomingCallQoSChange did not run")
			}
		})
	}
}

func TestMultipointParties(t *testing.T) {
	for _, a := range actions {
		t.Run(a.String(), func(t *testing.T) {
			sys, _, cm, c := setup(t, ndistest.CMScript{MakeCall: a, AddParty: a, DropParty: a, CloseCall: a}, testclient.Options{})
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, true)
			sys.Run()
			p2, _ := c.AddParty(v, nil)
			p3, _ := c.AddParty(v, nil)
			sys.Run()
			if n := len(v.Parties()); n != 3 {
				t.Fatalf("%d parties, want 3; events %v", n, c.Events)
			}
			c.DropParty(p2)
			sys.Run()
			if p2.State() != "dropped" {
				t.Errorf("party state %s after drop", p2.State())
			}
			cmVc := cm.VCs()[0]
			var remote *ndistest.Party
			for _, p := range cmVc.Parties() {
				if p.Handle() != nil {
					remote = p
				}
			}
			cm.DropPartyFromNetwork(remote, ndis.StatusSuccess)
			sys.Run()
			if n := len(v.Parties()); n != 1 {
				t.Fatalf("%d parties after the network dropped one, want 1; events %v", n, c.Events)
			}
			_ = p3
			c.CloseCall(v)
			sys.Run()
			if !v.Deleted() {
				t.Errorf("the multipoint VC was not deleted")
			}
		})
	}
}

func TestLastPartyLeavingIsIndicatedAsClose(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, true)
	cm.DropPartyFromNetwork(cm.VCs()[0].Parties()[0], ndis.StatusSuccess)
	sys.Run()
	if count(c, "PROTOCOL_CL_INCOMING_CLOSE_CALL") != 1 || count(c, "PROTOCOL_CL_INCOMING_DROP_PARTY") != 0 {
		t.Errorf("events %v", c.Events)
	}
	if !v.Deleted() {
		t.Errorf("the client did not close and delete")
	}
}
