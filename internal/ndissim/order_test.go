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
	if err := Of(s).Halt(mp6Start(t, s, "ports", chars)); err != nil {
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

// hardwareClaims are the DDIs whose own pages say MiniportInitializeEx sets
// its attributes before it calls them, each with what releases its claim.
var hardwareClaims = []struct {
	ddi   string
	claim func(h ndis.Handle) (release func())
}{
	{"NdisMRegisterInterruptEx", func(h ndis.Handle) func() {
		var irq ndis.Handle
		ch := &ndis.MiniportInterruptCharacteristics{InterruptHandler: func(ndis.Handle, *bool, *uint32) bool { return true }}
		ndis.MRegisterInterruptEx(h, nil, ch, &irq)
		return func() { ndis.MDeregisterInterruptEx(irq) }
	}},
	{"NdisMRegisterDmaChannel", func(h ndis.Handle) func() {
		var dma ndis.Handle
		ndis.MRegisterDmaChannel(&dma, h, 0, true, &ndis.DmaDescription{DmaChannelSpecified: true, DmaChannel: 5}, 2048)
		return func() { ndis.MDeregisterDmaChannel(dma) }
	}},
}

// Needs the catalogue: its orders. NdisMRegisterInterruptEx and
// NdisMRegisterDmaChannel before NdisMSetMiniportAttributes in
// MiniportInitializeEx are reported (ddi-order), as their pages say; after
// it they are clean. The adapter is halted, releasing the claim.
func TestHardwareClaimOrder(t *testing.T) {
	for _, c := range hardwareClaims {
		t.Run(c.ddi, func(t *testing.T) {
			ksNeedDDI(t, c.ddi)
			for _, first := range []bool{false, true} {
				s := reset()
				var release func()
				chars := mp6Chars(&mp6Ctx{}, nil)
				chars.InitializeHandlerEx = func(h, _ ndis.Handle, _ *ndis.MiniportInitParameters) ndis.Status {
					if first {
						setAttributes(h)
					}
					release = c.claim(h)
					if !first {
						setAttributes(h)
					}
					return ndis.StatusSuccess
				}
				chars.HaltHandlerEx = func(ndis.Handle, ndis.HaltAction) { release() }
				if err := Of(s).Halt(mp6Start(t, s, "claims", chars)); err != nil {
					t.Fatal(err)
				}
				if first {
					ksExpect(t, s)
					continue
				}
				ksExpect(t, s, rules.RuleDDIOrder)
				if msg := s.Violations()[0].Message; !strings.Contains(msg, c.ddi) || !strings.Contains(msg, "NdisMSetMiniportAttributes") {
					t.Errorf("the report does not name both DDIs: %s", msg)
				}
			}
		})
	}
}
