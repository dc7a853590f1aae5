package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// imProto is the protocol edge of the test's intermediate driver, or an
// overlying protocol: it opens any adapter NDIS offers it.
type imProto struct {
	handle, binding ndis.Handle
	unbound         int
}

// imTestDriver registers an NDIS 6 miniport driver (no adapter) and a
// protocol driver, as an intermediate driver's DriverEntry does.
func imTestDriver(t *testing.T, s *kernel.State) (mini ndis.Handle, p *imProto) {
	t.Helper()
	p = &imProto{}
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion: 6, MinorNdisVersion: 30, Name: "improto",
		BindAdapterHandlerEx: func(_, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
			var idx uint32
			op := &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}
			return ndis.OpenAdapterEx(p.handle, p, op, bindContext, &p.binding)
		},
		UnbindAdapterHandlerEx: func(_, _ ndis.Handle) ndis.Status {
			p.unbound++
			return ndis.CloseAdapterEx(p.binding)
		},
		OpenAdapterCompleteHandlerEx:      func(ndis.Handle, ndis.Status) {},
		CloseAdapterCompleteHandlerEx:     func(ndis.Handle) {},
		NetPnPEventHandler:                func(ndis.Handle, *ndis.NetPnpEventNotification) ndis.Status { return ndis.StatusSuccess },
		OidRequestCompleteHandler:         func(ndis.Handle, *ndis.OidRequest, ndis.Status) {},
		StatusHandlerEx:                   func(ndis.Handle, *ndis.StatusIndication) {},
		ReceiveNetBufferListsHandler:      func(ndis.Handle, *ndis.NetBufferList, ndis.PortNumber, uint32, uint32) {},
		SendNetBufferListsCompleteHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
	}
	var st ndis.Status
	s.Callback("DRIVER_INITIALIZE", "test driver", "", func() {
		st = ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: "imtest"}, nil, nil, mp6Chars(&mp6Ctx{name: "virtual miniport"}, nil), &mini)
		if st == ndis.StatusSuccess {
			st = ndis.RegisterProtocolDriver(p, chars, &p.handle)
		}
	})
	if st != ndis.StatusSuccess {
		t.Fatalf("registration: %s", st)
	}
	return mini, p
}

// TestIntermediateDriver: NdisIMInitializeDeviceInstanceEx starts the
// named virtual miniport later (MiniportInitializeEx from the event queue);
// a second initialization of the name is NDIS_STATUS_NOT_ACCEPTED; a
// protocol bound to it gets the DeviceContext from NdisIMGetBindingContext;
// NdisIMDeInitializeDeviceInstance unbinds it and halts the adapter later;
// a pending instance is cancelled, a started one is not.
func TestIntermediateDriver(t *testing.T) {
	s := reset()
	mini, p := imTestDriver(t, s)
	ndis.IMAssociateMiniport(mini, p.handle)
	ndis.IMAssociateMiniport(mini, p.handle) // the same pair again is harmless
	w := of(s)
	name := ndis.String("VMini0")
	devCtx := &struct{ speed int }{1000}
	if st := ndis.IMInitializeDeviceInstanceEx(mini, &name, devCtx); st != ndis.StatusSuccess {
		t.Fatalf("NdisIMInitializeDeviceInstanceEx = %s", st)
	}
	lower := ndis.String("vmini0")
	if st := ndis.IMInitializeDeviceInstanceEx(mini, &lower, nil); st != ndis.StatusNotAccepted {
		t.Fatalf("a second initialization = %s, want NDIS_STATUS_NOT_ACCEPTED", st)
	}
	inst := w.ims().instances["vmini0"]
	if inst == nil || inst.adapter != nil {
		t.Fatalf("the instance started within the call")
	}
	s.RunDue(10)
	if inst.state != imStarted || inst.adapter == nil || inst.adapter.name != "VMini0" {
		t.Fatalf("the virtual miniport did not start: %+v", inst)
	}
	if st := ndis.IMCancelInitializeDeviceInstance(mini, &name); st != ndis.StatusFailure {
		t.Fatalf("cancelling a started instance = %s", st)
	}
	if _, err := Of(s).Bind6(p.handle, inst.adapter); err != nil || p.binding == nil {
		t.Fatalf("bind: %v", err)
	}
	if got := ndis.IMGetBindingContext(p.binding); got != devCtx {
		t.Fatalf("NdisIMGetBindingContext = %v, want the DeviceContext", got)
	}
	if st := ndis.IMDeInitializeDeviceInstance(inst.adapter); st != ndis.StatusSuccess {
		t.Fatalf("NdisIMDeInitializeDeviceInstance = %s", st)
	}
	ndis.IMDeInitializeDeviceInstance(inst.adapter) // torn down already
	if w.gone6(inst.adapter.life) {
		t.Fatalf("halted within the call")
	}
	s.RunDue(10)
	if !w.gone6(inst.adapter.life) || p.unbound != 1 || w.ims().instances["vmini0"] != nil {
		t.Fatalf("after the teardown: adapter %s, unbinds %d", inst.adapter.life, p.unbound)
	}
	other := ndis.String("VMini1")
	ndis.IMInitializeDeviceInstanceEx(mini, &other, nil)
	if st := ndis.IMCancelInitializeDeviceInstance(mini, &other); st != ndis.StatusSuccess {
		t.Fatalf("cancelling a pending instance = %s", st)
	}
	s.RunDue(10)
	if w.adapterNamed("VMini1") {
		t.Fatalf("a cancelled instance started")
	}
	ksExpect(t, s, rules.RuleBadHandle)
}

// TestIntermediateDriverMisuse: a second protocol for the same miniport
// driver, a deregistered driver handle and an adapter no
// NdisIMInitializeDeviceInstanceEx started are reported; a binding to such
// an adapter has no binding context.
func TestIntermediateDriverMisuse(t *testing.T) {
	s := reset()
	mini, p := imTestDriver(t, s)
	ndis.IMAssociateMiniport(mini, p.handle)
	_, p2 := imTestDriver(t, s)
	before := len(ksRules(s))
	ndis.IMAssociateMiniport(mini, p2.handle) // a second protocol edge
	a, err := Of(s).AddAdapter6(mini, "phys0", ndis.Medium802_3)
	if err != nil {
		t.Fatal(err)
	}
	ndis.IMDeInitializeDeviceInstance(a) // not a virtual miniport
	if _, err := Of(s).Bind6(p.handle, a); err != nil || p.binding == nil {
		t.Fatalf("bind: %v", err)
	}
	if got := ndis.IMGetBindingContext(p.binding); got != nil {
		t.Fatalf("binding context of a physical adapter: %v", got)
	}
	name := ndis.String("VMini2")
	if st := ndis.IMInitializeDeviceInstanceEx(mini, nil, nil); st != ndis.StatusFailure {
		t.Fatalf("no DriverInstance: %s", st)
	}
	ndis.MDeregisterMiniportDriver(mini)
	if st := ndis.IMInitializeDeviceInstanceEx(mini, &name, nil); st != ndis.StatusFailure {
		t.Fatalf("a deregistered driver: %s", st)
	}
	got := ksRules(s)[before:]
	want := []string{rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadHandle}
	if len(got) != len(want) {
		t.Fatalf("violations %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("violations %v, want %v", got, want)
		}
	}
}

// TestIntermediateDriverRestartAfterHalt: a virtual miniport halted
// otherwise than by NdisIMDeInitializeDeviceInstance frees its name, and
// NdisIMInitializeDeviceInstanceEx starts it again.
func TestIntermediateDriverRestartAfterHalt(t *testing.T) {
	s := reset()
	mini, _ := imTestDriver(t, s)
	name := ndis.String("VMini3")
	ndis.IMInitializeDeviceInstanceEx(mini, &name, nil)
	s.RunDue(10)
	w := of(s)
	first := w.ims().instances["vmini3"]
	if first == nil || first.adapter == nil {
		t.Fatalf("the virtual miniport did not start")
	}
	if err := Of(s).Halt(first.adapter); err != nil {
		t.Fatal(err)
	}
	if st := ndis.IMInitializeDeviceInstanceEx(mini, &name, nil); st != ndis.StatusSuccess {
		t.Fatalf("initializing a halted instance's name again = %s", st)
	}
	s.RunDue(10)
	again := w.ims().instances["vmini3"]
	if again == first || again.adapter == nil || w.gone6(again.adapter.life) {
		t.Fatalf("the virtual miniport did not start again")
	}
	ksExpect(t, s)
}
