package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// mdlAdapter starts an adapter whose MiniportInitializeEx allocates an MDL
// of the adapter's 16-byte buffer with its adapter handle and whose
// MiniportHaltEx runs halt with that MDL. It returns the adapter handle.
func mdlAdapter(t *testing.T, s *kernel.State, halt func(m *ndis.Mdl)) ndis.Handle {
	t.Helper()
	var m *ndis.Mdl
	buf := make([]byte, 16)
	chars := mp6Chars(&mp6Ctx{}, func(h ndis.Handle) {
		if m = ndis.AllocateMdl(h, buf, 16); m == nil || len(m.Data) != 16 {
			t.Errorf("NdisAllocateMdl = %v", m)
		}
	})
	chars.HaltHandlerEx = func(ndis.Handle, ndis.HaltAction) { halt(m) }
	a := mp6Start(t, s, "mdl", chars)
	return a
}

// Needs the catalogue: the NdisAllocateMdl/NdisFreeMdl pair.
func TestMdlFreedInHaltIsClean(t *testing.T) {
	ksNeedDDI(t, "NdisAllocateMdl")
	s := reset()
	a := mdlAdapter(t, s, func(m *ndis.Mdl) { ndis.FreeMdl(m) })
	if err := Of(s).Halt(a); err != nil {
		t.Fatal(err)
	}
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

// An MDL still allocated when MiniportHaltEx returns is reported then (SDV
// NdisAllocateMdl), with the adapter, and not again when the driver
// unloads; so is one allocated with the adapter's handle outside any
// handler.
func TestMdlLeftAtHalt(t *testing.T) {
	ksNeedDDI(t, "NdisAllocateMdl")
	s := reset()
	a := mdlAdapter(t, s, func(*ndis.Mdl) {})
	later := ndis.AllocateMdl(a, make([]byte, 8), 4)
	if later == nil || len(later.Data) != 4 {
		t.Fatalf("NdisAllocateMdl of 4 of 8 bytes = %v", later)
	}
	if err := Of(s).Halt(a); err != nil {
		t.Fatal(err)
	}
	ksExpect(t, s, rules.RuleResourceNotReleased, rules.RuleResourceNotReleased)
	for _, v := range s.Violations() {
		for _, w := range []string{"MDL of", "NdisAllocateMdl", "NdisFreeMdl", "MiniportHaltEx", "eth0"} {
			if !strings.Contains(v.Message, w) {
				t.Errorf("%q does not say %q", v.Message, w)
			}
		}
	}
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d after the halt reported both", n)
	}
}

// An MDL allocated with a handle that is no adapter's is reported when the
// driver unloads.
func TestMdlOfDriverHandleLeftAtUnload(t *testing.T) {
	ksNeedDDI(t, "NdisAllocateMdl")
	s := reset()
	inRole(s, "MINIPORT_INITIALIZE", func() { ndis.AllocateMdl(ksDriver(), make([]byte, 8), 8) })
	ksExpect(t, s)
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleResourceNotReleased)
}

// Needs the catalogue: NdisAllocateMdl's and NdisFreeMdl's IRQL and pair.
func TestMdlMistakes(t *testing.T) {
	ksNeedDDI(t, "NdisFreeMdl")
	s := reset()
	buf := make([]byte, 8)
	m := ndis.AllocateMdl(ksDriver(), buf, 8)
	ndis.FreeMdl(m)
	ksExpect(t, s)
	ndis.FreeMdl(m)                                  // twice
	ndis.FreeMdl(&ndis.Mdl{Data: buf})               // not from NdisAllocateMdl
	ndis.FreeMdl(nil)                                // NULL
	ndis.AllocateMdl(nil, buf, 8)                    // NULL handle
	ndis.AllocateMdl(ksDriver(), nil, 8)             // NULL buffer
	if ndis.AllocateMdl(ksDriver(), buf, 9) != nil { // past the buffer
		t.Error("an MDL longer than its buffer was allocated")
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadParameter)
	s = reset()
	s.SetIrql(uint8(wdm.HighLevel))
	ndis.FreeMdl(ndis.AllocateMdl(ksDriver(), buf, 8))
	ksExpect(t, s, rules.RuleIrqlAboveMax, rules.RuleIrqlAboveMax)
}

// A freed MDL chained to a new NET_BUFFER is a bad handle, in both DDIs
// that take an MdlChain; a live one is not.
func TestFreedMdlInChain(t *testing.T) {
	ksNeedDDI(t, "NdisAllocateNetBufferAndNetBufferList")
	s := reset()
	pool := ndis.AllocateNetBufferPool(ksDriver(), &ndis.NetBufferPoolParameters{})
	nblPool := ndis.AllocateNetBufferListPool(ksDriver(), &ndis.NetBufferListPoolParameters{})
	m := ndis.AllocateMdl(ksDriver(), make([]byte, 8), 8)
	if ndis.AllocateNetBuffer(pool, m, 0, 8) == nil {
		t.Fatal("a NET_BUFFER on a live MDL was not allocated")
	}
	ksExpect(t, s)
	ndis.FreeMdl(m)
	if ndis.AllocateNetBuffer(pool, m, 0, 8) != nil {
		t.Error("a NET_BUFFER on a freed MDL was allocated")
	}
	if ndis.AllocateNetBufferAndNetBufferList(nblPool, 0, 0, m, 0, 8) != nil {
		t.Error("a NET_BUFFER_LIST on a freed MDL was allocated")
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle)
}
