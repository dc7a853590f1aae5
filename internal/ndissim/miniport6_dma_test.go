package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

func TestSystemDma(t *testing.T) {
	s := reset()
	var ch, other ndis.Handle
	var st, conflict, bad ndis.Status
	a, _ := mp6Adapter(t, s, func(h ndis.Handle) {
		st = ndis.MRegisterDmaChannel(&ch, h, 0, true, &ndis.DmaDescription{DmaChannelSpecified: true, DmaChannel: 5}, 2048)
		conflict = ndis.MRegisterDmaChannel(&other, h, 0, true, &ndis.DmaDescription{DmaChannelSpecified: true, DmaChannel: 5}, 2048)
		bad = ndis.MRegisterDmaChannel(&other, h, 0, true, &ndis.DmaDescription{DmaChannelSpecified: true, DmaChannel: 9}, 2048)
	})
	if st != ndis.StatusSuccess || conflict != ndis.StatusResourceConflict || bad != ndis.StatusFailure {
		t.Fatalf("NdisMRegisterDmaChannel = %s, %s, %s", st, conflict, bad)
	}
	out := &ndis.Mdl{Data: []byte("0123"), Next: &ndis.Mdl{Data: []byte("4567")}}
	ndis.MSetupDmaTransfer(&st, ch, out, 2, 4, true)
	if st != ndis.StatusSuccess || ndis.MReadDmaCounter(ch) != 4 {
		t.Fatalf("NdisMSetupDmaTransfer = %s, counter %d", st, ndis.MReadDmaCounter(ch))
	}
	var busy ndis.Status
	ndis.MSetupDmaTransfer(&busy, ch, out, 0, 1, true)
	if busy != ndis.StatusResources {
		t.Fatalf("a second transfer on a busy channel = %s", busy)
	}
	ndis.MCompleteDmaTransfer(&st, ch, out, 2, 4, true)
	if st != ndis.StatusSuccess || ndis.MReadDmaCounter(ch) != 0 {
		t.Fatalf("NdisMCompleteDmaTransfer = %s", st)
	}
	in := &ndis.Mdl{Data: make([]byte, 6)}
	ndis.MSetupDmaTransfer(&st, ch, in, 1, 4, false)
	ndis.MCompleteDmaTransfer(&st, ch, in, 1, 4, false)
	if string(in.Data[1:5]) != "2345" {
		t.Fatalf("the receive transfer brought %q", in.Data)
	}
	ndis.MSetupDmaTransfer(&st, ch, in, 4, 4, false) // past the buffer
	if st != ndis.StatusResources {
		t.Fatalf("a range past the buffer = %s", st)
	}
	ksExpect(t, s)
	ndis.MCompleteDmaTransfer(&st, ch, in, 0, 1, false) // none set up
	ndis.MSetupDmaTransfer(&st, ch, in, 0, 2, false)
	ndis.MCompleteDmaTransfer(&st, ch, in, 0, 1, false) // another length
	ndis.MReadDmaCounter(a)                             // not a DMA channel
	inRole(s, "MINIPORT_HALT", func() { ndis.MDeregisterDmaChannel(ch) })
	ndis.MReadDmaCounter(ch) // deregistered
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestSystemDmaLeftAtUnload(t *testing.T) {
	s := reset()
	var ch ndis.Handle
	mp6Adapter(t, s, func(h ndis.Handle) {
		ndis.MRegisterDmaChannel(&ch, h, 0, false, &ndis.DmaDescription{DmaChannelSpecified: true, DmaChannel: 1}, 512)
	})
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s, rules.RuleResourceNotReleased)
}

func TestMSIXTable(t *testing.T) {
	s := reset()
	var irq ndis.Handle
	ch := &ndis.MiniportInterruptCharacteristics{MsiSupported: true, MessageInterruptHandler: func(ndis.Handle, uint32, *bool, *uint32) bool { return true }}
	a, _ := mp6Adapter(t, s, func(h ndis.Handle) { ndis.MRegisterInterruptEx(h, nil, ch, &irq) })
	for _, p := range []ndis.MsixConfigParameters{
		{ConfigOperation: ndis.NdisMSIXTableConfigSetTableEntry, TableEntry: 1, MessageNumber: 3},
		{ConfigOperation: ndis.NdisMSIXTableConfigMaskTableEntry, TableEntry: 1},
	} {
		if st := ndis.MConfigMSIXTableEntry(a, &p); st != ndis.StatusSuccess {
			t.Fatalf("NdisMConfigMSIXTableEntry(%+v) = %s", p, st)
		}
	}
	e := Of(s).w.extras().msix[a.(*adapter6)][1]
	if !e.masked || e.message != 3 {
		t.Fatalf("entry 1: %+v", e)
	}
	for _, p := range []ndis.MsixConfigParameters{
		{ConfigOperation: ndis.NdisMSIXTableConfigSetTableEntry, TableEntry: 1, MessageNumber: msixEntries},
		{ConfigOperation: ndis.NdisMSIXTableConfigMaskTableEntry, TableEntry: msixEntries},
		{ConfigOperation: 7},
	} {
		if st := ndis.MConfigMSIXTableEntry(a, &p); st != ndis.StatusInvalidParameter {
			t.Errorf("NdisMConfigMSIXTableEntry(%+v) = %s", p, st)
		}
	}
	ksExpect(t, s)
	// At DIRQL, masking is allowed and setting an entry is not.
	ndis.MSynchronizeWithInterruptEx(irq, 0, func(ndis.Handle) bool {
		ndis.MConfigMSIXTableEntry(a, &ndis.MsixConfigParameters{ConfigOperation: ndis.NdisMSIXTableConfigUnmaskTableEntry, TableEntry: 1})
		ndis.MConfigMSIXTableEntry(a, &ndis.MsixConfigParameters{ConfigOperation: ndis.NdisMSIXTableConfigSetTableEntry, TableEntry: 1, MessageNumber: 2})
		return true
	}, nil)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}
