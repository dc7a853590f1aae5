package miniport_test

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/ndislint/ndislint/examples/miniport"
	"github.com/ndislint/ndislint/examples/protocol"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// dpc is long enough for the adapter's transmit or receive DPC (a 1 ms
// timer) to run.
const dpc = 2 * time.Millisecond

// frames are distinct Ethernet-sized payloads (their first six bytes, the
// destination address, are a multicast address: the tests that use them
// run the adapter in promiscuous mode).
func frames(n int) [][]byte {
	var out [][]byte
	for i := 0; i < n; i++ {
		f := bytes.Repeat([]byte{byte(i + 1)}, 60)
		out = append(out, f)
	}
	return out
}

// frameTo is a 60-byte Ethernet frame to dst.
func frameTo(dst [6]byte, fill byte) []byte {
	f := bytes.Repeat([]byte{fill}, 60)
	copy(f, dst[:])
	return f
}

// setFilter sets the adapter's packet filter through the protocol.
func setFilter(t *testing.T, p *ndistest.Protocol, filter uint32) {
	t.Helper()
	buf := binary.LittleEndian.AppendUint32(nil, filter)
	req := &ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: miniport.OidGenCurrentPacketFilter, InformationBuffer: buf}
	if s, ok := p.Oid(req); !ok || s != ndis.StatusSuccess {
		t.Fatalf("OID_GEN_CURRENT_PACKET_FILTER set: %v", s)
	}
}

// start loads the miniport, initializes one adapter with a scripted
// protocol bound on top and restarts the stack.
func start(t *testing.T, script ndistest.ProtocolScript, opts ...ndistest.Option) (*ndistest.System, *ndistest.Driver, *ndistest.Stack, *ndistest.Protocol, *miniport.Adapter) {
	t.Helper()
	sys := ndistest.New(t, opts...)
	drv := sys.LoadDriver("vmini", miniport.DriverEntry)
	st := drv.AddAdapter("eth0")
	as := miniport.Adapters()
	if len(as) != 1 {
		t.Fatalf("MiniportInitializeEx made %d adapters, want 1", len(as))
	}
	a := as[0]
	if got := a.State(); got != "Paused" {
		t.Fatalf("after MiniportInitializeEx the adapter is %s, want Paused", got)
	}
	p := st.BindProtocol(script)
	if !st.Restart() {
		t.Fatalf("the stack did not restart")
	}
	if got := a.State(); got != "Running" {
		t.Fatalf("after MiniportRestart the adapter is %s, want Running", got)
	}
	setFilter(t, p, miniport.PacketTypePromiscuous)
	return sys, drv, st, p, a
}

// stop halts the adapter and unloads the driver, then runs the other
// unloads (drivers stacked on the miniport), and checks everything was
// freed. Driver.Unload reports what every loaded driver still holds, so
// the miniport goes first.
func stop(t *testing.T, sys *ndistest.System, drv *ndistest.Driver, st *ndistest.Stack, others ...func()) {
	t.Helper()
	st.Halt()
	if n := len(miniport.Adapters()); n != 0 {
		t.Errorf("%d adapters left after MiniportHaltEx", n)
	}
	drv.Unload(nil)
	for _, f := range others {
		f()
	}
	sys.Finish()
	if left := sys.OutstandingAllocations(); len(left) != 0 {
		t.Errorf("the driver leaked %d allocations: %v", len(left), left)
	}
}

// TestSendLoopback: sends are queued, completed from the transmit DPC with
// NDIS_STATUS_SUCCESS, and come back up as receives, which the protocol
// returns.
func TestSendLoopback(t *testing.T) {
	sys, drv, st, p, a := start(t, ndistest.ProtocolScript{})
	fs := frames(3)
	p.Send(fs...)
	if p.Outstanding() != 3 {
		t.Fatalf("before the transmit DPC %d sends are outstanding, want 3", p.Outstanding())
	}
	sys.Advance(dpc) // transmit DPC
	sys.Advance(dpc) // receive DPC
	sys.Run()
	if got := p.Completed(); len(got) != 3 || got[0] != ndis.StatusSuccess || got[2] != ndis.StatusSuccess {
		t.Errorf("send completions %v, want 3 x NDIS_STATUS_SUCCESS", got)
	}
	got := p.Received()
	if len(got) != 3 {
		t.Fatalf("the protocol received %d frames, want the 3 sent", len(got))
	}
	for i := range fs {
		if !bytes.Equal(got[i], fs[i]) {
			t.Errorf("frame %d came back as %x, want %x", i, got[i], fs[i])
		}
	}
	s := a.Stats()
	if s.XmitOk != 3 || s.RcvOk != 3 || s.RcvResources != 0 {
		t.Errorf("stats %+v, want 3 sent and 3 received without NDIS_RECEIVE_FLAGS_RESOURCES", s)
	}
	stop(t, sys, drv, st)
}

// TestReceiveLowResources: with the protocol holding its receives, the
// free receive buffers run low and the rest of a burst is indicated with
// NDIS_RECEIVE_FLAGS_RESOURCES and reclaimed at once; the held lists come
// back through MiniportReturnNetBufferLists.
func TestReceiveLowResources(t *testing.T) {
	sys, drv, st, p, a := start(t, ndistest.ProtocolScript{HoldReceives: true})
	a.Receive(frames(14)...)
	sys.Advance(dpc)
	s := a.Stats()
	if s.RcvOk != 14 {
		t.Fatalf("%d frames indicated, want 14", s.RcvOk)
	}
	if s.RcvResources == 0 || s.RcvResources == 14 {
		t.Errorf("%d frames indicated with NDIS_RECEIVE_FLAGS_RESOURCES, want some but not all", s.RcvResources)
	}
	if len(p.Received()) != 14 {
		t.Errorf("the protocol received %d frames, want 14", len(p.Received()))
	}
	p.ReturnReceived()
	stop(t, sys, drv, st)
}

// TestOids: queries and sets answered synchronously, and the multicast
// list, pended and completed from the adapter's timer with
// NdisMOidRequestComplete.
func TestOids(t *testing.T) {
	sys, drv, st, p, a := start(t, ndistest.ProtocolScript{})

	q := &ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: miniport.OidGenMaximumFrameSize, InformationBuffer: make([]byte, 4)}
	if s, ok := p.Oid(q); !ok || s != ndis.StatusSuccess {
		t.Fatalf("OID_GEN_MAXIMUM_FRAME_SIZE: %v (done %v), want NDIS_STATUS_SUCCESS", s, ok)
	}
	if v := binary.LittleEndian.Uint32(q.InformationBuffer); v != 1500 || q.BytesWritten != 4 {
		t.Errorf("OID_GEN_MAXIMUM_FRAME_SIZE = %d (%d bytes), want 1500 (4)", v, q.BytesWritten)
	}

	short := &ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: miniport.Oid8023CurrentAddress, InformationBuffer: make([]byte, 2)}
	if s, _ := p.Oid(short); s != ndis.StatusBufferTooShort || short.BytesNeeded != 6 {
		t.Errorf("OID_802_3_CURRENT_ADDRESS into 2 bytes: %v, BytesNeeded %d; want NDIS_STATUS_BUFFER_TOO_SHORT, 6", s, short.BytesNeeded)
	}

	filter := make([]byte, 4)
	binary.LittleEndian.PutUint32(filter, 0x0000000B) // DIRECTED | MULTICAST | BROADCAST
	set := &ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: miniport.OidGenCurrentPacketFilter, InformationBuffer: filter}
	if s, ok := p.Oid(set); !ok || s != ndis.StatusSuccess {
		t.Errorf("OID_GEN_CURRENT_PACKET_FILTER set: %v, want NDIS_STATUS_SUCCESS", s)
	}

	list := []byte{0x01, 0x00, 0x5E, 0x00, 0x00, 0x01, 0x01, 0x00, 0x5E, 0x00, 0x00, 0xFB}
	mc := &ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: miniport.Oid8023MulticastList, InformationBuffer: list}
	if s, ok := p.Oid(mc); ok || s != ndis.StatusPending {
		t.Fatalf("OID_802_3_MULTICAST_LIST set: %v (done %v), want it pended", s, ok)
	}
	sys.Advance(5 * time.Millisecond)
	if a.Stats().OidsPended != 1 || mc.BytesRead != uint32(len(list)) {
		t.Errorf("the pended multicast set was not completed (%d completed, BytesRead %d)", a.Stats().OidsPended, mc.BytesRead)
	}
	back := &ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: miniport.Oid8023MulticastList, InformationBuffer: make([]byte, 32)}
	if s, _ := p.Oid(back); s != ndis.StatusSuccess || !bytes.Equal(back.InformationBuffer[:back.BytesWritten], list) {
		t.Errorf("OID_802_3_MULTICAST_LIST query: %v %x, want the list set", s, back.InformationBuffer[:back.BytesWritten])
	}
	stop(t, sys, drv, st)
}

// TestPauseRestart: with examples/protocol bound on top, a pause while the
// protocol's sends are in the adapter's transmit queue waits in the
// protocol (ProtocolNetPnPEvent) until the transmit DPC completes them;
// MiniportPause then finds nothing outstanding. Frames that reach the wire
// after the pause are dropped, not indicated. The stack restarts and runs
// again.
func TestPauseRestart(t *testing.T) {
	sys := ndistest.New(t)
	drv := sys.LoadDriver("vmini", miniport.DriverEntry)
	st := drv.AddAdapter("eth0")
	a := miniport.Adapters()[0]
	pdrv := sys.LoadDriver("ndisprot6", protocol.DriverEntry)
	st.Bind(pdrv)
	bs := protocol.Bindings()
	if len(bs) != 1 {
		t.Fatalf("the protocol made %d bindings, want 1", len(bs))
	}
	b := bs[0]
	if !st.Restart() || a.State() != "Running" || b.State() != "Running" {
		for _, l := range sys.Trace() {
			t.Log(l)
		}
		t.Fatalf("the stack did not restart: adapter %s, binding %s", a.State(), b.State())
	}
	if got := b.CurrentAddress(); got != a.CurrentAddress() {
		t.Errorf("the protocol read address %x, the adapter has %x", got, a.CurrentAddress())
	}

	to := a.CurrentAddress()
	if s := b.Send(frameTo(to, 1), frameTo(to, 2)); s != ndis.StatusPending {
		t.Fatalf("Send: %v", s)
	}
	if a.Stats().XmitOk != 0 {
		t.Fatalf("the sends completed before the transmit DPC")
	}
	// The protocol's NetEventPause waits for its sends: NDIS runs the
	// adapter's transmit DPC meanwhile.
	if !st.Pause() {
		t.Fatalf("the pause did not complete")
	}
	sys.Advance(dpc)
	if a.State() != "Paused" || b.State() != "Paused" {
		t.Fatalf("after the sends completed: adapter %s, binding %s; want both Paused", a.State(), b.State())
	}
	if s := b.Stats(); s.Sent != 2 || s.PausesWaited != 1 {
		t.Errorf("protocol stats %+v, want 2 sent and a pause that waited for them", s)
	}
	if s := a.Stats(); s.Pauses != 1 || s.RcvDiscards != 2 || s.RcvOk != 0 {
		t.Errorf("adapter stats %+v, want one pause and the 2 looped-back frames dropped", s)
	}

	if !st.Restart() || a.State() != "Running" || b.State() != "Running" {
		t.Fatalf("the stack did not restart: adapter %s, binding %s", a.State(), b.State())
	}
	b.Send(frameTo(to, 3))
	sys.Advance(dpc)
	sys.Advance(dpc)
	if got := b.Received(); len(got) != 1 {
		t.Errorf("after the restart the protocol received %d frames, want the 1 looped back", len(got))
	}
	st.Unbind(pdrv)
	stop(t, sys, drv, st, func() { pdrv.Unload(protocol.DriverUnload) })
}

// TestPauseWithSendsOutstanding: with the scripted protocol on top, a
// pause while its sends are in the adapter's transmit queue pends until
// the transmit DPC completes them; then NDIS pauses the adapter, which has
// nothing outstanding left and completes at once.
func TestPauseWithSendsOutstanding(t *testing.T) {
	sys, drv, st, p, a := start(t, ndistest.ProtocolScript{})
	p.Send(frames(2)...)
	if st.Pause() {
		t.Fatalf("the pause completed with sends in the adapter's transmit queue")
	}
	if got := a.State(); got != "Running" {
		t.Errorf("while the protocol pauses the adapter is %s, want Running", got)
	}
	sys.Advance(dpc)
	sys.Advance(dpc)
	if got := a.State(); got != "Paused" {
		t.Fatalf("after the sends completed the adapter is %s, want Paused", got)
	}
	if got := p.Completed(); len(got) != 2 || got[0] != ndis.StatusSuccess {
		t.Errorf("send completions %v, want 2 x NDIS_STATUS_SUCCESS", got)
	}
	s := a.Stats()
	if s.Pauses != 1 {
		t.Errorf("%d pauses, want 1", s.Pauses)
	}
	if s.PausesPended != 0 {
		// NDIS pauses the adapter after the bindings, whose pause waited
		// for the sends: nothing is outstanding by then.
		t.Errorf("MiniportPause pended %d time(s), want 0", s.PausesPended)
	}
	if !st.Restart() || a.State() != "Running" {
		t.Fatalf("the adapter did not restart (%s)", a.State())
	}
	stop(t, sys, drv, st)
}

// TestReset: MiniportResetEx completes at once and the adapter keeps
// running.
func TestReset(t *testing.T) {
	sys, drv, st, p, a := start(t, ndistest.ProtocolScript{})
	if s := st.Reset(); s != ndis.StatusSuccess {
		t.Errorf("MiniportResetEx returned %v, want NDIS_STATUS_SUCCESS", s)
	}
	sys.Run()
	p.Send(frames(1)...)
	sys.Advance(dpc)
	if got := p.Completed(); len(got) != 1 || got[0] != ndis.StatusSuccess || a.State() != "Running" {
		t.Errorf("after the reset: send completions %v, adapter %s", got, a.State())
	}
	sys.Advance(dpc)
	stop(t, sys, drv, st)
}

// TestPacketFilter: nothing is indicated before the packet filter is set;
// then directed frames to the adapter and broadcasts pass, other unicasts
// and multicasts do not, until the multicast list (pended OID) and
// NDIS_PACKET_TYPE_MULTICAST let a listed multicast address through.
func TestPacketFilter(t *testing.T) {
	sys := ndistest.New(t)
	drv := sys.LoadDriver("vmini", miniport.DriverEntry)
	st := drv.AddAdapter("eth0")
	a := miniport.Adapters()[0]
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("the stack did not restart")
	}
	me := a.CurrentAddress()
	other := [6]byte{0x02, 0, 0, 0, 0, 0x99}
	group := [6]byte{0x01, 0x00, 0x5E, 0x00, 0x00, 0xFB}
	bcast := [6]byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}

	a.Receive(frameTo(me, 1))
	sys.Advance(dpc)
	if s := a.Stats(); s.RcvOk != 0 || s.RcvFiltered != 1 {
		t.Errorf("with no packet filter: %d indicated, %d filtered; want 0, 1", s.RcvOk, s.RcvFiltered)
	}

	setFilter(t, p, miniport.PacketTypeDirected|miniport.PacketTypeBroadcast)
	a.Receive(frameTo(me, 2), frameTo(bcast, 3), frameTo(other, 4), frameTo(group, 5))
	sys.Advance(dpc)
	if got := p.Received(); len(got) != 2 || got[0][6] != 2 || got[1][6] != 3 {
		t.Errorf("directed and broadcast: received %d frames, want the 2 to the adapter and to all", len(got))
	}

	mc := &ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: miniport.Oid8023MulticastList, InformationBuffer: group[:]}
	p.Oid(mc)
	sys.Advance(5 * time.Millisecond)
	setFilter(t, p, miniport.PacketTypeDirected|miniport.PacketTypeMulticast)
	a.Receive(frameTo(group, 6), frameTo(bcast, 7))
	sys.Advance(dpc)
	if got := p.Received(); len(got) != 3 || got[2][6] != 6 {
		t.Errorf("with the multicast list: received %d frames, want the listed multicast only", len(got))
	}
	if s := a.Stats(); s.RcvFiltered != 4 {
		t.Errorf("%d frames filtered, want 4", s.RcvFiltered)
	}
	stop(t, sys, drv, st)
}

// TestPausePendsForReceives: MiniportPause pends while indicated lists
// are out, and the return of the last one completes it with
// NdisMPauseComplete. A conforming protocol returns its receives before its
// own pause completes, so NDIS never pauses the adapter with receives out;
// the scripted protocol holding them through its pause breaks that rule
// (the verifier's pause-with-outstanding, the only violation expected),
// which is what lets the adapter's pending pause run here.
func TestPausePendsForReceives(t *testing.T) {
	sys, drv, st, p, a := start(t, ndistest.ProtocolScript{HoldReceives: true}, ndistest.KeepViolations())
	a.Receive(frames(2)...)
	sys.Advance(dpc)
	if st.Pause() {
		t.Fatalf("the pause completed with receives outstanding")
	}
	if got := a.State(); got != "Pausing" {
		t.Fatalf("with receives outstanding the adapter is %s, want Pausing", got)
	}
	p.ReturnReceived()
	if got := a.State(); got != "Paused" {
		t.Fatalf("after the last return the adapter is %s, want Paused", got)
	}
	if s := a.Stats(); s.Pauses != 1 || s.PausesPended != 1 {
		t.Errorf("pauses %d, pended %d; want 1, 1", s.Pauses, s.PausesPended)
	}
	if !st.Restart() || a.State() != "Running" {
		t.Fatalf("the adapter did not restart (%s)", a.State())
	}
	stop(t, sys, drv, st)
	for _, v := range sys.Violations() {
		if v.Rule != rules.RulePauseWithOutstanding || !strings.Contains(v.Message, "ndistest-protocol") {
			t.Errorf("unexpected violation: %s", v)
		}
	}
	if len(sys.ViolationsOf(rules.RulePauseWithOutstanding)) != 1 {
		t.Errorf("the verifier did not report the scripted protocol's pause with receives held")
	}
}
