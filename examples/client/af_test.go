package client_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// TestAfOpenAndSap opens the AF and registers the SAP with the call manager
// answering synchronously, later from the queue, and nested; the client
// self-completes the synchronous answers and NDIS completes the others.
// Unloading closes both in order.
func TestAfOpenAndSap(t *testing.T) {
	for _, open := range completions {
		for _, reg := range completions {
			t.Run("open-"+open.name+"/sap-"+reg.name, func(t *testing.T) {
				script := ndistest.CMScript{OpenAf: open.act, RegisterSap: reg.act, CloseAf: open.act, DeregisterSap: reg.act}
				sys, _, cm, c := scripted(t, script, config(client.AcceptNow))
				s := c.Stats()
				if s.AfsOpened != 1 || s.SapsRegistered != 1 || cm.OpenAfs() != 1 {
					t.Fatalf("after Bind: AfsOpened=%d SapsRegistered=%d, call manager sees %d open AFs; want 1, 1, 1", s.AfsOpened, s.SapsRegistered, cm.OpenAfs())
				}
				s = unload(t, sys, c)
				if s.AfsClosed != 1 || s.SapsDeregistered != 1 {
					t.Errorf("after Unload: AfsClosed=%d SapsDeregistered=%d, want 1, 1", s.AfsClosed, s.SapsDeregistered)
				}
			})
		}
	}
}

// TestAfOpenFails: the call manager refuses the AF; the client keeps no AF
// and cannot dial.
func TestAfOpenFails(t *testing.T) {
	for _, act := range []ndistest.Action{ndistest.Fail(ndis.StatusResources), ndistest.Pend.With(ndis.StatusFailure)} {
		t.Run(act.String(), func(t *testing.T) {
			sys, _, cm, c := scripted(t, ndistest.CMScript{OpenAf: act}, config(client.AcceptNow))
			if s := c.Stats(); s.AfsOpened != 0 || s.SapsRegistered != 0 || cm.OpenAfs() != 0 {
				t.Errorf("after a failed open: AfsOpened=%d SapsRegistered=%d, %d open at the call manager; want 0, 0, 0", s.AfsOpened, s.SapsRegistered, cm.OpenAfs())
			}
			if _, st := c.Dial(params()); st != ndis.StatusFailure {
				t.Errorf("Dial with no AF returned %s, want NDIS_STATUS_FAILURE", st)
			}
			unload(t, sys, c)
		})
	}
}

// TestBindWithPendingOpen: the adapter pends NdisOpenAdapterEx and
// NdisCloseAdapterEx; the client pends its bind, completes it from
// ProtocolOpenAdapterCompleteEx, and its unbind waits for the close.
func TestBindWithPendingOpen(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{OpenPends: true})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	c := load(t, sys, config(client.AcceptNow))
	sys.Bind()
	if s := c.Stats(); s.Bindings != 1 || s.AfsOpened != 1 || cm.OpenAfs() != 1 {
		t.Fatalf("after a pended bind: %d bindings, %d AFs opened, %d open at the call manager; want 1 each", s.Bindings, s.AfsOpened, cm.OpenAfs())
	}
	if _, st := c.Dial(params()); st != ndis.StatusSuccess {
		t.Fatalf("Dial: %s", st)
	}
	s := unload(t, sys, c)
	if s.VcsCreated != 1 || s.VcsDeleted != 1 || s.AfsClosed != 1 {
		t.Errorf("after Unload: VcsCreated=%d VcsDeleted=%d AfsClosed=%d, want 1, 1, 1", s.VcsCreated, s.VcsDeleted, s.AfsClosed)
	}
}

// TestNotifyCloseAf: the call manager closes the AF while the client has an
// outgoing and an incoming call up. The client closes both calls, deletes
// its VC, deregisters its SAP and closes the AF; with synchronous answers
// it returns the status from ProtocolClNotifyCloseAf, with pended ones it
// returns NDIS_STATUS_PENDING and completes with
// NdisClNotifyCloseAddressFamilyComplete.
func TestNotifyCloseAf(t *testing.T) {
	cases := []struct {
		name       string
		act        ndistest.Action
		want       ndis.Status
		completion int
	}{
		{"sync", ndistest.Sync, ndis.StatusSuccess, 0},
		{"pended", ndistest.Pend, ndis.StatusPending, 1},
		{"nested", ndistest.Nested, ndis.StatusSuccess, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			script := ndistest.CMScript{CloseCall: tc.act, DeregisterSap: tc.act, CloseAf: tc.act, AutoConnect: true, DeleteVcAfterClose: ndistest.DeleteLater}
			sys, _, cm, c := scripted(t, script, config(client.AcceptNow))
			if _, st := c.Dial(params()); st != ndis.StatusSuccess {
				t.Fatalf("Dial: %s", st)
			}
			in := cm.IncomingCall(params())
			got := cm.NotifyCloseAf()
			if len(got) != 1 || got[0] != tc.want {
				t.Fatalf("NdisCmNotifyCloseAddressFamily returned %v, want [%s]", got, tc.want)
			}
			sys.Run()
			if n := cm.NotifyCloseAfCompleted(); n != tc.completion {
				t.Errorf("%d ProtocolCmNotifyCloseAfComplete calls, want %d", n, tc.completion)
			}
			s := c.Stats()
			if s.NotifyCloseAf != 1 || s.AfsClosed != 1 || s.SapsDeregistered != 1 || s.ClosesCompleted != 2 || s.VcsDeleted != 1 {
				t.Errorf("after the AF closed: %+v", s)
			}
			if !in.Deleted() || s.CmVcsDeleted != 1 {
				t.Errorf("the call manager's VC: deleted=%v, client saw %d ProtocolCoDeleteVc", in.Deleted(), s.CmVcsDeleted)
			}
			if len(c.Calls()) != 0 || cm.OpenAfs() != 0 {
				t.Errorf("after the AF closed the client has %d VCs and the call manager %d open AFs", len(c.Calls()), cm.OpenAfs())
			}
			unload(t, sys, c)
		})
	}
}
