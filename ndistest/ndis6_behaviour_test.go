package ndistest_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// What the simulated NDIS 6 stack does, run with correct drivers: nothing
// is reported.

func TestNdis6StatusIndicationsReachTheTop(t *testing.T) {
	sys := ndistest.New(t)
	f := &testFilter{}
	st, m, _ := filterStack(t, sys, f, ndistest.MiniportScript{}, ndistest.ProtocolScript{})
	st.IndicateStatus(ndis.StatusSuccess)
	ndis.FIndicateStatus(m.Handle(), &ndis.StatusIndication{StatusCode: ndis.StatusSuccess})
	sys.Run()
}

func TestNdis6ReceiveFansOutToEveryBinding(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	p1 := st.BindProtocol(ndistest.ProtocolScript{})
	p2 := st.BindProtocol(ndistest.ProtocolScript{HoldReceives: true})
	st.Restart()
	st.Receive([]byte("x"))
	if len(p1.Received()) != 1 || len(p2.Received()) != 1 {
		t.Fatalf("received %d and %d, want 1 and 1", len(p1.Received()), len(p2.Received()))
	}
	if st.Returned() != 0 {
		t.Fatalf("the list came back before both bindings returned it")
	}
	p2.ReturnReceived()
	if st.Returned() != 1 {
		t.Errorf("the list did not come back after both returned it")
	}
}

func TestNdis6RestartFails(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{Restart: ndistest.Fail(ndis.StatusResources)})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if st.Restart() {
		t.Fatalf("the restart succeeded")
	}
	for _, l := range st.Layers() {
		if l.State != "Paused" {
			t.Errorf("%s is %s after a failed restart", l.Who, l.State)
		}
	}
	_ = p
}

func TestNdis6PendedLayers(t *testing.T) {
	sys := ndistest.New(t)
	f := &testFilter{pausePends: true}
	st, m, p := filterStack(t, sys, f, ndistest.MiniportScript{Pause: ndistest.Pend, Restart: ndistest.Pend}, ndistest.ProtocolScript{Pause: ndistest.Pend, Restart: ndistest.Nested})
	if st.State() != "Running" {
		t.Fatalf("not running: %v", st.Layers())
	}
	p.Send([]byte("a"))
	if st.Pause() {
		t.Fatalf("the pause completed while FilterPause pends")
	}
	ndis.FPauseComplete(m.Handle())
	sys.Run()
	if st.State() != "Paused" {
		t.Fatalf("not paused: %v", st.Layers())
	}
}

func TestNdis6ProtocolOidDuringBind(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	if s := ndis.NdisOidRequest(tp.binding, &ndis.OidRequest{Oid: 9}); s != ndis.StatusSuccess {
		t.Errorf("OID on a paused binding: %s", s)
	}
	if len(st.Oids()) != 1 {
		t.Errorf("the miniport got %d OID requests", len(st.Oids()))
	}
}

func TestNdis6ResetPends(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletedTwice))
	mp := &testMiniport{}
	drv := sys.LoadDriver("tmini", mp.resetEntry())
	st := drv.AddAdapter("eth0")
	p := st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	if s := st.Reset(); s != ndis.StatusPending {
		t.Fatalf("reset: %s", s)
	}
	// NDIS holds OID requests while a reset pends.
	if _, ok := p.Oid(&ndis.OidRequest{Oid: 1}); ok {
		t.Errorf("an OID request reached the miniport during its reset")
	}
	a := mp.adapters[0]
	ndis.MResetComplete(a.h, ndis.StatusSuccess, false)
	sys.Run()
	ndis.MResetComplete(a.h, ndis.StatusSuccess, false)
}

// resetEntry is entry with a MiniportResetEx that pends.
func (mp *testMiniport) resetEntry() func(*ndis.DriverObject, *ndis.String) ndis.Status {
	base := mp.entry()
	return func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
		mp.withReset = true
		return base(driverObject, registryPath)
	}
}

func TestNdis6DirectOid(t *testing.T) {
	sys := ndistest.New(t)
	f := &testFilter{}
	drv := sys.LoadDriver("tfilter", f.entry())
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	m := st.Attach(drv)
	st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	// The scripted miniport has no MiniportDirectOidRequest: NDIS fails
	// direct requests for it.
	if s := ndis.FDirectOidRequest(m.Handle(), &ndis.OidRequest{Oid: 4}); s != ndis.StatusNotSupported {
		t.Errorf("direct OID: %s", s)
	}
}

func TestNdis6DirectOidPends(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletionWithoutPending))
	mp := &testMiniport{direct: true}
	st := sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	f := &testFilter{}
	m := st.Attach(sys.LoadDriver("tfilter", f.entry()))
	st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	req := &ndis.OidRequest{Oid: 4}
	if s := ndis.FDirectOidRequest(m.Handle(), req); s != ndis.StatusPending {
		t.Fatalf("direct OID: %s", s)
	}
	a := mp.adapters[0]
	f.modules[0].directDone = ndis.StatusPending
	ndis.MDirectOidRequestComplete(a.h, req, ndis.StatusSuccess)
	if f.modules[0].directDone != ndis.StatusSuccess {
		t.Errorf("FilterDirectOidRequestComplete got %s", f.modules[0].directDone)
	}
	ndis.MDirectOidRequestComplete(a.h, &ndis.OidRequest{}, ndis.StatusSuccess) // never pended
}

func TestNdis6ScriptedProtocolPauseWaitsForSends(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{HoldSends: true})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	p.Send([]byte("a"))
	if st.Pause() {
		t.Fatalf("the pause completed with a send out")
	}
	st.CompleteSends(ndis.StatusSuccess)
	if st.State() != "Paused" || p.Outstanding() != 0 {
		t.Errorf("after the send came back: %v, %d out", st.Layers(), p.Outstanding())
	}
}

// TestNdis6DispatchFlags: NDIS sets the dispatch-level flag of a handler it
// calls at DISPATCH_LEVEL (the catalogue's Param.IrqlFlag), whatever the
// caller passed, and keeps the other flags.
func TestNdis6DispatchFlags(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{}
	st := sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	tp := &testProtocol{}
	st.Bind(sys.LoadDriver("tproto", tp.entry()))
	st.Restart()
	tp.send("x")
	if a := mp.adapters[0]; a.sendFlags&ndis.SendFlagsDispatchLevel == 0 {
		t.Errorf("MiniportSendNetBufferLists ran at DISPATCH_LEVEL without NDIS_SEND_FLAGS_DISPATCH_LEVEL (flags %#x)", a.sendFlags)
	}
	ndis.MIndicateReceiveNetBufferLists(mp.adapters[0].h, &ndis.NetBufferList{}, 0, 1, ndis.ReceiveFlagsResources)
	if tp.recvFlags != ndis.ReceiveFlagsResources|ndis.ReceiveFlagsDispatchLevel {
		t.Errorf("ProtocolReceiveNetBufferLists got flags %#x", tp.recvFlags)
	}
	sys.Run()
}

// TestNdis6UnloadRunningProtocol: unloading a protocol bound in a running
// stack pauses the stack before ProtocolUnbindAdapterEx.
func TestNdis6UnloadRunningProtocol(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	st.Restart()
	drv.Unload(func(*ndis.DriverObject) { ndis.DeregisterProtocolDriver(tp.handle) })
	if st.State() != "Paused" {
		t.Errorf("the stack is %s after the unload", st.State())
	}
}

// TestNdis6ScriptedMiniportAnswers: the scripted miniport's OidStatus and
// a pended restart that fails.
func TestNdis6ScriptedMiniportAnswers(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{
		Restart:   ndistest.Pend.With(ndis.StatusResources),
		Oid:       ndistest.Nested,
		OidStatus: func(req *ndis.OidRequest) ndis.Status { return ndis.StatusInvalidOid },
	})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if s, ok := p.Oid(&ndis.OidRequest{Oid: 0x99}); !ok || s != ndis.StatusInvalidOid {
		t.Errorf("OID: %s %v", s, ok)
	}
	if st.Restart() {
		t.Errorf("a restart the miniport failed succeeded")
	}
	if st.State() != "Paused" {
		t.Errorf("adapter %s after a failed restart", st.State())
	}
	if len(st.Oids()) != 1 {
		t.Errorf("%d OIDs", len(st.Oids()))
	}
}

// TestNdis6TwoFilterModules: sends cross the upper module first, receives
// the lower one first, OIDs go down through both; the pause goes top down.
func TestNdis6TwoFilterModules(t *testing.T) {
	sys := ndistest.New(t)
	lower, upper := &testFilter{}, &testFilter{}
	st := sys.AddStack("eth0", ndistest.MiniportScript{Oid: ndistest.Pend})
	st.Attach(sys.LoadDriver("lower", lower.entry()))
	st.Attach(sys.LoadDriver("upper", upper.entry()))
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	p.Send([]byte("a"))
	st.Receive([]byte("b"))
	if s, ok := p.Oid(&ndis.OidRequest{Oid: 2}); !ok || s != ndis.StatusSuccess {
		t.Errorf("OID: %s %v", s, ok)
	}
	for _, f := range []*testFilter{lower, upper} {
		m := f.modules[0]
		if m.sent != 1 || m.got != 1 || m.oids != 1 {
			t.Errorf("a module saw %d sends, %d receives, %d OIDs; want 1 each", m.sent, m.got, m.oids)
		}
	}
	if len(p.Completed()) != 1 || len(p.Received()) != 1 || st.Returned() != 1 {
		t.Errorf("completed %d, received %d, returned %d", len(p.Completed()), len(p.Received()), st.Returned())
	}
	layers := st.Layers()
	if len(layers) != 4 || !strings.Contains(layers[1].Who, "lower") || !strings.Contains(layers[2].Who, "upper") {
		t.Errorf("layers %v", layers)
	}
	if !st.Pause() {
		t.Errorf("pause: %v", st.Layers())
	}
}

// TestNdis6Shutdown: after MiniportShutdownEx NDIS gives the adapter no
// more sends or OID requests, and the driver still unloads.
func TestNdis6Shutdown(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{}
	drv := sys.LoadDriver("tmini", mp.entry())
	st := drv.AddAdapter("eth0")
	p := st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	st.Shutdown()
	if st.State() != "Shutdown" {
		t.Fatalf("adapter %s", st.State())
	}
	p.Send([]byte("late"))
	if got := p.Completed(); len(got) != 1 || got[0] == ndis.StatusSuccess {
		t.Errorf("a send after the shutdown: %v", got)
	}
	if s, _ := p.Oid(&ndis.OidRequest{Oid: 1}); s != ndis.StatusFailure {
		t.Errorf("an OID after the shutdown: %s", s)
	}
	drv.Unload(nil)
}

// TestNdis6CheckForHang: a miniport that reports a hang is reset.
func TestNdis6CheckForHang(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{}
	drv := sys.LoadDriver("tmini", mp.resetEntry())
	st := drv.AddAdapter("eth0")
	st.BindProtocol(ndistest.ProtocolScript{})
	st.Restart()
	if !st.CheckForHang() {
		t.Fatalf("MiniportCheckForHangEx said no hang")
	}
	ndis.MResetComplete(mp.adapters[0].h, ndis.StatusSuccess, false)
	if plain := (&testMiniport{}); plain != nil {
		st2 := sys.LoadDriver("plain", plain.entry()).AddAdapter("eth1")
		if st2.CheckForHang() {
			t.Errorf("a miniport with no MiniportCheckForHangEx hung")
		}
	}
}

// TestNdis6PnPEvent: a power event reaches the protocol's
// ProtocolNetPnPEvent.
func TestNdis6PnPEvent(t *testing.T) {
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	tp := &testProtocol{}
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	if s := st.PnPEvent(drv, ndis.NetEventSetPower); s != ndis.StatusSuccess {
		t.Errorf("NetEventSetPower: %s", s)
	}
}
