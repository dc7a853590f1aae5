package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// reenumProtocol registers a protocol that opens every adapter it is
// offered with a non-NULL ProtocolBindingContext and whose
// ProtocolNetPnPEvent calls NdisReEnumerateProtocolBindings for every
// event; it returns the protocol's handle and a count of the events.
func reenumProtocol(t *testing.T, sys *ndistest.System) (ndis.Handle, *int) {
	t.Helper()
	var proto ndis.Handle
	events := new(int)
	type binding struct{ handle ndis.Handle }
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6,
		Name:             "rebinder",
		BindAdapterHandlerEx: func(ctx, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			b := &binding{}
			var idx uint32
			return ndis.OpenAdapterEx(proto, b, &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}, bindContext, &b.handle)
		},
		UnbindAdapterHandlerEx: func(unbindContext, bindingContext ndis.Handle) ndis.Status {
			return ndis.CloseAdapterEx(bindingContext.(*binding).handle)
		},
		NetPnPEventHandler: func(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
			*events++
			ndis.ReEnumerateProtocolBindings(proto)
			return ndis.StatusSuccess
		},
	}
	if st := ndis.RegisterProtocolDriver(nil, chars, &proto); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver: %s", st)
	}
	return proto, events
}

// TestReEnumerateInBindingPnPEvent: NdisReEnumerateProtocolBindings in
// ProtocolNetPnPEvent called for an event on a binding (a non-NULL
// ProtocolBindingContext) is a ddi-wrong-context naming the role and the
// parameter; the same handler called for events for all bindings (NULL
// ProtocolBindingContext) is clean.
func TestReEnumerateInBindingPnPEvent(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	proto, events := reenumProtocol(t, sys)
	sys.Bind()
	for _, code := range []ndis.NetPnpEventCode{ndis.NetEventBindList, ndis.NetEventBindsComplete, ndis.NetEventReconfigure} {
		if st, err := sys.GlobalPnPEvent(proto, code); err != nil || st != ndis.StatusSuccess {
			t.Fatalf("GlobalPnPEvent(%d) = %s, %v", code, st, err)
		}
	}
	if v := sys.Violations(); len(v) != 0 || *events != 3 {
		t.Fatalf("events for all bindings: %d handled, violations %v; want 3, none", *events, v)
	}
	if st, err := sys.PnPEvent(proto, ad.Handle(), ndis.NetEventReconfigure); err != nil || st != ndis.StatusSuccess {
		t.Fatalf("PnPEvent = %s, %v", st, err)
	}
	v := sys.ViolationsOf(rules.RuleDDIWrongContext)
	if len(v) != 1 || len(sys.Violations()) != 1 {
		t.Fatalf("an event on a binding: violations %v; want one %s", sys.Violations(), rules.RuleDDIWrongContext)
	}
	for _, w := range []string{"NdisReEnumerateProtocolBindings", "PROTOCOL_NET_PNP_EVENT", "non-NULL ProtocolBindingContext"} {
		if !strings.Contains(v[0].Message, w) {
			t.Errorf("message %q does not mention %q", v[0].Message, w)
		}
	}
}

// TestGlobalPnPEventCodes: only the events the page says NDIS indicates
// with a NULL ProtocolBindingContext are raised for all bindings; another
// code, or a handle that is no registered protocol's, is an error and runs
// no handler.
func TestGlobalPnPEventCodes(t *testing.T) {
	sys := ndistest.New(t)
	sys.AddAdapter("atm0", ndis.MediumAtm)
	proto, events := reenumProtocol(t, sys)
	sys.Bind()
	for _, code := range []ndis.NetPnpEventCode{ndis.NetEventSetPower, ndis.NetEventQueryRemoveDevice, ndis.NetEventPause, ndis.NetEventRestart} {
		if _, err := sys.GlobalPnPEvent(proto, code); err == nil {
			t.Errorf("GlobalPnPEvent(%d) accepted an event NDIS indicates only on a binding", code)
		}
	}
	if _, err := sys.GlobalPnPEvent(nil, ndis.NetEventBindsComplete); err == nil {
		t.Error("GlobalPnPEvent accepted a NULL protocol handle")
	}
	if *events != 0 {
		t.Errorf("%d handlers ran for rejected events", *events)
	}
}

// TestReEnumerateInForwardedPnPEvent: an event a filter module forwards
// with NdisFNetPnPEvent reaches the protocol's ProtocolNetPnPEvent with the
// binding's (non-NULL) ProtocolBindingContext, so
// NdisReEnumerateProtocolBindings there is a ddi-wrong-context; the same
// handler for an event for all bindings is clean
// (TestReEnumerateInBindingPnPEvent).
func TestReEnumerateInForwardedPnPEvent(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	f := &cf{}
	fd := sys.LoadDriver("f", f.entry())
	var events *int
	pd := sys.LoadDriver("rebinder", func(*ndis.DriverObject, *ndis.String) ndis.Status {
		_, events = reenumProtocol(t, sys)
		return ndis.StatusSuccess
	})
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	st.Attach(fd)
	st.Bind(pd)
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	// The restart indicated events on the binding already (each reported):
	// count what the forwarded event adds.
	n0, e0 := len(sys.Violations()), *events
	n := &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: ndis.NetEventSetPower}}
	ndis.FNetPnPEvent(f.modules[0].h, n)
	sys.Run()
	v := sys.Violations()[n0:]
	if *events != e0+1 || len(v) != 1 || v[0].Rule != rules.RuleDDIWrongContext {
		t.Fatalf("a forwarded event: %d handled, violations %v; want 1 and one %s", *events-e0, v, rules.RuleDDIWrongContext)
	}
	for _, w := range []string{"non-NULL ProtocolBindingContext", "NdisFNetPnPEvent("} {
		if !strings.Contains(v[0].String(), w) {
			t.Errorf("violation %q does not say %q", v[0].String(), w)
		}
	}
}
