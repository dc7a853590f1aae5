package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

func TestBadHandles(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, cv := connectedIncoming(t, cm, c)
	sapH := c.Af().Saps()[0].Handle()

	ndis.ClCloseCall(sapH, nil, nil, 0)
	expect(t, sys, rules.RuleBadHandle, "NdisClCloseCall", "NdisVcHandle", "a SAP handle")

	ndis.CoDeleteVc(nil)
	expect(t, sys, rules.RuleBadHandle, "NdisCoDeleteVc", "NULL")

	ndis.ClCloseCall(v.Handle(), nil, nil, 0)
	expect(t, sys, rules.RuleBadHandle, "NdisClCloseCall", "the call manager's handle")

	ndis.CmCloseCallComplete(ndis.StatusSuccess, cv.Handle(), nil)
	expect(t, sys, rules.RuleBadHandle, "NdisCmCloseCallComplete", "the client's handle")

	type myContext struct{ n int }
	ndis.ClDeregisterSap(&myContext{})
	expect(t, sys, rules.RuleBadHandle, "NdisClDeregisterSap", "a driver's own value")

	ndis.CoCreateVc(c.Af().Handle(), nil, nil, new(ndis.Handle))
	expect(t, sys, rules.RuleBadHandle, "NdisCoCreateVc", "NdisBindingHandle", "an AF handle")

	c.CloseCall(cv)
	sys.Run()
}

// TestHandleOfAnotherDriver: from its own handler, client A passes a VC
// handle NDIS gave client B.
func TestHandleOfAnotherDriver(t *testing.T) {
	var b *testclient.Client
	var bVc *testclient.VC
	a := testclient.New(testclient.Options{
		Name: "a",
		OnEvent: func(role string, v *testclient.VC) {
			if role == "PROTOCOL_CO_STATUS_EX" && bVc != nil {
				ndis.CoSendNetBufferLists(bVc.Handle(), &ndis.NetBufferList{SourceHandle: bVc.Handle()}, 0)
			}
		},
	})
	b = testclient.New(testclient.Options{Name: "b"})
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	sys.Load(a.DriverEntry)
	sys.Load(b.DriverEntry)
	sys.Bind()
	bVc, _ = b.CreateVc(b.Af())
	b.MakeCall(bVc, nil, false)
	ad.IndicateStatus(ndis.StatusMediaConnect)
	expect(t, sys, rules.RuleBadHandle, "NdisCoSendNetBufferLists", `protocol "b"`, `protocol "a"`)
}

func TestAfSapPartyUseAfterClose(t *testing.T) {
	t.Run("af", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		af := c.Af()
		c.CloseAf(af)
		var h ndis.Handle
		ndis.ClRegisterSap(af.Handle(), nil, &ndis.CoSap{}, &h)
		expect(t, sys, rules.RuleAfUseAfterClose, "NdisClRegisterSap", "af #1")
		only(t, sys, rules.RuleAfUseAfterClose)
	})
	t.Run("sap", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		s := c.Af().Saps()[0]
		c.DeregisterSap(s)
		if st := ndis.ClDeregisterSap(s.Handle()); st != ndis.StatusFailure {
			t.Errorf("a second NdisClDeregisterSap returned %s, want NDIS_STATUS_FAILURE", st)
		}
		expect(t, sys, rules.RuleSapUseAfterDeregister, "NdisClDeregisterSap", "sap #1")
	})
	t.Run("party", func(t *testing.T) {
		sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
		v, _ := c.CreateVc(c.Af())
		c.MakeCall(v, nil, true)
		p, _ := c.AddParty(v, nil)
		c.DropParty(p)
		ndis.ClDropParty(p.Handle(), nil, 0)
		expect(t, sys, rules.RulePartyUseAfterDrop, "NdisClDropParty", "party #2")
		c.CloseCall(v)
		only(t, sys, rules.RulePartyUseAfterDrop)
	})
}

func TestMultipointMistakes(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, true)
	first := v.Parties()[0]
	if st := c.DropParty(first); st != ndis.StatusFailure {
		t.Errorf("NdisClDropParty on the last party returned %s, want NDIS_STATUS_FAILURE", st)
	}
	expect(t, sys, rules.RuleDropLastParty, "NdisClDropParty", "NdisClCloseCall")
	c.AddParty(v, nil)
	c.CloseCall(v)
	expect(t, sys, rules.RuleCloseCallWithParties, "NdisClCloseCall", "NdisClDropParty")
}

func TestCloseAfWithObjects(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	if st := ndis.ClCloseAddressFamily(c.Af().Handle()); st != ndis.StatusFailure {
		t.Errorf("NdisClCloseAddressFamily with a SAP registered returned %s", st)
	}
	expect(t, sys, rules.RuleAfCloseBusy, "NdisClCloseAddressFamily", "1 SAP")
	if c.Af() == nil {
		t.Errorf("the refused close invalidated the AF")
	}
}

func TestMissingHandler(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	var p ndis.Handle
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "partial",
		SetOptionsHandler: func(h, ctx ndis.Handle) ndis.Status {
			ndis.SetOptionalHandlers(h, &ndis.ProtocolCoCharacteristics{})
			return ndis.SetOptionalHandlers(h, &ndis.CoClientOptionalHandlers{
				ClCreateVcHandler: func(ndis.Handle, ndis.Handle, *ndis.Handle) ndis.Status { return ndis.StatusSuccess },
				ClDeleteVcHandler: func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
			})
		},
		BindAdapterHandlerEx:   func(ndis.Handle, ndis.Handle, *ndis.BindParameters) ndis.Status { return ndis.StatusNotSupported },
		UnbindAdapterHandlerEx: func(ndis.Handle, ndis.Handle) ndis.Status { return ndis.StatusSuccess },
	}
	if st := ndis.RegisterProtocolDriver(nil, chars, &p); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver: %s", st)
	}
	expect(t, sys, rules.RuleMissingHandler, "NdisSetOptionalHandlers", "ClCloseCallCompleteHandler", "PROTOCOL_CL_CLOSE_CALL_COMPLETE")
	expect(t, sys, rules.RuleMissingHandler, "ClIncomingCallHandler", "PROTOCOL_CL_INCOMING_CALL")
	expect(t, sys, rules.RuleMissingHandler, "CoAfRegisterNotifyHandler", "PROTOCOL_CO_AF_REGISTER_NOTIFY")
	if n := len(sys.ViolationsOf(rules.RuleMissingHandler)); n != 18 {
		t.Errorf("%d missing-handler reports, want one per NULL Cl* slot (17) and one for CoAfRegisterNotifyHandler", n)
	}
}

func TestSetOptionalHandlersOutsideSetOptions(t *testing.T) {
	sys, _, _, c := world(t, ndistest.CMScript{}, testclient.Options{})
	if st := ndis.SetOptionalHandlers(c.Protocol(), &ndis.CoClientOptionalHandlers{}); st != ndis.StatusFailure {
		t.Errorf("NdisSetOptionalHandlers outside SetOptions returned %s", st)
	}
	expect(t, sys, rules.RuleOptionalHandlersContext, "NdisSetOptionalHandlers", "SET_OPTIONS")
}

func TestWrongFamilyForMiniportCallManager(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	mcm := sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, ndistest.CMScript{})
	c := testclient.New(testclient.Options{Sap: &ndis.CoSap{Sap: []byte("s")}})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v := mcm.IncomingCall(nil)
	ndis.CmDispatchCallConnected(v.Handle())
	expect(t, sys, rules.RuleBadHandle, "NdisCmDispatchCallConnected", "NdisMCmDispatchCallConnected")
	ndis.CoDeleteVc(v.Handle())
	expect(t, sys, rules.RuleBadHandle, "NdisCoDeleteVc", "NdisMCmDeleteVc")
	mcm.CallConnected(v)
	only(t, sys, rules.RuleBadHandle)
}

func TestCallManagerVcIsNotTheMiniports(t *testing.T) {
	sys, _, cm, c := world(t, ndistest.CMScript{}, testclient.Options{})
	v, cv := connectedIncoming(t, cm, c)
	ndis.MCoIndicateReceiveNetBufferLists(v.Handle(), &ndis.NetBufferList{}, 1, 0)
	expect(t, sys, rules.RuleBadHandle, "NdisMCoIndicateReceiveNetBufferLists", "the miniport must pass its own")
	c.CloseCall(cv)
}
