package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// inRole runs fn as the handler of role, the way NDIS calls it.
func inRole(s interface {
	Callback(role, who, args string, fn func())
}, role string, fn func()) {
	s.Callback(role, "test driver", "", fn)
}

// inInit runs fn as the body of a MiniportInitializeEx that has set its
// adapter's attributes (the order NdisMRegisterInterruptEx and the other
// hardware claims owe it), with no adapter behind it.
func inInit(s *kernel.State, fn func()) {
	s.Callback("MINIPORT_INITIALIZE", "test driver", "", func() {
		s.MarkCalled("NdisMSetMiniportAttributes")
		fn()
	})
}

// TestResourcesAcquiredAndReleasedAreClean acquires resources with a
// handle of no adapter. An I/O port range is not among them: its
// MiniportInitializeEx would owe NdisMSetMiniportAttributes first
// (ddi-order), which such a handle cannot take; haltResources registers
// and deregisters one for a real adapter.
func TestResourcesAcquiredAndReleasedAreClean(t *testing.T) {
	s := reset()
	inInit(s, func() {
		var irq, dma, cfg ndis.Handle
		ch := &ndis.MiniportInterruptCharacteristics{InterruptHandler: func(ndis.Handle, *bool, *uint32) bool { return true }}
		if st := ndis.MRegisterInterruptEx(ksDriver(), nil, ch, &irq); st != ndis.StatusSuccess {
			t.Fatalf("NdisMRegisterInterruptEx = %s", st)
		}
		ndis.MRegisterScatterGatherDma(ksDriver(), &ndis.SgDmaDescription{}, &dma)
		ndis.OpenConfigurationEx(&ndis.ConfigurationObject{}, &cfg)
		ndis.CloseConfiguration(cfg)
		var regs, shared []byte
		var pa ndis.PhysicalAddress
		ndis.MMapIoSpace(&regs, ksDriver(), 0x1000, 64)
		ndis.MAllocateSharedMemory(ksDriver(), 128, false, &shared, &pa)
		if len(regs) != 64 || len(shared) != 128 || pa == 0 {
			t.Fatalf("mapping %d bytes, shared %d bytes at %#x", len(regs), len(shared), int64(pa))
		}
		o := ndis.AllocateGenericObject(nil, ksTag, 16)
		pool := ndis.AllocateNetBufferPool(ksDriver(), &ndis.NetBufferPoolParameters{PoolTag: ksTag})
		nb := ndis.AllocateNetBuffer(pool, nil, 0, 64)
		inRole(s, "MINIPORT_HALT", func() {
			ndis.MDeregisterInterruptEx(irq)
			ndis.MDeregisterScatterGatherDma(dma)
			ndis.MUnmapIoSpace(ksDriver(), regs, 64)
			ndis.MFreeSharedMemory(ksDriver(), 128, false, shared, pa)
			ndis.FreeGenericObject(o)
			ndis.FreeNetBuffer(nb)
			ndis.FreeNetBufferPool(pool)
		})
	})
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

func TestResourceLeftAtUnload(t *testing.T) {
	s := reset()
	var irq ndis.Handle
	ch := &ndis.MiniportInterruptCharacteristics{MessageInterruptHandler: func(ndis.Handle, uint32, *bool, *uint32) bool { return true }}
	inInit(s, func() { ndis.MRegisterInterruptEx(ksDriver(), nil, ch, &irq) })
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleResourceNotReleased)
}

// TestConfigurationLeftAtUnload: a configuration handle opened with a
// handle of no adapter and never closed is reported when the driver
// unloads (SDV NdisOpenConfigurationEx's "any other"); closed, it is clean
// (TestResourcesAcquiredAndReleasedAreClean).
func TestConfigurationLeftAtUnload(t *testing.T) {
	s := reset()
	var cfg ndis.Handle
	inInit(s, func() {
		if st := ndis.OpenConfigurationEx(&ndis.ConfigurationObject{NdisHandle: ksDriver()}, &cfg); st != ndis.StatusSuccess {
			t.Fatalf("NdisOpenConfigurationEx = %s", st)
		}
	})
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleResourceNotReleased)
	if v := s.Violations()[0]; !strings.Contains(v.Message, "NdisCloseConfiguration") {
		t.Errorf("%q does not name NdisCloseConfiguration", v.Message)
	}
}

func TestResourceReleaseMistakes(t *testing.T) {
	s := reset()
	var irq, dma ndis.Handle
	ch := &ndis.MiniportInterruptCharacteristics{InterruptHandler: func(ndis.Handle, *bool, *uint32) bool { return true }}
	inInit(s, func() {
		ndis.MRegisterInterruptEx(ksDriver(), nil, ch, &irq)
		ndis.MRegisterScatterGatherDma(ksDriver(), &ndis.SgDmaDescription{}, &dma)
	})
	inRole(s, "MINIPORT_HALT", func() {
		ndis.MDeregisterInterruptEx(dma)        // a DMA channel, not an interrupt
		ndis.MDeregisterInterruptEx(ksDriver()) // never handed out
		ndis.MDeregisterInterruptEx(irq)
		ndis.MDeregisterInterruptEx(irq) // twice
		ndis.MDeregisterScatterGatherDma(dma)
	})
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
}

// TestGenericObjectAndNetBufferMistakes: a second NdisFreeGenericObject of
// one object and a free of an object NdisAllocateGenericObject never
// returned are bad handles; so are a second NdisFreeNetBuffer of a
// NET_BUFFER from NdisAllocateNetBuffer and that freed NET_BUFFER given to
// a data-start DDI; a generic object never freed is reported when the
// driver unloads. TestResourcesAcquiredAndReleasedAreClean is the clean
// twin.
func TestGenericObjectAndNetBufferMistakes(t *testing.T) {
	ksNeedDDI(t, "NdisFreeGenericObject")
	s := reset()
	o := ndis.AllocateGenericObject(nil, ksTag, 16)
	ndis.FreeGenericObject(o)
	ndis.FreeGenericObject(o)                         // twice
	ndis.FreeGenericObject(&ndis.GenericObject{})     // never allocated
	kept := ndis.AllocateGenericObject(nil, ksTag, 8) // never freed
	pool := ndis.AllocateNetBufferPool(ksDriver(), &ndis.NetBufferPoolParameters{PoolTag: ksTag})
	nb := ndis.AllocateNetBuffer(pool, nil, 0, 0)
	ndis.FreeNetBuffer(nb)
	ndis.FreeNetBuffer(nb)                            // twice
	ndis.AdvanceNetBufferDataStart(nb, 0, false, nil) // freed
	ndis.FreeNetBufferPool(pool)
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1 (the generic object %p)", n, kept)
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleResourceNotReleased)
}

func TestResourceBadParameters(t *testing.T) {
	s := reset()
	inInit(s, func() {
		var irq, ports ndis.Handle
		var regs, shared []byte
		var pa ndis.PhysicalAddress
		ndis.MRegisterInterruptEx(ksDriver(), nil, &ndis.MiniportInterruptCharacteristics{}, &irq) // no handler
		ndis.MMapIoSpace(&regs, ksDriver(), 0x1000, 0)                                             // Length 0
		ndis.MMapIoSpace(&regs, ksDriver(), 0x1000, 16)
		ndis.MUnmapIoSpace(ksDriver(), nil, 16)                  // NULL
		ndis.MUnmapIoSpace(ksDriver(), regs, 8)                  // not the mapped length
		ndis.MUnmapIoSpace(ksDriver(), regs, 16)                 // clean
		ndis.MRegisterIoPortRange(&ports, ksDriver(), 0x300, 8)  // clean
		ndis.MDeregisterIoPortRange(ksDriver(), 0x300, 4, ports) // not the registered range
		ndis.MDeregisterIoPortRange(ksDriver(), 0x300, 8, ports)
		ndis.MAllocateSharedMemory(ksDriver(), 0, false, &shared, &pa) // nothing to allocate: NULL, no bad-parameter
		if shared != nil {
			t.Errorf("zero-length shared memory = %d bytes, want NULL", len(shared))
		}
		ndis.WriteErrorLogEntry(ksDriver(), 0xC0001389, 0)                  // the NULL asks for an error log entry in MiniportInitializeEx
		if nb := ndis.AllocateNetBuffer(ksDriver(), nil, 0, 8); nb != nil { // not a pool
			t.Errorf("NdisAllocateNetBuffer from a bad pool returned a NET_BUFFER")
		}
	})
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadHandle)
}

func TestProtocolMiscDDIs(t *testing.T) {
	s := reset()
	var name ndis.String
	if st := ndis.QueryBindInstanceName(&name, ksDriver()); st != ndis.StatusSuccess || name == "" {
		t.Fatalf("NdisQueryBindInstanceName = %s, %q", st, name)
	}
	ndis.QueryBindInstanceName(&name, nil)
	ndis.ReEnumerateProtocolBindings(ksDriver())
	ndis.ReEnumerateProtocolBindings(nil)
	if st := ndis.MNetPnPEvent(ksDriver(), &ndis.NetPnpEventNotification{}); st != ndis.StatusSuccess {
		t.Fatalf("NdisMNetPnPEvent = %s", st)
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestDDIContextAtRunTime(t *testing.T) {
	s := reset()
	var regs []byte
	inInit(s, func() { ndis.MMapIoSpace(&regs, ksDriver(), 0, 8) })                     // allowed
	inRole(s, "MINIPORT_RESTART", func() { ndis.MMapIoSpace(&regs, ksDriver(), 0, 8) }) // only in MiniportInitializeEx
	inRole(s, "MINIPORT_OID_REQUEST", func() {
		ndis.MNetPnPEvent(ksDriver(), &ndis.NetPnpEventNotification{}) // never in MiniportOidRequest
	})
	ndis.MMapIoSpace(&regs, ksDriver(), 0, 8) // outside any handler
	inRole(s, "MINIPORT_HALT", func() {
		ndis.MIndicateStatusEx(ksDriver(), &ndis.StatusIndication{}) // before MiniportHaltEx returns: allowed
	})
	inRole(s, "MINIPORT_UNLOAD", func() {
		ndis.MIndicateStatusEx(ksDriver(), &ndis.StatusIndication{}) // never after MiniportHaltEx returned
	})
	// ksDriver is no adapter handle: NdisMIndicateStatusEx reports it as
	// well (bad-handle), in both roles; only the unload is in the wrong context.
	ksExpect(t, s, rules.RuleDDIWrongContext, rules.RuleDDIWrongContext, rules.RuleDDIWrongContext,
		rules.RuleBadHandle, rules.RuleDDIWrongContext, rules.RuleBadHandle)
}

// TestDDIContextOfSharedMemoryAndPortsAtRunTime: NdisMFreeSharedMemory in
// MiniportShutdownEx (SDV NdisMFreeSharedMemory) and NdisMRegisterIoPortRange
// in a handler other than MiniportInitializeEx or MiniportAddDevice are in
// the wrong context; the same calls in MiniportInitializeEx and
// MiniportHaltEx are clean.
func TestDDIContextOfSharedMemoryAndPortsAtRunTime(t *testing.T) {
	ksNeedDDI(t, "NdisMRegisterIoPortRange")
	s := reset()
	var shared, more []byte
	var pa, morePA ndis.PhysicalAddress
	var ports, restartPorts ndis.Handle
	inInit(s, func() {
		ndis.MAllocateSharedMemory(ksDriver(), 128, false, &shared, &pa)
		ndis.MAllocateSharedMemory(ksDriver(), 64, false, &more, &morePA)
		ndis.MRegisterIoPortRange(&ports, ksDriver(), 0x300, 8) // allowed
	})
	ksExpect(t, s)
	inRole(s, "MINIPORT_SHUTDOWN", func() {
		ndis.MFreeSharedMemory(ksDriver(), 128, false, shared, pa) // never in MiniportShutdownEx
	})
	inRole(s, "MINIPORT_RESTART", func() {
		ndis.MRegisterIoPortRange(&restartPorts, ksDriver(), 0x400, 4) // only in MiniportInitializeEx or MiniportAddDevice
	})
	inRole(s, "MINIPORT_HALT", func() {
		ndis.MFreeSharedMemory(ksDriver(), 64, false, more, morePA) // allowed
	})
	ksExpect(t, s, rules.RuleDDIWrongContext, rules.RuleDDIWrongContext)
	for i, w := range []string{"NdisMFreeSharedMemory", "NdisMRegisterIoPortRange"} {
		if v := s.Violations()[i]; !strings.Contains(v.Message, w) {
			t.Errorf("violation %d %q does not name %s", i, v.Message, w)
		}
	}
}

// TestReEnumerateInBindAndUnbindAtRunTime: NdisReEnumerateProtocolBindings
// while ProtocolBindAdapterEx or ProtocolUnbindAdapterEx runs is in the
// wrong context (SDV NdisReEnumerateProtocolBindings); outside them it is
// clean.
func TestReEnumerateInBindAndUnbindAtRunTime(t *testing.T) {
	s := reset()
	ndis.ReEnumerateProtocolBindings(ksDriver())
	ksExpect(t, s)
	inRole(s, "PROTOCOL_BIND_ADAPTER_EX", func() { ndis.ReEnumerateProtocolBindings(ksDriver()) })
	inRole(s, "PROTOCOL_UNBIND_ADAPTER_EX", func() { ndis.ReEnumerateProtocolBindings(ksDriver()) })
	ksExpect(t, s, rules.RuleDDIWrongContext, rules.RuleDDIWrongContext)
}

func TestIrqlFlagQueryAtRunTime(t *testing.T) {
	s := reset()
	inRole(s, "MINIPORT_RESTART", func() { wdm.KeGetCurrentIrql() }) // no flag: clean
	inRole(s, "MINIPORT_SEND_NET_BUFFER_LISTS", func() { wdm.KeGetCurrentIrql() })
	inRole(s, "FILTER_RECEIVE_NET_BUFFER_LISTS", func() { wdm.KeGetCurrentIrql() })
	inRole(s, "PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE", func() { wdm.KeGetCurrentIrql() })
	inRole(s, "PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS", func() { wdm.KeGetCurrentIrql() })
	ksExpect(t, s, rules.RuleIrqlFlagQuery, rules.RuleIrqlFlagQuery, rules.RuleIrqlFlagQuery, rules.RuleIrqlFlagQuery)
}

func TestArgumentLimitsAtRunTime(t *testing.T) {
	s := reset()
	ndis.StallExecution(50)
	ndis.StallExecution(51)
	b := ndis.AllocateMemoryWithTagPriority(ksDriver(), 8, 0, ndis.NormalPoolPriority)
	ndis.FreeMemory(b, 8, 0)
	ksExpect(t, s, rules.RuleDDIArgumentLimit, rules.RuleDDIArgumentLimit)
}

func TestSynchronizeWithInterrupt(t *testing.T) {
	s := reset()
	var irq, dma ndis.Handle
	ch := &ndis.MiniportInterruptCharacteristics{InterruptHandler: func(ndis.Handle, *bool, *uint32) bool { return true }}
	ran := 0
	sync := func(ctx ndis.Handle) bool { ran++; return true }
	inInit(s, func() {
		ndis.MRegisterInterruptEx(ksDriver(), nil, ch, &irq)
		ndis.MRegisterScatterGatherDma(ksDriver(), &ndis.SgDmaDescription{}, &dma)
		if !ndis.MSynchronizeWithInterruptEx(irq, 0, sync, nil) || ran != 1 {
			t.Fatalf("the synchronize function ran %d times", ran)
		}
		ndis.MSynchronizeWithInterruptEx(dma, 0, sync, nil) // not an interrupt
		ndis.MSynchronizeWithInterruptEx(irq, 0, nil, nil)  // no function
		ndis.MDeregisterInterruptEx(irq)
		ndis.MSynchronizeWithInterruptEx(irq, 0, sync, nil) // after deregistration: SDV NdisMDeregisterInterruptEx
		ndis.MDeregisterScatterGatherDma(dma)
	})
	if ran != 1 {
		t.Fatalf("the synchronize function ran %d times, want 1", ran)
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadHandle)
}

func TestWriteErrorLogEntry(t *testing.T) {
	s := reset()
	ndis.WriteErrorLogEntry(ksDriver(), 0xC0000001, 2, 7, 8)
	if got := Of(s).ErrorLog(); len(got) != 1 || got[0].ErrorCode != 0xC0000001 || len(got[0].Values) != 2 {
		t.Fatalf("error log = %+v", got)
	}
	ndis.WriteErrorLogEntry(ksDriver(), 1, 3, 7) // the count says 3, one follows
	ndis.WriteErrorLogEntry(nil, 1, 0)
	if got := Of(s).ErrorLog(); len(got) != 1 {
		t.Fatalf("error log = %+v", got)
	}
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle)
}

// TestSharedMemoryFailure: the allocation FailSharedMemory names fails
// (NULL, nothing allocated), the others succeed; a MiniportInitializeEx
// that returns after the failure without NdisWriteErrorLogEntry is
// reported (ddi-companion-missing), one that logs it is clean, and a
// failure outside MiniportInitializeEx asks for nothing.
func TestSharedMemoryFailure(t *testing.T) {
	s := reset()
	sim := Of(s)
	sim.FailSharedMemory(2)
	sim.FailSharedMemory(4)
	sim.FailSharedMemory(5)
	var first, second []byte
	var pa ndis.PhysicalAddress
	inInit(s, func() {
		ndis.MAllocateSharedMemory(ksDriver(), 64, false, &first, &pa)
		ndis.MAllocateSharedMemory(ksDriver(), 64, false, &second, &pa)
	})
	if first == nil || second != nil || sim.FailedSharedMemory() != 1 {
		t.Fatalf("first %d bytes, second %v, %d failed; want the second alone NULL", len(first), second, sim.FailedSharedMemory())
	}
	ksExpect(t, s, rules.RuleDDICompanionMissing)
	s = reset()
	sim = Of(s)
	sim.FailSharedMemory(1)
	sim.FailSharedMemory(2)
	inInit(s, func() {
		ndis.MAllocateSharedMemory(ksDriver(), 64, false, &first, &pa)
		if first == nil {
			ndis.WriteErrorLogEntry(ksDriver(), 0xC0001389, 1, 64)
		}
	})
	inRole(s, "MINIPORT_RESTART", func() { ndis.MAllocateSharedMemory(ksDriver(), 64, false, &first, &pa) })
	if first != nil || sim.FailedSharedMemory() != 2 || len(sim.ErrorLog()) != 1 {
		t.Fatalf("%d failed, %d log entries; want 2 and 1", sim.FailedSharedMemory(), len(sim.ErrorLog()))
	}
	ksExpect(t, s)
}

// failingInit loads a miniport driver whose MiniportInitializeEx registers
// an interrupt and then fails, deregistering it first when undo is set, and
// adds an adapter, which fails.
func failingInit(t *testing.T, undo bool) *Sim {
	t.Helper()
	s := reset()
	chars := mp6Chars(&mp6Ctx{name: "adapter context"}, nil)
	chars.InitializeHandlerEx = func(h, _ ndis.Handle, _ *ndis.MiniportInitParameters) ndis.Status {
		var irq ndis.Handle
		ch := &ndis.MiniportInterruptCharacteristics{InterruptHandler: func(ndis.Handle, *bool, *uint32) bool { return true }}
		ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: "adapter context"})
		if st := ndis.MRegisterInterruptEx(h, nil, ch, &irq); st != ndis.StatusSuccess {
			return st
		}
		if undo {
			ndis.MDeregisterInterruptEx(irq)
		}
		return ndis.StatusResources
	}
	if _, err := Of(s).AddAdapter6(mp6Register(t, s, "failinit", chars), "eth0", ndis.Medium802_3); err == nil {
		t.Fatal("the adapter was added; its MiniportInitializeEx fails")
	}
	return Of(s)
}

// TestResourceKeptOnFailedInitialize: an interrupt a failing
// MiniportInitializeEx keeps is reported when it returns (NDIS calls no
// MiniportHaltEx for the adapter), once; its twin deregisters first.
func TestResourceKeptOnFailedInitialize(t *testing.T) {
	sim := failingInit(t, false)
	vs := sim.w.st.Violations()
	if len(vs) != 1 || vs[0].Rule != rules.RuleResourceNotReleased || !strings.Contains(vs[0].String(), "MiniportInitializeEx of") {
		t.Fatalf("violations %v, want one resource-not-released at MiniportInitializeEx's return", vs)
	}
	if n := sim.ReportServiceLeaks(); n != 0 {
		t.Errorf("the interrupt is reported again at unload: %d", n)
	}
	twin := failingInit(t, true)
	if vs := twin.w.st.Violations(); len(vs) != 0 {
		t.Fatalf("the twin that deregisters: %v", vs)
	}
}
