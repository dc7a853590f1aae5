package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// mp6Ctx is the MiniportAdapterContext of the test miniport's adapters.
type mp6Ctx struct{ name string }

// mp6Adapter registers a miniport driver whose MiniportSetOptions
// registers opts (nil entries skipped), starts one adapter of it and
// returns the adapter's MiniportAdapterHandle and context. The adapter is
// Paused.
func mp6Adapter(t *testing.T, s *kernel.State, init func(h ndis.Handle), opts ...ndis.DriverOptionalHandlers) (ndis.Handle, *mp6Ctx) {
	t.Helper()
	ctx := &mp6Ctx{name: "adapter context"}
	return mp6Start(t, s, "mp6test", mp6Chars(ctx, init, opts...)), ctx
}

// mp6Register registers a miniport driver of the given name and handlers
// from its DriverEntry and returns its NdisMiniportDriverHandle.
func mp6Register(t *testing.T, s *kernel.State, name string, chars *ndis.MiniportDriverCharacteristics) ndis.Handle {
	t.Helper()
	var drv ndis.Handle
	var st ndis.Status
	s.Callback("DRIVER_INITIALIZE", "test driver", "", func() {
		st = ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: name}, nil, nil, chars, &drv)
	})
	if st != ndis.StatusSuccess {
		t.Fatalf("NdisMRegisterMiniportDriver = %s", st)
	}
	return drv
}

// mp6Start registers a miniport driver with chars and starts one adapter,
// eth0, of it; it returns the adapter's MiniportAdapterHandle (Paused).
func mp6Start(t *testing.T, s *kernel.State, name string, chars *ndis.MiniportDriverCharacteristics) ndis.Handle {
	t.Helper()
	a, err := Of(s).AddAdapter6(mp6Register(t, s, name, chars), "eth0", ndis.Medium802_3)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestIdleNotification(t *testing.T) {
	s := reset()
	var a ndis.Handle
	idle := 0
	ss := &ndis.MiniportSsCharacteristics{
		IdleNotificationHandler: func(ctx ndis.Handle, force bool) ndis.Status {
			idle++
			if idle == 1 {
				return ndis.StatusBusy // veto
			}
			if force {
				return ndis.StatusBusy // forbidden with ForceIdle
			}
			ndis.MIdleNotificationConfirm(a, ndis.NdisDeviceStateD2)
			return ndis.StatusPending
		},
		CancelIdleNotificationHandler: func(ctx ndis.Handle) { ndis.MIdleNotificationComplete(a) },
	}
	a, ctx := mp6Adapter(t, s, nil, ss)
	sim := Of(s)
	if st, err := sim.IdleNotification6(a, false); err != nil || st != ndis.StatusBusy {
		t.Fatalf("IdleNotification6 = %s, %v; want the veto", st, err)
	}
	if err := sim.CancelIdleNotification6(a); err == nil {
		t.Fatal("CancelIdleNotification6 with none outstanding: no error")
	}
	if st, _ := sim.IdleNotification6(a, false); st != ndis.StatusPending {
		t.Fatalf("IdleNotification6 = %s", st)
	}
	if p, pw := sim.IdlePending6(a); !p || pw != ndis.NdisDeviceStateD2 {
		t.Fatalf("IdlePending6 = %v, %d", p, pw)
	}
	if _, err := sim.IdleNotification6(a, false); err == nil {
		t.Fatal("a second idle notification while one is outstanding: no error")
	}
	if err := sim.CancelIdleNotification6(a); err != nil {
		t.Fatal(err)
	}
	if p, _ := sim.IdlePending6(a); p {
		t.Fatal("the notification is still pending after MiniportCancelIdleNotification completed it")
	}
	if ctx.name == "" {
		t.Fatal("no context")
	}
	ksExpect(t, s)
	ndis.MIdleNotificationComplete(a)                        // completed already
	ndis.MIdleNotificationConfirm(a, ndis.NdisDeviceStateD2) // after completion
	sim.IdleNotification6(a, false)
	ndis.MIdleNotificationConfirm(a, ndis.NdisDeviceStateD0) // not low power
	ndis.MIdleNotificationComplete(a)
	sim.IdleNotification6(a, true) // BUSY with ForceIdle
	ksExpect(t, s, rules.RuleCompletionWithoutPending, rules.RuleCompletionWithoutPending, rules.RuleBadParameter, rules.RuleStatusForbidden)
}

func TestIdleHandlersRequired(t *testing.T) {
	s := reset()
	chars := mp6Chars(&mp6Ctx{}, nil)
	var drv ndis.Handle
	chars.SetOptionsHandler = func(h, _ ndis.Handle) ndis.Status {
		if st := ndis.SetOptionalHandlers(h, &ndis.MiniportSsCharacteristics{}); st != ndis.StatusFailure {
			t.Errorf("NdisSetOptionalHandlers of empty selective suspend handlers = %s", st)
		}
		if st := ndis.SetOptionalHandlers(h, &ndis.MiniportPnpCharacteristics{}); st != ndis.StatusSuccess { // all optional
			t.Errorf("NdisSetOptionalHandlers of empty PnP handlers = %s", st)
		}
		return ndis.StatusSuccess
	}
	s.Callback("DRIVER_INITIALIZE", "test driver", "", func() {
		ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: "x"}, nil, nil, chars, &drv)
	})
	if _, err := Of(s).IdleNotification6(ksDriver(), false); err == nil {
		t.Fatal("IdleNotification6 of a foreign handle: no error")
	}
	ksExpect(t, s, rules.RuleMissingHandler, rules.RuleMissingHandler)
}

// mp6Chars returns the characteristics of a miniport driver whose
// MiniportSetOptions registers opts (nil entries skipped) and whose
// MiniportInitializeEx sets ctx as the adapter's context and then runs
// init.
func mp6Chars(ctx *mp6Ctx, init func(h ndis.Handle), opts ...ndis.DriverOptionalHandlers) *ndis.MiniportDriverCharacteristics {
	return &ndis.MiniportDriverCharacteristics{
		MajorNdisVersion: 6, MinorNdisVersion: 30,
		SetOptionsHandler: func(h, _ ndis.Handle) ndis.Status {
			for _, o := range opts {
				if o != nil {
					if st := ndis.SetOptionalHandlers(h, o); st != ndis.StatusSuccess {
						return st
					}
				}
			}
			return ndis.StatusSuccess
		},
		InitializeHandlerEx: func(h, _ ndis.Handle, _ *ndis.MiniportInitParameters) ndis.Status {
			ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: ctx})
			if init != nil {
				init(h)
			}
			return ndis.StatusSuccess
		},
		HaltHandlerEx:               func(ndis.Handle, ndis.HaltAction) {},
		PauseHandler:                func(ndis.Handle, *ndis.MiniportPauseParameters) ndis.Status { return ndis.StatusSuccess },
		RestartHandler:              func(ndis.Handle, *ndis.MiniportRestartParameters) ndis.Status { return ndis.StatusSuccess },
		OidRequestHandler:           func(ndis.Handle, *ndis.OidRequest) ndis.Status { return ndis.StatusNotSupported },
		SendNetBufferListsHandler:   func(ndis.Handle, *ndis.NetBufferList, ndis.PortNumber, uint32) {},
		ReturnNetBufferListsHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
		ShutdownHandlerEx:           func(ndis.Handle, ndis.ShutdownAction) {},
	}
}

func TestPnpHandlers(t *testing.T) {
	s := reset()
	var calls []string
	var addCtx, initCtx ndis.Handle
	pnp := &ndis.MiniportPnpCharacteristics{
		MiniportAddDeviceHandler: func(h, _ ndis.Handle) ndis.Status {
			calls = append(calls, "add")
			ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: "device ctx"})
			return ndis.StatusSuccess
		},
		MiniportFilterResourceRequirementsHandler: func(ctx ndis.Handle, irp *ndis.Irp) ndis.Status {
			calls = append(calls, "filter")
			addCtx = ctx
			if irp.MinorFunction != irpMnFilterResourceRequirements {
				t.Errorf("MiniportFilterResourceRequirements got minor function %#x", irp.MinorFunction)
			}
			return ndis.StatusSuccess
		},
		MiniportStartDeviceHandler: func(ctx ndis.Handle, irp *ndis.Irp) ndis.Status {
			calls = append(calls, "start")
			return ndis.StatusSuccess
		},
		MiniportRemoveDeviceHandler: func(ctx ndis.Handle) { calls = append(calls, "remove "+ctx.(string)) },
	}
	chars := mp6Chars(&mp6Ctx{}, nil, pnp)
	init := chars.InitializeHandlerEx
	chars.InitializeHandlerEx = func(h, dctx ndis.Handle, p *ndis.MiniportInitParameters) ndis.Status {
		calls = append(calls, "init")
		initCtx = p.MiniportAddDeviceContext
		return init(h, dctx, p)
	}
	chars.HaltHandlerEx = func(ndis.Handle, ndis.HaltAction) { calls = append(calls, "halt") }
	sim := Of(s)
	a := mp6Start(t, s, "pnp", chars)
	if err := sim.Halt(a); err != nil {
		t.Fatal(err)
	}
	if got, want := joinStrings(calls), "add,filter,start,init,halt,remove device ctx"; got != want {
		t.Fatalf("handlers ran %q, want %q", got, want)
	}
	if addCtx != "device ctx" || initCtx != "device ctx" {
		t.Fatalf("MiniportAddDeviceContext %v, in MiniportInitializeEx %v", addCtx, initCtx)
	}
	// A device that fails to start is removed; MiniportInitializeEx never
	// runs. NDIS keeps its own copy of the handlers, so the change needs a
	// driver that registers them anew.
	calls = nil
	pnp.MiniportStartDeviceHandler = func(ndis.Handle, *ndis.Irp) ndis.Status { return ndis.StatusResources }
	var drv2 ndis.Handle
	s.Callback("DRIVER_INITIALIZE", "test driver", "", func() {
		ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: "pnp2"}, nil, nil, chars, &drv2)
	})
	if _, err := sim.AddAdapter6(drv2, "eth1", ndis.Medium802_3); err == nil {
		t.Fatal("an adapter whose MiniportStartDevice failed started")
	}
	if got, want := joinStrings(calls), "add,filter,remove device ctx"; got != want {
		t.Fatalf("handlers ran %q, want %q", got, want)
	}
	ksExpect(t, s)
}
