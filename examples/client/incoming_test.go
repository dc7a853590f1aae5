package client_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// TestIncomingCallAccepted: the call manager offers a call on a VC it
// creates (the client's ProtocolCoCreateVc stores the handle with
// createdByCM set); the client accepts at once or from its timer, and the
// call manager reports it connected.
func TestIncomingCallAccepted(t *testing.T) {
	for _, answer := range []client.AnswerPolicy{client.AcceptNow, client.AcceptLater} {
		t.Run(answerName(answer), func(t *testing.T) {
			sys, _, cm, c := scripted(t, ndistest.CMScript{DeleteVcAfterClose: ndistest.DeleteLater}, config(answer))
			vc := cm.IncomingCall(params())
			k := only(t, c)
			want := client.CallAccepted
			if answer == client.AcceptLater {
				want = client.CallOffered
			}
			if !k.Incoming() || k.State() != want {
				t.Fatalf("after the offer: incoming %v, state %s, want %s", k.Incoming(), k.State(), want)
			}
			sys.Run()
			if k.State() != client.CallAccepted {
				t.Fatalf("after the answer: state %s", k.State())
			}
			cm.CallConnected(vc)
			if k.State() != client.CallConnected {
				t.Fatalf("after ProtocolClCallConnected: state %s", k.State())
			}
			if s := c.Stats(); s.CmVcsCreated != 1 || s.IncomingAccepted != 1 || s.IncomingConnected != 1 || s.VcsCreated != 0 {
				t.Errorf("counters %+v", s)
			}
			if info := vc.Info(); !info.Connected || !info.ClientHandleValid {
				t.Errorf("NDIS sees connected=%v, client handle valid=%v", info.Connected, info.ClientHandleValid)
			}
			c.Hangup(k)
			sys.Run()
			unload(t, sys, c)
		})
	}
}

// TestIncomingCallRejected: the client rejects at once or from its timer;
// the call manager deletes its VC and the client frees its context in
// ProtocolCoDeleteVc.
func TestIncomingCallRejected(t *testing.T) {
	for _, answer := range []client.AnswerPolicy{client.RejectNow, client.RejectLater} {
		t.Run(answerName(answer), func(t *testing.T) {
			sys, _, cm, c := scripted(t, ndistest.CMScript{DeleteVcAfterClose: ndistest.DeleteLater}, config(answer))
			vc := cm.IncomingCall(params())
			sys.Run()
			if !vc.Deleted() || len(c.Calls()) != 0 {
				t.Errorf("after the rejection: VC deleted %v, the client still has %d VCs", vc.Deleted(), len(c.Calls()))
			}
			if s := c.Stats(); s.IncomingRejected != 1 || s.CmVcsCreated != 1 || s.CmVcsDeleted != 1 || s.IncomingAccepted != 0 {
				t.Errorf("counters %+v", s)
			}
			unload(t, sys, c)
		})
	}
}

// TestIncomingCallClosedByClient closes an incoming call from the client
// with every combination of the call manager's close completion and of when
// it deletes its VC. With a nested close and a nested delete, the client's
// ProtocolClCloseCallComplete and ProtocolCoDeleteVc both run before its
// NdisClCloseCall returns (NOTES §11 shape 4): the context is freed, and
// Hangup must not touch it afterwards. The client never deletes the VC.
func TestIncomingCallClosedByClient(t *testing.T) {
	deletes := []struct {
		name string
		mode ndistest.DeleteMode
	}{{"keep", ndistest.DeleteNever}, {"delete-nested", ndistest.DeleteNested}, {"delete-later", ndistest.DeleteLater}}
	for _, cl := range completions {
		for _, del := range deletes {
			t.Run("close-"+cl.name+"/"+del.name, func(t *testing.T) {
				script := ndistest.CMScript{CloseCall: cl.act, DeleteVcAfterClose: del.mode, AutoConnect: true}
				sys, _, cm, c := scripted(t, script, config(client.AcceptNow))
				vc := cm.IncomingCall(params())
				k := only(t, c)
				if k.State() != client.CallConnected {
					t.Fatalf("state %s after an auto-connected offer", k.State())
				}
				if st := c.Hangup(k); st != cl.want {
					t.Fatalf("Hangup: NdisClCloseCall returned %s, want %s", st, cl.want)
				}
				if cl.act == ndistest.Nested && del.mode == ndistest.DeleteNested && k.State() != client.CallDeleted {
					t.Errorf("the call manager deleted its VC inside NdisClCloseCall, but the client's state is %s", k.State())
				}
				sys.Run()
				want := client.CallClosed
				if del.mode != ndistest.DeleteNever {
					want = client.CallDeleted
				}
				if k.State() != want || vc.Deleted() != (del.mode != ndistest.DeleteNever) {
					t.Errorf("after the close: state %s (want %s), VC deleted %v", k.State(), want, vc.Deleted())
				}
				if info := vc.Info(); !vc.Deleted() && info.ClientHandleValid {
					t.Error("NDIS still counts the client's handle valid after the close completed")
				}
				s := c.Stats()
				if s.ClosesCompleted != 1 || s.VcsDeleted != 0 || s.CmVcsDeleted != btoi(del.mode != ndistest.DeleteNever) {
					t.Errorf("counters %+v", s)
				}
				if del.mode == ndistest.DeleteNever {
					if st := cm.DeleteVc(vc); st != ndis.StatusSuccess {
						t.Errorf("the call manager's NdisCoDeleteVc returned %s", st)
					}
					if k.State() != client.CallDeleted || c.Stats().CmVcsDeleted != 1 {
						t.Errorf("after the call manager deleted its VC: state %s", k.State())
					}
				}
				unload(t, sys, c)
			})
		}
	}
}

// TestIncomingCallClosedFromNetwork: the remote party hangs up; the client
// answers ProtocolClIncomingCloseCall with NdisClCloseCall; the call
// manager deletes its VC.
func TestIncomingCallClosedFromNetwork(t *testing.T) {
	for _, cl := range completions {
		t.Run(cl.name, func(t *testing.T) {
			script := ndistest.CMScript{CloseCall: cl.act, DeleteVcAfterClose: ndistest.DeleteLater, AutoConnect: true}
			sys, _, cm, c := scripted(t, script, config(client.AcceptNow))
			vc := cm.IncomingCall(params())
			k := only(t, c)
			cm.CloseFromNetwork(vc, ndis.StatusSuccess)
			sys.Run()
			if !k.RemoteClosed() || k.State() != client.CallDeleted || !vc.Deleted() {
				t.Errorf("after the network closed: remote %v, state %s, VC deleted %v", k.RemoteClosed(), k.State(), vc.Deleted())
			}
			if s := c.Stats(); s.IncomingCloses != 1 || s.ClosesCompleted != 1 || s.CmVcsDeleted != 1 || s.VcsDeleted != 0 {
				t.Errorf("counters %+v", s)
			}
			unload(t, sys, c)
		})
	}
}

// TestReofferOnSameVc: after a call on the call manager's VC closed, the
// call manager offers another call on the same VC: the client's context,
// kept until ProtocolCoDeleteVc, takes the new call, and its handle is
// valid again.
func TestReofferOnSameVc(t *testing.T) {
	sys, _, cm, c := scripted(t, ndistest.CMScript{AutoConnect: true}, config(client.AcceptNow))
	vc := cm.IncomingCall(params())
	k := only(t, c)
	c.Hangup(k)
	if k.State() != client.CallClosed {
		t.Fatalf("after the first close: state %s", k.State())
	}
	cm.ReofferOn(vc, params())
	sys.Run()
	if k2 := only(t, c); k2.ID() != k.ID() || k.State() != client.CallConnected {
		t.Fatalf("after the re-offer: call %d (first was %d), state %s", k2.ID(), k.ID(), k.State())
	}
	if st := c.Hangup(k); st != ndis.StatusSuccess {
		t.Fatalf("second Hangup: %s", st)
	}
	cm.DeleteVc(vc)
	s := c.Stats()
	if s.CmVcsCreated != 1 || s.IncomingAccepted != 2 || s.ClosesCompleted != 2 || s.CmVcsDeleted != 1 {
		t.Errorf("counters %+v", s)
	}
	unload(t, sys, c)
}

// TestUnloadWithCallsUp: unloading closes an outgoing and an incoming call,
// deletes the client's VC, deregisters the SAP and closes the AF, in that
// order, whether the call manager answers synchronously, later or nested
// (the unbind handler waits at PASSIVE_LEVEL), and whether it deletes its VC
// right after the close or later from the queue. With a synchronous close
// the deletion is always queued (DeleteNested falls back to DeleteLater):
// the call manager must delete its VC before it lets the client's close of
// the AF complete, or the unloaded client's ProtocolCoDeleteVc would run.
func TestUnloadWithCallsUp(t *testing.T) {
	deletes := []struct {
		name string
		mode ndistest.DeleteMode
	}{{"delete-nested", ndistest.DeleteNested}, {"delete-later", ndistest.DeleteLater}}
	for _, act := range completions {
		for _, del := range deletes {
			t.Run(act.name+"/"+del.name, func(t *testing.T) {
				script := ndistest.CMScript{CloseCall: act.act, DeregisterSap: act.act, CloseAf: act.act, AutoConnect: true, DeleteVcAfterClose: del.mode}
				sys, _, cm, c := scripted(t, script, config(client.AcceptNow))
				c.Dial(params())
				in := cm.IncomingCall(params())
				s := unload(t, sys, c)
				if s.ClosesCompleted != 2 || s.VcsDeleted != 1 || s.CmVcsDeleted != 1 || s.SapsDeregistered != 1 || s.AfsClosed != 1 {
					t.Errorf("counters %+v", s)
				}
				if !in.Deleted() || !clientVc(t, cm).Deleted() {
					t.Errorf("VCs deleted: the call manager's %v, the client's %v", in.Deleted(), clientVc(t, cm).Deleted())
				}
			})
		}
	}
}

// answerName names an answer policy for subtests.
func answerName(a client.AnswerPolicy) string {
	return [...]string{"accept-now", "accept-later", "reject-now", "reject-later"}[a]
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
