package ndistest_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// TestMiniport6Lifecycle runs a correct NDIS 6 miniport through its whole
// life under a scripted protocol: load, initialize, restart, sends,
// receives, an OID, pause, restart, halt, unload. The verifier reports
// nothing.
func TestMiniport6Lifecycle(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{}
	drv := sys.LoadDriver("tmini", mp.entry())
	st := drv.AddAdapter("eth0")
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("restart did not complete: %v", st.Layers())
	}
	if got := st.State(); got != "Running" {
		t.Fatalf("adapter is %s, want Running", got)
	}
	p.Send([]byte("a"), []byte("b"))
	if got := len(p.Completed()); got != 2 {
		t.Errorf("%d sends completed, want 2", got)
	}
	a := mp.adapters[0]
	ndis.MIndicateReceiveNetBufferLists(a.h, &ndis.NetBufferList{Data: []byte("r")}, 0, 1, 0)
	sys.Run()
	if got := len(p.Received()); got != 1 || a.returned != 1 {
		t.Errorf("received %d, returned %d, want 1 and 1", got, a.returned)
	}
	ndis.MIndicateReceiveNetBufferLists(a.h, &ndis.NetBufferList{Data: []byte("s")}, 0, 1, ndis.ReceiveFlagsResources)
	sys.Run()
	if a.returned != 1 {
		t.Errorf("a list indicated with NDIS_RECEIVE_FLAGS_RESOURCES came back to MiniportReturnNetBufferLists")
	}
	if s, ok := p.Oid(&ndis.OidRequest{Oid: 0x00010101}); !ok || s != ndis.StatusSuccess {
		t.Errorf("OID: %s %v", s, ok)
	}
	if !st.Pause() || st.State() != "Paused" {
		t.Fatalf("pause: %v", st.Layers())
	}
	if !st.Restart() {
		t.Fatalf("second restart failed")
	}
	st.Halt()
	if !a.halted || st.State() != "Halted" {
		t.Errorf("not halted: %v", st.Layers())
	}
	drv.Unload(nil)
	if !mp.unloaded {
		t.Errorf("MiniportDriverUnload was not called")
	}
}

// TestMiniport6Pending runs the miniport with every request pended and
// completed later.
func TestMiniport6Pending(t *testing.T) {
	sys := ndistest.New(t)
	mp := &testMiniport{pausePends: true, restartPends: true, oidPends: true, holdSends: true}
	st := sys.LoadDriver("tmini", mp.entry()).AddAdapter("eth0")
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if st.Restart() {
		t.Fatalf("restart completed while MiniportRestart pends")
	}
	a := mp.adapters[0]
	ndis.MRestartComplete(a.h, ndis.StatusSuccess)
	sys.Run()
	if st.State() != "Running" {
		t.Fatalf("not running: %v", st.Layers())
	}
	p.Send([]byte("x"))
	if s, ok := p.Oid(&ndis.OidRequest{Oid: 1}); ok {
		t.Fatalf("OID completed (%s) while MiniportOidRequest pends", s)
	}
	ndis.MOidRequestComplete(a.h, a.oid, ndis.StatusSuccess)
	a.completeSends()
	sys.Run()
	if p.Outstanding() != 0 {
		t.Errorf("%d sends outstanding", p.Outstanding())
	}
	if st.Pause() {
		t.Fatalf("pause completed while MiniportPause pends")
	}
	ndis.MPauseComplete(a.h)
	sys.Run()
	if st.State() != "Paused" {
		t.Fatalf("not paused: %v", st.Layers())
	}
}

// TestFilter6Lifecycle runs a correct filter between a scripted miniport
// and a scripted protocol: sends down, receives up, OIDs, pause, detach.
func TestFilter6Lifecycle(t *testing.T) {
	sys := ndistest.New(t)
	f := &testFilter{}
	drv := sys.LoadDriver("tfilter", f.entry())
	st := sys.AddStack("eth0", ndistest.MiniportScript{Oid: ndistest.Pend})
	mod := st.Attach(drv)
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	p.Send([]byte("a"))
	if len(st.Sent()) != 1 || len(p.Completed()) != 1 || f.modules[0].sent != 1 {
		t.Errorf("sent %d, completed %d, through the filter %d", len(st.Sent()), len(p.Completed()), f.modules[0].sent)
	}
	st.Receive([]byte("r1"), []byte("r2"))
	if len(p.Received()) != 2 || st.Returned() != 2 {
		t.Errorf("received %d, returned %d", len(p.Received()), st.Returned())
	}
	if s, ok := p.Oid(&ndis.OidRequest{Oid: 7}); !ok || s != ndis.StatusSuccess || f.modules[0].oids != 1 {
		t.Errorf("OID: %s %v through the filter %d", s, ok, f.modules[0].oids)
	}
	if !st.Pause() {
		t.Fatalf("pause: %v", st.Layers())
	}
	mod.Detach()
	drv.Unload(func(*ndis.DriverObject) { ndis.FDeregisterFilterDriver(f.handle) })
}

// TestProtocol6Lifecycle runs a correct NDIS 6 protocol over a scripted
// miniport.
func TestProtocol6Lifecycle(t *testing.T) {
	sys := ndistest.New(t)
	tp := &testProtocol{}
	st := sys.AddStack("eth0", ndistest.MiniportScript{Pause: ndistest.Pend, Restart: ndistest.Nested})
	drv := sys.LoadDriver("tproto", tp.entry())
	st.Bind(drv)
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	tp.send("a", "b")
	sys.Run()
	if tp.completed != 2 {
		t.Errorf("%d completed", tp.completed)
	}
	st.Receive([]byte("x"))
	if tp.received != 1 || st.Returned() != 1 {
		t.Errorf("received %d returned %d", tp.received, st.Returned())
	}
	if s := ndis.NdisOidRequest(tp.binding, &ndis.OidRequest{Oid: 3}); s != ndis.StatusSuccess {
		t.Errorf("OID %s", s)
	}
	if !st.Pause() {
		t.Fatalf("pause: %v", st.Layers())
	}
	st.Unbind(drv)
	drv.Unload(func(*ndis.DriverObject) { ndis.DeregisterProtocolDriver(tp.handle) })
}

// TestFilterDriverUnloadWithoutDeregister: a filter driver whose unload
// routine forgets NdisFDeregisterFilterDriver is reported
// (filter-not-deregistered, SDV NdisFDeregisterFilterDriver); its twin, the
// lifecycle above, deregisters and is clean.
func TestFilterDriverUnloadWithoutDeregister(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	f := &testFilter{}
	drv := sys.LoadDriver("tfilter", f.entry())
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	mod := st.Attach(drv)
	mod.Detach()
	drv.Unload(func(*ndis.DriverObject) {})
	var got []string
	for _, v := range sys.Violations() {
		got = append(got, v.Rule)
	}
	if len(got) != 1 || got[0] != rules.RuleFilterNotDeregistered {
		t.Fatalf("violations %v, want [%s]", got, rules.RuleFilterNotDeregistered)
	}
}
