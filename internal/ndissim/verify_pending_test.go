package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

func TestCompletedTwice(t *testing.T) {
	t.Run("NdisCmCloseCallComplete", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{CloseCall: ndistest.Pend}, testclient.Options{})
		v, cv := connectedIncoming(t, cm, c)
		c.CloseCall(cv)
		sys.Run()
		ndis.CmCloseCallComplete(ndis.StatusSuccess, v.Handle(), nil)
		expect(t, sys, rules.RuleCompletedTwice, "NdisCmCloseCallComplete", "NdisClCloseCall")
		only(t, sys, rules.RuleCompletedTwice)
	})
	t.Run("NdisClIncomingCallComplete", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{Incoming: testclient.Hold})
		cm.IncomingCall(nil)
		cv := c.IncomingVCs()[0]
		c.CompleteIncoming(cv, ndis.StatusSuccess)
		c.CompleteIncoming(cv, ndis.StatusSuccess)
		expect(t, sys, rules.RuleCompletedTwice, "NdisClIncomingCallComplete", "PROTOCOL_CL_INCOMING_CALL")
	})
}

func TestCompletionWithoutPending(t *testing.T) {
	t.Run("after-a-synchronous-answer", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		cm.IncomingCall(nil)
		cv := c.IncomingVCs()[0]
		ndis.ClIncomingCallComplete(ndis.StatusSuccess, cv.Handle(), &ndis.CoCallParameters{})
		expect(t, sys, rules.RuleCompletionWithoutPending, "NdisClIncomingCallComplete", "not pending")
	})
	t.Run("never-asked", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		v, _ := connectedIncoming(t, cm, c)
		ndis.CmCloseCallComplete(ndis.StatusSuccess, v.Handle(), nil)
		expect(t, sys, rules.RuleCompletionWithoutPending, "NdisCmCloseCallComplete")
	})
	t.Run("oid", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		ndis.CoOidRequestComplete(c.Af().Handle(), nil, nil, &ndis.OidRequest{}, ndis.StatusSuccess)
		expect(t, sys, rules.RuleCompletionWithoutPending, "NdisCoOidRequestComplete")
	})
}

func TestCompleteWithPending(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{Incoming: testclient.Hold})
	cm.IncomingCall(nil)
	cv := c.IncomingVCs()[0]
	ndis.ClIncomingCallComplete(ndis.StatusPending, cv.Handle(), &ndis.CoCallParameters{})
	expect(t, sys, rules.RuleCompleteWithPending, "NdisClIncomingCallComplete", "NDIS_STATUS_PENDING")
}

func TestPendingNeverCompleted(t *testing.T) {
	t.Run("client-holds-incoming-call", func(t *testing.T) {
		sys, _, cm, _ := world(t, ndistest.CMScript{}, testclient.Options{Incoming: testclient.Hold})
		cm.IncomingCall(nil)
		sys.Finish()
		expect(t, sys, rules.RulePendingNeverCompleted, "PROTOCOL_CL_INCOMING_CALL", "NdisClIncomingCallComplete")
	})
	t.Run("client-holds-notify-close-af", func(t *testing.T) {
		sys, _, cm, _ := world(t, ndistest.CMScript{}, testclient.Options{HoldNotifyCloseAf: true})
		cm.NotifyCloseAf()
		sys.Finish()
		expect(t, sys, rules.RulePendingNeverCompleted, "PROTOCOL_CL_NOTIFY_CLOSE_AF", "NdisClNotifyCloseAddressFamilyComplete")
	})
	t.Run("client-holds-oid", func(t *testing.T) {
		sys, _, cm, _ := world(t, ndistest.CMScript{}, testclient.Options{OidPends: true})
		cm.OidRequest(nil, &ndis.OidRequest{Oid: 7})
		sys.Finish()
		expect(t, sys, rules.RulePendingNeverCompleted, "OID", "NdisCoOidRequestComplete")
	})
}

func TestIncomingCloseUnanswered(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{DeferIncomingClose: true})
	v, _ := connectedIncoming(t, cm, c)
	cm.CloseFromNetwork(v, ndis.StatusSuccess)
	sys.Finish()
	expect(t, sys, rules.RuleIncomingCloseUnanswered, "PROTOCOL_CL_INCOMING_CLOSE_CALL", "NdisClCloseCall")
}

// TestPassiveDdiFromDispatchCallback: NdisClOpenAddressFamilyEx, a
// PASSIVE_LEVEL DDI, called from ProtocolClIncomingCall, which NDIS runs at
// DISPATCH_LEVEL.
func TestPassiveDdiFromDispatchCallback(t *testing.T) {
	var c *testclient.Client
	c = testclient.New(testclient.Options{
		Sap: &ndis.CoSap{Sap: []byte("s")},
		OnEvent: func(role string, v *testclient.VC) {
			if role == "PROTOCOL_CL_INCOMING_CALL" {
				var h ndis.Handle
				af := c.Af()
				ndis.ClOpenAddressFamilyEx(af.Binding(), &q2931, nil, &h)
			}
		},
	})
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	cm.IncomingCall(nil)
	expect(t, sys, rules.RuleIrqlAboveMax, "NdisClOpenAddressFamilyEx", "DISPATCH_LEVEL", "PASSIVE_LEVEL")
}

// TestSpinLockKeptOnReturn: a handler acquires a spin lock and returns
// early without releasing it.
func TestSpinLockKeptOnReturn(t *testing.T) {
	var lock ndis.SpinLock
	c := testclient.New(testclient.Options{
		Sap: &ndis.CoSap{Sap: []byte("s")},
		OnEvent: func(role string, v *testclient.VC) {
			if role == "PROTOCOL_CL_CALL_CONNECTED" {
				ndis.AcquireSpinLock(&lock)
				if v != nil {
					return // the early return that forgets NdisReleaseSpinLock
				}
				ndis.ReleaseSpinLock(&lock)
			}
		},
	})
	sys := ndistest.New(t, ndistest.KeepViolations())
	ndis.AllocateSpinLock(&lock)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	connectedIncoming(t, cm, c)
	expect(t, sys, rules.RuleSpinlockHeldOnReturn, "PROTOCOL_CL_CALL_CONNECTED")
}
