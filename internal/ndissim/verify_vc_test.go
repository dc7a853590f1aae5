package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// TestSeedDeleteInCloseComplete is the mistake ndislint exists for: the
// client calls NdisCoDeleteVc on a VC the call manager created from its
// ProtocolClCloseCallComplete. Its clean twin, the same client deleting only
// its own VCs, reports nothing.
func TestSeedDeleteInCloseComplete(t *testing.T) {
	for _, a := range []ndistest.Action{ndistest.Sync, ndistest.Pend, ndistest.Nested} {
		t.Run(a.String(), func(t *testing.T) {
			sys, _, cm, c := world(t, ndistest.CMScript{CloseCall: a}, testclient.Options{DeleteInCloseComplete: true})
			_, cv := connectedIncoming(t, cm, c)
			c.CloseCall(cv)
			sys.Run()
			expect(t, sys, rules.RuleVcDeleteNotCreator, "NdisCoDeleteVc", "vc #1", "call manager")
			expect(t, sys, rules.RuleVcUseAfterClose, "NdisCoDeleteVc", "PROTOCOL_CL_CLOSE_CALL_COMPLETE")
			only(t, sys, rules.RuleVcDeleteNotCreator, rules.RuleVcUseAfterClose)
		})
		t.Run(a.String()+"/clean-twin", func(t *testing.T) {
			sys, _, cm, c := world(t, ndistest.CMScript{CloseCall: a, DeleteVcAfterClose: ndistest.DeleteLater}, testclient.Options{})
			_, cv := connectedIncoming(t, cm, c)
			own, _ := c.CreateVc(c.Af())
			c.MakeCall(own, nil, false)
			sys.Run()
			c.CloseCall(cv)
			c.CloseCall(own)
			sys.Run()
			if !own.Deleted() || !cv.Deleted() {
				t.Errorf("deleted: own %v, call manager's %v", own.Deleted(), cv.Deleted())
			}
			clean(t, sys)
		})
	}
}

func TestUseAfterCloseOfCallManagerVc(t *testing.T) {
	for _, tc := range []struct {
		ddi string
		use func(c *testclient.Client, v *testclient.VC)
	}{
		{"NdisCoSendNetBufferLists", func(c *testclient.Client, v *testclient.VC) { c.Send(v, []byte("late")) }},
		{"NdisCoOidRequest", func(c *testclient.Client, v *testclient.VC) { c.OidRequest(c.Af(), v, true, &ndis.OidRequest{Oid: 1}) }},
		{"NdisClModifyCallQoS", func(c *testclient.Client, v *testclient.VC) {
			ndis.ClModifyCallQoS(v.Handle(), &ndis.CoCallParameters{})
		}},
		{"NdisClCloseCall", func(c *testclient.Client, v *testclient.VC) { ndis.ClCloseCall(v.Handle(), nil, nil, 0) }},
		{"NdisCoGetTapiCallId", func(c *testclient.Client, v *testclient.VC) { ndis.CoGetTapiCallId(v.Handle(), &ndis.VarString{}) }},
	} {
		t.Run(tc.ddi, func(t *testing.T) {
			sys, _, cm, c := world(t, ndistest.CMScript{CloseCall: ndistest.Pend}, testclient.Options{})
			_, cv := connectedIncoming(t, cm, c)
			c.CloseCall(cv)
			sys.Run()
			tc.use(c, cv)
			sys.Run()
			expect(t, sys, rules.RuleVcUseAfterClose, tc.ddi, "vc #1")
			only(t, sys, rules.RuleVcUseAfterClose)
		})
	}
}

func TestUseAfterSynchronousClose(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
	_, cv := connectedIncoming(t, cm, c)
	if st := c.CloseCall(cv); st != ndis.StatusSuccess {
		t.Fatalf("NdisClCloseCall returned %s", st)
	}
	c.Send(cv, []byte("x"))
	sys.Run()
	expect(t, sys, rules.RuleVcUseAfterClose, "NdisCoSendNetBufferLists")
}

func TestReofferRevivesTheClientHandle(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, cv := connectedIncoming(t, cm, c)
	c.CloseCall(cv)
	cm.ReofferOn(v, nil)
	cm.CallConnected(v)
	c.Send(cv, []byte("ok"))
	sys.Run()
	clean(t, sys)
}

func TestMakeCallOnCallManagerVc(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
	_, cv := connectedIncoming(t, cm, c)
	if st := ndis.ClMakeCall(cv.Handle(), &ndis.CoCallParameters{}, nil, nil); st == ndis.StatusSuccess || st == ndis.StatusPending {
		t.Errorf("NdisClMakeCall on a call manager's VC returned %s", st)
	}
	expect(t, sys, rules.RuleMakeCallOnCmVc, "NdisClMakeCall", "vc #1")
	c.CloseCall(cv)
	ndis.ClMakeCall(cv.Handle(), &ndis.CoCallParameters{}, nil, nil)
	expect(t, sys, rules.RuleVcUseAfterClose, "NdisClMakeCall")
}

func TestDeleteWithCallActiveOrClosing(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{CloseCall: ndistest.Pend}, testclient.Options{KeepOwnVcs: true})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, false)
	if st := c.DeleteVc(v); st != ndis.StatusNotAccepted {
		t.Errorf("NdisCoDeleteVc with a connected call returned %s, want NDIS_STATUS_NOT_ACCEPTED", st)
	}
	expect(t, sys, rules.RuleVcDeleteCallActive, "NdisCoDeleteVc", "a connected call")
	c.CloseCall(v)
	if st := c.DeleteVc(v); st != ndis.StatusClosing {
		t.Errorf("NdisCoDeleteVc with the close pending returned %s, want NDIS_STATUS_CLOSING", st)
	}
	expect(t, sys, rules.RuleVcDeleteCallActive, "NdisCoDeleteVc", "being closed")
	sys.Run()
	if st := c.DeleteVc(v); st != ndis.StatusSuccess {
		t.Errorf("NdisCoDeleteVc after the close completed returned %s", st)
	}
	only(t, sys, rules.RuleVcDeleteCallActive)
}

func TestUseAfterDelete(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.DeleteVc(v)
	ndis.ClMakeCall(v.Handle(), &ndis.CoCallParameters{}, nil, nil)
	expect(t, sys, rules.RuleVcUseAfterDelete, "NdisClMakeCall", "deleted")
	ndis.CoDeleteVc(v.Handle())
	expect(t, sys, rules.RuleVcUseAfterDelete, "NdisCoDeleteVc")
	only(t, sys, rules.RuleVcUseAfterDelete)
}

func TestSendBeforeConnectOrAfterClose(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{CloseCall: ndistest.Pend}, testclient.Options{KeepOwnVcs: true})
	v, _ := c.CreateVc(c.Af())
	c.Send(v, []byte("early"))
	sys.Run()
	expect(t, sys, rules.RuleVcState, "NdisCoSendNetBufferLists", "no call")
	if v.SendsOutstanding() != 0 {
		t.Errorf("the refused send did not come back to ProtocolCoSendNetBufferListsComplete")
	}
	c.MakeCall(v, nil, false)
	c.CloseCall(v)
	c.Send(v, []byte("late"))
	sys.Run()
	expect(t, sys, rules.RuleVcState, "NdisCoSendNetBufferLists", "NdisClCloseCall")
}

func TestCloseWithSendsOutstanding(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, false)
	c.Send(v, []byte("x"))
	c.CloseCall(v)
	sys.Run()
	expect(t, sys, rules.RuleCloseCallWithSends, "NdisClCloseCall", "ProtocolCoSendNetBufferListsComplete")
}

func TestCreateVcHandleNotNull(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	a := c.Af()
	h := ndis.Handle("stale")
	ndis.CoCreateVc(a.Binding(), a.Handle(), nil, &h)
	expect(t, sys, rules.RuleCreateVcHandleNotNull, "NdisCoCreateVc", "NULL")
}

func TestStatusForbiddenFromCreateVc(t *testing.T) {
	sys, _, cm, _ := world(t, ndistest.CMScript{}, testclient.Options{CreateVcAnswer: ndis.StatusPending})
	if v := cm.IncomingCall(nil); v != nil {
		t.Errorf("the VC was created although the client's ProtocolCoCreateVc pended")
	}
	expect(t, sys, rules.RuleStatusForbidden, "PROTOCOL_CO_CREATE_VC", "NDIS_STATUS_PENDING")
}
