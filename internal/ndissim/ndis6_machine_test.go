package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// wantOp fails the test unless l is in state.
func wantOp(t *testing.T, l *opLife, state string) {
	t.Helper()
	if l.state != state {
		t.Fatalf("%s: state %q, want %q", l.object, l.state, state)
	}
}

// TestMachineMoves drives an adapter and a binding through the embedded
// catalogue's machines by hand: a role's entry, its result, a completion
// DDI's Status argument and a value condition on ProtocolNetPnPEvent's
// notification each pick the transition.
func TestMachineMoves(t *testing.T) {
	w := lifeWorld(t)
	a := w.newOpLife(rules.ObjectAdapter)
	wantOp(t, a, "Halted")
	if !w.starting6(a) || w.gone6(a) {
		t.Error("a new adapter is not starting, or is gone")
	}
	w.enter6(a, ev6("MINIPORT_INITIALIZE"))
	wantOp(t, a, "Initializing")
	if w.forbids6(a, "NdisMIndicateReceiveNetBufferLists") == nil {
		t.Error("Initializing forbids no indication")
	}
	w.return6(a, ev6("MINIPORT_INITIALIZE"), ndis.StatusSuccess)
	wantOp(t, a, "Paused")
	if !w.up6(a) || !w.can6(a, ev6("MINIPORT_RESTART")) || w.can6(a, ev6("MINIPORT_PAUSE")) {
		t.Error("a Paused adapter is not up, cannot restart or can pause")
	}
	w.enter6(a, ev6("MINIPORT_RESTART"))
	w.return6(a, ev6("MINIPORT_RESTART"), ndis.StatusPending)
	wantOp(t, a, "Restarting")
	w.enter6(a, ev6("NdisMRestartComplete", "Status", ndis.StatusFailure))
	wantOp(t, a, "Paused")
	w.enter6(a, ev6("MINIPORT_RESTART"))
	w.enter6(a, ev6("NdisMRestartComplete", "Status", ndis.StatusSuccess))
	wantOp(t, a, "Running")
	if w.forbids6(a, "NdisMIndicateReceiveNetBufferLists") != nil || !w.can6(a, ev6("MINIPORT_SEND_NET_BUFFER_LISTS")) {
		t.Error("Running forbids an indication or takes no sends")
	}
	w.enter6(a, ev6("MINIPORT_SHUTDOWN"))
	if !w.ended6(a) || w.up6(a) {
		t.Errorf("after MiniportShutdownEx the adapter is %s and not ended", a)
	}

	b := w.newOpLife(rules.ObjectBinding)
	w.enter6(b, ev6("PROTOCOL_BIND_ADAPTER_EX"))
	w.return6(b, ev6("NdisOpenAdapterEx"), ndis.StatusSuccess)
	wantOp(t, b, "Paused")
	if w.can6(b, pnpEv(ndis.NetEventPause)) || !w.can6(b, pnpEv(ndis.NetEventRestart)) || w.can6(b, pnpEv(ndis.NetEventSetPower)) {
		t.Error("the value condition does not pick the PnP events a Paused binding takes")
	}
	w.enter6(b, pnpEv(ndis.NetEventRestart))
	w.return6(b, pnpEv(ndis.NetEventRestart), ndis.StatusSuccess)
	wantOp(t, b, "Running")
	if w.enter6(b, pnpEv(ndis.NetEventRestart)) {
		t.Error("a Running binding took NetEventRestart")
	}
	w.enter6(b, pnpEv(ndis.NetEventPause))
	wantOp(t, b, "Pausing")
	if w.forbids6(b, "NdisSendNetBufferLists") == nil {
		t.Error("Pausing forbids no send")
	}
	restart := &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: ndis.NetEventRestart}}
	if w.enter6(b, ev6("NdisCompleteNetPnPEvent", "NetPnPEventNotification", restart, "Status", ndis.StatusSuccess)) {
		t.Error("completing a restart notification ended the pause")
	}
	pause := &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: ndis.NetEventPause}}
	w.enter6(b, ev6("NdisCompleteNetPnPEvent", "NetPnPEventNotification", pause, "Status", ndis.StatusSuccess))
	wantOp(t, b, "Paused")
	if w.enter6(b, ev6("NdisCompleteNetPnPEvent", "NetPnPEventNotification", (*ndis.NetPnpEventNotification)(nil))) {
		t.Error("a nil notification took a transition")
	}
}

// TestMachineFromCatalogue runs a stack under a catalogue whose adapter
// machine calls its states otherwise and whose binding's Paused forbids no
// send: the simulator reports the catalogue's names and checks what it
// forbids, knowing no state by name.
func TestMachineFromCatalogue(t *testing.T) {
	data, err := rules.EditDefault(func(c *rules.Catalogue) {
		for i := range c.States {
			m := &c.States[i]
			switch m.Object {
			case rules.ObjectAdapter:
				rename := func(s string) string { return strings.ReplaceAll(s, "Paused", "Quiet") }
				m.Initial = rename(m.Initial)
				for j := range m.States {
					m.States[j].Name = rename(m.States[j].Name)
				}
				for j := range m.Transitions {
					m.Transitions[j].From, m.Transitions[j].To = rename(m.Transitions[j].From), rename(m.Transitions[j].To)
				}
			case rules.ObjectBinding:
				for j := range m.States {
					m.States[j].Forbidden = nil
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := rules.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(kernel.Reset(kernel.WithCatalogue(c)))
	a := w.newOpLife(rules.ObjectAdapter)
	w.enter6(a, ev6("MINIPORT_INITIALIZE"))
	w.return6(a, ev6("MINIPORT_INITIALIZE"), ndis.StatusSuccess)
	wantOp(t, a, "Quiet")
	if w.forbids6(a, "NdisMIndicateReceiveNetBufferLists") == nil {
		t.Error("the renamed state lost its forbidden DDI")
	}
	b := w.newOpLife(rules.ObjectBinding)
	w.enter6(b, ev6("PROTOCOL_BIND_ADAPTER_EX"))
	w.return6(b, ev6("NdisOpenAdapterEx"), ndis.StatusSuccess)
	if f := w.forbids6(b, "NdisSendNetBufferLists"); f != nil {
		t.Errorf("the binding's %s forbids a send the catalogue allows: %s", b, f.Reason)
	}
}

// TestMachineWithoutCatalogue: a run whose catalogue has no state machines
// gives the objects no state, moves nothing and forbids nothing.
func TestMachineWithoutCatalogue(t *testing.T) {
	def, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := *def
	c.States = nil
	w := newWorld(kernel.Reset(kernel.WithCatalogue(&c)))
	l := w.newOpLife(rules.ObjectAdapter)
	if w.enter6(l, ev6("MINIPORT_INITIALIZE")) || l.state != "" || w.forbids6(l, "NdisMIndicateReceiveNetBufferLists") != nil || w.gone6(l) || w.can6(l, ev6("MINIPORT_PAUSE")) {
		t.Errorf("an object with no machine moved or is constrained (state %q)", l.state)
	}
}
