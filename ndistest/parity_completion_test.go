package ndistest_test

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/completion"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// This file shows that the completion pass (analyzers/completion) and the
// run-time verifier agree: each of the pass's rules has a failing scenario,
// driven here by a Go-modelled client or call manager in the simulator, for
// which the verifier reports the rule's ID and nothing else, and a correct
// twin for which it reports nothing. TestCompletionParityStatic lints this
// very file with the pass and finds each rule reported in its failing
// handler and nothing in the twins: the drivers the simulator runs are the
// ones the pass judges.

// pcScenario is one rule's failing scenario and its correct twin.
type pcScenario struct {
	rule string
	// wrong and right are the handlers the scenario registers: the
	// pass reports rule in wrong and nothing in right.
	wrong, right string
	// run drives a driver registered with the handler named h and returns
	// the system, whose violations the test reads.
	run func(t *testing.T, h string) *ndistest.System
}

// pcScenarios are the scenarios, one per rule of the completion pass.
var pcScenarios = []pcScenario{
	{rule: rules.RuleCompletedTwice, wrong: "pcMakeCallTwice", right: "pcMakeCallOnce", run: pcRunMakeCall},
	{rule: rules.RuleCompletionWithoutPending, wrong: "pcIncomingCompletedSucceeds", right: "pcIncomingNested", run: pcRunIncoming},
	{rule: rules.RuleCompleteWithPending, wrong: "pcIncomingWithPending", right: "pcIncomingNested", run: pcRunIncoming},
	{rule: rules.RulePendingNeverCompleted, wrong: "pcPnPPends", right: "pcPnPAnswers", run: pcRunPnP},
	{rule: rules.RuleOidCompleteNotCurrent, wrong: "pcOidCompletesOwn", right: "pcOidCompletesGiven", run: pcRunOid},
	{rule: rules.RuleOidBadStatus, wrong: "pcOidPowerInvalid", right: "pcOidPowerNotAccepted", run: pcRunPowerOid},
}

// TestCompletionParity runs every scenario and its twin in the simulator.
func TestCompletionParity(t *testing.T) {
	ids := map[string]bool{}
	for _, id := range rules.RuleIDs(rules.PassCompletion) {
		ids[id] = true
	}
	for _, sc := range pcScenarios {
		delete(ids, sc.rule)
		t.Run(sc.rule+"/"+sc.wrong, func(t *testing.T) {
			sys := sc.run(t, sc.wrong)
			if len(sys.ViolationsOf(sc.rule)) == 0 {
				t.Errorf("the verifier does not report %s; it reports %v", sc.rule, sys.Violations())
			}
			for _, v := range sys.Violations() {
				if v.Rule != sc.rule {
					t.Errorf("the scenario breaks another rule too: %s", v)
				}
			}
		})
		t.Run(sc.rule+"/"+sc.right, func(t *testing.T) {
			for _, v := range sc.run(t, sc.right).Violations() {
				t.Errorf("the correct twin is reported: %s", v)
			}
		})
	}
	for id := range ids {
		t.Errorf("the completion rule %s has no parity scenario", id)
	}
}

// TestCompletionParityStatic lints this file's package with the completion
// pass: each scenario's rule is reported in its wrong handler, and no
// completion rule anywhere else in this file. It type-checks the package's
// whole dependency tree from source (about 20 s on a loaded machine) and
// runs no driver, so violationsites' coverage run skips it by name.
func TestCompletionParityStatic(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: true, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	var self *packages.Package
	for _, p := range pkgs {
		if p.PkgPath == "github.com/ndislint/ndislint/ndistest_test" {
			self = p
		}
	}
	if self == nil || len(self.Errors) > 0 {
		t.Fatalf("the external test package does not load: %v", self)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{completion.Analyzer}, []*packages.Package{self}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var diags []analysis.Diagnostic
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		if act.IsRoot {
			diags = append(diags, act.Diagnostics...)
		}
	}
	funcs := pcFuncRanges(self)
	found := map[string]bool{}
	for _, d := range diags {
		pos := self.Fset.Position(d.Pos)
		if filepath.Base(pos.Filename) != "parity_completion_test.go" {
			continue
		}
		in := ""
		for name, r := range funcs {
			if r[0] <= d.Pos && d.Pos < r[1] {
				in = name
			}
		}
		ok := false
		for _, sc := range pcScenarios {
			if in == sc.wrong && d.Category == sc.rule {
				ok, found[sc.wrong] = true, true
			}
		}
		if !ok {
			t.Errorf("%s: unexpected report in %s: %s", pos, in, d.Message)
		}
	}
	for _, sc := range pcScenarios {
		if !found[sc.wrong] {
			t.Errorf("the pass does not report %s in %s", sc.rule, sc.wrong)
		}
	}
}

// pcFuncRanges returns the source range of each function declared in this
// file.
func pcFuncRanges(p *packages.Package) map[string][2]token.Pos {
	out := map[string][2]token.Pos{}
	for _, f := range p.Syntax {
		if filepath.Base(p.Fset.Position(f.Pos()).Filename) != "parity_completion_test.go" {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				out[fd.Name.Name] = [2]token.Pos{fd.Pos(), fd.End()}
			}
		}
	}
	return out
}

// pcQ2931 is the address family of the parity scenarios.
var pcQ2931 = ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3, MinorVersion: 1}

// pcSap is the SAP the parity client registers.
var pcSap = ndis.CoSap{SapType: 1, SapLength: 4, Sap: []byte("sap0")}

// pcRunMakeCall runs the parity call manager with the make-call handler
// named h, and the test client making one call to it.
func pcRunMakeCall(t *testing.T, h string) *ndistest.System {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := &pcCM{af: pcQ2931, adapter: ad.Name(), makeCall: pcMakeCallHandler(t, h)}
	sys.Load(cm.driverEntry)
	c := testclient.New(testclient.Options{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	if c.Af() == nil {
		t.Fatalf("the client did not open the parity call manager's AF; events %v", c.Events)
	}
	v, st := c.CreateVc(c.Af())
	if st != ndis.StatusSuccess {
		t.Fatalf("NdisCoCreateVc: %s", st)
	}
	c.MakeCall(v, nil, false)
	sys.Finish()
	return sys
}

// pcRunIncoming runs the parity client with the ProtocolClIncomingCall
// handler named h, and the scripted call manager offering it one call.
func pcRunIncoming(t *testing.T, h string) *ndistest.System {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, pcQ2931, ndistest.CMScript{})
	c := &pcClient{incoming: pcIncomingHandler(t, h)}
	sys.Load(c.driverEntry)
	sys.Bind()
	if c.af == nil || c.af.sap == nil {
		t.Fatalf("the parity client has no SAP after Bind")
	}
	cm.IncomingCall(nil)
	sys.Finish()
	return sys
}

// pcRunPnP runs the parity client with the ProtocolNetPnPEvent handler
// named h, and raises one PnP event on its binding.
func pcRunPnP(t *testing.T, h string) *ndistest.System {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	sys.AddCallManager(ad, pcQ2931, ndistest.CMScript{})
	c := &pcClient{incoming: pcIncomingNested, pnp: pcPnPHandler(t, h)}
	sys.Load(c.driverEntry)
	sys.Bind()
	if _, err := sys.PnPEvent(c.protocol, ad.Handle(), ndis.NetEventSetPower); err != nil {
		t.Fatal(err)
	}
	sys.Finish()
	return sys
}

// pcRunPowerOid runs the harness's test miniport with the MiniportOidRequest
// handler named h, and a scripted protocol setting OID_PNP_SET_POWER.
func pcRunPowerOid(t *testing.T, h string) *ndistest.System {
	sys := ndistest.New(t, ndistest.KeepViolations())
	_, p, _ := miniportStack(t, sys, &testMiniport{oid: pcOidHandler(t, h)}, ndistest.ProtocolScript{})
	p.Oid(&ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: ndis.OidPnpSetPower})
	sys.Finish()
	return sys
}

// The scenarios' handlers, by name. They are stored in role-typed fields,
// as a driver's handler structure stores them: the pass counts a handler as
// registered only when the package stores it as one.
var (
	pcMakeCallHandlers = []struct {
		name string
		h    ndis.ProtocolCmMakeCall
	}{
		{"pcMakeCallTwice", pcMakeCallTwice},
		{"pcMakeCallOnce", pcMakeCallOnce},
	}
	pcIncomingHandlers = []struct {
		name string
		h    ndis.ProtocolClIncomingCall
	}{
		{"pcIncomingCompletedSucceeds", pcIncomingCompletedSucceeds},
		{"pcIncomingWithPending", pcIncomingWithPending},
		{"pcIncomingNested", pcIncomingNested},
	}
	pcOidHandlers = []struct {
		name string
		h    ndis.MiniportOidRequest
	}{
		{"pcOidCompletesOwn", pcOidCompletesOwn},
		{"pcOidCompletesGiven", pcOidCompletesGiven},
		{"pcOidPowerInvalid", pcOidPowerInvalid},
		{"pcOidPowerNotAccepted", pcOidPowerNotAccepted},
	}
	pcPnPHandlers = []struct {
		name string
		h    ndis.ProtocolNetPnPEvent
	}{
		{"pcPnPPends", pcPnPPends},
		{"pcPnPAnswers", pcPnPAnswers},
	}
)

// pcMakeCallHandler returns the make-call handler called name.
func pcMakeCallHandler(t *testing.T, name string) ndis.ProtocolCmMakeCall {
	for _, e := range pcMakeCallHandlers {
		if e.name == name {
			return e.h
		}
	}
	t.Fatalf("no make-call handler %s", name)
	return nil
}

// pcIncomingHandler returns the incoming-call handler called name.
func pcIncomingHandler(t *testing.T, name string) ndis.ProtocolClIncomingCall {
	for _, e := range pcIncomingHandlers {
		if e.name == name {
			return e.h
		}
	}
	t.Fatalf("no incoming-call handler %s", name)
	return nil
}

// pcOidHandler returns the MiniportOidRequest handler called name.
func pcOidHandler(t *testing.T, name string) ndis.MiniportOidRequest {
	for _, e := range pcOidHandlers {
		if e.name == name {
			return e.h
		}
	}
	t.Fatalf("no OID handler %s", name)
	return nil
}

// pcOidPowerInvalid fails OID_PNP_SET_POWER with NDIS_STATUS_INVALID_DATA,
// which MiniportOidRequest's page allows but the OID's row of SDV
// NdisOidComplete's table does not (oid-bad-status).
//
//ndis:role MINIPORT_OID_REQUEST
func pcOidPowerInvalid(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid == ndis.OidPnpSetPower {
		return ndis.StatusInvalidData
	}
	return ndis.StatusSuccess
}

// pcOidPowerNotAccepted is its twin: NDIS_STATUS_NOT_ACCEPTED is in the row.
//
//ndis:role MINIPORT_OID_REQUEST
func pcOidPowerNotAccepted(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid == ndis.OidPnpSetPower {
		return ndis.StatusNotAccepted
	}
	return ndis.StatusSuccess
}

// pcPnPHandler returns the PnP handler called name.
func pcPnPHandler(t *testing.T, name string) ndis.ProtocolNetPnPEvent {
	for _, e := range pcPnPHandlers {
		if e.name == name {
			return e.h
		}
	}
	t.Fatalf("no PnP handler %s", name)
	return nil
}

// The parity call manager's scenario handlers.

// pcMakeCallTwice activates the VC and completes the pended make-call
// twice (completed-twice).
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func pcMakeCallTwice(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*pcCmVc)
	ndis.CmActivateVc(v.h, callParameters) // the harness's miniport activates at once
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
	return ndis.StatusPending
}

// pcMakeCallOnce is its twin: one completion before the PENDING return.
//
//ndis:role PROTOCOL_CM_MAKE_CALL
func pcMakeCallOnce(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*pcCmVc)
	ndis.CmActivateVc(v.h, callParameters) // the harness's miniport activates at once
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
	return ndis.StatusPending
}

// The parity client's scenario handlers.

// pcIncomingCompletedSucceeds accepts the call with
// NdisClIncomingCallComplete and again by its return
// (completion-without-pending).
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func pcIncomingCompletedSucceeds(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*pcVc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.h, callParameters)
	return ndis.StatusSuccess
}

// pcIncomingWithPending completes with NDIS_STATUS_PENDING as the final
// status (complete-with-pending).
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func pcIncomingWithPending(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*pcVc)
	ndis.ClIncomingCallComplete(ndis.StatusPending, v.h, callParameters)
	return ndis.StatusPending
}

// pcIncomingNested is the twin of both: it accepts inside the handler, then
// pends.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func pcIncomingNested(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*pcVc)
	ndis.ClIncomingCallComplete(ndis.StatusSuccess, v.h, callParameters)
	return ndis.StatusPending
}

// pcPnPPends pends every PnP event, and nothing in the package completes
// one: NdisCompleteNetPnPEvent is used nowhere (pending-never-completed).
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func pcPnPPends(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	c := protocolBindingContext.(*pcClient)
	c.pnpEvents++
	return ndis.StatusPending
}

// pcPnPAnswers is its twin: it answers at once.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func pcPnPAnswers(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	c := protocolBindingContext.(*pcClient)
	c.pnpEvents++
	return ndis.StatusSuccess
}

// pcClient is a Go-modelled CoNDIS client for the parity scenarios: it
// opens the AF the call manager advertises, registers a SAP on it, keeps the
// VCs the call manager creates, and answers incoming calls and PnP events
// with the handlers its scenario gives it.
type pcClient struct {
	incoming  ndis.ProtocolClIncomingCall
	pnp       ndis.ProtocolNetPnPEvent
	protocol  ndis.Handle
	binding   ndis.Handle
	bindCtx   ndis.Handle
	unbindCtx ndis.Handle
	af        *pcAf
	vcs       []*pcVc
	pnpEvents int
}

// pcAf is the parity client's AF context.
type pcAf struct {
	c   *pcClient
	h   ndis.Handle
	sap ndis.Handle
}

// pcVc is the parity client's context of a VC the call manager created.
type pcVc struct {
	c *pcClient
	h ndis.Handle
}

// driverEntry registers the parity client.
func (c *pcClient) driverEntry() ndis.Status {
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		Name:                          "pcclient",
		SetOptionsHandler:             pcClientSetOptions,
		BindAdapterHandlerEx:          pcBind,
		UnbindAdapterHandlerEx:        pcUnbind,
		OpenAdapterCompleteHandlerEx:  pcOpenAdapterComplete,
		CloseAdapterCompleteHandlerEx: pcCloseAdapterComplete,
		NetPnPEventHandler:            c.pnp,
	}
	return ndis.RegisterProtocolDriver(c, chars, &c.protocol)
}

// pcClientSetOptions registers the parity client's CoNDIS handlers.
func pcClientSetOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	c := driverContext.(*pcClient)
	co := &ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   func(ndis.Handle, ndis.Handle, *ndis.StatusIndication) {},
		CoAfRegisterNotifyHandler:           pcAfRegisterNotify,
		CoReceiveNetBufferListsHandler:      func(ndis.Handle, ndis.Handle, *ndis.NetBufferList, uint32, uint32) {},
		CoSendNetBufferListsCompleteHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, co); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{
		ClCreateVcHandler: pcClCreateVc,
		ClDeleteVcHandler: func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		ClOidRequestHandler: func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest) ndis.Status {
			return ndis.StatusNotSupported
		},
		ClOidRequestCompleteHandler:    func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest, ndis.Status) {},
		ClOpenAfCompleteHandlerEx:      pcOpenAfComplete,
		ClCloseAfCompleteHandler:       func(ndis.Status, ndis.Handle) {},
		ClRegisterSapCompleteHandler:   pcRegisterSapComplete,
		ClDeregisterSapCompleteHandler: func(ndis.Status, ndis.Handle) {},
		ClMakeCallCompleteHandler:      func(ndis.Status, ndis.Handle, ndis.Handle, *ndis.CoCallParameters) {},
		ClModifyCallQoSCompleteHandler: func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		ClCloseCallCompleteHandler:     func(ndis.Status, ndis.Handle, ndis.Handle) {},
		ClAddPartyCompleteHandler:      func(ndis.Status, ndis.Handle, ndis.Handle, *ndis.CoCallParameters) {},
		ClDropPartyCompleteHandler:     func(ndis.Status, ndis.Handle) {},
		ClIncomingCallHandler:          c.incoming,
		ClIncomingCallQoSChangeHandler: func(ndis.Handle, *ndis.CoCallParameters) {},
		ClIncomingCloseCallHandler:     pcIncomingCloseCall,
		ClIncomingDropPartyHandler:     func(ndis.Status, ndis.Handle, []byte, uint32) {},
		ClCallConnectedHandler:         func(ndis.Handle) {},
		ClNotifyCloseAfHandler:         func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
	})
}

// pcBind opens the adapter; a pended open completes the bind in
// pcOpenAdapterComplete.
func pcBind(protocolDriverContext, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	c := protocolDriverContext.(*pcClient)
	c.bindCtx = bindContext
	var idx uint32
	op := &ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{bindParameters.MediaType}, SelectedMediumIndex: &idx}
	return ndis.OpenAdapterEx(c.protocol, c, op, bindContext, &c.binding)
}

// pcOpenAdapterComplete completes a pended bind.
func pcOpenAdapterComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	c := protocolBindingContext.(*pcClient)
	ndis.CompleteBindAdapterEx(c.bindCtx, status)
}

// pcUnbind closes the adapter; a pended close completes the unbind in
// pcCloseAdapterComplete.
func pcUnbind(unbindContext, protocolBindingContext ndis.Handle) ndis.Status {
	c := protocolBindingContext.(*pcClient)
	c.unbindCtx = unbindContext
	return ndis.CloseAdapterEx(c.binding)
}

// pcCloseAdapterComplete completes a pended unbind.
func pcCloseAdapterComplete(protocolBindingContext ndis.Handle) {
	c := protocolBindingContext.(*pcClient)
	ndis.CompleteUnbindAdapterEx(c.unbindCtx)
}

// pcAfRegisterNotify opens the advertised AF.
func pcAfRegisterNotify(protocolBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily) {
	c := protocolBindingContext.(*pcClient)
	a := &pcAf{c: c}
	c.af = a
	if st := ndis.ClOpenAddressFamilyEx(c.binding, addressFamily, a, &a.h); st != ndis.StatusPending {
		pcOpenAfComplete(a, a.h, st)
	}
}

// pcOpenAfComplete registers the SAP once the AF is open.
func pcOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	a := protocolAfContext.(*pcAf)
	if status != ndis.StatusSuccess {
		return
	}
	a.h = ndisAfHandle
	var sapH ndis.Handle
	if st := ndis.ClRegisterSap(a.h, a, &pcSap, &sapH); st != ndis.StatusPending {
		pcRegisterSapComplete(st, a, &pcSap, sapH)
	}
}

// pcRegisterSapComplete keeps the SAP's handle.
func pcRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	a := protocolSapContext.(*pcAf)
	if status == ndis.StatusSuccess {
		a.sap = ndisSapHandle
	}
}

// pcClCreateVc keeps the handle of a VC the call manager creates.
func pcClCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	a := protocolAfContext.(*pcAf)
	v := &pcVc{c: a.c, h: ndisVcHandle}
	a.c.vcs = append(a.c.vcs, v)
	*protocolVcContext = v
	return ndis.StatusSuccess
}

// pcIncomingCloseCall answers a close from the network.
func pcIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*pcVc)
	ndis.ClCloseCall(v.h, nil, nil, 0)
}

// pcCM is a Go-modelled stand-alone call manager for the parity scenarios:
// it binds to its adapter, registers its AF, answers every request at once,
// and makes calls with the handler its scenario gives it.
type pcCM struct {
	makeCall  ndis.ProtocolCmMakeCall
	af        ndis.CoAddressFamily
	adapter   string
	protocol  ndis.Handle
	binding   ndis.Handle
	bindCtx   ndis.Handle
	unbindCtx ndis.Handle
}

// pcCmVc is the parity call manager's VC context.
type pcCmVc struct {
	h ndis.Handle
}

// driverEntry registers the parity call manager.
func (cm *pcCM) driverEntry() ndis.Status {
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		Name:                          "pccm",
		SetOptionsHandler:             pcCmSetOptions,
		BindAdapterHandlerEx:          pcCmBind,
		UnbindAdapterHandlerEx:        pcCmUnbind,
		OpenAdapterCompleteHandlerEx:  pcCmOpenAdapterComplete,
		CloseAdapterCompleteHandlerEx: pcCmCloseAdapterComplete,
	}
	return ndis.RegisterProtocolDriver(cm, chars, &cm.protocol)
}

// pcCmSetOptions registers the parity call manager's CoNDIS handlers.
func pcCmSetOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	cm := driverContext.(*pcCM)
	co := &ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   func(ndis.Handle, ndis.Handle, *ndis.StatusIndication) {},
		CoAfRegisterNotifyHandler:           func(ndis.Handle, *ndis.CoAddressFamily) {},
		CoReceiveNetBufferListsHandler:      func(ndis.Handle, ndis.Handle, *ndis.NetBufferList, uint32, uint32) {},
		CoSendNetBufferListsCompleteHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, co); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoCallManagerOptionalHandlers{
		CmCreateVcHandler:             pcCmCreateVc,
		CmDeleteVcHandler:             func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		CmOpenAfHandler:               pcCmOpenAf,
		CmCloseAfHandler:              func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		CmRegisterSapHandler:          pcCmRegisterSap,
		CmDeregisterSapHandler:        func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		CmMakeCallHandler:             cm.makeCall,
		CmCloseCallHandler:            pcCmCloseCall,
		CmIncomingCallCompleteHandler: func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		CmAddPartyHandler: func(ndis.Handle, *ndis.CoCallParameters, ndis.Handle, *ndis.Handle) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmDropPartyHandler:            func(ndis.Handle, []byte, uint32) ndis.Status { return ndis.StatusNotSupported },
		CmActivateVcCompleteHandler:   func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		CmDeactivateVcCompleteHandler: func(ndis.Status, ndis.Handle) {},
		CmModifyCallQoSHandler:        func(ndis.Handle, *ndis.CoCallParameters) ndis.Status { return ndis.StatusNotSupported },
		CmOidRequestHandler: func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmOidRequestCompleteHandler:    func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest, ndis.Status) {},
		CmNotifyCloseAfCompleteHandler: func(ndis.Handle, ndis.Status) {},
	})
}

// pcCmBind binds to the call manager's adapter and registers its AF there.
func pcCmBind(protocolDriverContext, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	cm := protocolDriverContext.(*pcCM)
	if bindParameters.AdapterName != cm.adapter {
		return ndis.StatusNotSupported
	}
	cm.bindCtx = bindContext
	var idx uint32
	op := &ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{bindParameters.MediaType}, SelectedMediumIndex: &idx}
	st := ndis.OpenAdapterEx(cm.protocol, cm, op, bindContext, &cm.binding)
	if st != ndis.StatusSuccess {
		return st
	}
	return ndis.CmRegisterAddressFamilyEx(cm.binding, &cm.af)
}

// pcCmOpenAdapterComplete finishes a pended bind.
func pcCmOpenAdapterComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	cm := protocolBindingContext.(*pcCM)
	if status == ndis.StatusSuccess {
		status = ndis.CmRegisterAddressFamilyEx(cm.binding, &cm.af)
	}
	ndis.CompleteBindAdapterEx(cm.bindCtx, status)
}

// pcCmUnbind closes the binding.
func pcCmUnbind(unbindContext, protocolBindingContext ndis.Handle) ndis.Status {
	cm := protocolBindingContext.(*pcCM)
	cm.unbindCtx = unbindContext
	return ndis.CloseAdapterEx(cm.binding)
}

// pcCmCloseAdapterComplete finishes a pended unbind.
func pcCmCloseAdapterComplete(protocolBindingContext ndis.Handle) {
	cm := protocolBindingContext.(*pcCM)
	ndis.CompleteUnbindAdapterEx(cm.unbindCtx)
}

// pcCmOpenAf accepts every open of its AF.
func pcCmOpenAf(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
	*callMgrAfContext = callMgrBindingContext
	return ndis.StatusSuccess
}

// pcCmRegisterSap accepts every SAP.
func pcCmRegisterSap(callMgrAfContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle, callMgrSapContext *ndis.Handle) ndis.Status {
	*callMgrSapContext = callMgrAfContext
	return ndis.StatusSuccess
}

// pcCmCreateVc keeps the handle of a VC a client creates.
func pcCmCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &pcCmVc{h: ndisVcHandle}
	return ndis.StatusSuccess
}

// pcCmCloseCall deactivates the VC and closes the call at once.
func pcCmCloseCall(callMgrVcContext, callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	v := callMgrVcContext.(*pcCmVc)
	ndis.CmDeactivateVc(v.h) // the harness's miniport deactivates at once
	return ndis.StatusSuccess
}

// pcRunOid runs an NDIS 6 miniport whose MiniportOidRequest handler is the
// one named h under a scripted protocol, which issues one OID request.
func pcRunOid(t *testing.T, h string) *ndistest.System {
	sys := ndistest.New(t, ndistest.KeepViolations())
	var oid ndis.MiniportOidRequest
	for _, e := range pcOidHandlers {
		if e.name == h {
			oid = e.h
		}
	}
	if oid == nil {
		t.Fatalf("no OID handler %s", h)
	}
	_, p, _ := miniportStack(t, sys, &testMiniport{oid: oid}, ndistest.ProtocolScript{})
	p.Oid(&ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: 1, InformationBuffer: make([]byte, 4)})
	sys.Run()
	sys.Finish()
	return sys
}

// pcOidCompletesOwn pends the request and completes, besides the request
// itself, one of its own making: NDIS never gave it that one.
func pcOidCompletesOwn(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*tmAdapter)
	own := &ndis.OidRequest{Oid: oidRequest.Oid}
	ndis.MOidRequestComplete(a.h, own, ndis.StatusSuccess)
	ndis.MOidRequestComplete(a.h, oidRequest, ndis.StatusSuccess)
	return ndis.StatusPending
}

// pcOidCompletesGiven pends the request and completes it, before its
// PENDING return.
func pcOidCompletesGiven(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*tmAdapter)
	ndis.MOidRequestComplete(a.h, oidRequest, ndis.StatusSuccess)
	return ndis.StatusPending
}
