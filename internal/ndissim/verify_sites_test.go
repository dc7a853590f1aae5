package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// The tests of this file each reach one place where the verifier reports
// a violation that no scenario of the other tests reached
// (internal/ndissim/violationsites counts them).

// plainProtocol registers a protocol driver named name whose SetOptions
// handler is setOptions (nil: none) and which opens every adapter it is
// bound to; it returns the protocol handle and a pointer to its binding.
func plainProtocol(t *testing.T, name string, setOptions ndis.SetOptions) (proto ndis.Handle, binding *ndis.Handle, bindCtx *ndis.Handle) {
	t.Helper()
	binding, bindCtx = new(ndis.Handle), new(ndis.Handle)
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:  6,
		Name:              name,
		SetOptionsHandler: setOptions,
		BindAdapterHandlerEx: func(ctx, bc ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			*bindCtx = bc
			var idx uint32
			return ndis.OpenAdapterEx(proto, nil, &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}, bc, binding)
		},
		UnbindAdapterHandlerEx: func(unbindContext, bindingContext ndis.Handle) ndis.Status {
			ndis.CloseAdapterEx(*binding)
			return ndis.StatusSuccess
		},
	}
	if st := ndis.RegisterProtocolDriver(nil, chars, &proto); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver: %s", st)
	}
	return proto, binding, bindCtx
}

// boundPlain is a System with one adapter and a plain protocol bound to it.
func boundPlain(t *testing.T) (*ndistest.System, ndis.Handle, ndis.Handle, ndis.Handle) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	sys.AddAdapter("atm0", ndis.MediumAtm)
	proto, binding, bc := plainProtocol(t, "plain", nil)
	sys.Bind()
	if *binding == nil {
		t.Fatal("the plain protocol did not bind")
	}
	return sys, proto, *binding, *bc
}

func TestRegisterWithoutBindHandler(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	var p ndis.Handle
	if st := ndis.RegisterProtocolDriver(nil, &ndis.ProtocolDriverCharacteristics{MajorNdisVersion: 6, Name: "nobind"}, &p); st != ndis.StatusBadCharacteristics {
		t.Errorf("NdisRegisterProtocolDriver = %s, want NDIS_STATUS_BAD_CHARACTERISTICS", st)
	}
	expect(t, sys, rules.RuleMissingHandler, "NdisRegisterProtocolDriver", "BindAdapterHandlerEx")
	only(t, sys, rules.RuleMissingHandler)
}

func TestClientHandlersWithoutCoCharacteristics(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	plainProtocol(t, "noco", func(h, ctx ndis.Handle) ndis.Status {
		return ndis.SetOptionalHandlers(h, &ndis.CoClientOptionalHandlers{})
	})
	expect(t, sys, rules.RuleMissingHandler, "NdisRegisterProtocolDriver", "without NDIS_PROTOCOL_CO_CHARACTERISTICS")
}

func TestProtocolPassesMiniportCharacteristics(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	plainProtocol(t, "confused", func(h, ctx ndis.Handle) ndis.Status {
		if st := ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{}); st != ndis.StatusFailure {
			t.Errorf("NdisSetOptionalHandlers = %s", st)
		}
		return ndis.StatusSuccess
	})
	expect(t, sys, rules.RuleOptionalHandlersContext, "NdisSetOptionalHandlers", "NDIS_MINIPORT_CO_CHARACTERISTICS")
	only(t, sys, rules.RuleOptionalHandlersContext)
}

func TestDeregisterTwice(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	proto, _, _ := plainProtocol(t, "twice", nil)
	ndis.DeregisterProtocolDriver(proto)
	clean(t, sys)
	ndis.DeregisterProtocolDriver(proto)
	expect(t, sys, rules.RuleBadHandle, "NdisDeregisterProtocolDriver", "not registered")
}

func TestOpenAdapterAfterDeregister(t *testing.T) {
	sys, proto, _, bc := boundPlain(t)
	ndis.DeregisterProtocolDriver(proto)
	sys.Run()
	var h ndis.Handle
	if st := ndis.OpenAdapterEx(proto, nil, &ndis.OpenParameters{AdapterName: "atm0", MediumArray: []ndis.Medium{ndis.MediumAtm}}, bc, &h); st != ndis.StatusInvalidParameter {
		t.Errorf("NdisOpenAdapterEx = %s", st)
	}
	expect(t, sys, rules.RuleBadHandle, "NdisOpenAdapterEx", "not registered")
}

func TestOpenAdapterWithUsedBindContext(t *testing.T) {
	sys, proto, _, bc := boundPlain(t)
	var h ndis.Handle
	if st := ndis.OpenAdapterEx(proto, nil, &ndis.OpenParameters{AdapterName: "atm0", MediumArray: []ndis.Medium{ndis.MediumAtm}}, bc, &h); st != ndis.StatusInvalidParameter {
		t.Errorf("NdisOpenAdapterEx = %s", st)
	}
	expect(t, sys, rules.RuleBadHandle, "NdisOpenAdapterEx", "BindContext", "not an open bind")
	only(t, sys, rules.RuleBadHandle)
}

func TestBindingUsedAfterClose(t *testing.T) {
	sys, _, binding, _ := boundPlain(t)
	ndis.CloseAdapterEx(binding)
	clean(t, sys)
	ndis.CloseAdapterEx(binding)
	expect(t, sys, rules.RuleBadHandle, "NdisCloseAdapterEx", "which NdisCloseAdapterEx closed")
}

func TestSetOptionalHandlersWithBinding(t *testing.T) {
	sys, _, binding, _ := boundPlain(t)
	if st := ndis.SetOptionalHandlers(binding, &ndis.CoClientOptionalHandlers{}); st != ndis.StatusFailure {
		t.Errorf("NdisSetOptionalHandlers = %s", st)
	}
	expect(t, sys, rules.RuleOptionalHandlersContext, "NdisSetOptionalHandlers", "binding handle")
}

func TestOpenAfWithoutClientHandlers(t *testing.T) {
	sys, _, binding, _ := boundPlain(t)
	var h ndis.Handle
	if st := ndis.ClOpenAddressFamilyEx(binding, &q2931, nil, &h); st != ndis.StatusFailure {
		t.Errorf("NdisClOpenAddressFamilyEx = %s", st)
	}
	expect(t, sys, rules.RuleMissingHandler, "NdisClOpenAddressFamilyEx", "NDIS_CO_CLIENT_OPTIONAL_HANDLERS")
	if st := ndis.CmRegisterAddressFamilyEx(binding, &q2931); st != ndis.StatusFailure {
		t.Errorf("NdisCmRegisterAddressFamilyEx = %s", st)
	}
	expect(t, sys, rules.RuleMissingHandler, "NdisCmRegisterAddressFamilyEx", "NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS")
	only(t, sys, rules.RuleMissingHandler)
}

// TestBindAboveItsLevel: NDIS cannot call ProtocolBindAdapterEx (a
// PASSIVE_LEVEL role that returns a status) when the caller raised the
// IRQL; it reports it and fails the bind.
func TestBindAboveItsLevel(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	proto, _, _ := plainProtocol(t, "late", nil)
	kernel.Current().SetIrql(2)
	st, err := current().Bind(proto, ad.Handle())
	kernel.Current().SetIrql(0)
	if err != nil || st != ndis.StatusFailure {
		t.Errorf("Bind at DISPATCH_LEVEL = %s, %v; want NDIS_STATUS_FAILURE", st, err)
	}
	expect(t, sys, rules.RuleIrqlAboveMax, "NDIS cannot call", "PROTOCOL_BIND_ADAPTER_EX")
}

func TestMiniportHandlerMistakes(t *testing.T) {
	t.Run("no-co-characteristics", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		if _, st := current().RegisterMiniportDriver("bare", nil, func(h, ctx ndis.Handle) ndis.Status { return ndis.StatusSuccess }); st != ndis.StatusBadCharacteristics {
			t.Errorf("registration = %s", st)
		}
		expect(t, sys, rules.RuleMissingHandler, "NdisMRegisterMiniportDriver", "NDIS_MINIPORT_CO_CHARACTERISTICS")
	})
	t.Run("client-handlers", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		current().RegisterMiniportDriver("confused", nil, func(h, ctx ndis.Handle) ndis.Status {
			return ndis.SetOptionalHandlers(h, &ndis.CoClientOptionalHandlers{})
		})
		expect(t, sys, rules.RuleOptionalHandlersContext, "NdisSetOptionalHandlers", "NDIS_CO_CLIENT_OPTIONAL_HANDLERS")
	})
	t.Run("outside-set-options", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		var drv ndis.Handle
		current().RegisterMiniportDriver("late", nil, func(h, ctx ndis.Handle) ndis.Status {
			drv = h
			return ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{})
		})
		n := len(sys.Violations())
		if st := ndis.SetOptionalHandlers(drv, &ndis.MiniportCoCharacteristics{}); st != ndis.StatusFailure {
			t.Errorf("NdisSetOptionalHandlers = %s", st)
		}
		if len(sys.Violations()) == n {
			t.Fatal("nothing reported")
		}
		expect(t, sys, rules.RuleOptionalHandlersContext, "NdisSetOptionalHandlers", "outside its MiniportSetOptions")
	})
	t.Run("mcm-af-without-cm-handlers", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		sys.AddMiniport("co0", ndis.MediumCoWan, ndistest.MiniportDriver{
			Name: "notmcm",
			SetOptions: func(h, ctx ndis.Handle) ndis.Status {
				return ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{})
			},
			Initialize: func(h ndis.Handle) (ndis.Handle, ndis.Status) {
				if st := ndis.MCmRegisterAddressFamilyEx(h, &q2931); st != ndis.StatusFailure {
					t.Errorf("NdisMCmRegisterAddressFamilyEx = %s", st)
				}
				return nil, ndis.StatusSuccess
			},
		})
		expect(t, sys, rules.RuleMissingHandler, "NdisMCmRegisterAddressFamilyEx", "NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS")
	})
}

func TestCallMistakes(t *testing.T) {
	t.Run("modify-qos-without-call", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		v, _ := c.CreateVc(c.Af())
		if st := ndis.ClModifyCallQoS(v.Handle(), &ndis.CoCallParameters{}); st != ndis.StatusFailure {
			t.Errorf("NdisClModifyCallQoS = %s", st)
		}
		expect(t, sys, rules.RuleVcState, "NdisClModifyCallQoS", "no call")
		c.DeleteVc(v)
	})
	t.Run("add-party-point-to-point", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		_, cv := connectedIncoming(t, cm, c)
		var h ndis.Handle
		if st := ndis.ClAddParty(cv.Handle(), nil, &ndis.CoCallParameters{}, &h); st != ndis.StatusFailure {
			t.Errorf("NdisClAddParty = %s", st)
		}
		expect(t, sys, rules.RuleVcState, "NdisClAddParty", "multipoint")
		c.CloseCall(cv)
		sys.Run()
	})
	t.Run("close-call-size-beyond-buffer", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		_, cv := connectedIncoming(t, cm, c)
		ndis.ClCloseCall(cv.Handle(), nil, []byte{1}, 4)
		sys.Run()
		expect(t, sys, rules.RuleBadParameter, "NdisClCloseCall", "Size is 4")
	})
	t.Run("qos-change-before-connected", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		v := cm.IncomingCall(nil)
		ndis.CmDispatchIncomingCallQoSChange(v.Handle(), &ndis.CoCallParameters{})
		expect(t, sys, rules.RuleVcState, "NdisCmDispatchIncomingCallQoSChange", "connected call")
		cm.CallConnected(v)
		_ = c
	})
	t.Run("cm-passes-client-af", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		ndis.CmOpenAddressFamilyComplete(ndis.StatusSuccess, c.Af().Handle(), nil)
		expect(t, sys, rules.RuleBadHandle, "NdisCmOpenAddressFamilyComplete", "the client's handle of af #1")
	})
	t.Run("create-vc-null-af-client", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		var h ndis.Handle
		if st := ndis.CoCreateVc(c.Af().Binding(), nil, nil, &h); st != ndis.StatusFailure {
			t.Errorf("NdisCoCreateVc = %s", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisCoCreateVc", "NdisAfHandle is NULL")
	})
}

func TestSendMistakes(t *testing.T) {
	t.Run("source-handle", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		_, cv := connectedIncoming(t, cm, c)
		ndis.CoSendNetBufferLists(cv.Handle(), &ndis.NetBufferList{}, 0)
		sys.Run()
		expect(t, sys, rules.RuleBadParameter, "NdisCoSendNetBufferLists", "SourceHandle")
	})
	t.Run("sent-twice", func(t *testing.T) {
		sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
		_, cv := connectedIncoming(t, cm, c)
		nbl := &ndis.NetBufferList{SourceHandle: cv.Handle()}
		ndis.CoSendNetBufferLists(cv.Handle(), nbl, 0)
		ndis.CoSendNetBufferLists(cv.Handle(), nbl, 0)
		sys.Run()
		expect(t, sys, rules.RuleBadParameter, "NdisCoSendNetBufferLists", "sent again")
	})
}

// twoClients is a System with a call manager and clients a and b bound.
func twoClients(t *testing.T) (*ndistest.System, *testclient.Client, *testclient.Client) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	a := testclient.New(testclient.Options{Name: "a"})
	b := testclient.New(testclient.Options{Name: "b"})
	sys.Load(a.DriverEntry)
	sys.Load(b.DriverEntry)
	sys.Bind()
	if a.Af() == nil || b.Af() == nil {
		t.Fatal("a client has no AF")
	}
	return sys, a, b
}

func TestCreateVcOnAnotherBinding(t *testing.T) {
	sys, a, b := twoClients(t)
	var h ndis.Handle
	if st := ndis.CoCreateVc(b.Af().Binding(), a.Af().Handle(), nil, &h); st != ndis.StatusFailure {
		t.Errorf("NdisCoCreateVc = %s", st)
	}
	expect(t, sys, rules.RuleBadHandle, "NdisCoCreateVc", "is not the binding")
}

func TestPartyHandleMistakes(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, true)
	p, _ := c.AddParty(v, nil)
	if p == nil {
		t.Fatalf("no party; events %v", c.Events)
	}
	ndis.CmDropPartyComplete(ndis.StatusSuccess, p.Handle())
	expect(t, sys, rules.RuleBadHandle, "NdisCmDropPartyComplete", "the client's handle of party")
	c.DropParty(p)
	c.CloseCall(v)
	sys.Run()
	c.DeleteVc(v)
	sys.Run()
	ndis.ClDropParty(p.Handle(), nil, 0)
	expect(t, sys, rules.RuleVcUseAfterDelete, "NdisClDropParty", "which was deleted")
}

// mcmWorld is a System with a miniport call manager, the test client
// bound to it and a connected incoming call; it returns the MCM's VC.
func mcmWorld(t *testing.T) (*ndistest.System, *ndistest.CallManager, *ndistest.VC, *testclient.Client) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	mcm := sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, ndistest.CMScript{})
	c := testclient.New(testclient.Options{Sap: &ndis.CoSap{Sap: []byte("s")}})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v := mcm.IncomingCall(nil)
	if v == nil {
		t.Fatal("no incoming call")
	}
	mcm.CallConnected(v)
	return sys, mcm, v, c
}

func TestMiniportCallManagerMistakes(t *testing.T) {
	t.Run("assign-instance-name", func(t *testing.T) {
		sys, _, v, _ := mcmWorld(t)
		var out ndis.String
		base := ndis.String("vc")
		if st := ndis.CoAssignInstanceName(v.Handle(), &base, &out); st != ndis.StatusFailure {
			t.Errorf("NdisCoAssignInstanceName = %s", st)
		}
		expect(t, sys, rules.RuleBadHandle, "NdisCoAssignInstanceName", "clients and stand-alone call managers")
	})
	t.Run("receive-count", func(t *testing.T) {
		sys, _, v, _ := mcmWorld(t)
		ndis.MCoIndicateReceiveNetBufferLists(v.Handle(), &ndis.NetBufferList{SourceHandle: v.Handle()}, 3, 0)
		sys.Run()
		expect(t, sys, rules.RuleBadParameter, "NdisMCoIndicateReceiveNetBufferLists", "NumberOfNetBufferLists is 3")
	})
}

func TestActivationInProgress(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{ActivatePends: true})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	c := testclient.New(testclient.Options{Sap: &ndis.CoSap{Sap: []byte("s")}})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v := cm.IncomingCall(nil)
	if v == nil {
		t.Fatal("no incoming call")
	}
	if st := ndis.CmActivateVc(v.Handle(), &ndis.CoCallParameters{}); st != ndis.StatusNotAccepted {
		t.Errorf("NdisCmActivateVc = %s", st)
	}
	expect(t, sys, rules.RuleVcState, "NdisCmActivateVc", "being activated")
	if st := ndis.CmDeactivateVc(v.Handle()); st != ndis.StatusNotAccepted {
		t.Errorf("NdisCmDeactivateVc = %s", st)
	}
	expect(t, sys, rules.RuleVcState, "NdisCmDeactivateVc", "being activated")
	sys.Run()
}

func TestOidRequestInFlightTwice(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{OidRequest: ndistest.Pend}, testclient.Options{})
	req := &ndis.OidRequest{Oid: 0x00010101}
	if st := c.OidRequest(c.Af(), nil, true, req); st != ndis.StatusPending {
		t.Fatalf("first NdisCoOidRequest = %s, want NDIS_STATUS_PENDING", st)
	}
	c.OidRequest(c.Af(), nil, true, req)
	expect(t, sys, rules.RuleBadParameter, "NdisCoOidRequest", "still in flight")
	sys.Run()
}

func TestHaltedAdapterHandle(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	drv, _ := current().RegisterMiniportDriver("failing", nil, func(h, ctx ndis.Handle) ndis.Status {
		return ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{})
	})
	var saved ndis.Handle
	if _, err := current().AddAdapter(drv, "co0", ndis.MediumCoWan, func(h ndis.Handle) (ndis.Handle, ndis.Status) {
		saved = h
		return nil, ndis.StatusFailure
	}); err == nil {
		t.Fatal("AddAdapter succeeded though MiniportInitializeEx failed")
	}
	ndis.MCmRegisterAddressFamilyEx(saved, &q2931)
	expect(t, sys, rules.RuleBadHandle, "NdisMCmRegisterAddressFamilyEx", "which was halted")
}

// TestOidCompletedByWrongSide: an OID request the client sent to the call
// manager, completed by the client itself or by the adapter's miniport.
func TestOidCompletedByWrongSide(t *testing.T) {
	sys, ad, _, c := world(t, ndistest.CMScript{OidRequest: ndistest.Pend}, testclient.Options{})
	req := &ndis.OidRequest{Oid: 0x00010101}
	if st := c.OidRequest(c.Af(), nil, true, req); st != ndis.StatusPending {
		t.Fatalf("NdisCoOidRequest = %s, want NDIS_STATUS_PENDING", st)
	}
	ndis.CoOidRequestComplete(c.Af().Handle(), nil, nil, req, ndis.StatusSuccess)
	expect(t, sys, rules.RuleBadHandle, "NdisCoOidRequestComplete", "was not sent to the client")
	ndis.MCoOidRequestComplete(ad.Handle(), nil, req, ndis.StatusSuccess)
	expect(t, sys, rules.RuleBadHandle, "NdisMCoOidRequestComplete", "was not sent to adapter")
	sys.Run()
}

func TestReceiveOnInactiveVc(t *testing.T) {
	sys, mcm, _, c := mcmWorld(t)
	if _, st := c.CreateVc(c.Af()); st != ndis.StatusSuccess {
		t.Fatalf("NdisCoCreateVc = %s", st)
	}
	var inactive *ndistest.VC
	for _, v := range mcm.VCs() {
		if !v.CreatedByCallManager() {
			inactive = v
		}
	}
	if inactive == nil {
		t.Fatal("the miniport call manager does not know the client's VC")
	}
	ndis.MCoIndicateReceiveNetBufferLists(inactive.Handle(), &ndis.NetBufferList{SourceHandle: inactive.Handle()}, 1, 0)
	expect(t, sys, rules.RuleVcState, "NdisMCoIndicateReceiveNetBufferLists", "not active")
}
