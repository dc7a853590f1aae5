package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// earlierRun holds a handle of every kind one System gave out, used
// afterwards in another System.
type earlierRun struct {
	clientVc, cmVc, af, sap, party   ndis.Handle
	binding, protocol, adapter       ndis.Handle
	miniportDriver, bindCtx, unbindC ndis.Handle
	timer                            ndis.Handle
	// events is how many handlers the earlier run's client ran, and
	// client the client: a later use must not run any of its handlers.
	events int
	client *testclient.Client
}

// saveEarlierRun runs a System to the end and returns its handles: a
// connected multipoint call with two parties, a SAP, a binding, a
// miniport driver, a bind and an unbind context, a timer.
func saveEarlierRun(t *testing.T) *earlierRun {
	t.Helper()
	var r earlierRun
	t.Run("earlier", func(t *testing.T) {
		sys, ad, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		v, st := c.CreateVc(c.Af())
		if st != ndis.StatusSuccess {
			t.Fatalf("NdisCoCreateVc: %s", st)
		}
		c.MakeCall(v, nil, true)
		p, _ := c.AddParty(v, nil)
		if p == nil || p.Handle() == nil || len(cm.VCs()) == 0 {
			t.Fatalf("no party or no call manager VC; events %v", c.Events)
		}
		r.clientVc, r.cmVc, r.party = v.Handle(), cm.VCs()[0].Handle(), p.Handle()
		r.af, r.sap, r.binding, r.protocol = c.Af().Handle(), c.Af().Saps()[0].Handle(), c.Af().Binding(), c.Protocol()
		r.adapter = ad.Handle()
		r.bindCtx, r.unbindC = bindAndUnbind(t, sys, ad)
		sys.AddMiniport("co0", ndis.MediumCoWan, ndistest.MiniportDriver{
			Name: "saved",
			SetOptions: func(h, ctx ndis.Handle) ndis.Status {
				r.miniportDriver = h
				return ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{})
			},
			Initialize: func(h ndis.Handle) (ndis.Handle, ndis.Status) { return nil, ndis.StatusSuccess },
		})
		ndis.AllocateTimerObject(r.adapter, &ndis.TimerCharacteristics{TimerFunction: func(_, _, _, _ ndis.Handle) {}}, &r.timer)
		r.client = c
	})
	r.events = len(r.client.Events)
	return &r
}

// bindAndUnbind registers a protocol that binds to ad and pends its
// unbind, and returns its bind and unbind contexts.
func bindAndUnbind(t *testing.T, sys *ndistest.System, ad *ndistest.Adapter) (bind, unbind ndis.Handle) {
	t.Helper()
	var proto, binding ndis.Handle
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "saver",
		BindAdapterHandlerEx: func(ctx, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			bind = bindContext
			var idx uint32
			return ndis.OpenAdapterEx(proto, nil, &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}, bindContext, &binding)
		},
		UnbindAdapterHandlerEx: func(unbindContext, bindingContext ndis.Handle) ndis.Status {
			unbind = unbindContext
			ndis.CloseAdapterEx(binding)
			return ndis.StatusPending
		},
	}
	if st := ndis.RegisterProtocolDriver(nil, chars, &proto); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver: %s", st)
	}
	sys.Bind()
	if _, err := sys.Unbind(proto, ad.Handle()); err != nil {
		t.Fatal(err)
	}
	if bind == nil || unbind == nil {
		t.Fatal("the saver protocol did not bind and unbind")
	}
	return bind, unbind
}

// TestHandleOfEarlierSystem: every kind of handle one System gave out,
// used in a later System, is a bad-handle there naming the DDI and the
// parameter; the DDI fails and none of the earlier run's handlers runs.
func TestHandleOfEarlierSystem(t *testing.T) {
	r := saveEarlierRun(t)
	tests := []struct {
		name, ddi, param string
		use              func(later *testclient.Client) ndis.Status
	}{
		{"client-vc", "NdisCoDeleteVc", "NdisVcHandle", func(*testclient.Client) ndis.Status { return ndis.CoDeleteVc(r.clientVc) }},
		{"cm-vc", "NdisCmDispatchIncomingCloseCall", "NdisVcHandle", func(*testclient.Client) ndis.Status {
			ndis.CmDispatchIncomingCloseCall(ndis.StatusSuccess, r.cmVc, nil, 0)
			return ndis.StatusFailure
		}},
		{"af", "NdisClCloseAddressFamily", "NdisAfHandle", func(*testclient.Client) ndis.Status { return ndis.ClCloseAddressFamily(r.af) }},
		{"af-create-vc", "NdisCoCreateVc", "NdisAfHandle", func(c *testclient.Client) ndis.Status {
			var h ndis.Handle
			return ndis.CoCreateVc(c.Af().Binding(), r.af, nil, &h)
		}},
		{"sap", "NdisClDeregisterSap", "NdisSapHandle", func(*testclient.Client) ndis.Status { return ndis.ClDeregisterSap(r.sap) }},
		{"party", "NdisClDropParty", "NdisPartyHandle", func(*testclient.Client) ndis.Status { return ndis.ClDropParty(r.party, nil, 0) }},
		{"binding", "NdisCloseAdapterEx", "NdisBindingHandle", func(*testclient.Client) ndis.Status { return ndis.CloseAdapterEx(r.binding) }},
		{"protocol", "NdisDeregisterProtocolDriver", "NdisProtocolHandle", func(*testclient.Client) ndis.Status {
			ndis.DeregisterProtocolDriver(r.protocol)
			return ndis.StatusFailure
		}},
		{"protocol-as-ndis-handle", "NdisAllocateMemoryWithTagPriority", "NdisHandle", func(*testclient.Client) ndis.Status {
			if ndis.AllocateMemoryWithTagPriority(r.protocol, 8, 0x6b736974, ndis.NormalPoolPriority) != nil {
				return ndis.StatusSuccess
			}
			return ndis.StatusFailure
		}},
		{"miniport-driver", "NdisSetOptionalHandlers", "NdisHandle", func(*testclient.Client) ndis.Status {
			return ndis.SetOptionalHandlers(r.miniportDriver, &ndis.MiniportCoCharacteristics{})
		}},
		{"adapter", "NdisMCmRegisterAddressFamilyEx", "MiniportAdapterHandle", func(*testclient.Client) ndis.Status {
			return ndis.MCmRegisterAddressFamilyEx(r.adapter, &q2931)
		}},
		{"bind-context", "NdisCompleteBindAdapterEx", "BindAdapterContext", func(*testclient.Client) ndis.Status {
			ndis.CompleteBindAdapterEx(r.bindCtx, ndis.StatusSuccess)
			return ndis.StatusFailure
		}},
		{"bind-context-open", "NdisOpenAdapterEx", "BindContext", func(c *testclient.Client) ndis.Status {
			var h ndis.Handle
			return ndis.OpenAdapterEx(c.Protocol(), nil, &ndis.OpenParameters{AdapterName: "atm0", MediumArray: []ndis.Medium{ndis.MediumAtm}}, r.bindCtx, &h)
		}},
		{"unbind-context", "NdisCompleteUnbindAdapterEx", "UnbindContext", func(*testclient.Client) ndis.Status {
			ndis.CompleteUnbindAdapterEx(r.unbindC)
			return ndis.StatusFailure
		}},
		{"timer", "NdisSetTimerObject", "TimerObject", func(*testclient.Client) ndis.Status {
			if ndis.SetTimerObject(r.timer, -10, 0, nil) {
				return ndis.StatusSuccess
			}
			return ndis.StatusFailure
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
			if st := tc.use(c); st == ndis.StatusSuccess {
				t.Errorf("%s with a handle of an earlier System returned NDIS_STATUS_SUCCESS", tc.ddi)
			}
			sys.Run()
			expect(t, sys, rules.RuleBadHandle, tc.ddi+": "+tc.param, "another run")
			only(t, sys, rules.RuleBadHandle)
			if n := len(r.client.Events); n != r.events {
				t.Errorf("the earlier System's client ran %v", r.client.Events[r.events:])
			}
		})
	}
}

// TestHarnessRefusesEarlierHandles: the harness's own API (VcInfo, Bind,
// Unbind) refuses handles of an earlier System instead of acting on its
// objects.
func TestHarnessRefusesEarlierHandles(t *testing.T) {
	r := saveEarlierRun(t)
	sys, ad, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	if _, ok := sys.VcInfo(r.clientVc); ok {
		t.Error("VcInfo describes a VC of an earlier System")
	}
	if _, err := sys.Unbind(r.protocol, ad.Handle()); err == nil || !strings.Contains(err.Error(), "this run") {
		t.Errorf("Unbind with an earlier System's protocol: err %v", err)
	}
	if _, err := current().Bind(c.Protocol(), r.adapter); err == nil || !strings.Contains(err.Error(), "this run") {
		t.Errorf("Bind to an earlier System's adapter: err %v", err)
	}
	clean(t, sys)
}
