package callmanager_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/callmanager"
	"github.com/ndislint/ndislint/examples/client"
	"github.com/ndislint/ndislint/ndistest"
)

// TestAfAndSap: the call manager registers its AF from its bind handler;
// the client opens it and registers its SAP, whichever driver loads first
// and whichever way the call manager completes; unloading closes both.
func TestAfAndSap(t *testing.T) {
	for _, m := range modes {
		for _, clientFirst := range []bool{false, true} {
			name := m.name + "/cm-first"
			if clientFirst {
				name = m.name + "/client-first"
			}
			t.Run(name, func(t *testing.T) {
				p := setup(t, cmConfig(m.mode), clientConfig(client.AcceptNow), clientFirst)
				cs, ms := p.c.Stats(), p.cm.Stats()
				if cs.AfsOpened != 1 || cs.SapsRegistered != 1 || ms.AfsOpened != 1 || ms.SapsRegistered != 1 || ms.Bindings != 1 {
					t.Fatalf("after Bind: client %+v, call manager %+v", cs, ms)
				}
				cs, ms = p.unload(t, clientFirst)
				if cs.AfsClosed != 1 || cs.SapsDeregistered != 1 || ms.AfsClosed != 1 || ms.SapsDeregistered != 1 {
					t.Errorf("after unloading: client %+v, call manager %+v", cs, ms)
				}
				if clientFirst != (cs.NotifyCloseAf == 0) {
					t.Errorf("the client got %d ProtocolClNotifyCloseAf; unloading the call manager first must send one", cs.NotifyCloseAf)
				}
			})
		}
	}
}

// TestBindWithPendingOpen: the adapter pends NdisOpenAdapterEx, so the call
// manager registers its AF from ProtocolOpenAdapterCompleteEx (at
// PASSIVE_LEVEL) and completes its bind there.
func TestBindWithPendingOpen(t *testing.T) {
	p := setup(t, cmConfig(callmanager.Synchronous), clientConfig(client.AcceptNow), false, ndistest.AdapterOptions{OpenPends: true})
	if cs, ms := p.c.Stats(), p.cm.Stats(); cs.AfsOpened != 1 || ms.AfsOpened != 1 || ms.Bindings != 1 {
		t.Fatalf("after a pended bind: client %+v, call manager %+v", cs, ms)
	}
	p.unload(t, false)
}

// TestCloseAddressFamilies: the call manager closes its AF while the client
// has an outgoing and an incoming call up (NdisCmNotifyCloseAddressFamily);
// the client closes its calls, its VC, its SAP and the AF.
func TestCloseAddressFamilies(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			p := setup(t, cmConfig(m.mode), clientConfig(client.AcceptNow), false)
			p.c.Dial(params())
			p.cm.OfferCall(sapAddr, params())
			p.sys.Run()
			p.cm.CloseAddressFamilies()
			p.sys.Run()
			cs, ms := p.c.Stats(), p.cm.Stats()
			if cs.NotifyCloseAf != 1 || cs.AfsClosed != 1 || cs.ClosesCompleted != 2 || cs.VcsDeleted != 1 || cs.CmVcsDeleted != 1 || cs.SapsDeregistered != 1 {
				t.Errorf("client %+v", cs)
			}
			if ms.AfsClosed != 1 || ms.CallsClosed != 2 || ms.OwnVcsDeleted != 1 || ms.ClientVcsDeleted != 1 || len(p.cm.Vcs()) != 0 {
				t.Errorf("call manager %+v, %d VCs left", ms, len(p.cm.Vcs()))
			}
			p.unload(t, true)
		})
	}
}
