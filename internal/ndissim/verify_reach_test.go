package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// The tests of this file reach the violation sites that need a handle a
// driver's test never holds (the miniport's own VC handle, the call
// manager's SAP and AF handles: ndistest's handles.go), an address family
// whose open is still pending, or a catalogue without the call lifetime.
// Each has its clean twin: the same handle or scenario used rightly.

// sapParams is the SAP the tests' clients register.
var sapParams = &ndis.CoSap{SapType: 1, Sap: []byte("sap")}

// newViolations returns a function that fails the test if violations were
// reported since newViolations was called.
func newViolations(t *testing.T, sys *ndistest.System) func(what string) {
	n := len(sys.Violations())
	return func(what string) {
		t.Helper()
		if vs := sys.Violations(); len(vs) > n {
			t.Errorf("%s: unexpected violations:\n%s", what, dump(sys))
		}
	}
}

// TestMiniportVcHandleFromProtocol: the miniport's NdisVcHandle of a VC is
// its own (NdisMCo* calls); a protocol that sends on it or deletes the VC
// with it is reported, while the protocol's own handle of the same VC does
// both.
func TestMiniportVcHandleFromProtocol(t *testing.T) {
	t.Run("send", func(t *testing.T) {
		sys, ad, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		_, cv := connectedIncoming(t, cm, c)
		mp := ad.VcHandle(cv.Number())
		if mp == nil || mp == cv.Handle() {
			t.Fatalf("the miniport's handle of vc #%d is %v", cv.Number(), mp)
		}
		done := newViolations(t, sys)
		c.Send(cv, []byte("mine"))
		sys.Run()
		done("a send on the client's own handle")
		ndis.CoSendNetBufferLists(mp, &ndis.NetBufferList{Data: []byte("theirs"), SourceHandle: mp}, 0)
		expect(t, sys, rules.RuleBadHandle, "NdisCoSendNetBufferLists", "miniport's handle", "protocols send with their own")
		only(t, sys, rules.RuleBadHandle)
		sys.Run()
		if got := len(ad.Sent()); got != 1 {
			t.Errorf("the miniport was given %d sends; want 1 (the refused one never reaches it)", got)
		}
	})
	t.Run("delete", func(t *testing.T) {
		sys, ad, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		v, st := c.CreateVc(c.Af())
		if st != ndis.StatusSuccess {
			t.Fatalf("NdisCoCreateVc = %s", st)
		}
		mp := ad.VcHandle(v.Number())
		if mp == nil {
			t.Fatalf("the miniport has no vc #%d", v.Number())
		}
		if st := ndis.CoDeleteVc(mp); st != ndis.StatusFailure {
			t.Errorf("NdisCoDeleteVc(the miniport's handle) = %s, want NDIS_STATUS_FAILURE", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisCoDeleteVc", "miniport's handle", "only the protocol that created a VC deletes it")
		only(t, sys, rules.RuleBadHandle)
		done := newViolations(t, sys)
		if st := c.DeleteVc(v); st != ndis.StatusSuccess {
			t.Errorf("NdisCoDeleteVc(the client's handle) = %s", st)
		}
		done("the creator deleting its VC")
	})
}

// TestDeleteOwnVcStillActive: a call manager's own VC (NdisCoCreateVc with
// no AF) is deleted only once its deactivation completed: not while it is
// active, not while the deactivation pends.
func TestDeleteOwnVcStillActive(t *testing.T) {
	t.Run("active", func(t *testing.T) {
		sys, _, cm, _ := world(t, ndistest.CMScript{}, testclient.Options{})
		sig := cm.SignalingVc()
		if sig == nil {
			t.Fatal("no signalling VC")
		}
		if st := cm.DeleteVc(sig); st != ndis.StatusNotAccepted {
			t.Errorf("NdisCoDeleteVc of an active VC = %s, want NDIS_STATUS_NOT_ACCEPTED", st)
		}
		expect(t, sys, rules.RuleVcDeleteCallActive, "NdisCoDeleteVc", "is still active")
		only(t, sys, rules.RuleVcDeleteCallActive)
		cm.Deactivate(sig)
		sys.Run()
		done := newViolations(t, sys)
		if st := cm.DeleteVc(sig); st != ndis.StatusSuccess {
			t.Errorf("NdisCoDeleteVc after the deactivation = %s", st)
		}
		done("a delete after the deactivation")
	})
	t.Run("deactivating", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{DeactivatePends: true})
		cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
		sys.Bind()
		sig := cm.SignalingVc()
		if sig == nil {
			t.Fatal("no signalling VC")
		}
		cm.Deactivate(sig)
		if st := cm.DeleteVc(sig); st != ndis.StatusClosing {
			t.Errorf("NdisCoDeleteVc while the deactivation pends = %s, want NDIS_STATUS_CLOSING", st)
		}
		expect(t, sys, rules.RuleVcDeleteCallActive, "NdisCoDeleteVc", "is being deactivated")
		only(t, sys, rules.RuleVcDeleteCallActive)
		sys.Run()
		done := newViolations(t, sys)
		if st := cm.DeleteVc(sig); st != ndis.StatusSuccess {
			t.Errorf("NdisCoDeleteVc once the deactivation completed = %s", st)
		}
		done("a delete once the deactivation completed")
	})
}

// openPending builds a system whose call manager (stand-alone, or a
// miniport call manager when mcm is set) pends ProtocolCmOpenAf, and binds
// the test client without running the queue: the client's open of the AF is
// still pending when it returns.
func openPending(t *testing.T, mcm bool) (*ndistest.System, *ndistest.CallManager, *testclient.Client, *testclient.Af) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	script := ndistest.CMScript{OpenAf: ndistest.Pend}
	var cm *ndistest.CallManager
	if mcm {
		cm = sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, script)
	} else {
		cm = sys.AddCallManager(sys.AddAdapter("atm0", ndis.MediumAtm), q2931, script)
	}
	c := testclient.New(testclient.Options{Sap: sapParams})
	sys.Load(c.DriverEntry)
	current().BindAll()
	afs := c.Afs()
	if len(afs) != 1 || afs[0].Open() || afs[0].Handle() == nil {
		t.Fatalf("want one AF whose open pends; events %v", c.Events)
	}
	return sys, cm, c, afs[0]
}

// TestAfUsedBeforeOpenCompletes: the NdisAfHandle is good once the open
// completed (ProtocolClOpenAfCompleteEx with NDIS_STATUS_SUCCESS; for the
// call manager, its completion): no lifetime forbids it earlier (the AF is
// "opening", its handle not invalidated), and the simulator reports a SAP
// or a VC on it before then. The same calls after the completion are clean.
func TestAfUsedBeforeOpenCompletes(t *testing.T) {
	t.Run("client-register-sap", func(t *testing.T) {
		sys, _, c, af := openPending(t, false)
		var sh ndis.Handle
		if st := ndis.ClRegisterSap(af.Handle(), nil, &ndis.CoSap{SapType: 1, Sap: []byte("early")}, &sh); st != ndis.StatusFailure {
			t.Errorf("NdisClRegisterSap on an AF whose open pends = %s, want NDIS_STATUS_FAILURE", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisClRegisterSap", "is not open")
		only(t, sys, rules.RuleBadHandle)
		sys.Run()
		if !af.Open() {
			t.Fatalf("the AF did not open; events %v", c.Events)
		}
		done := newViolations(t, sys)
		if _, st := c.RegisterSap(af, ndis.CoSap{SapType: 1, Sap: []byte("late")}); st != ndis.StatusSuccess {
			t.Errorf("NdisClRegisterSap once the AF is open = %s", st)
		}
		done("a SAP registered once the AF is open")
	})
	t.Run("client-create-vc", func(t *testing.T) {
		sys, _, c, af := openPending(t, false)
		var vh ndis.Handle
		if st := ndis.CoCreateVc(af.Binding(), af.Handle(), nil, &vh); st != ndis.StatusFailure {
			t.Errorf("NdisCoCreateVc on an AF whose open pends = %s, want NDIS_STATUS_FAILURE", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisCoCreateVc", "is not open")
		only(t, sys, rules.RuleBadHandle)
		sys.Run()
		done := newViolations(t, sys)
		v, st := c.CreateVc(af)
		if st != ndis.StatusSuccess {
			t.Fatalf("NdisCoCreateVc once the AF is open = %s", st)
		}
		c.DeleteVc(v)
		done("a VC created and deleted once the AF is open")
	})
	t.Run("mcm-create-vc", func(t *testing.T) {
		sys, cm, c, _ := openPending(t, true)
		ahs := cm.AfHandles()
		if len(ahs) != 1 || cm.AdapterHandle() == nil {
			t.Fatalf("the miniport call manager has %d AF handles, adapter handle %v", len(ahs), cm.AdapterHandle())
		}
		var vh ndis.Handle
		if st := ndis.MCmCreateVc(cm.AdapterHandle(), ahs[0], nil, &vh); st != ndis.StatusFailure {
			t.Errorf("NdisMCmCreateVc on an AF whose open pends = %s, want NDIS_STATUS_FAILURE", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisMCmCreateVc", "is not an open AF of adapter")
		only(t, sys, rules.RuleBadHandle)
		sys.Run()
		done := newViolations(t, sys)
		v := cm.IncomingCall(nil)
		if v == nil {
			t.Fatalf("no incoming call once the AF is open; events %v", c.Events)
		}
		done("NdisMCmCreateVc on the open AF (an incoming call)")
	})
}

// TestMakeCallCompletedBeforeActivationNoCallLifetime: with no call
// lifetime in the catalogue, the simulator itself reports a call completed
// with NDIS_STATUS_SUCCESS on a VC the call manager never activated; the
// scripted call manager, which activates first, is clean on that catalogue.
func TestMakeCallCompletedBeforeActivationNoCallLifetime(t *testing.T) {
	noCall := editedCatalogue(t, func(c *rules.Catalogue) {
		kept := c.Lifetimes[:0]
		for _, l := range c.Lifetimes {
			if l.Object != rules.ObjectCall {
				kept = append(kept, l)
			}
		}
		c.Lifetimes = kept
	})
	if noCall.Lifetime(rules.ObjectCall) != nil {
		t.Fatal("the edited catalogue still has the call lifetime")
	}
	outgoing := func(t *testing.T) (*ndistest.System, *ndistest.VC) {
		sys, cm, c := worldOn(t, noCall, ndistest.CMScript{MakeCall: ndistest.Pend}, testclient.Options{})
		v, st := c.CreateVc(c.Af())
		if st != ndis.StatusSuccess {
			t.Fatalf("NdisCoCreateVc = %s", st)
		}
		if st := c.MakeCall(v, &ndis.CoCallParameters{}, false); st != ndis.StatusPending {
			t.Fatalf("NdisClMakeCall = %s, want NDIS_STATUS_PENDING", st)
		}
		vcs := cm.VCs()
		return sys, vcs[len(vcs)-1]
	}
	t.Run("completed-early", func(t *testing.T) {
		sys, v := outgoing(t)
		ndis.CmMakeCallComplete(ndis.StatusSuccess, v.Handle(), nil, nil, &ndis.CoCallParameters{})
		expect(t, sys, rules.RuleCallWithoutActivation, "NdisCmMakeCallComplete", "before the call manager activated the VC")
		only(t, sys, rules.RuleCallWithoutActivation)
	})
	t.Run("activated-first", func(t *testing.T) {
		sys, v := outgoing(t)
		sys.Run()
		if !v.Info().Active {
			t.Errorf("the VC is not active after the call completed: %+v", v.Info())
		}
		clean(t, sys)
	})
}

// TestCloseBindingWithClientsOnAf: a call manager closes its binding only
// once no client has its AF open (it asks them with
// NdisCmNotifyCloseAddressFamily first).
func TestCloseBindingWithClientsOnAf(t *testing.T) {
	t.Run("clients-left", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		if c.Af() == nil || cm.Binding() == nil {
			t.Fatal("no AF open or no call manager binding")
		}
		ndis.CloseAdapterEx(cm.Binding())
		expect(t, sys, rules.RuleBindingBusy, "NdisCloseAdapterEx", "still has clients on af")
		only(t, sys, rules.RuleBindingBusy)
	})
	t.Run("after-the-clients-closed", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		c.CloseAf(c.Af())
		sys.Run()
		if cm.OpenAfs() != 0 {
			t.Fatalf("%d AF(s) still open; events %v", cm.OpenAfs(), c.Events)
		}
		ndis.CloseAdapterEx(cm.Binding())
		clean(t, sys)
	})
}

// TestCallManagerDispatchOnOwnVc: a call manager's own VC (no AF, no
// client) takes no incoming call and has no client call to close; the
// same SAP handle with a VC of its AF, and a close of a connected call, are
// clean.
func TestCallManagerDispatchOnOwnVc(t *testing.T) {
	t.Run("incoming-call", func(t *testing.T) {
		sys, _, cm, _ := world(t, ndistest.CMScript{}, testclient.Options{})
		saps := cm.SapHandles()
		sig := cm.SignalingVc()
		if len(saps) != 1 || sig == nil {
			t.Fatalf("%d SAP handle(s), signalling VC %v", len(saps), sig)
		}
		if st := ndis.CmDispatchIncomingCall(saps[0], sig.Handle(), &ndis.CoCallParameters{}); st != ndis.StatusFailure {
			t.Errorf("NdisCmDispatchIncomingCall on the call manager's own VC = %s", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisCmDispatchIncomingCall", "is not a VC the call manager created on af")
		only(t, sys, rules.RuleBadHandle)
		done := newViolations(t, sys)
		if v := cm.IncomingCall(nil); v == nil {
			t.Fatal("no incoming call on the SAP")
		}
		done("an incoming call on a VC of the SAP's AF")
	})
	t.Run("incoming-close", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		sig := cm.SignalingVc()
		if sig == nil {
			t.Fatal("no signalling VC")
		}
		ndis.CmDispatchIncomingCloseCall(ndis.StatusSuccess, sig.Handle(), nil, 0)
		expect(t, sys, rules.RuleVcState, "NdisCmDispatchIncomingCloseCall", "has no client call to close")
		only(t, sys, rules.RuleVcState)
		v, _ := connectedIncoming(t, cm, c)
		done := newViolations(t, sys)
		cm.CloseFromNetwork(v, ndis.StatusSuccess)
		sys.Run()
		done("a close of a connected call")
	})
}

// TestDropPartyBeforeConnected: the call manager drops a party from the
// network only on a connected call, not while the outgoing multipoint call
// is still being made.
func TestDropPartyBeforeConnected(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{MakeCall: ndistest.Pend}, testclient.Options{})
	v, st := c.CreateVc(c.Af())
	if st != ndis.StatusSuccess {
		t.Fatalf("NdisCoCreateVc = %s", st)
	}
	if st := c.MakeCall(v, &ndis.CoCallParameters{}, true); st != ndis.StatusPending {
		t.Fatalf("NdisClMakeCall = %s, want NDIS_STATUS_PENDING", st)
	}
	vcs := cm.VCs()
	parties := vcs[len(vcs)-1].Parties()
	if len(parties) != 1 {
		t.Fatalf("the call manager has %d parties", len(parties))
	}
	ndis.CmDispatchIncomingDropParty(ndis.StatusSuccess, parties[0].Handle(), nil, 0)
	expect(t, sys, rules.RuleVcState, "NdisCmDispatchIncomingDropParty", "is not a party of a connected call")
	only(t, sys, rules.RuleVcState)
	sys.Run()
	if v.State() != "connected" {
		t.Fatalf("the call is %s; events %v", v.State(), c.Events)
	}
	done := newViolations(t, sys)
	cm.DropPartyFromNetwork(parties[0], ndis.StatusSuccess)
	sys.Run()
	done("a drop of the party of a connected call")
}

// TestCallManagerWithoutHandlerNdisNeeds: NDIS reports a NULL handler when
// it needs it (a miniport call manager with no ProtocolCmOpenAf, when a
// client opens its AF); the scripted miniport call manager, which has
// every handler, is clean.
func TestCallManagerWithoutHandlerNdisNeeds(t *testing.T) {
	ok := func(ndis.Handle, *ndis.NetBufferList, uint32) {}
	oid := func(ndis.Handle, ndis.Handle, *ndis.OidRequest) ndis.Status { return ndis.StatusSuccess }
	act := func(ndis.Handle, *ndis.CoCallParameters) ndis.Status { return ndis.StatusNotSupported }
	deact := func(ndis.Handle) ndis.Status { return ndis.StatusNotSupported }
	t.Run("no-open-af-handler", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		sys.AddMiniport("mcm0", ndis.MediumCoWan, ndistest.MiniportDriver{
			Name: "bare-mcm",
			SetOptions: func(h, ctx ndis.Handle) ndis.Status {
				if st := ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{CoActivateVcHandler: act, CoDeactivateVcHandler: deact, CoSendNetBufferListsHandler: ok, CoOidRequestHandler: oid}); st != ndis.StatusSuccess {
					return st
				}
				return ndis.SetOptionalHandlers(h, &ndis.CoCallManagerOptionalHandlers{})
			},
			Initialize: func(h ndis.Handle) (ndis.Handle, ndis.Status) {
				return nil, ndis.MCmRegisterAddressFamilyEx(h, &q2931)
			},
		})
		c := testclient.New(testclient.Options{Sap: sapParams})
		sys.Load(c.DriverEntry)
		sys.Bind()
		expect(t, sys, rules.RuleMissingHandler, `"bare-mcm" has no PROTOCOL_CM_OPEN_AF handler`, "which NDIS needs now")
		if c.Af() != nil {
			t.Errorf("the AF opened with no ProtocolCmOpenAf")
		}
	})
	t.Run("scripted-mcm", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, ndistest.CMScript{})
		c := testclient.New(testclient.Options{Sap: sapParams})
		sys.Load(c.DriverEntry)
		sys.Bind()
		if c.Af() == nil {
			t.Fatalf("no AF open; events %v", c.Events)
		}
		clean(t, sys)
	})
}
