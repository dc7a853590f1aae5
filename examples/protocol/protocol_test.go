package protocol_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/ndislint/ndislint/examples/protocol"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// The OIDs the protocol queries when it binds.
const (
	oidGenMaximumFrameSize    ndis.Oid = 0x00010106
	oidGenCurrentPacketFilter ndis.Oid = 0x0001010E
	oid8023CurrentAddress     ndis.Oid = 0x01010102
)

// payloads are distinct frames.
func payloads(n int) [][]byte {
	var out [][]byte
	for i := 0; i < n; i++ {
		out = append(out, bytes.Repeat([]byte{byte(0x10 + i)}, 64))
	}
	return out
}

// bind binds the protocol to a scripted miniport's adapter and restarts
// the stack.
func bind(t *testing.T, script ndistest.MiniportScript) (*ndistest.System, *ndistest.Driver, *ndistest.Stack, *protocol.Binding) {
	t.Helper()
	sys := ndistest.New(t)
	st := sys.AddStack("eth0", script)
	drv := sys.LoadDriver("ndisprot6", protocol.DriverEntry)
	st.Bind(drv)
	bs := protocol.Bindings()
	if len(bs) != 1 {
		t.Fatalf("the protocol made %d bindings, want 1", len(bs))
	}
	b := bs[0]
	if got := b.State(); got != "Paused" {
		t.Fatalf("after the bind the binding is %s, want Paused", got)
	}
	if !st.Restart() || b.State() != "Running" {
		t.Fatalf("the binding did not restart (%s)", b.State())
	}
	return sys, drv, st, b
}

// unbind unbinds, unloads the protocol and checks that it freed everything.
func unbind(t *testing.T, sys *ndistest.System, drv *ndistest.Driver, st *ndistest.Stack) {
	t.Helper()
	st.Unbind(drv)
	if n := len(protocol.Bindings()); n != 0 {
		t.Errorf("%d bindings left after ProtocolUnbindAdapterEx", n)
	}
	drv.Unload(protocol.DriverUnload)
	sys.Finish()
	for _, a := range sys.OutstandingAllocations() {
		t.Errorf("left allocated: %v", a)
	}
}

// TestBindQueries: the bind queries the adapter's address and frame size
// and sets its packet filter, whether the miniport answers at once or
// pends (ProtocolOidRequestComplete).
func TestBindQueries(t *testing.T) {
	for _, a := range []ndistest.Action{ndistest.Sync, ndistest.Pend} {
		t.Run(a.String(), func(t *testing.T) {
			script := ndistest.MiniportScript{Oid: a, OidStatus: func(req *ndis.OidRequest) ndis.Status {
				switch req.Oid {
				case oid8023CurrentAddress:
					req.BytesWritten = uint32(copy(req.InformationBuffer, []byte{2, 0, 0, 0, 0, 7}))
				case oidGenMaximumFrameSize:
					req.BytesWritten = uint32(copy(req.InformationBuffer, []byte{0xDC, 0x05, 0, 0}))
				}
				return ndis.StatusSuccess
			}}
			sys, drv, st, b := bind(t, script)
			if got := st.Oids(); len(got) != 3 || got[2] != oidGenCurrentPacketFilter {
				t.Errorf("the miniport saw OIDs %v, want the two queries and the packet filter", got)
			}
			if got := b.CurrentAddress(); got != [6]byte{2, 0, 0, 0, 0, 7} {
				t.Errorf("address %x, want 020000000007", got)
			}
			if got := b.MaxFrameSize(); got != 1500 {
				t.Errorf("maximum frame size %d, want 1500", got)
			}
			wantPended := 0
			if a == ndistest.Pend {
				wantPended = 3 // the two queries and the packet filter
			}
			if got := b.Stats().OidsPended; got != wantPended {
				t.Errorf("%d requests completed in ProtocolOidRequestComplete, want %d", got, wantPended)
			}
			unbind(t, sys, drv, st)
		})
	}
}

// TestSendReceive: sends are freed on completion; receives are copied and
// returned, or only copied when indicated with NDIS_RECEIVE_FLAGS_RESOURCES.
func TestSendReceive(t *testing.T) {
	for _, flags := range []uint32{0, ndis.ReceiveFlagsResources} {
		t.Run(fmt.Sprintf("flags=%#x", flags), func(t *testing.T) { sendReceive(t, flags) })
	}
}

// sendReceive is TestSendReceive with the miniport's receive flags.
func sendReceive(t *testing.T, flags uint32) {
	{
		sys, drv, st, b := bind(t, ndistest.MiniportScript{ReceiveFlags: flags})
		ps := payloads(3)
		if s := b.Send(ps...); s != ndis.StatusPending {
			t.Fatalf("Send: %v", s)
		}
		sys.Run()
		if got := st.Sent(); len(got) != 3 || !bytes.Equal(got[2], ps[2]) {
			t.Errorf("the miniport was given %d frames, want the 3 sent", len(got))
		}
		if s := b.Stats(); s.Sent != 3 || s.SendFailed != 0 {
			t.Errorf("protocol stats %+v, want 3 sent", s)
		}
		st.Receive(ps[:2]...)
		got := b.Received()
		if len(got) != 2 || !bytes.Equal(got[1], ps[1]) {
			t.Errorf("the protocol received %d frames, want the 2 indicated", len(got))
		}
		wantReturned := 2
		if flags != 0 {
			wantReturned = 0
		}
		if st.Returned() != wantReturned {
			t.Errorf("flags %#x: %d lists returned, want %d", flags, st.Returned(), wantReturned)
		}
		unbind(t, sys, drv, st)
	}
}

// TestPauseWaitsForSends: a pause while sends are out waits for them
// (the miniport completes them 1 ms later), the binding drops receives
// while paused, and restarts.
func TestPauseWaitsForSends(t *testing.T) {
	sys, drv, st, b := bind(t, ndistest.MiniportScript{SendDelay: time.Millisecond})
	b.Send(payloads(2)...)
	if !st.Pause() {
		t.Fatalf("the pause did not complete")
	}
	if got := b.State(); got != "Paused" {
		t.Fatalf("after the pause the binding is %s, want Paused", got)
	}
	if s := b.Stats(); s.Sent != 2 || s.PausesWaited != 1 {
		t.Errorf("protocol stats %+v, want 2 sent and a pause that waited", s)
	}
	if s := b.Send(payloads(1)...); s == ndis.StatusPending {
		t.Errorf("a paused binding sent")
	}
	if !st.Restart() || b.State() != "Running" {
		t.Fatalf("the binding did not restart (%s)", b.State())
	}
	unbind(t, sys, drv, st)
}

// TestGlobalReconfigure: NetEventReconfigure for all bindings (a NULL
// ProtocolBindingContext) makes the protocol re-enumerate its bindings,
// which the verifier allows there; the binding is untouched.
func TestGlobalReconfigure(t *testing.T) {
	sys, drv, st, b := bind(t, ndistest.MiniportScript{})
	hs := drv.ProtocolHandles()
	if len(hs) != 1 {
		t.Fatalf("the driver registered %d protocols, want 1", len(hs))
	}
	for _, code := range []ndis.NetPnpEventCode{ndis.NetEventReconfigure, ndis.NetEventBindsComplete} {
		if s, err := sys.GlobalPnPEvent(hs[0], code); err != nil || s != ndis.StatusSuccess {
			t.Fatalf("GlobalPnPEvent(%d) = %s, %v", code, s, err)
		}
	}
	if got := b.State(); got != "Running" {
		t.Errorf("after the global events the binding is %s, want Running", got)
	}
	unbind(t, sys, drv, st)
}
