package ndistest_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// This file shows that the verifier and the typestate pass agree: each rule
// of the pass (rules.PassTypestate) has a failing shape in the pass's
// testdata (analyzers/typestate/testdata, named in shape), and a row here
// runs the same thing in the simulator, done by a Go-modelled driver (the
// test client with its misbehaviour in a handler, the parity call manager
// below, or the driver's own code calling the DDIs), and requires the
// verifier to report the same rule ID.

// parityCase is one failing scenario.
type parityCase struct {
	// name names the scenario; rule is the rule both report.
	name, rule string
	// shape is the testdata function with the same shape.
	shape string
	// run builds the system and drives it into the defect.
	run func(t *testing.T) *ndistest.System
}

// parityCases are the failing scenarios, one or more per rule.
var parityCases = []parityCase{
	{
		name: "af used after a successful ProtocolClCloseAfComplete", rule: rules.RuleAfUseAfterClose,
		shape: "afclose.clCloseAfComplete",
		run: func(t *testing.T) *ndistest.System {
			var af *testclient.Af
			req := &ndis.OidRequest{Oid: 1}
			once := onRole("PROTOCOL_CL_CLOSE_AF_COMPLETE", func() {
				ndis.CoOidRequest(af.Binding(), af.Handle(), nil, nil, req)
			})
			sys, _, _, c := setup(t, ndistest.CMScript{}, testclient.Options{OnEvent: once}, ndistest.KeepViolations())
			af = c.Af()
			for _, s := range af.Saps() {
				c.DeregisterSap(s)
			}
			c.CloseAf(af)
			return sys
		},
	},
	{
		name: "af used after NdisClCloseAddressFamily pended", rule: rules.RuleAfUseAfterClose,
		shape: "afclose.teardownSync",
		run: func(t *testing.T) *ndistest.System {
			sys, _, _, c := setup(t, ndistest.CMScript{CloseAf: ndistest.Pend}, testclient.Options{}, ndistest.KeepViolations())
			af := c.Af()
			for _, s := range af.Saps() {
				c.DeregisterSap(s)
			}
			if ndis.ClCloseAddressFamily(af.Handle()) == ndis.StatusPending {
				ndis.CoOidRequest(af.Binding(), af.Handle(), nil, nil, &ndis.OidRequest{Oid: 1})
			}
			return sys
		},
	},
	{
		name: "call manager's af used after NdisCmCloseAddressFamilyComplete", rule: rules.RuleAfUseAfterClose,
		shape: "cmside.cmCloseAf",
		run: func(t *testing.T) *ndistest.System {
			cm := &parityCM{closeAf: func(a *pcmAf) ndis.Status {
				ndis.CmCloseAddressFamilyComplete(ndis.StatusSuccess, a.ndisAfHandle)
				ndis.CmNotifyCloseAddressFamily(a.ndisAfHandle)
				return ndis.StatusPending
			}}
			sys, c := cm.system(t, testclient.Options{})
			c.CloseAf(c.Af())
			return sys
		},
	},
	{
		name: "sap used after a successful ProtocolClDeregisterSapComplete", rule: rules.RuleSapUseAfterDeregister,
		shape: "sapparty.clDeregisterSapComplete",
		run: func(t *testing.T) *ndistest.System {
			var s *testclient.Sap
			once := onRole("PROTOCOL_CL_DEREGISTER_SAP_COMPLETE", func() { ndis.ClDeregisterSap(s.Handle()) })
			sys, _, _, c := setup(t, ndistest.CMScript{DeregisterSap: ndistest.Pend}, testclient.Options{OnEvent: once}, ndistest.KeepViolations())
			s = c.Af().Saps()[0]
			c.DeregisterSap(s)
			sys.Run()
			return sys
		},
	},
	{
		name: "sap deregistered twice", rule: rules.RuleSapUseAfterDeregister,
		shape: "sapparty.deregisterTwice",
		run: func(t *testing.T) *ndistest.System {
			sys, _, _, c := setup(t, ndistest.CMScript{DeregisterSap: ndistest.Pend}, testclient.Options{}, ndistest.KeepViolations())
			h := c.Af().Saps()[0].Handle()
			ndis.ClDeregisterSap(h)
			ndis.ClDeregisterSap(h)
			return sys
		},
	},
	{
		name: "call manager's sap deregistration completed twice", rule: rules.RuleSapUseAfterDeregister,
		shape: "cmside.cmDeregisterSap",
		run: func(t *testing.T) *ndistest.System {
			cm := &parityCM{deregisterSap: func(s *pcmSap) ndis.Status {
				ndis.CmDeregisterSapComplete(ndis.StatusSuccess, s.ndisSapHandle)
				ndis.CmDeregisterSapComplete(ndis.StatusSuccess, s.ndisSapHandle)
				return ndis.StatusPending
			}}
			s := sap
			sys, c := cm.system(t, testclient.Options{Sap: &s})
			c.DeregisterSap(c.Af().Saps()[0])
			return sys
		},
	},
	{
		name: "party used after a successful ProtocolClDropPartyComplete", rule: rules.RulePartyUseAfterDrop,
		shape: "sapparty.clDropPartyComplete",
		run: func(t *testing.T) *ndistest.System {
			var af *testclient.Af
			var v *testclient.VC
			var p *testclient.Party
			once := onRole("PROTOCOL_CL_DROP_PARTY_COMPLETE", func() {
				ndis.CoOidRequest(af.Binding(), af.Handle(), v.Handle(), p.Handle(), &ndis.OidRequest{Oid: 1})
			})
			sys, _, _, c := setup(t, ndistest.CMScript{}, testclient.Options{OnEvent: once}, ndistest.KeepViolations())
			af = c.Af()
			v, _ = c.CreateVc(af)
			c.MakeCall(v, nil, true)
			p, _ = c.AddParty(v, nil)
			c.DropParty(p)
			return sys
		},
	},
	{
		name: "party used after NdisClDropParty pended", rule: rules.RulePartyUseAfterDrop,
		shape: "sapparty.dropThenQuery",
		run: func(t *testing.T) *ndistest.System {
			sys, _, _, c := setup(t, ndistest.CMScript{DropParty: ndistest.Pend}, testclient.Options{}, ndistest.KeepViolations())
			af := c.Af()
			v, _ := c.CreateVc(af)
			c.MakeCall(v, nil, true)
			p, _ := c.AddParty(v, nil)
			if ndis.ClDropParty(p.Handle(), nil, 0) == ndis.StatusPending {
				ndis.CoOidRequest(af.Binding(), af.Handle(), v.Handle(), p.Handle(), &ndis.OidRequest{Oid: 1})
			}
			return sys
		},
	},
	{
		name: "call manager's party used after NdisCmDropPartyComplete", rule: rules.RulePartyUseAfterDrop,
		shape: "cmside.cmDropParty",
		run: func(t *testing.T) *ndistest.System {
			cm := &parityCM{dropParty: func(p *pcmParty) ndis.Status {
				ndis.CmDropPartyComplete(ndis.StatusSuccess, p.ndisPartyHandle)
				ndis.CmDispatchIncomingDropParty(ndis.StatusSuccess, p.ndisPartyHandle, nil, 0)
				return ndis.StatusPending
			}}
			sys, c := cm.system(t, testclient.Options{})
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, true)
			p, _ := c.AddParty(v, nil)
			c.DropParty(p)
			return sys
		},
	},
	{
		name: "NdisClMakeCall on a connected VC", rule: rules.RuleVcState,
		shape: "vcstate.clMakeCallComplete",
		run: func(t *testing.T) *ndistest.System {
			var v *testclient.VC
			once := onRole("PROTOCOL_CL_MAKE_CALL_COMPLETE", func() {
				ndis.ClMakeCall(v.Handle(), &ndis.CoCallParameters{}, nil, nil)
			})
			sys, _, _, c := setup(t, ndistest.CMScript{MakeCall: ndistest.Pend}, testclient.Options{OnEvent: once}, ndistest.KeepViolations())
			v, _ = c.CreateVc(c.Af())
			c.MakeCall(v, nil, false)
			sys.Run()
			return sys
		},
	},
	{
		name: "a second NdisClCloseCall while the first is pending", rule: rules.RuleVcState,
		shape: "vcstate.closeTwice",
		run: func(t *testing.T) *ndistest.System {
			sys, _, _, c := setup(t, ndistest.CMScript{CloseCall: ndistest.Pend}, testclient.Options{}, ndistest.KeepViolations())
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, false)
			if ndis.ClCloseCall(v.Handle(), nil, nil, 0) == ndis.StatusPending {
				ndis.ClCloseCall(v.Handle(), nil, nil, 0)
			}
			return sys
		},
	},
	{
		name: "NdisClCloseAddressFamily with a VC created on the AF", rule: rules.RuleAfCloseBusy,
		shape: "afbusy.shutdownVc",
		run: func(t *testing.T) *ndistest.System {
			sys, _, _, c := setup(t, ndistest.CMScript{}, testclient.Options{}, ndistest.KeepViolations())
			af := c.Af()
			for _, s := range af.Saps() {
				c.DeregisterSap(s)
			}
			if _, st := c.CreateVc(af); st == ndis.StatusSuccess {
				ndis.ClCloseAddressFamily(af.Handle())
			}
			return sys
		},
	},
	{
		name: "NdisClCloseAddressFamily while a SAP is registered", rule: rules.RuleAfCloseBusy,
		shape: "afbusy.shutdownSap",
		run: func(t *testing.T) *ndistest.System {
			sys, _, _, c := setup(t, ndistest.CMScript{}, testclient.Options{}, ndistest.KeepViolations())
			ndis.ClCloseAddressFamily(c.Af().Handle())
			return sys
		},
	},
}

// TestTypestateParity runs every failing scenario and requires the verifier
// to report its rule; every rule of the typestate pass has one.
func TestTypestateParity(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range parityCases {
		covered[tc.rule] = true
		t.Run(tc.name, func(t *testing.T) {
			sys := tc.run(t)
			sys.Finish()
			for _, v := range sys.ViolationsOf(tc.rule) {
				t.Logf("%s", strings.SplitN(v.String(), "\n", 2)[0])
			}
			if len(sys.ViolationsOf(tc.rule)) == 0 {
				var got []string
				for _, v := range sys.Violations() {
					got = append(got, v.String())
				}
				t.Errorf("the verifier did not report %s for the shape of %s; it reported:\n%s", tc.rule, tc.shape, strings.Join(got, "\n"))
			}
		})
	}
	for _, id := range rules.RuleIDs(rules.PassTypestate) {
		if !covered[id] {
			t.Errorf("%s: no failing scenario runs in the simulator", id)
		}
	}
}

// onRole returns a test-client hook that runs do once, at the start of the
// first handler of role.
func onRole(role string, do func()) func(string, *testclient.VC) {
	done := false
	return func(r string, _ *testclient.VC) {
		if r == role && !done {
			done = true
			do()
		}
	}
}

// parityCM is a minimal Go-modelled stand-alone call manager: it binds to
// the adapter "atm0", registers q2931 there and answers every request at
// once with success (activating a VC before it completes a call), except
// where the scenario gives its ProtocolCmCloseAf, ProtocolCmDeregisterSap or
// ProtocolCmDropParty, the shapes of analyzers/typestate/testdata/cmside.
type parityCM struct {
	protocol, binding ndis.Handle
	af                ndis.CoAddressFamily
	closeAf           func(*pcmAf) ndis.Status
	deregisterSap     func(*pcmSap) ndis.Status
	dropParty         func(*pcmParty) ndis.Status
}

// The parity call manager's contexts.
type (
	pcmAf    struct{ ndisAfHandle ndis.Handle }
	pcmSap   struct{ ndisSapHandle ndis.Handle }
	pcmVc    struct{ ndisVcHandle ndis.Handle }
	pcmParty struct{ ndisPartyHandle ndis.Handle }
)

// system builds a system with one adapter, the parity call manager and the
// test client, bound, keeping the verifier's reports for the test.
func (cm *parityCM) system(t *testing.T, opts testclient.Options) (*ndistest.System, *testclient.Client) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations())
	sys.AddAdapter("atm0", ndis.MediumAtm)
	cm.af = q2931
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "paritycm",
		SetOptionsHandler: func(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
			co := &ndis.ProtocolCoCharacteristics{
				CoStatusHandlerEx:                   func(ndis.Handle, ndis.Handle, *ndis.StatusIndication) {},
				CoAfRegisterNotifyHandler:           func(ndis.Handle, *ndis.CoAddressFamily) {},
				CoReceiveNetBufferListsHandler:      func(ndis.Handle, ndis.Handle, *ndis.NetBufferList, uint32, uint32) {},
				CoSendNetBufferListsCompleteHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
			}
			if st := ndis.SetOptionalHandlers(ndisDriverHandle, co); st != ndis.StatusSuccess {
				return st
			}
			return ndis.SetOptionalHandlers(ndisDriverHandle, cm.handlers())
		},
		BindAdapterHandlerEx: func(protocolDriverContext, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			if bp.AdapterName != "atm0" {
				return ndis.StatusNotSupported
			}
			var idx uint32
			op := &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}
			if st := ndis.OpenAdapterEx(cm.protocol, cm, op, bindContext, &cm.binding); st != ndis.StatusSuccess {
				return st
			}
			return ndis.CmRegisterAddressFamilyEx(cm.binding, &cm.af)
		},
		UnbindAdapterHandlerEx: func(unbindContext, protocolBindingContext ndis.Handle) ndis.Status {
			return ndis.CloseAdapterEx(cm.binding)
		},
		OpenAdapterCompleteHandlerEx:  func(ndis.Handle, ndis.Status) {},
		CloseAdapterCompleteHandlerEx: func(ndis.Handle) {},
	}
	if st := ndis.RegisterProtocolDriver(cm, chars, &cm.protocol); st != ndis.StatusSuccess {
		t.Fatalf("registering the parity call manager: %s", st)
	}
	c := testclient.New(opts)
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() == nil {
		t.Fatalf("the client has no open AF after Bind; events: %v", c.Events)
	}
	return sys, c
}

// handlers returns the parity call manager's
// NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS.
func (cm *parityCM) handlers() *ndis.CoCallManagerOptionalHandlers {
	return &ndis.CoCallManagerOptionalHandlers{
		CmCreateVcHandler: func(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
			*protocolVcContext = &pcmVc{ndisVcHandle: ndisVcHandle}
			return ndis.StatusSuccess
		},
		CmDeleteVcHandler: func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		CmOpenAfHandler: func(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
			*callMgrAfContext = &pcmAf{ndisAfHandle: ndisAfHandle}
			return ndis.StatusSuccess
		},
		CmCloseAfHandler: func(callMgrAfContext ndis.Handle) ndis.Status {
			if cm.closeAf != nil {
				return cm.closeAf(callMgrAfContext.(*pcmAf))
			}
			return ndis.StatusSuccess
		},
		CmRegisterSapHandler: func(callMgrAfContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle, callMgrSapContext *ndis.Handle) ndis.Status {
			*callMgrSapContext = &pcmSap{ndisSapHandle: ndisSapHandle}
			return ndis.StatusSuccess
		},
		CmDeregisterSapHandler: func(callMgrSapContext ndis.Handle) ndis.Status {
			if cm.deregisterSap != nil {
				return cm.deregisterSap(callMgrSapContext.(*pcmSap))
			}
			return ndis.StatusSuccess
		},
		CmMakeCallHandler: func(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
			if ndisPartyHandle != nil {
				*callMgrPartyContext = &pcmParty{ndisPartyHandle: ndisPartyHandle}
			}
			return ndis.CmActivateVc(callMgrVcContext.(*pcmVc).ndisVcHandle, callParameters)
		},
		CmCloseCallHandler: func(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
			ndis.CmDeactivateVc(callMgrVcContext.(*pcmVc).ndisVcHandle)
			return ndis.StatusSuccess
		},
		CmIncomingCallCompleteHandler: func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		CmAddPartyHandler: func(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
			*callMgrPartyContext = &pcmParty{ndisPartyHandle: ndisPartyHandle}
			return ndis.StatusSuccess
		},
		CmDropPartyHandler: func(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
			if cm.dropParty != nil {
				return cm.dropParty(callMgrPartyContext.(*pcmParty))
			}
			return ndis.StatusSuccess
		},
		CmActivateVcCompleteHandler:   func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		CmDeactivateVcCompleteHandler: func(ndis.Status, ndis.Handle) {},
		CmModifyCallQoSHandler:        func(ndis.Handle, *ndis.CoCallParameters) ndis.Status { return ndis.StatusNotSupported },
		CmOidRequestHandler: func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmOidRequestCompleteHandler:    func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest, ndis.Status) {},
		CmNotifyCloseAfCompleteHandler: func(ndis.Handle, ndis.Status) {},
	}
}
