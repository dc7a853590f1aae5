package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

func TestAdapterDeviceQueries(t *testing.T) {
	s := reset()
	a, _ := mp6Adapter(t, s, nil)
	if got := ndis.MGetDmaAlignment(a); got != dmaAlignment {
		t.Errorf("NdisMGetDmaAlignment = %d", got)
	}
	var name ndis.String
	if st := ndis.MQueryAdapterInstanceName(&name, a); st != ndis.StatusSuccess || name != "eth0" {
		t.Errorf("NdisMQueryAdapterInstanceName = %s, %q", st, name)
	}
	var pdo, fdo, next *ndis.DeviceObject
	var raw, translated *ndis.CmResourceList
	ndis.MGetDeviceProperty(a, &pdo, &fdo, &next, &raw, &translated)
	if pdo == nil || fdo == nil || next == nil || pdo == fdo || raw == nil || translated == nil || raw.Count != 1 {
		t.Fatalf("NdisMGetDeviceProperty: %v %v %v %v %v", pdo, fdo, next, raw, translated)
	}
	mem := raw.List[0].PartialResourceList.PartialDescriptors[0]
	bar := make([]byte, 4)
	ndis.MGetBusData(a, 0, 0x10, bar, 4)
	if got := ndis.PhysicalAddress(uint32(bar[0]) | uint32(bar[1])<<8 | uint32(bar[2])<<16 | uint32(bar[3])<<24); mem.Type != cmResourceTypeMemory || got != mem.Start {
		t.Errorf("BAR 0 in configuration space %#x, memory resource %+v", int64(got), mem)
	}
	var again *ndis.DeviceObject
	ndis.MGetDeviceProperty(a, nil, nil, &again, nil, nil) // the optional ones NULL
	if again != next {
		t.Errorf("the next device object changed")
	}
	ksExpect(t, s)
	ndis.MQueryAdapterInstanceName(nil, a)
	ndis.MGetDmaAlignment(ksDriver())
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle)
}

func TestRemoveAndResetMiniport(t *testing.T) {
	s := reset()
	resets := 0
	var a ndis.Handle
	var inInit ndis.Status
	chars := mp6Chars(&mp6Ctx{}, func(h ndis.Handle) { inInit = ndis.MRemoveMiniport(h) })
	chars.ResetHandlerEx = func(ndis.Handle, *bool) ndis.Status { resets++; return ndis.StatusSuccess }
	halted := 0
	chars.HaltHandlerEx = func(ndis.Handle, ndis.HaltAction) { halted++ }
	a = mp6Start(t, s, "rm", chars)
	if inInit != ndis.StatusFailure {
		t.Errorf("NdisMRemoveMiniport from MiniportInitializeEx = %s", inInit)
	}
	ndis.MResetMiniport(a)
	if resets != 0 {
		t.Fatal("MiniportResetEx ran inside NdisMResetMiniport")
	}
	for s.Step() {
	}
	if resets != 1 {
		t.Fatalf("MiniportResetEx ran %d times", resets)
	}
	if err := Of(s).Restart(a, nil); err != nil {
		t.Fatal(err)
	}
	for s.Step() {
	}
	if st := ndis.MRemoveMiniport(a); st != ndis.StatusSuccess {
		t.Fatalf("NdisMRemoveMiniport = %s", st)
	}
	if st := ndis.MRemoveMiniport(a); st != ndis.StatusFailure {
		t.Errorf("a second NdisMRemoveMiniport = %s", st)
	}
	for s.Step() {
	}
	if halted != 1 {
		t.Fatalf("MiniportHaltEx ran %d times after NdisMRemoveMiniport", halted)
	}
	ksExpect(t, s)
	ndis.MResetMiniport(a) // halted
	ksExpect(t, s, rules.RuleBadHandle)
}
