package callmanager_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/callmanager"
	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// TestOutgoingCall: the client dials on a VC it creates; the call manager
// activates it and completes the make-call, then deactivates it and
// completes the close, in every completion mode, with the miniport
// completing activation and deactivation at once or later. The client
// deletes its VC after the close; the call manager deletes none.
func TestOutgoingCall(t *testing.T) {
	miniports := []struct {
		name string
		opts ndistest.AdapterOptions
	}{{"miniport-sync", ndistest.AdapterOptions{}}, {"miniport-pends", ndistest.AdapterOptions{ActivatePends: true, DeactivatePends: true}}}
	for _, mk := range modes {
		for _, cl := range modes {
			for _, mp := range miniports {
				t.Run("make-"+mk.name+"/close-"+cl.name+"/"+mp.name, func(t *testing.T) {
					cfg := cmConfig(callmanager.Synchronous)
					cfg.MakeCall, cfg.CloseCall = mk.mode, cl.mode
					p := setup(t, cfg, clientConfig(client.AcceptNow), false, mp.opts)
					want := wantFor(mk.mode)
					if mp.opts.ActivatePends {
						want = ndis.StatusPending
					}
					k, st := p.c.Dial(params())
					if st != want {
						t.Fatalf("Dial: NdisClMakeCall returned %s, want %s", st, want)
					}
					p.sys.Run()
					if k.State() != client.CallConnected {
						t.Fatalf("after the make-call: %s", k.State())
					}
					if vcs := p.cm.Vcs(); len(vcs) != 1 || vcs[0].CreatedByCM() || vcs[0].State() != "connected" {
						t.Fatalf("the call manager's VCs: %d", len(vcs))
					}
					want = wantFor(cl.mode)
					if mp.opts.DeactivatePends {
						want = ndis.StatusPending
					}
					if st := p.c.Hangup(k); st != want {
						t.Fatalf("Hangup: NdisClCloseCall returned %s, want %s", st, want)
					}
					p.sys.Run()
					if k.State() != client.CallDeleted || len(p.cm.Vcs()) != 0 {
						t.Errorf("after the close: client's state %s, call manager has %d VCs", k.State(), len(p.cm.Vcs()))
					}
					cs, ms := p.unload(t, true)
					if cs.VcsCreated != 1 || cs.VcsDeleted != 1 || cs.OutgoingConnected != 1 || cs.ClosesCompleted != 1 {
						t.Errorf("client %+v", cs)
					}
					if ms.ClientVcsCreated != 1 || ms.ClientVcsDeleted != 1 || ms.CallsMade != 1 || ms.CallsClosed != 1 || ms.Activations != 1 || ms.Deactivations != 1 || ms.OwnVcsDeleted != 0 {
						t.Errorf("call manager %+v", ms)
					}
				})
			}
		}
	}
}

// TestOutgoingCallActivationFails: the miniport refuses the activation; the
// call manager fails the make-call with NDIS_STATUS_NOT_SUPPORTED (the
// status its page gives for a VC it could not activate) and the client
// deletes its VC.
func TestOutgoingCallActivationFails(t *testing.T) {
	p := setup(t, cmConfig(callmanager.Synchronous), clientConfig(client.AcceptNow), false, ndistest.AdapterOptions{FailActivate: ndis.StatusVcNotAvailable})
	k, st := p.c.Dial(params())
	if st != ndis.StatusNotSupported || k.State() != client.CallDeleted {
		t.Errorf("Dial returned %s, state %s; want NDIS_STATUS_NOT_SUPPORTED, deleted", st, k.State())
	}
	cs, ms := p.unload(t, true)
	if cs.OutgoingFailed != 1 || cs.VcsDeleted != 1 || ms.ClientVcsDeleted != 1 || ms.CallsMade != 0 {
		t.Errorf("client %+v, call manager %+v", cs, ms)
	}
}

// TestIncomingCall: a call from the network on a VC the call manager
// creates, answered by the client at once or later, then closed by the
// client in every completion mode. With a nested close the call manager
// completes the close and deletes its VC before the client's
// NdisClCloseCall returns: the client's ProtocolCoDeleteVc has freed the
// context by then. The client never deletes the VC.
func TestIncomingCall(t *testing.T) {
	for _, answer := range []client.AnswerPolicy{client.AcceptNow, client.AcceptLater} {
		for _, cl := range modes {
			t.Run(answerName(answer)+"/close-"+cl.name, func(t *testing.T) {
				cfg := cmConfig(callmanager.Synchronous)
				cfg.CloseCall = cl.mode
				p := setup(t, cfg, clientConfig(answer), false)
				v, st := p.cm.OfferCall(sapAddr, params())
				if st != ndis.StatusSuccess || !v.CreatedByCM() {
					t.Fatalf("OfferCall: %s", st)
				}
				p.sys.Run()
				k := only(t, p.c)
				if !k.Incoming() || k.State() != client.CallConnected || v.State() != "connected" {
					t.Fatalf("after the offer: client's state %s, call manager's %s", k.State(), v.State())
				}
				if st := p.c.Hangup(k); st != wantFor(cl.mode) {
					t.Fatalf("Hangup: NdisClCloseCall returned %s", st)
				}
				if cl.mode == callmanager.Nested && k.State() != client.CallDeleted {
					t.Errorf("the call manager deleted its VC inside NdisClCloseCall, but the client's state is %s", k.State())
				}
				p.sys.Run()
				if k.State() != client.CallDeleted || v.State() != "deleted" {
					t.Errorf("after the close: client's state %s, call manager's %s", k.State(), v.State())
				}
				cs, ms := p.unload(t, true)
				if cs.CmVcsCreated != 1 || cs.CmVcsDeleted != 1 || cs.IncomingAccepted != 1 || cs.IncomingConnected != 1 || cs.VcsDeleted != 0 {
					t.Errorf("client %+v", cs)
				}
				if ms.OwnVcsCreated != 1 || ms.OwnVcsDeleted != 1 || ms.OffersAccepted != 1 || ms.CallsClosed != 1 {
					t.Errorf("call manager %+v", ms)
				}
			})
		}
	}
}

// TestIncomingCallRejected: the client rejects; the call manager
// deactivates its VC and deletes it.
func TestIncomingCallRejected(t *testing.T) {
	for _, answer := range []client.AnswerPolicy{client.RejectNow, client.RejectLater} {
		t.Run(answerName(answer), func(t *testing.T) {
			p := setup(t, cmConfig(callmanager.Synchronous), clientConfig(answer), false)
			v, _ := p.cm.OfferCall(sapAddr, params())
			p.sys.Run()
			if v.State() != "deleted" || len(p.c.Calls()) != 0 {
				t.Errorf("after the rejection: call manager's state %s, the client has %d VCs", v.State(), len(p.c.Calls()))
			}
			cs, ms := p.unload(t, true)
			if cs.IncomingRejected != 1 || cs.CmVcsDeleted != 1 || ms.OffersRejected != 1 || ms.OwnVcsDeleted != 1 || ms.Deactivations != 1 {
				t.Errorf("client %+v, call manager %+v", cs, ms)
			}
		})
	}
}

// TestOfferToUnknownSap: no client registered the SAP.
func TestOfferToUnknownSap(t *testing.T) {
	p := setup(t, cmConfig(callmanager.Synchronous), clientConfig(client.AcceptNow), false)
	if _, st := p.cm.OfferCall([]byte("nobody"), params()); st != ndis.StatusInvalidSap {
		t.Errorf("OfferCall to an unknown SAP returned %s", st)
	}
	if _, ms := p.unload(t, true); ms.OwnVcsCreated != 0 {
		t.Errorf("the call manager created %d VCs", ms.OwnVcsCreated)
	}
}

// TestHangupFromNetwork: the remote party closes an incoming and an
// outgoing call; the client answers each ProtocolClIncomingCloseCall with
// NdisClCloseCall; the call manager deletes its VC, the client its own.
func TestHangupFromNetwork(t *testing.T) {
	for _, cl := range modes {
		t.Run(cl.name, func(t *testing.T) {
			cfg := cmConfig(callmanager.Synchronous)
			cfg.CloseCall = cl.mode
			p := setup(t, cfg, clientConfig(client.AcceptNow), false)
			in, _ := p.cm.OfferCall(sapAddr, params())
			out, _ := p.c.Dial(params())
			p.sys.Run()
			for _, v := range p.cm.Vcs() {
				if st := p.cm.HangupFromNetwork(v); st != ndis.StatusSuccess {
					t.Fatalf("HangupFromNetwork: %s", st)
				}
			}
			p.sys.Run()
			if in.State() != "deleted" || out.State() != client.CallDeleted || !out.RemoteClosed() {
				t.Errorf("after the network closed: call manager's VC %s, client's %s", in.State(), out.State())
			}
			cs, ms := p.unload(t, true)
			if cs.IncomingCloses != 2 || cs.ClosesCompleted != 2 || cs.VcsDeleted != 1 || cs.CmVcsDeleted != 1 || ms.OwnVcsDeleted != 1 || ms.ClientVcsDeleted != 1 {
				t.Errorf("client %+v, call manager %+v", cs, ms)
			}
		})
	}
}

// TestReoffer: the call manager keeps its VC after the call closed and
// offers a new call on it; the client's context, kept until
// ProtocolCoDeleteVc, takes it. Closing the AF deletes the kept VC.
func TestReoffer(t *testing.T) {
	for _, cl := range modes {
		t.Run(cl.name, func(t *testing.T) {
			cfg := cmConfig(callmanager.Synchronous)
			cfg.CloseCall, cfg.KeepVcs = cl.mode, true
			p := setup(t, cfg, clientConfig(client.AcceptNow), false)
			v, _ := p.cm.OfferCall(sapAddr, params())
			p.sys.Run()
			k := only(t, p.c)
			p.c.Hangup(k)
			p.sys.Run()
			if k.State() != client.CallClosed || v.State() != "idle" {
				t.Fatalf("after the close: client's state %s, call manager's %s", k.State(), v.State())
			}
			if st := p.cm.Reoffer(v, params()); st != ndis.StatusSuccess {
				t.Fatalf("Reoffer: %s", st)
			}
			p.sys.Run()
			if k2 := only(t, p.c); k2.ID() != k.ID() || k.State() != client.CallConnected {
				t.Fatalf("after the re-offer: call %d (first %d), state %s", k2.ID(), k.ID(), k.State())
			}
			cs, ms := p.unload(t, true)
			if cs.CmVcsCreated != 1 || cs.IncomingAccepted != 2 || cs.ClosesCompleted != 2 || cs.CmVcsDeleted != 1 {
				t.Errorf("client %+v", cs)
			}
			if ms.OwnVcsCreated != 1 || ms.Offers != 2 || ms.OwnVcsDeleted != 1 {
				t.Errorf("call manager %+v", ms)
			}
		})
	}
}

// TestUnloadWithCallsUp unloads one driver or the other while an outgoing
// and an incoming call are up, in every completion mode: the unbind
// handlers wait at PASSIVE_LEVEL while the teardown runs.
func TestUnloadWithCallsUp(t *testing.T) {
	for _, m := range modes {
		for _, clientFirst := range []bool{true, false} {
			name := m.name + "/cm-first"
			if clientFirst {
				name = m.name + "/client-first"
			}
			t.Run(name, func(t *testing.T) {
				p := setup(t, cmConfig(m.mode), clientConfig(client.AcceptNow), false)
				p.c.Dial(params())
				p.cm.OfferCall(sapAddr, params())
				p.sys.Run()
				cs, ms := p.unload(t, clientFirst)
				if cs.ClosesCompleted != 2 || cs.VcsDeleted != 1 || cs.CmVcsDeleted != 1 || cs.AfsClosed != 1 {
					t.Errorf("client %+v", cs)
				}
				if ms.CallsClosed != 2 || ms.OwnVcsDeleted != 1 || ms.ClientVcsDeleted != 1 || ms.AfsClosed != 1 {
					t.Errorf("call manager %+v", ms)
				}
			})
		}
	}
}

// answerName names an answer policy for subtests.
func answerName(a client.AnswerPolicy) string {
	return [...]string{"accept-now", "accept-later", "reject-now", "reject-later"}[a]
}
