package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

func TestIncomingDropUnanswered(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{DeferIncomingDrop: true})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, true)
	c.AddParty(v, nil)
	cm.DropPartyFromNetwork(cm.VCs()[0].Parties()[1], ndis.StatusSuccess)
	sys.Finish()
	expect(t, sys, rules.RuleIncomingDropUnanswered, "PROTOCOL_CL_INCOMING_DROP_PARTY", "NdisClDropParty", "party #2")
}

// TestCallConnectedWithoutActivation: the call manager completes an
// outgoing call with success before it activated the VC.
func TestCallConnectedWithoutActivation(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{MakeCall: ndistest.Pend}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, false)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, cm.VCs()[0].Handle(), nil, nil, &ndis.CoCallParameters{})
	expect(t, sys, rules.RuleCallWithoutActivation, "NdisCmMakeCallComplete", "NdisCmActivateVc")
	sys.Run()
	expect(t, sys, rules.RuleCompletedTwice, "NdisCmMakeCallComplete")
}

func TestCloseAdapterWithAfOpen(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	ndis.CloseAdapterEx(c.Af().Binding())
	expect(t, sys, rules.RuleBindingBusy, "NdisCloseAdapterEx", "NdisClCloseAddressFamily")
}

// TestUnbindWithoutCloseAdapter: a protocol completes its unbind without
// NdisCloseAdapterEx.
func TestUnbindWithoutCloseAdapter(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	var proto, binding ndis.Handle
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "forgetful",
		BindAdapterHandlerEx: func(ctx, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			var idx uint32
			return ndis.OpenAdapterEx(proto, nil, &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}, bindContext, &binding)
		},
		UnbindAdapterHandlerEx: func(unbindContext, bindingContext ndis.Handle) ndis.Status { return ndis.StatusSuccess },
	}
	if st := ndis.RegisterProtocolDriver(nil, chars, &proto); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver: %s", st)
	}
	sys.Bind()
	if binding == nil {
		t.Fatal("the protocol did not bind")
	}
	if _, err := sys.Unbind(proto, ad.Handle()); err != nil {
		t.Fatal(err)
	}
	expect(t, sys, rules.RuleUnbindWithoutClose, "PROTOCOL_UNBIND_ADAPTER_EX", "NdisCloseAdapterEx")
}

// TestCompleteBindWithoutPending: NdisCompleteBindAdapterEx with no pended
// bind is reported.
func TestCompleteBindWithoutPending(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	var proto ndis.Handle
	var bc ndis.Handle
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "eager",
		BindAdapterHandlerEx: func(ctx, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			bc = bindContext
			var b ndis.Handle
			var idx uint32
			return ndis.OpenAdapterEx(proto, nil, &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}, bindContext, &b)
		},
		UnbindAdapterHandlerEx: func(unbindContext, bindingContext ndis.Handle) ndis.Status { return ndis.StatusSuccess },
	}
	ndis.RegisterProtocolDriver(nil, chars, &proto)
	if st, _ := current().Bind(proto, ad.Handle()); st != ndis.StatusSuccess {
		t.Fatalf("bind: %s", st)
	}
	ndis.CompleteBindAdapterEx(bc, ndis.StatusSuccess)
	expect(t, sys, rules.RuleCompletionWithoutPending, "NdisCompleteBindAdapterEx", "PROTOCOL_BIND_ADAPTER_EX")
}

// TestMiniportCharacteristics: a CoNDIS miniport registers its handlers from
// MiniportSetOptions; a NULL mandatory slot is reported, and a miniport call
// manager may leave NULL the slots the catalogue requires only of miniports
// that are not MCMs (CoCreateVcHandler, CoDeleteVcHandler), not the others.
func TestMiniportCharacteristics(t *testing.T) {
	ok := func(ndis.Handle, *ndis.NetBufferList, uint32) {}
	oid := func(ndis.Handle, ndis.Handle, *ndis.OidRequest) ndis.Status { return ndis.StatusSuccess }
	t.Run("plain-miniport-missing-activate", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		sys.AddMiniport("co0", ndis.MediumCoWan, ndistest.MiniportDriver{
			Name: "partialmp",
			SetOptions: func(h, ctx ndis.Handle) ndis.Status {
				return ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{CoSendNetBufferListsHandler: ok, CoOidRequestHandler: oid})
			},
			Initialize: func(h ndis.Handle) (ndis.Handle, ndis.Status) { return nil, ndis.StatusSuccess },
		})
		expect(t, sys, rules.RuleMissingHandler, "CoCreateVcHandler", "MINIPORT_CO_CREATE_VC")
	})
	t.Run("miniport-call-manager", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		var adapter ndis.Handle
		sys.AddMiniport("mcm0", ndis.MediumCoWan, ndistest.MiniportDriver{
			Name: "usermcm",
			SetOptions: func(h, ctx ndis.Handle) ndis.Status {
				if st := ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{CoSendNetBufferListsHandler: ok, CoOidRequestHandler: oid}); st != ndis.StatusSuccess {
					return st
				}
				return ndis.SetOptionalHandlers(h, &ndis.CoCallManagerOptionalHandlers{})
			},
			Initialize: func(h ndis.Handle) (ndis.Handle, ndis.Status) {
				adapter = h
				return nil, ndis.MCmRegisterAddressFamilyEx(h, &q2931)
			},
		})
		if adapter == nil {
			t.Fatal("MiniportInitializeEx did not run")
		}
		for _, v := range sys.ViolationsOf(rules.RuleMissingHandler) {
			if strings.Contains(v.Message, "MINIPORT_CO_CREATE_VC") || strings.Contains(v.Message, "MINIPORT_CO_DELETE_VC") {
				t.Errorf("a miniport call manager was asked for a handler an MCM leaves NULL: %s", v.Message)
			}
		}
		expect(t, sys, rules.RuleMissingHandler, "CmMakeCallHandler", "PROTOCOL_CM_MAKE_CALL")
		expect(t, sys, rules.RuleMissingHandler, "CoActivateVcHandler", "MINIPORT_CO_ACTIVATE_VC")
	})
}

// TestSimRejectsForeignHandles: the harness API refuses handles that are not
// what it asks for with an error, instead of crashing or reporting the
// driver.
func TestSimRejectsForeignHandles(t *testing.T) {
	_, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	if _, err := current().Bind(nil, nil); err == nil {
		t.Errorf("Bind(nil, nil) gave no error")
	}
	if _, err := current().AddAdapter(c.Protocol(), "x", ndis.MediumAtm, nil); err == nil {
		t.Errorf("AddAdapter with a protocol handle gave no error")
	}
	if _, ok := current().Vc(c.Protocol()); ok {
		t.Errorf("Vc of a protocol handle is ok")
	}
}
