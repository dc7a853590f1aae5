package filter_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ndislint/ndislint/examples/filter"
	"github.com/ndislint/ndislint/examples/protocol"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// oidGenMaximumFrameSize is OID_GEN_MAXIMUM_FRAME_SIZE.
const oidGenMaximumFrameSize ndis.Oid = 0x00010106

// payloads are distinct frames.
func payloads(n int) [][]byte {
	var out [][]byte
	for i := 0; i < n; i++ {
		out = append(out, bytes.Repeat([]byte{byte(0xA0 + i)}, 64))
	}
	return out
}

// attach loads the filter and attaches a module between a scripted
// miniport (answering as script says) and a scripted protocol, and
// restarts the stack.
func attach(t *testing.T, script ndistest.MiniportScript, opts ...ndistest.Option) (*ndistest.System, *ndistest.Driver, *ndistest.Stack, *ndistest.FilterModule, *ndistest.Protocol, *filter.Module) {
	t.Helper()
	return attachUnder(t, script, ndistest.ProtocolScript{}, opts...)
}

// attachUnder is attach with the scripted protocol's script.
func attachUnder(t *testing.T, script ndistest.MiniportScript, pscript ndistest.ProtocolScript, opts ...ndistest.Option) (*ndistest.System, *ndistest.Driver, *ndistest.Stack, *ndistest.FilterModule, *ndistest.Protocol, *filter.Module) {
	t.Helper()
	sys := ndistest.New(t, opts...)
	drv := sys.LoadDriver("ndislwf", filter.DriverEntry)
	st := sys.AddStack("eth0", script)
	fm := st.Attach(drv)
	ms := filter.Modules()
	if len(ms) != 1 {
		t.Fatalf("FilterAttach made %d modules, want 1", len(ms))
	}
	m := ms[0]
	if got := m.State(); got != "Paused" {
		t.Fatalf("after FilterAttach the module is %s, want Paused", got)
	}
	p := st.BindProtocol(pscript)
	if !st.Restart() {
		t.Fatalf("the stack did not restart")
	}
	if got := m.State(); got != "Running" {
		t.Fatalf("after FilterRestart the module is %s, want Running", got)
	}
	return sys, drv, st, fm, p, m
}

// detach detaches the module, unloads the filter, runs the other unloads
// and checks that everything was freed. Driver.Unload reports what every
// loaded driver still holds, so the filter goes first.
func detach(t *testing.T, sys *ndistest.System, drv *ndistest.Driver, fm *ndistest.FilterModule, others ...func()) {
	t.Helper()
	fm.Detach()
	if n := len(filter.Modules()); n != 0 {
		t.Errorf("%d modules left after FilterDetach", n)
	}
	drv.Unload(filter.DriverUnload)
	for _, f := range others {
		f()
	}
	sys.Finish()
	for _, a := range sys.OutstandingAllocations() {
		t.Errorf("left allocated: %v", a)
	}
}

// TestPassThrough: sends go down and their completions up, receives go up
// and come back down, unchanged.
func TestPassThrough(t *testing.T) {
	sys, drv, st, fm, p, m := attach(t, ndistest.MiniportScript{})
	ps := payloads(3)
	p.Send(ps...)
	sys.Run()
	if got := st.Sent(); len(got) != 3 || !bytes.Equal(got[1], ps[1]) {
		t.Errorf("the miniport was given %d frames, want the 3 sent", len(got))
	}
	if got := p.Completed(); len(got) != 3 || got[0] != ndis.StatusSuccess {
		t.Errorf("send completions %v, want 3 x NDIS_STATUS_SUCCESS", got)
	}
	st.Receive(ps[:2]...)
	sys.Run()
	if got := p.Received(); len(got) != 2 || !bytes.Equal(got[0], ps[0]) {
		t.Errorf("the protocol received %d frames, want the 2 indicated", len(got))
	}
	if st.Returned() != 2 {
		t.Errorf("%d received lists came back to the miniport, want 2", st.Returned())
	}
	if s := m.Stats(); s.SendsPassed != 3 || s.ReceivesPassed != 2 {
		t.Errorf("module stats %+v", s)
	}
	detach(t, sys, drv, fm)
}

// TestReceiveResources: lists indicated with NDIS_RECEIVE_FLAGS_RESOURCES
// are passed up with the flag and never returned.
func TestReceiveResources(t *testing.T) {
	sys, drv, st, fm, p, m := attach(t, ndistest.MiniportScript{ReceiveFlags: ndis.ReceiveFlagsResources})
	st.Receive(payloads(2)...)
	sys.Run()
	if len(p.Received()) != 2 || st.Returned() != 0 {
		t.Errorf("received %d, returned %d; want 2 received and none returned", len(p.Received()), st.Returned())
	}
	if s := m.Stats(); s.ReceivesResources != 2 {
		t.Errorf("module stats %+v, want 2 receives with NDIS_RECEIVE_FLAGS_RESOURCES", s)
	}
	detach(t, sys, drv, fm)
}

// TestOidForwarded: OID requests go down as clones, answered at once or
// pended by the miniport, and the original completes with the clone's
// results.
func TestOidForwarded(t *testing.T) {
	for _, a := range []ndistest.Action{ndistest.Sync, ndistest.Pend, ndistest.Fail(ndis.StatusNotSupported)} {
		t.Run(a.String(), func(t *testing.T) {
			sys, drv, st, fm, p, m := attach(t, ndistest.MiniportScript{Oid: a})
			req := &ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: oidGenMaximumFrameSize, InformationBuffer: make([]byte, 4)}
			s, done := p.Oid(req) // runs the queue: a pended clone completes
			want := ndis.StatusSuccess
			if strings.HasPrefix(a.String(), "Fail") {
				want = ndis.StatusNotSupported
			}
			if !done || s != want {
				t.Errorf("the request completed with %v (done %v), want %v", s, done, want)
			}
			if got := st.Oids(); len(got) != 1 || got[0] != oidGenMaximumFrameSize {
				t.Errorf("the miniport saw OIDs %v, want the one forwarded", got)
			}
			if m.Stats().OidsForwarded != 1 {
				t.Errorf("the filter forwarded %d requests, want 1", m.Stats().OidsForwarded)
			}
			detach(t, sys, drv, fm)
		})
	}
}

// TestProtocolOverFilter: examples/protocol bound over the filter, over a
// scripted miniport that completes sends 1 ms after it gets them. The
// protocol's bind reads the adapter through the filter's OID path; a pause
// with sends in flight waits in the protocol until they come back up
// through the filter, then the module pauses; the stack restarts and data
// flows again; unbind and detach leave nothing allocated.
func TestProtocolOverFilter(t *testing.T) {
	sys := ndistest.New(t)
	drv := sys.LoadDriver("ndislwf", filter.DriverEntry)
	st := sys.AddStack("eth0", ndistest.MiniportScript{SendDelay: time.Millisecond})
	fm := st.Attach(drv)
	m := filter.Modules()[0]
	pdrv := sys.LoadDriver("ndisprot6", protocol.DriverEntry)
	st.Bind(pdrv)
	bs := protocol.Bindings()
	if len(bs) != 1 {
		t.Fatalf("the protocol made %d bindings, want 1", len(bs))
	}
	b := bs[0]
	if m.Stats().OidsForwarded != 3 {
		t.Errorf("the filter forwarded %d of the bind's OID requests, want 3", m.Stats().OidsForwarded)
	}
	if !st.Restart() || m.State() != "Running" || b.State() != "Running" {
		t.Fatalf("the stack did not restart: module %s, binding %s", m.State(), b.State())
	}
	b.Send(payloads(2)...)
	if !st.Pause() {
		t.Fatalf("the pause did not complete")
	}
	if m.State() != "Paused" || b.State() != "Paused" {
		t.Fatalf("after the pause: module %s, binding %s; want both Paused", m.State(), b.State())
	}
	if s := b.Stats(); s.Sent != 2 || s.PausesWaited != 1 {
		t.Errorf("protocol stats %+v, want 2 sent and a pause that waited for them", s)
	}
	if !st.Restart() {
		t.Fatalf("the stack did not restart")
	}
	st.Receive(payloads(1)...)
	if got := b.Received(); len(got) != 1 {
		t.Errorf("the protocol received %d frames through the filter, want 1", len(got))
	}
	st.IndicateStatus(ndis.StatusMediaDisconnect)
	if got := b.MediaStatus(); got != ndis.StatusMediaDisconnect {
		t.Errorf("the protocol saw media status %v through the filter, want NDIS_STATUS_MEDIA_DISCONNECT", got)
	}
	st.Unbind(pdrv)
	detach(t, sys, drv, fm, func() { pdrv.Unload(protocol.DriverUnload) })
}

// TestPauseWithSendsOutstanding: the miniport holds the sends; the pause
// waits for them, and the module pauses once they come back up through it.
func TestPauseWithSendsOutstanding(t *testing.T) {
	sys, drv, st, fm, p, m := attach(t, ndistest.MiniportScript{HoldSends: true})
	p.Send(payloads(2)...)
	if st.Pause() {
		t.Fatalf("the pause completed with sends held by the miniport")
	}
	st.CompleteSends(ndis.StatusSuccess)
	sys.Run()
	if got := m.State(); got != "Paused" {
		t.Fatalf("after the sends completed the module is %s, want Paused", got)
	}
	if got := p.Completed(); len(got) != 2 || got[0] != ndis.StatusSuccess {
		t.Errorf("send completions %v, want 2 x NDIS_STATUS_SUCCESS", got)
	}
	if s := m.Stats(); s.Pauses != 1 {
		t.Errorf("%d pauses, want 1", s.Pauses)
	}
	if !st.Restart() || m.State() != "Running" {
		t.Fatalf("the module did not restart (%s)", m.State())
	}
	detach(t, sys, drv, fm)
}

// TestPausePendsForReceives: FilterPause pends while lists the module
// passed up are out, and the return of the last one completes it with
// NdisFPauseComplete. Only a protocol that holds its receives through its
// own pause (the scripted one here, which the verifier reports as
// pause-with-outstanding, the only violation expected) leaves them out when
// NDIS pauses the module.
func TestPausePendsForReceives(t *testing.T) {
	sys, drv, st, fm, p, m := attachUnder(t, ndistest.MiniportScript{}, ndistest.ProtocolScript{HoldReceives: true}, ndistest.KeepViolations())
	st.Receive(payloads(2)...)
	if st.Pause() {
		t.Fatalf("the pause completed with receives outstanding")
	}
	if got := m.State(); got != "Pausing" {
		t.Fatalf("with receives outstanding the module is %s, want Pausing", got)
	}
	p.ReturnReceived()
	sys.Run()
	if got := m.State(); got != "Paused" {
		t.Fatalf("after the last return the module is %s, want Paused", got)
	}
	if s := m.Stats(); s.Pauses != 1 || s.PausesPended != 1 {
		t.Errorf("pauses %d, pended %d; want 1, 1", s.Pauses, s.PausesPended)
	}
	if st.Returned() != 2 {
		t.Errorf("%d lists came back to the miniport, want 2", st.Returned())
	}
	detach(t, sys, drv, fm)
	for _, v := range sys.Violations() {
		if v.Rule != rules.RulePauseWithOutstanding || !strings.Contains(v.Message, "ndistest-protocol") {
			t.Errorf("unexpected violation: %s", v)
		}
	}
	if len(sys.ViolationsOf(rules.RulePauseWithOutstanding)) != 1 {
		t.Errorf("the verifier did not report the scripted protocol's pause with receives held")
	}
}
