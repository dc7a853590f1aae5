package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// portsAdapter starts an adapter whose MiniportInitializeEx runs init
// (with its adapter handle and where to keep the port range MiniportHaltEx
// deregisters) instead of mp6Chars's default body, with the
// Plug and Play handlers pnp (nil: none), and halts it.
func portsAdapter(t *testing.T, s *kernel.State, init func(h ndis.Handle, ports *ndis.Handle), pnp *ndis.MiniportPnpCharacteristics) {
	t.Helper()
	var ports ndis.Handle
	var opts []ndis.DriverOptionalHandlers
	if pnp != nil {
		opts = append(opts, pnp)
	}
	chars := mp6Chars(&mp6Ctx{}, nil, opts...)
	chars.InitializeHandlerEx = func(h, _ ndis.Handle, _ *ndis.MiniportInitParameters) ndis.Status {
		init(h, &ports)
		return ndis.StatusSuccess
	}
	chars.HaltHandlerEx = func(h ndis.Handle, _ ndis.HaltAction) {
		if ports != nil {
			ndis.MDeregisterIoPortRange(h, 0x300, 8, ports)
		}
	}
	var drv ndis.Handle
	s.Callback("DRIVER_INITIALIZE", "test driver", "", func() {
		ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: "ports"}, nil, nil, chars, &drv)
	})
	a, err := Of(s).AddAdapter6(drv, "eth0", ndis.Medium802_3)
	if err != nil {
		t.Fatal(err)
	}
	if err := Of(s).Halt(a); err != nil {
		t.Fatal(err)
	}
}

// setAttributes sets adapter h's registration attributes.
func setAttributes(h ndis.Handle) {
	ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: &mp6Ctx{}})
}

// registerPorts registers the port range the halt handler deregisters.
func registerPorts(t *testing.T, h ndis.Handle, ports *ndis.Handle) {
	if st := ndis.MRegisterIoPortRange(ports, h, 0x300, 8); st != ndis.StatusSuccess {
		t.Errorf("NdisMRegisterIoPortRange = %v", st)
	}
}

// Needs the catalogue: its orders. NdisMRegisterIoPortRange in
// MiniportInitializeEx before NdisMSetMiniportAttributes is reported
// (ddi-order), naming both DDIs; after it, it is clean.
func TestRegisterIoPortRangeOrder(t *testing.T) {
	ksNeedDDI(t, "NdisMRegisterIoPortRange")
	s := reset()
	portsAdapter(t, s, func(h ndis.Handle, ports *ndis.Handle) {
		registerPorts(t, h, ports)
		setAttributes(h)
	}, nil)
	ksExpect(t, s, rules.RuleDDIOrder)
	msg := s.Violations()[0].Message
	for _, w := range []string{"NdisMRegisterIoPortRange", "MiniportInitializeEx", "NdisMSetMiniportAttributes"} {
		if !strings.Contains(msg, w) {
			t.Errorf("the report does not name %s: %s", w, msg)
		}
	}

	s = reset()
	portsAdapter(t, s, func(h ndis.Handle, ports *ndis.Handle) {
		setAttributes(h)
		registerPorts(t, h, ports)
	}, nil)
	ksExpect(t, s)
}

// Needs the catalogue: its orders. Each MiniportInitializeEx owes the
// attributes of its own adapter: those MiniportAddDevice set do not count
// for it, nor does a second adapter inherit the first one's; a
// MiniportAddDevice that sets its attributes first may register ports.
func TestRegisterIoPortRangeOrderPerHandler(t *testing.T) {
	ksNeedDDI(t, "NdisMRegisterIoPortRange")
	pnp := &ndis.MiniportPnpCharacteristics{MiniportAddDeviceHandler: func(h, _ ndis.Handle) ndis.Status {
		setAttributes(h)
		return ndis.StatusSuccess
	}}
	s := reset()
	portsAdapter(t, s, func(h ndis.Handle, ports *ndis.Handle) {
		registerPorts(t, h, ports)
		setAttributes(h)
	}, pnp)
	ksExpect(t, s, rules.RuleDDIOrder)

	var addPorts ndis.Handle
	pnp = &ndis.MiniportPnpCharacteristics{
		MiniportAddDeviceHandler: func(h, _ ndis.Handle) ndis.Status {
			setAttributes(h)
			ndis.MRegisterIoPortRange(&addPorts, h, 0x400, 4)
			return ndis.StatusSuccess
		},
		MiniportRemoveDeviceHandler: func(ndis.Handle) {},
	}
	s = reset()
	portsAdapter(t, s, func(h ndis.Handle, _ *ndis.Handle) { setAttributes(h) }, pnp)
	for _, v := range s.Violations() {
		if v.Rule == rules.RuleDDIOrder {
			t.Errorf("MiniportAddDevice set its attributes first: %s", v)
		}
	}
}
