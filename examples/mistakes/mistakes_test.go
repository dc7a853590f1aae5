package mistakes_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/examples/mistakes"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// q2931 is the address family the scripted call manager registers.
var q2931 = ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3, MinorVersion: 1}

// sap is the SAP the client registers.
var sap = ndis.CoSap{SapType: 1, SapLength: 4, Sap: []byte("sap0")}

// run loads the client with one mistake next to the scripted call manager,
// keeping the verifier's violations instead of failing the test.
func run(t *testing.T, m mistakes.Mistake, script ndistest.CMScript) (*ndistest.System, *ndistest.CallManager) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, script)
	sys.Load(func() ndis.Status { return mistakes.DriverEntry(m, q2931, sap) })
	sys.Bind()
	if cm.OpenAfs() != 1 {
		t.Fatalf("the client did not open the AF")
	}
	return sys, cm
}

// expect ends the run and checks that the verifier reported exactly the
// given rules, each with a message that names every string in its names.
func expect(t *testing.T, sys *ndistest.System, want map[string][]string) {
	t.Helper()
	sys.Finish()
	got := map[string]bool{}
	for _, v := range sys.Violations() {
		t.Log(v.Headline())
		got[v.Rule] = true
		names, ok := want[v.Rule]
		if !ok {
			t.Errorf("unexpected violation: %s", v)
			continue
		}
		for _, n := range names {
			if !strings.Contains(v.Message, n) {
				t.Errorf("the %s report does not name %s: %s", v.Rule, n, v.Message)
			}
		}
	}
	for rule := range want {
		if !got[rule] {
			t.Errorf("the verifier reported no %s; it reported %v", rule, keys(got))
		}
	}
}

// keys lists a set's members in order.
func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestNoMistake: the base client with no mistake runs the same sequences
// clean, so each test below fails only for its mistake.
func TestNoMistake(t *testing.T) {
	sys, cm := run(t, mistakes.None, ndistest.CMScript{AutoConnect: true, DeleteVcAfterClose: ndistest.DeleteLater})
	vc := cm.IncomingCall(nil)
	cm.CloseFromNetwork(vc, ndis.StatusSuccess)
	sys.Run()
	if !vc.Deleted() {
		t.Error("the call manager did not delete its VC")
	}
	expect(t, sys, nil)
}

// TestSeedDeleteCmVcOnCloseComplete: seed.go.
func TestSeedDeleteCmVcOnCloseComplete(t *testing.T) {
	for _, act := range []ndistest.Action{ndistest.Sync, ndistest.Pend} {
		t.Run(act.String(), func(t *testing.T) {
			sys, cm := run(t, mistakes.DeleteCmVcOnCloseComplete, ndistest.CMScript{AutoConnect: true, CloseCall: act})
			vc := cm.IncomingCall(nil)
			cm.CloseFromNetwork(vc, ndis.StatusSuccess)
			sys.Run()
			if vc.Deleted() {
				t.Error("NDIS let the client delete the call manager's VC")
			}
			expect(t, sys, map[string][]string{
				rules.RuleVcDeleteNotCreator: {"NdisCoDeleteVc", "ProtocolCoCreateVc"},
				rules.RuleVcUseAfterClose:    {"NdisCoDeleteVc", "PROTOCOL_CL_CLOSE_CALL_COMPLETE"},
			})
		})
	}
}

// TestSleepAtDispatch: irql.go.
func TestSleepAtDispatch(t *testing.T) {
	sys, cm := run(t, mistakes.SleepAtDispatch, ndistest.CMScript{})
	vc := cm.IncomingCall(nil)
	cm.CallConnected(vc)
	expect(t, sys, map[string][]string{
		"irql-above-max": {"NdisMSleep", "DISPATCH_LEVEL"},
	})
}

// TestSpinLockHeldOnEarlyReturn: spinlock.go (the second call takes the
// early return).
func TestSpinLockHeldOnEarlyReturn(t *testing.T) {
	sys, cm := run(t, mistakes.SpinLockHeldOnEarlyReturn, ndistest.CMScript{DeleteVcAfterClose: ndistest.DeleteLater})
	cm.IncomingCall(nil)
	cm.IncomingCall(nil)
	expect(t, sys, map[string][]string{
		"spinlock-held-on-return": {"PROTOCOL_CL_INCOMING_CALL", "NDIS_SPIN_LOCK"},
	})
}

// TestSendAfterClose: useafterclose.go.
func TestSendAfterClose(t *testing.T) {
	sys, cm := run(t, mistakes.SendAfterClose, ndistest.CMScript{AutoConnect: true})
	vc := cm.IncomingCall(nil)
	cm.CloseFromNetwork(vc, ndis.StatusSuccess)
	expect(t, sys, map[string][]string{
		rules.RuleVcUseAfterClose: {"NdisCoSendNetBufferLists", "PROTOCOL_CL_CLOSE_CALL_COMPLETE"},
	})
}

// TestDeleteWithCallActive: deleteactive.go, with the call manager pending
// the close.
func TestDeleteWithCallActive(t *testing.T) {
	sys, _ := run(t, mistakes.DeleteWithCallActive, ndistest.CMScript{CloseCall: ndistest.Pend})
	if st := mistakes.DialAndHangUp(&ndis.CoCallParameters{}); st == ndis.StatusSuccess {
		t.Errorf("NdisCoDeleteVc with the close pending returned %s", st)
	}
	expect(t, sys, map[string][]string{
		rules.RuleVcDeleteCallActive: {"NdisCoDeleteVc", "NDIS_STATUS_SUCCESS"},
	})
}

// TestPendingFromDeleteVc: deletevcpending.go, when the call manager
// deletes its VC after the call closed.
func TestPendingFromDeleteVc(t *testing.T) {
	sys, cm := run(t, mistakes.PendingFromDeleteVc, ndistest.CMScript{AutoConnect: true, DeleteVcAfterClose: ndistest.DeleteLater})
	vc := cm.IncomingCall(nil)
	cm.CloseFromNetwork(vc, ndis.StatusSuccess)
	sys.Run()
	expect(t, sys, map[string][]string{
		rules.RuleStatusForbidden: {"PROTOCOL_CO_DELETE_VC", "NDIS_STATUS_PENDING"},
	})
}

// TestIncomingCloseUnanswered: unanswered.go.
func TestIncomingCloseUnanswered(t *testing.T) {
	sys, cm := run(t, mistakes.IncomingCloseUnanswered, ndistest.CMScript{AutoConnect: true})
	vc := cm.IncomingCall(nil)
	cm.CloseFromNetwork(vc, ndis.StatusSuccess)
	expect(t, sys, map[string][]string{
		rules.RuleIncomingCloseUnanswered: {"PROTOCOL_CL_INCOMING_CLOSE_CALL", "NdisClCloseCall"},
	})
}
