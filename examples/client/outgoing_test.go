package client_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// TestOutgoingCall makes a call on a VC the client creates and closes it
// from the client, with the call manager answering the make-call and the
// close synchronously, later and nested. After a successful close the
// client deletes its VC (NdisCoDeleteVc runs the call manager's
// ProtocolCoDeleteVc).
func TestOutgoingCall(t *testing.T) {
	for _, mk := range completions {
		for _, cl := range completions {
			t.Run("make-"+mk.name+"/close-"+cl.name, func(t *testing.T) {
				sys, _, cm, c := scripted(t, ndistest.CMScript{MakeCall: mk.act, CloseCall: cl.act}, config(client.AcceptNow))
				k, st := c.Dial(params())
				if st != mk.want {
					t.Fatalf("Dial: NdisClMakeCall returned %s, want %s", st, mk.want)
				}
				sys.Run()
				if k.State() != client.CallConnected || k.LastStatus() != ndis.StatusSuccess || k.Incoming() {
					t.Fatalf("after the make-call completed: state %s, status %s, incoming %v", k.State(), k.LastStatus(), k.Incoming())
				}
				vc := clientVc(t, cm)
				if info := vc.Info(); !info.Active || !info.Connected {
					t.Errorf("NDIS sees the VC active=%v connected=%v", info.Active, info.Connected)
				}
				if st := c.Hangup(k); st != cl.want {
					t.Fatalf("Hangup: NdisClCloseCall returned %s, want %s", st, cl.want)
				}
				sys.Run()
				if k.State() != client.CallDeleted || !vc.Deleted() {
					t.Errorf("after the close: state %s, NDIS deleted the VC: %v", k.State(), vc.Deleted())
				}
				s := c.Stats()
				if s.VcsCreated != 1 || s.VcsDeleted != 1 || s.OutgoingConnected != 1 || s.ClosesCompleted != 1 || s.CmVcsCreated != 0 {
					t.Errorf("counters: %+v", s)
				}
				unload(t, sys, c)
			})
		}
	}
}

// TestOutgoingCallFails: the call manager fails the make-call, at once or
// after pending; the client deletes the VC it created.
func TestOutgoingCallFails(t *testing.T) {
	cases := []struct {
		act  ndistest.Action
		want ndis.Status
	}{
		{ndistest.Fail(ndis.StatusNoRouteToDestination), ndis.StatusNoRouteToDestination},
		{ndistest.Pend.With(ndis.StatusDestOutOfOrder), ndis.StatusPending},
		{ndistest.Nested.With(ndis.StatusDestOutOfOrder), ndis.StatusPending},
	}
	for _, tc := range cases {
		t.Run(tc.act.String(), func(t *testing.T) {
			sys, _, cm, c := scripted(t, ndistest.CMScript{MakeCall: tc.act}, config(client.AcceptNow))
			k, st := c.Dial(params())
			if st != tc.want {
				t.Fatalf("Dial returned %s, want %s", st, tc.want)
			}
			sys.Run()
			if k.State() != client.CallDeleted || k.LastStatus() == ndis.StatusSuccess {
				t.Errorf("after a failed make-call: state %s, status %s", k.State(), k.LastStatus())
			}
			if s := c.Stats(); s.OutgoingFailed != 1 || s.VcsDeleted != 1 || len(c.Calls()) != 0 {
				t.Errorf("counters %+v, %d VCs left", s, len(c.Calls()))
			}
			if !clientVc(t, cm).Deleted() {
				t.Error("NDIS did not delete the client's VC")
			}
			unload(t, sys, c)
		})
	}
}

// TestOutgoingCallClosedFromNetwork: the remote party hangs up an outgoing
// call; the client answers ProtocolClIncomingCloseCall with NdisClCloseCall
// and deletes its VC once the close completed.
func TestOutgoingCallClosedFromNetwork(t *testing.T) {
	for _, cl := range completions {
		t.Run(cl.name, func(t *testing.T) {
			sys, _, cm, c := scripted(t, ndistest.CMScript{CloseCall: cl.act}, config(client.AcceptNow))
			k, st := c.Dial(params())
			if st != ndis.StatusSuccess {
				t.Fatalf("Dial: %s", st)
			}
			vc := clientVc(t, cm)
			cm.CloseFromNetwork(vc, ndis.StatusSuccess)
			sys.Run()
			if !k.RemoteClosed() || k.State() != client.CallDeleted || !vc.Deleted() {
				t.Errorf("after the network closed: remote %v, state %s, deleted %v", k.RemoteClosed(), k.State(), vc.Deleted())
			}
			if s := c.Stats(); s.IncomingCloses != 1 || s.ClosesCompleted != 1 || s.VcsDeleted != 1 {
				t.Errorf("counters %+v", s)
			}
			unload(t, sys, c)
		})
	}
}

// TestCloseFails: the call manager refuses the close; the client keeps its
// VC (deleting it would break NdisCoDeleteVc's precondition) and closes
// again later, successfully.
func TestCloseFails(t *testing.T) {
	sys, _, cm, c := scripted(t, ndistest.CMScript{CloseCall: ndistest.Fail(ndis.StatusFailure)}, config(client.AcceptNow))
	k, _ := c.Dial(params())
	if st := c.Hangup(k); st != ndis.StatusFailure {
		t.Fatalf("Hangup returned %s, want NDIS_STATUS_FAILURE", st)
	}
	if k.State() != client.CallCloseFailed || c.Stats().VcsDeleted != 0 {
		t.Fatalf("after a failed close: state %s, %d VCs deleted", k.State(), c.Stats().VcsDeleted)
	}
	cm.Script().CloseCall = ndistest.Sync
	if st := c.Hangup(k); st != ndis.StatusSuccess {
		t.Fatalf("second Hangup returned %s", st)
	}
	if k.State() != client.CallDeleted || c.Stats().CloseFailures != 1 {
		t.Errorf("after the second close: state %s, %d failures", k.State(), c.Stats().CloseFailures)
	}
	unload(t, sys, c)
}

// TestReceive: data indicated on a connected call reaches the client's
// ProtocolCoReceiveNetBufferLists for that VC.
func TestReceive(t *testing.T) {
	sys, ad, cm, c := scripted(t, ndistest.CMScript{}, config(client.AcceptNow))
	k, _ := c.Dial(params())
	ad.Receive(clientVc(t, cm).Number(), []byte("one"), []byte("two"))
	sys.Run()
	if k.Received() != 2 {
		t.Errorf("the client received %d NET_BUFFER_LISTs, want 2", k.Received())
	}
	unload(t, sys, c)
}
