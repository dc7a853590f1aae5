package ndissim

import (
	"bytes"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

func TestSriov(t *testing.T) {
	s := reset()
	a, _ := mp6Adapter(t, s, nil)
	id := make([]byte, 4)
	if n := ndis.MGetVirtualFunctionBusData(a, 0, id, 0, 4); n != 0 {
		t.Fatalf("a VF's configuration space before NdisMEnableVirtualization: %d bytes", n)
	}
	var seg uint16
	var bus, fn uint8
	bus, fn = 9, 9
	if ndis.MGetVirtualFunctionLocation(a, 0, &seg, &bus, &fn); bus != 0 || fn != 0 {
		t.Fatalf("NdisMGetVirtualFunctionLocation before enabling = %d:%d", bus, fn)
	}
	if st := ndis.MEnableVirtualization(a, totalVFs+1, false, false, true); st != ndis.StatusFailure {
		t.Fatalf("more VFs than the device has: %s", st)
	}
	if st := ndis.MEnableVirtualization(a, 2, false, false, true); st != ndis.StatusSuccess {
		t.Fatalf("NdisMEnableVirtualization = %s", st)
	}
	if st := ndis.MEnableVirtualization(a, 2, false, false, true); st != ndis.StatusFailure {
		t.Fatalf("enabling twice = %s", st)
	}
	if n := ndis.MGetVirtualFunctionBusData(a, 1, id, 0, 4); n != 4 || !bytes.Equal(id, []byte{0x14, 0x14, 0x00, 0x02}) {
		t.Fatalf("VF 1's IDs: %d, % x", n, id)
	}
	if n := ndis.MSetVirtualFunctionBusData(a, 1, []byte{0x06}, 4, 1); n != 1 {
		t.Fatalf("NdisMSetVirtualFunctionBusData = %d", n)
	}
	cmd := make([]byte, 1)
	ndis.MGetVirtualFunctionBusData(a, 1, cmd, 4, 1)
	if cmd[0] != 0x06 {
		t.Fatalf("VF 1's command register %#x", cmd[0])
	}
	if n := ndis.MGetVirtualFunctionBusData(a, 2, id, 0, 4); n != 0 {
		t.Fatalf("VF 2 of 2: %d bytes", n)
	}
	if ndis.MGetVirtualFunctionLocation(a, 1, &seg, &bus, &fn); fn != 2 || bus != pciBusNum {
		t.Fatalf("NdisMGetVirtualFunctionLocation = %d:%d:%d", seg, bus, fn)
	}
	// The backchannel.
	if st := ndis.MReadConfigBlock(a, 7, make([]byte, 4), 4); st != ndis.StatusFailure {
		t.Fatalf("reading a block never written = %s", st)
	}
	ndis.MWriteConfigBlock(a, 7, []byte("mac!"), 4)
	blk := make([]byte, 4)
	if st := ndis.MReadConfigBlock(a, 7, blk, 4); st != ndis.StatusSuccess || string(blk) != "mac!" {
		t.Fatalf("NdisMReadConfigBlock = %s, %q", st, blk)
	}
	ndis.MInvalidateConfigBlock(a, 1, 0b01)
	ndis.MInvalidateConfigBlock(a, 1, 0b10)
	if got := Of(s).w.sriovOf(a.(*adapter6)).invalid[1]; got != 0b11 {
		t.Fatalf("invalidated blocks %#b", got)
	}
	bars := make([]uint32, pciType0Addresses)
	if st := ndis.MQueryProbedBars(a, bars); st != ndis.StatusSuccess || bars[0] != 0xFFFE0000 || bars[1] != 0 {
		t.Fatalf("NdisMQueryProbedBars = %s, %#x", st, bars)
	}
	if st := ndis.MEnableVirtualization(a, 0, false, false, false); st != ndis.StatusSuccess {
		t.Fatalf("disabling = %s", st)
	}
	if n := ndis.MGetVirtualFunctionBusData(a, 0, id, 0, 4); n != 0 {
		t.Fatalf("a VF after disabling: %d bytes", n)
	}
	ksExpect(t, s)
	ndis.MEnableVirtualization(a, 2, false, false, false) // NumVFs with FALSE
	ndis.MEnableVirtualization(a, 2, true, false, true)   // reserved
	ndis.MWriteConfigBlock(a, 1, []byte{1}, 4)            // short buffer
	ndis.MQueryProbedBars(a, make([]uint32, 2))           // short array
	ndis.MGetVirtualFunctionLocation(a, 0, nil, &bus, &fn)
	ndis.MInvalidateConfigBlock(ksDriver(), 0, 1)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadHandle)
}
