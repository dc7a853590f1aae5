package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// TestSim6HarnessErrors: the harness's NDIS 6 operations refuse what NDIS
// would never do (a restart of a running stack, a halt or an attach on a
// running stack, handles that are not what they claim), with an error and
// no violation.
func TestSim6HarnessErrors(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	sim := current()
	h := st.Handle()
	wantErr := func(what string, err error, words ...string) {
		t.Helper()
		if err == nil {
			t.Errorf("%s: no error", what)
			return
		}
		for _, w := range words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", what, err, w)
			}
		}
	}
	if err := sim.Pause(h, nil); err == nil {
		t.Errorf("Pause of a paused stack: no error")
	}
	if err := sim.Restart(h, nil); err != nil {
		t.Fatalf("Restart: %v", err)
	}
	sys.Run()
	wantErr("Restart of a running stack", sim.Restart(h, nil), "Running")
	wantErr("Halt of a running stack", sim.Halt(h), "pause")
	_, _, err := sim.Attach(sim.Miniports6()[0], h)
	wantErr("Attach of a miniport driver", err, "not the handle of a filter driver")
	_, err = sim.AddAdapter6(p.Handle(), "eth1", ndis.Medium802_3)
	wantErr("AddAdapter6 with a binding handle", err, "not the handle of an NDIS 6 miniport driver")
	_, err = sim.AddAdapter6(sim.Miniports6()[0], "eth0", ndis.Medium802_3)
	wantErr("AddAdapter6 of a taken name", err, "exists already")
	_, err = sim.Bind6(p.Handle(), h)
	wantErr("Bind6 of a binding handle", err)
	_, err = sim.Unbind6(sim.Protocols()[0], h)
	wantErr("Unbind6 of a running binding", err, "Running")
	_, err = sim.Stack6(p.Handle())
	wantErr("Stack6 of a binding handle", err, "not an NDIS 6 adapter handle")
	_, err = sim.Reset(h)
	wantErr("Reset with no MiniportResetEx", err, "no MiniportResetEx")
	wantErr("Detach of an adapter", sim.Detach(h), "not an attached filter module")
	wantErr("UnloadMiniport6 of an adapter", sim.UnloadMiniport6(h), "not the handle")
	_, err = sim.PnPEvent6(sim.Protocols()[0], h, ndis.NetEventPause)
	wantErr("PnPEvent6 of NetEventPause", err, "Pause")
	_, err = sim.PnPEvent6(p.Handle(), h, ndis.NetEventSetPower)
	wantErr("PnPEvent6 of a binding handle", err, "not bound")
	_, err = sim.PnPEvent6(sim.Protocols()[0], p.Handle(), ndis.NetEventSetPower)
	wantErr("PnPEvent6 on a binding handle", err, "not an NDIS 6 adapter handle")
	if sim.Busy6(h) || sim.Attached6(h) || sim.Bound6(h, h) {
		t.Errorf("Busy6, Attached6 or Bound6 true for an idle adapter handle")
	}
	if name := sim.DriverName(sim.Miniports6()[0]); name != "ndistest-miniport6" {
		t.Errorf("DriverName %q", name)
	}
	if len(sys.Violations()) != 0 {
		t.Errorf("harness errors reported violations: %v", sys.Violations())
	}
	st.Pause()
	if err := sim.Halt(h); err != nil {
		t.Errorf("Halt of a paused stack: %v", err)
	}
	_, err = sim.Bind6(sim.Protocols()[0], h)
	wantErr("Bind6 to a halted adapter", err, "halted")
}
