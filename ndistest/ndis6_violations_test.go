package ndistest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// Each test makes one NDIS 6 mistake and expects the verifier to report
// it with its rule ID, and nothing else (Expect fails the test on any
// other violation).

// miniportStack loads mp, adds adapter eth0 under a scripted protocol and
// restarts the stack.
func miniportStack(t *testing.T, sys *ndistest.System, mp *testMiniport, ps ndistest.ProtocolScript) (*ndistest.Stack, *ndistest.Protocol, *tmAdapter) {
	t.Helper()
	st := sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	p := st.BindProtocol(ps)
	st.Restart()
	if mp.restartPends {
		ndis.MRestartComplete(mp.adapters[0].h, ndis.StatusSuccess)
		sys.Run()
	}
	return st, p, mp.adapters[0]
}

// filterStack loads f and attaches it over a scripted miniport, under a
// scripted protocol, and restarts the stack.
func filterStack(t *testing.T, sys *ndistest.System, f *testFilter, ms ndistest.MiniportScript, ps ndistest.ProtocolScript) (*ndistest.Stack, *ndistest.FilterModule, *ndistest.Protocol) {
	t.Helper()
	drv := sys.LoadDriver("tfilter", f.entry())
	st := sys.AddStack("eth0", ms)
	m := st.Attach(drv)
	p := st.BindProtocol(ps)
	st.Restart()
	return st, m, p
}

func TestNdis6MissingHandler(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	mp := &testMiniport{noPause: true}
	if st := mp.entry()(&ndis.DriverObject{DriverName: "x"}, nil); st != ndis.StatusBadCharacteristics {
		t.Errorf("NdisMRegisterMiniportDriver returned %s, want NDIS_STATUS_BAD_CHARACTERISTICS", st)
	}
	if len(sys.ViolationsOf(rules.RuleMissingHandler)) != 1 {
		t.Errorf("want one missing-handler: %v", sys.Violations())
	}
}

func TestNdis6DeregisterTwice(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBadHandle))
	mp := &testMiniport{}
	sys.LoadDriver("tmini", mp.entry())
	ndis.MDeregisterMiniportDriver(mp.handle)
	ndis.MDeregisterMiniportDriver(mp.handle)
	f := &testFilter{}
	sys.LoadDriver("tfilter", f.entry())
	ndis.FDeregisterFilterDriver(f.handle)
	ndis.FDeregisterFilterDriver(f.handle)
	if n := len(sys.ViolationsOf(rules.RuleBadHandle)); n != 2 {
		t.Errorf("%d bad-handle, want 2", n)
	}
}

func TestNdis6InitializeWithoutAttributes(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleSetAttributes))
	sys.LoadDriver("tmini", (&testMiniport{noAttributes: true}).entry()).AddAdapter("eth0")
}

// TestNdis6SharedMemoryFailureNotLogged: MiniportInitializeEx returns
// after its NdisMAllocateSharedMemory failed without writing an error log
// entry; the adapter does not start, and the run goes on.
func TestNdis6SharedMemoryFailureNotLogged(t *testing.T) {
	sys := ndistest.New(t, ndistest.FailSharedMemory(2), ndistest.KeepViolations())
	drv := sys.LoadDriver("tmini", (&testMiniport{sharedMemory: true}).entry())
	st := drv.AddAdapter("eth0")
	if st == nil {
		t.Fatal("the first adapter's allocation did not fail, but AddAdapter returned nil")
	}
	if drv.AddAdapter("eth1") != nil {
		t.Fatal("AddAdapter returned a stack though MiniportInitializeEx failed")
	}
	drv.Unload(nil)
	v := sys.Violations()
	if len(v) != 1 || v[0].Rule != rules.RuleDDICompanionMissing || !strings.Contains(v[0].Message, "MiniportInitializeEx returned after NdisMAllocateSharedMemory failed") {
		t.Fatalf("violations %v, want one %s", v, rules.RuleDDICompanionMissing)
	}
}

// TestNdis6SharedMemoryFailureLogged: the clean twin, which logs the
// failure before it returns.
func TestNdis6SharedMemoryFailureLogged(t *testing.T) {
	sys := ndistest.New(t, ndistest.FailSharedMemory(1))
	drv := sys.LoadDriver("tmini", (&testMiniport{sharedMemory: true, logFailure: true}).entry())
	if drv.AddAdapter("eth0") != nil {
		t.Fatal("AddAdapter returned a stack though MiniportInitializeEx failed")
	}
	drv.AddAdapter("eth1").Halt()
	drv.Unload(nil)
}

func TestNdis6AttributesOutsideInitialize(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleSetAttributes))
	mp := &testMiniport{}
	sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	if st := ndis.MSetMiniportAttributes(mp.adapters[0].h, &ndis.MiniportAdapterAttributes{}); st == ndis.StatusSuccess {
		t.Errorf("NdisMSetMiniportAttributes outside MiniportInitializeEx succeeded")
	}
}

func TestNdis6AttachWithoutAttributes(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleSetAttributes))
	sys.AddStack("eth0", ndistest.MiniportScript{}).Attach(sys.LoadDriver("tfilter", (&testFilter{noAttributes: true}).entry()))
}

func TestNdis6FilterAttributesOutsideAttach(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleSetAttributes))
	f := &testFilter{}
	_, m, _ := filterStack(t, sys, f, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	ndis.FSetAttributes(m.Handle(), f.modules[0], &ndis.FilterAttributes{})
}

func TestNdis6FilterStatusAndOidInAttach(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleFilterState))
	sys.AddStack("eth0", ndistest.MiniportScript{}).Attach(sys.LoadDriver("tfilter", (&testFilter{statusInAttach: true, oidInAttach: true, sendInAttach: true}).entry()))
	if n := len(sys.ViolationsOf(rules.RuleFilterState)); n != 3 {
		t.Errorf("%d filter-state, want 3 (status, OID, send)", n)
	}
}

func TestNdis6PauseBadStatus(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleRoleBadStatus))
	st, _, _ := miniportStack(t, sys, &testMiniport{pauseStatus: ndis.StatusFailure}, ndistest.ProtocolScript{})
	st.Pause()
}

func TestNdis6IndicateWhilePaused(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleAdapterState))
	mp := &testMiniport{}
	sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	ndis.MIndicateReceiveNetBufferLists(mp.adapters[0].h, &ndis.NetBufferList{}, 0, 1, 0)
}

func TestNdis6IndicateCountMismatch(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBadParameter))
	_, _, a := miniportStack(t, sys, &testMiniport{}, ndistest.ProtocolScript{})
	ndis.MIndicateReceiveNetBufferLists(a.h, &ndis.NetBufferList{}, 0, 2, 0)
}

func TestNdis6IndicateAfterHalt(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBadHandle))
	st, _, a := miniportStack(t, sys, &testMiniport{}, ndistest.ProtocolScript{})
	st.Halt()
	ndis.MIndicateStatusEx(a.h, &ndis.StatusIndication{})
}

func TestNdis6SendTwiceBeforeComplete(t *testing.T) {
	// The static nblown pass's rule: the protocol handed the list off and
	// uses it again.
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblUseAfterHandoff))
	mp := &testMiniport{holdSends: true}
	st, _, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	_ = st
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Pause()
	st.Bind(drv)
	st.Restart()
	n := &ndis.NetBufferList{Data: []byte("once")}
	ndis.SendNetBufferLists(tp.binding, n, 0, 0)
	ndis.SendNetBufferLists(tp.binding, n, 0, 0)
	a.completeSends()
	sys.Run()
	if tp.completed != 1 {
		t.Errorf("%d completions, want 1", tp.completed)
	}
}

func TestNdis6CompleteNeverGiven(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblNotOwned))
	_, _, a := miniportStack(t, sys, &testMiniport{}, ndistest.ProtocolScript{})
	ndis.MSendNetBufferListsComplete(a.h, &ndis.NetBufferList{}, 0)
}

func TestNdis6ReturnTwice(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblUseAfterHandoff))
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	st.Restart()
	st.Receive([]byte("x"))
	// tpReceive returned the list already; a second return is not the
	// protocol's to make.
	ndis.ReturnNetBufferLists(tp.binding, firstHeld(t, st, tp), 0)
}

// firstHeld indicates one more list to a holding protocol and returns it
// after the protocol returned it.
func firstHeld(t *testing.T, st *ndistest.Stack, tp *testProtocol) *ndis.NetBufferList {
	t.Helper()
	tp.holdReceives = true
	st.Receive([]byte("y"))
	n := tp.held[0]
	ndis.ReturnNetBufferLists(tp.binding, n, 0)
	return n
}

func TestNdis6ReturnResourcesIndication(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblNotOwned))
	st := sys.AddStack("eth0", ndistest.MiniportScript{ReceiveFlags: ndis.ReceiveFlagsResources})
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	st.Restart()
	tp.holdReceives = true
	st.Receive([]byte("x"))
	ndis.ReturnNetBufferLists(tp.binding, tp.held[0], 0)
	if st.Returned() != 0 {
		t.Errorf("a list indicated with NDIS_RECEIVE_FLAGS_RESOURCES reached MiniportReturnNetBufferLists")
	}
}

func TestNdis6FilterKeepsResourcesIndication(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblNotOwned))
	f := &testFilter{dropResources: true}
	st, _, _ := filterStack(t, sys, f, ndistest.MiniportScript{ReceiveFlags: ndis.ReceiveFlagsResources}, ndistest.ProtocolScript{HoldReceives: true})
	st.Receive([]byte("x"))
}

func TestNdis6FilterSendWhilePaused(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleFilterState))
	f := &testFilter{}
	st, m, _ := filterStack(t, sys, f, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	st.Pause()
	n := &ndis.NetBufferList{}
	f.modules[0].own = map[*ndis.NetBufferList]bool{n: true}
	ndis.FSendNetBufferLists(m.Handle(), n, 0, 0)
	sys.Run()
}

func TestNdis6FilterUseAfterDetach(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBadHandle))
	_, m, _ := filterStack(t, sys, &testFilter{}, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	m.Detach()
	ndis.FSendNetBufferLists(m.Handle(), &ndis.NetBufferList{}, 0, 0)
}

func TestNdis6ProtocolSendWhilePausing(t *testing.T) {
	// The protocol also completes its pause before the refused send came
	// back.
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBindingState, rules.RulePauseWithOutstanding))
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	tp := &testProtocol{sendWhilePaused: true}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	st.Restart()
	st.Pause()
	if tp.completed != 1 {
		t.Errorf("the refused send was not returned (%d completions)", tp.completed)
	}
}

func TestNdis6SendOnCoNdisBinding(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBadHandle))
	sys.AddAdapter("atm0", ndis.MediumCoWan)
	tp := &testProtocol{}
	sys.Load(func() ndis.Status { return tp.entry()(&ndis.DriverObject{DriverName: "tproto"}, nil) })
	sys.Bind()
	ndis.SendNetBufferLists(tp.binding, &ndis.NetBufferList{}, 0, 0)
}

func TestNdis6MiniportPauseWithSendsOut(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RulePauseWithOutstanding))
	st, p, a := miniportStack(t, sys, &testMiniport{holdSends: true}, ndistest.ProtocolScript{})
	_ = p
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Pause()
	st.Bind(drv)
	st.Restart()
	tp.send("x")
	// The scripted protocol waits for its sends; the test protocol does
	// not, and the miniport pauses with the send still held.
	st.Pause()
	a.completeSends()
	sys.Run()
}

func TestNdis6FilterPauseHoldingReceives(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RulePauseWithOutstanding))
	f := &testFilter{holdReceives: true}
	st, m, _ := filterStack(t, sys, f, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	st.Receive([]byte("x"))
	st.Pause()
	ndis.FReturnNetBufferLists(m.Handle(), f.modules[0].held[0], 0) // the scripted miniport waits for it
	sys.Run()
}

func TestNdis6BindingPauseHoldingReceives(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RulePauseWithOutstanding))
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	tp := &testProtocol{holdReceives: true}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	st.Restart()
	st.Receive([]byte("x"))
	st.Pause()
	ndis.ReturnNetBufferLists(tp.binding, tp.held[0], 0)
	sys.Run()
}

func TestNdis6PauseCompleteWithoutPending(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletionWithoutPending, rules.RuleCompletedTwice))
	mp := &testMiniport{pausePends: true}
	st, _, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	ndis.MPauseComplete(a.h) // nothing pends
	st.Pause()
	ndis.MPauseComplete(a.h)
	ndis.MPauseComplete(a.h) // twice
	sys.Run()
	if st.State() != "Paused" {
		t.Errorf("adapter is %s", st.State())
	}
}

func TestNdis6OidDoubleComplete(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletedTwice))
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: 5}
	p.Oid(req)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
}

func TestNdis6OidCompleteNotCurrent(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleOidCompleteNotCurrent))
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: 5}
	p.Oid(req)
	ndis.MOidRequestComplete(a.h, &ndis.OidRequest{Oid: 6}, ndis.StatusSuccess)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
}

// TestNdis6OidBadStatus: MiniportOidRequest returns NDIS_STATUS_INVALID_DATA
// for OID_PNP_SET_POWER, whose row of SDV NdisOidComplete's table does not
// have it.
func TestNdis6OidBadStatus(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleOidBadStatus))
	_, p, _ := miniportStack(t, sys, &testMiniport{oidStatus: ndis.StatusInvalidData}, ndistest.ProtocolScript{})
	if s, _ := p.Oid(&ndis.OidRequest{Oid: ndis.OidPnpSetPower}); s != ndis.StatusInvalidData {
		t.Errorf("the request ended with %s", s)
	}
	if v := sys.ViolationsOf(rules.RuleOidBadStatus); len(v) != 1 || !strings.Contains(v[0].Message, "OID_PNP_SET_POWER") {
		t.Errorf("want one oid-bad-status naming OID_PNP_SET_POWER: %v", sys.Violations())
	}
}

// TestNdis6OidStatusOtherOid is its clean twin: the same status for an OID
// of no row.
func TestNdis6OidStatusOtherOid(t *testing.T) {
	sys := ndistest.New(t)
	_, p, _ := miniportStack(t, sys, &testMiniport{oidStatus: ndis.StatusInvalidData}, ndistest.ProtocolScript{})
	p.Oid(&ndis.OidRequest{Oid: 5})
}

// TestNdis6OidBadCompletion: NdisMOidRequestComplete completes a pended
// OID_NIC_SWITCH_FREE_VF request with NDIS_STATUS_INVALID_DATA.
func TestNdis6OidBadCompletion(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleOidBadStatus))
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: ndis.OidNicSwitchFreeVf}
	p.Oid(req)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusInvalidData)
	if v := sys.ViolationsOf(rules.RuleOidBadStatus); len(v) != 1 || !strings.Contains(v[0].Message, "NdisMOidRequestComplete") {
		t.Errorf("want one oid-bad-status naming NdisMOidRequestComplete: %v", sys.Violations())
	}
}

// TestNdis6OidCompleteWithPending: NdisMOidRequestComplete of a pended
// request with NDIS_STATUS_PENDING as its final status (SDV
// NdisOidComplete); TestNdis6OidCompletionInRow is the clean twin.
func TestNdis6OidCompleteWithPending(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: 5}
	p.Oid(req)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusPending)
	if v := sys.ViolationsOf(rules.RuleCompleteWithPending); len(v) != 1 || !strings.Contains(v[0].Message, "NdisMOidRequestComplete") {
		t.Errorf("want one complete-with-pending naming NdisMOidRequestComplete: %v", sys.Violations())
	}
}

// TestNdis6OidCompletionInRow is its clean twin: a status of the row, for a
// request pended and completed as the table allows.
func TestNdis6OidCompletionInRow(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: ndis.OidNicSwitchFreeVf}
	p.Oid(req)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusRequestAborted)
	sys.Run()
}

// TestNdis6OidMulticastFull: MiniportOidRequest fails a multicast list set
// with NDIS_STATUS_MULTICAST_FULL, which OID_802_3_MULTICAST_LIST's page
// documents (the catalogue's addedStatuses): no role-bad-status.
func TestNdis6OidMulticastFull(t *testing.T) {
	sys := ndistest.New(t)
	_, p, _ := miniportStack(t, sys, &testMiniport{oidStatus: ndis.StatusMulticastFull}, ndistest.ProtocolScript{})
	if s, _ := p.Oid(&ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: 0x01010103}); s != ndis.StatusMulticastFull {
		t.Errorf("the request ended with %s", s)
	}
}

// TestNdis6OidFailure is its twin the added status does not excuse:
// NDIS_STATUS_FAILURE is on no page of MiniportOidRequest.
func TestNdis6OidFailure(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleRoleBadStatus))
	_, p, _ := miniportStack(t, sys, &testMiniport{oidStatus: ndis.StatusFailure}, ndistest.ProtocolScript{})
	p.Oid(&ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: 0x01010103})
	if len(sys.ViolationsOf(rules.RuleRoleBadStatus)) != 1 {
		t.Errorf("want one role-bad-status: %v", sys.Violations())
	}
}

func TestNdis6OidSerialized(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	r1, r2 := &ndis.OidRequest{Oid: 1}, &ndis.OidRequest{Oid: 2}
	p.Oid(r1)
	p.Oid(r2)
	if a.oid != r1 {
		t.Fatalf("the miniport has %v, want the first request only", a.oid)
	}
	ndis.MOidRequestComplete(a.h, r1, ndis.StatusSuccess)
	sys.Run()
	if a.oid != r2 {
		t.Fatalf("the second request did not follow the first")
	}
	ndis.MOidRequestComplete(a.h, r2, ndis.StatusSuccess)
}

func TestNdis6OidReusedInFlight(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleBadParameter))
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: 1}
	p.Oid(req)
	p.Oid(req)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
}

func TestNdis6OidTimeout(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleOidTimeout))
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: 1}
	p.Oid(req)
	sys.Advance(13 * time.Second)
	if len(sys.ViolationsOf(rules.RuleOidTimeout)) != 1 {
		t.Errorf("no oid-timeout after 13 s")
	}
	ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess) // late, not a second report
}

// TestNdis6OidPendingAtEnd: an OID request MiniportOidRequest pended and
// nothing completed by the end of the run: the end drains the clock, so it
// is oid-timeout (NdisTimedOidComplete), reported once.
func TestNdis6OidPendingAtEnd(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	mp := &testMiniport{oidPends: true}
	_, p, _ := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	p.Oid(&ndis.OidRequest{Oid: 1})
	sys.Finish()
	if v := sys.Violations(); len(v) != 1 || v[0].Rule != rules.RuleOidTimeout {
		t.Errorf("want one oid-timeout: %v", v)
	}
}

func TestNdis6OidInTime(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{oidPends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	req := &ndis.OidRequest{Oid: 1}
	p.Oid(req)
	sys.Advance(11 * time.Second)
	ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
	sys.Advance(time.Minute)
}

func TestNdis6SendHang(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleSendHang))
	_, p, a := miniportStack(t, sys, &testMiniport{holdSends: true}, ndistest.ProtocolScript{})
	p.Send([]byte("x"))
	sys.Advance(23 * time.Second)
	if len(sys.ViolationsOf(rules.RuleSendHang)) != 1 {
		t.Errorf("no send-hang after 23 s")
	}
	sys.Advance(10 * time.Second) // the 30 s send bound is not reported again
	a.completeSends()
}

func TestNdis6SendTimeout(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleSendTimeout))
	mp := &testMiniport{holdSends: true}
	_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	p.Send([]byte("stuck"))
	sys.Advance(15 * time.Second)
	p.Send([]byte("quick"))
	sys.Advance(time.Second)
	ndis.MSendNetBufferListsComplete(a.h, a.sends[1], 0) // a completion: no hang
	sys.Advance(15 * time.Second)
	if len(sys.ViolationsOf(rules.RuleSendTimeout)) != 1 {
		t.Errorf("no send-timeout 31 s after the first send: %v", sys.Violations())
	}
	ndis.MSendNetBufferListsComplete(a.h, a.sends[0], 0)
}

func TestNdis6FilterPauseTimeout(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleFilterPauseTimeout))
	st, m, _ := filterStack(t, sys, &testFilter{pausePends: true}, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	if st.Pause() {
		t.Fatalf("the pause completed while FilterPause pends")
	}
	sys.Advance(11 * time.Second)
	ndis.FPauseComplete(m.Handle())
	sys.Run()
	if st.State() != "Paused" {
		t.Errorf("adapter is %s after the late NdisFPauseComplete", st.State())
	}
}

// TestNdis6FilterPauseBadStatusAndCompletedTwice: SDV
// NdisFilterTimedPauseComplete's other two checks: a FilterPause returning
// a status other than NDIS_STATUS_SUCCESS or NDIS_STATUS_PENDING
// (role-bad-status), and a pended FilterPause completed twice with
// NdisFPauseComplete (completed-twice). TestNdis6FilterPauseTimeout's late
// completion, once, is the twin of the second.
func TestNdis6FilterPauseBadStatusAndCompletedTwice(t *testing.T) {
	t.Run("bad status", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.KeepViolations())
		st, _, _ := filterStack(t, sys, &testFilter{pauseStatus: ndis.StatusFailure}, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
		st.Pause()
		sys.Run()
		if v := sys.ViolationsOf(rules.RuleRoleBadStatus); len(v) != 1 || !strings.Contains(v[0].Message, "NDIS_STATUS_FAILURE") {
			t.Errorf("want one role-bad-status for FilterPause's NDIS_STATUS_FAILURE: %v", sys.Violations())
		}
	})
	t.Run("completed twice", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletedTwice))
		st, m, _ := filterStack(t, sys, &testFilter{pausePends: true}, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
		if st.Pause() {
			t.Fatalf("the pause completed while FilterPause pends")
		}
		ndis.FPauseComplete(m.Handle())
		ndis.FPauseComplete(m.Handle())
		sys.Run()
	})
}

func TestNdis6NblPool(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblNotOwned, rules.RuleBadHandle, rules.RuleBadParameter))
	mp := &testMiniport{holdSends: true}
	st, _, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Pause()
	st.Bind(drv)
	st.Restart()
	pool := ndis.AllocateNetBufferListPool(tp.handle, &ndis.NetBufferListPoolParameters{})
	n := ndis.AllocateNetBufferAndNetBufferList(pool, 0, 0, &ndis.Mdl{Data: []byte("hello")}, 1, 3)
	if string(n.Data) != "ell" {
		t.Errorf("data %q", n.Data)
	}
	if ndis.AllocateNetBufferAndNetBufferList(pool, 0, 0, &ndis.Mdl{Data: []byte("hi")}, 1, 3) != nil {
		t.Errorf("a list past the MDL's end was allocated")
	}
	ndis.SendNetBufferLists(tp.binding, n, 0, 0)
	ndis.FreeNetBufferList(n) // still at the miniport
	ndis.FreeNetBufferListPool(pool)
	a.completeSends()
	sys.Run()
	ndis.FreeNetBufferList(n)
	ndis.FreeNetBufferList(n)                    // twice
	ndis.SendNetBufferLists(tp.binding, n, 0, 0) // freed
	ndis.FreeNetBufferListPool(pool)             // twice
	ndis.AllocateNetBufferAndNetBufferList(pool, 0, 0, nil, 0, 1)
	for _, id := range []string{rules.RuleNblNotOwned, rules.RuleBadHandle, rules.RuleBadParameter} {
		t.Logf("%s: %d", id, len(sys.ViolationsOf(id)))
	}
	if n := len(sys.ViolationsOf(rules.RuleNblNotOwned)); n != 3 {
		t.Errorf("%d nbl-not-owned, want 3 (free in flight, free twice, send freed): %v", n, sys.Violations())
	}
}

// TestNdis6LeakReportedWhenTheLastDriverUnloads: a miniport's block not
// freed in MiniportHaltEx is reported when the last driver the test loaded
// unloads, not before.
func TestNdis6LeakReportedWhenTheLastDriverUnloads(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleMemoryLeak))
	mp := &testMiniport{}
	mdrv := sys.LoadDriver("tmini", mp.entry())
	st := mdrv.AddAdapter("eth0")
	ndis.AllocateMemoryWithTagPriority(mp.adapters[0].h, 64, 0x74736554, ndis.NormalPoolPriority)
	tp := &testProtocol{}
	pdrv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(pdrv)
	st.Unbind(pdrv)
	st.Halt()
	mdrv.Unload(nil)
	if n := len(sys.ViolationsOf(rules.RuleMemoryLeak)); n != 0 {
		t.Errorf("leaks reported while the protocol is still loaded")
	}
	pdrv.Unload(func(*ndis.DriverObject) { ndis.DeregisterProtocolDriver(tp.handle) })
	if n := len(sys.ViolationsOf(rules.RuleMemoryLeak)); n != 1 {
		t.Errorf("%d memory-leak, want 1", n)
	}
}

// TestNdis6MiniportSetOptions: an NDIS 6 miniport registers optional
// handlers from its MiniportSetOptions, and only there.
func TestNdis6MiniportSetOptions(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleOptionalHandlersContext))
	var h ndis.Handle
	chars := &ndis.MiniportDriverCharacteristics{
		MajorNdisVersion: 6,
		SetOptionsHandler: func(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
			return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.MiniportCoCharacteristics{})
		},
		InitializeHandlerEx:         tmInitialize,
		HaltHandlerEx:               tmHalt,
		PauseHandler:                tmPause,
		RestartHandler:              tmRestart,
		OidRequestHandler:           tmOid,
		SendNetBufferListsHandler:   tmSend,
		ReturnNetBufferListsHandler: tmReturn,
		ShutdownHandlerEx:           func(ndis.Handle, ndis.ShutdownAction) {},
	}
	if st := ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: "mco"}, nil, nil, chars, &h); st != ndis.StatusSuccess {
		t.Fatalf("register: %s", st)
	}
	if len(sys.Violations()) != 0 {
		t.Fatalf("NdisSetOptionalHandlers from MiniportSetOptions: %v", sys.Violations())
	}
	ndis.SetOptionalHandlers(h, &ndis.MiniportCoCharacteristics{})
}

// TestNdis6RestartAndPauseCompletionsWithoutPending: NdisMRestartComplete,
// NdisFRestartComplete and NdisFPauseComplete when nothing pends.
func TestNdis6RestartAndPauseCompletionsWithoutPending(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	f := &testFilter{}
	mp := &testMiniport{}
	st := sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	m := st.Attach(sys.LoadDriver("tfilter", f.entry()))
	st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	ndis.MRestartComplete(mp.adapters[0].h, ndis.StatusSuccess)
	ndis.FRestartComplete(m.Handle(), ndis.StatusSuccess)
	ndis.FPauseComplete(m.Handle())
	sys.Unload()
	if n := len(sys.ViolationsOf(rules.RuleCompletionWithoutPending)); n != 3 || len(sys.Violations()) != 3 {
		t.Errorf("want 3 completion-without-pending and nothing else: %v", sys.Violations())
	}
	if st.State() != "Paused" {
		t.Errorf("sys.Unload left the stack %s", st.State())
	}
}

// TestNdis6FilterHoldsAtEnd: a filter module that keeps a send and a
// receive indication until the end of the run.
func TestNdis6FilterHoldsAtEnd(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	f := &testFilter{holdReceives: true, holdSends: true}
	st, _, p := filterStack(t, sys, f, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	p.Send([]byte("s"))
	st.Receive([]byte("r"))
	sys.Finish()
	v := sys.ViolationsOf(rules.RuleNblHeldAtEnd)
	if len(v) != 1 || !strings.Contains(v[0].Message, "1 sent and 1 received") {
		t.Errorf("want one nbl-held-at-end for the filter module: %v", sys.Violations())
	}
}

// TestNdis6ProtocolHoldsAtEnd: a protocol binding that keeps a receive
// indication until the end of the run (SDV NdisFilterTimedDataReceive's
// "or protocol"); one that returns it is clean.
func TestNdis6ProtocolHoldsAtEnd(t *testing.T) {
	for _, ret := range []bool{false, true} {
		t.Run(map[bool]string{false: "held", true: "returned"}[ret], func(t *testing.T) {
			sys := ndistest.New(t, ndistest.KeepViolations())
			st := sys.AddStack("eth0", ndistest.MiniportScript{})
			tp := &testProtocol{holdReceives: true}
			st.Bind(sys.LoadDriver("tproto", tp.entry()))
			st.Restart()
			st.Receive([]byte("r"))
			if ret {
				ndis.ReturnNetBufferLists(tp.binding, tp.held[0], 0)
			}
			sys.Finish()
			v := sys.ViolationsOf(rules.RuleNblHeldAtEnd)
			switch {
			case ret && len(sys.Violations()) != 0:
				t.Errorf("returned: %v", sys.Violations())
			case !ret && (len(v) != 1 || !strings.Contains(v[0].Message, "0 sent and 1 received")):
				t.Errorf("want one nbl-held-at-end for the binding: %v", sys.Violations())
			}
		})
	}
}

// TestNdis6SendOfAnotherLayersList: a protocol sends a list another
// binding sent and has not got back: not its own to send.
func TestNdis6SendOfAnotherLayersList(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleNblNotOwned))
	st := sys.AddStack("eth0", ndistest.MiniportScript{HoldSends: true})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	tp := &testProtocol{}
	st.Bind(sys.LoadDriver("tproto", tp.entry()))
	st.Restart()
	n := &ndis.NetBufferList{Data: []byte("p's")}
	ndis.SendNetBufferLists(p.Handle(), n, 0, 0)
	ndis.SendNetBufferLists(tp.binding, n, 0, 0)
	st.CompleteSends(ndis.StatusSuccess)
}

// TestNdis6FilterOriginatesWhilePausing: in Pausing the catalogue forbids
// NdisFSendNetBufferLists only of lists the module allocated itself
// (StateDDI.OnlyFrom); a list it did not allocate may still go down.
func TestNdis6FilterOriginatesWhilePausing(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleFilterState))
	f := &testFilter{pausePends: true}
	st, m, _ := filterStack(t, sys, f, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	if st.Pause() {
		t.Fatalf("the pause completed while FilterPause pends")
	}
	pool := ndis.AllocateNetBufferListPool(m.Handle(), &ndis.NetBufferListPoolParameters{})
	own := ndis.AllocateNetBufferAndNetBufferList(pool, 0, 0, nil, 0, 4)
	plain := &ndis.NetBufferList{Data: []byte("plain")}
	f.modules[0].own = map[*ndis.NetBufferList]bool{own: true, plain: true}
	ndis.FSendNetBufferLists(m.Handle(), plain, 0, 0)
	if n := len(sys.ViolationsOf(rules.RuleFilterState)); n != 0 {
		t.Errorf("a list the module did not allocate was refused in Pausing: %v", sys.Violations())
	}
	ndis.FSendNetBufferLists(m.Handle(), own, 0, 0)
	if n := len(sys.ViolationsOf(rules.RuleFilterState)); n != 1 {
		t.Errorf("an allocated list sent in Pausing: %d filter-state", n)
	}
	sys.Run() // both come back: the pause may complete
	ndis.FPauseComplete(m.Handle())
	sys.Run()
	if st.State() != "Paused" {
		t.Errorf("not paused: %v", st.Layers())
	}
}

// TestNdis6PauseStateParity runs the examples of the static pass's
// send-receive-while-paused (rules/registry_pausestate.go) in the
// simulator: a miniport that finishes a pended pause with
// NdisMPauseComplete and then indicates a receive is reported
// (adapter-state), one that indicates first and then completes is not.
func TestNdis6PauseStateParity(t *testing.T) {
	for _, tc := range []struct {
		name          string
		indicateFirst bool
		want          int
	}{{"wrong", false, 1}, {"right", true, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			sys := ndistest.New(t, ndistest.KeepViolations())
			mp := &testMiniport{pausePends: true}
			st, _, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
			if st.Pause() {
				t.Fatalf("the pause completed while MiniportPause pends")
			}
			rx := &ndis.NetBufferList{Data: []byte("rx")}
			if tc.indicateFirst {
				ndis.MIndicateReceiveNetBufferLists(a.h, rx, 0, 1, ndis.ReceiveFlagsResources)
				ndis.MPauseComplete(a.h)
			} else {
				ndis.MPauseComplete(a.h)
				ndis.MIndicateReceiveNetBufferLists(a.h, rx, 0, 1, ndis.ReceiveFlagsResources)
			}
			sys.Run()
			if n := len(sys.ViolationsOf(rules.RuleAdapterState)); n != tc.want || len(sys.Violations()) != tc.want {
				t.Errorf("%d adapter-state, want %d: %v", n, tc.want, sys.Violations())
			}
		})
	}
}
