package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestLookasideAllocateFreeReuseDelete(t *testing.T) {
	s := reset()
	var l ndis.NpagedLookasideList
	ndis.InitializeNPagedLookasideList(&l, nil, nil, 0, 48, ksTag, 0)
	a := ndis.AllocateFromNPagedLookasideList(&l)
	b := ndis.AllocateFromNPagedLookasideList(&l)
	if len(a) != 48 || len(b) != 48 || &a[0] == &b[0] {
		t.Fatalf("entries of %d and %d bytes, distinct %v", len(a), len(b), len(a) > 0 && &a[0] != &b[0])
	}
	if got := Of(s).OutstandingAllocations(); len(got) != 2 || got[0].From != "NdisAllocateFromNPagedLookasideList" || got[0].Owner != "lookaside list #1" {
		t.Fatalf("outstanding = %+v", got)
	}
	ndis.FreeToNPagedLookasideList(&l, a)
	if c := ndis.AllocateFromNPagedLookasideList(&l); &c[0] != &a[0] {
		t.Error("the freed entry was not reused")
	} else {
		ndis.FreeToNPagedLookasideList(&l, c)
	}
	ndis.FreeToNPagedLookasideList(&l, b)
	ndis.DeleteNPagedLookasideList(&l)
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

func TestLookasideDriverAllocatorAndFree(t *testing.T) {
	s := reset()
	var l ndis.NpagedLookasideList
	allocated, freed := 0, 0
	alloc := func(poolType int32, n uint64, tag uint32) []byte {
		if poolType != 0 || n != 16 || tag != ksTag {
			t.Errorf("Allocate(%d, %d, %#x)", poolType, n, tag)
		}
		allocated++
		return make([]byte, n)
	}
	ndis.InitializeNPagedLookasideList(&l, alloc, func([]byte) { freed++ }, 0, 16, ksTag, 0)
	var es [][]byte
	for i := 0; i < lookasideDepth+1; i++ {
		es = append(es, ndis.AllocateFromNPagedLookasideList(&l))
	}
	for _, e := range es {
		ndis.FreeToNPagedLookasideList(&l, e)
	}
	if allocated != lookasideDepth+1 || freed != 1 {
		t.Fatalf("allocated %d, freed %d before the delete", allocated, freed)
	}
	ndis.DeleteNPagedLookasideList(&l)
	if freed != lookasideDepth+1 {
		t.Fatalf("freed %d after the delete, want %d", freed, lookasideDepth+1)
	}
	ksExpect(t, s)
}

func TestLookasideMistakes(t *testing.T) {
	s := reset()
	var l, other ndis.NpagedLookasideList
	ndis.InitializeNPagedLookasideList(&l, nil, nil, 1, 8, ksTag, 2)     // reserved Flags and Depth
	ndis.InitializeNPagedLookasideList(&l, nil, nil, 0, 8, ksTag, 0)     // initialized twice
	ndis.AllocateFromNPagedLookasideList(&other)                         // never initialized
	ndis.AllocateFromNPagedLookasideList(nil)                            // NULL
	ndis.InitializeNPagedLookasideList(&other, nil, nil, 0, 8, ksTag, 0) // list #2
	e := ndis.AllocateFromNPagedLookasideList(&l)
	ndis.FreeToNPagedLookasideList(&other, e) // to another list
	ndis.FreeMemory(e, 8, 0)                  // with NdisFreeMemory
	ndis.FreeToNPagedLookasideList(&l, nil)   // NULL entry
	ndis.FreeToNPagedLookasideList(&l, e)
	ndis.FreeToNPagedLookasideList(&l, e) // twice
	ndis.DeleteNPagedLookasideList(&l)
	ndis.AllocateFromNPagedLookasideList(&l) // deleted
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleMemoryFreeUnknown, rules.RuleMemoryFreeUnknown, rules.RuleBadParameter, rules.RuleMemoryDoubleFree, rules.RuleBadParameter)
	_ = other
}

func TestLookasideShortAllocatorAndLeaks(t *testing.T) {
	s := reset()
	var l ndis.NpagedLookasideList
	ndis.InitializeNPagedLookasideList(&l, func(int32, uint64, uint32) []byte { return make([]byte, 4) }, nil, 0, 8, ksTag, 0)
	if e := ndis.AllocateFromNPagedLookasideList(&l); e != nil {
		t.Fatalf("an entry of %d bytes from a short allocator", len(e))
	}
	var m ndis.NpagedLookasideList
	ndis.InitializeNPagedLookasideList(&m, nil, nil, 0, 8, ksTag, 0)
	ndis.AllocateFromNPagedLookasideList(&m)
	if n := Of(s).ReportServiceLeaks(); n != 3 { // the entry, lists #1 and #2
		t.Fatalf("ReportServiceLeaks = %d, want 3", n)
	}
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleMemoryLeak, rules.RuleMemoryLeak, rules.RuleMemoryLeak)
}

func TestLookasideAboveItsIrql(t *testing.T) {
	s := reset()
	ksNeedDDI(t, "NdisInitializeNPagedLookasideList")
	var l ndis.NpagedLookasideList
	old := wdm.KeRaiseIrqlToDpcLevel()
	wdm.KeRaiseIrql(wdm.HighLevel, &old)
	ndis.InitializeNPagedLookasideList(&l, nil, nil, 0, 8, ksTag, 0)
	wdm.KeLowerIrql(wdm.PassiveLevel)
	ndis.DeleteNPagedLookasideList(&l)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

func TestStringsConvertCompareAndFree(t *testing.T) {
	s := reset()
	var u ndis.String
	a := ndis.AnsiString("caf\xe9")
	if st := ndis.AnsiStringToUnicodeString(&u, &a); st != ndis.StatusSuccess || u != "café" {
		t.Fatalf("NdisAnsiStringToUnicodeString = %s, %q", st, u)
	}
	src := ndis.String("naïve €")
	if st := ndis.UnicodeStringToAnsiString(&a, &src); st != ndis.StatusSuccess || a != "na\xefve ?" {
		t.Fatalf("NdisUnicodeStringToAnsiString = %s, %q", st, a)
	}
	var up ndis.String
	if ndis.UpcaseUnicodeString(&up, &u); up != "CAFÉ" {
		t.Fatalf("NdisUpcaseUnicodeString = %q", up)
	}
	if !ndis.EqualString(&u, &up, true) || ndis.EqualUnicodeString(&u, &up, false) || !ndis.EqualUnicodeString(&u, &u, false) {
		t.Error("NdisEqualString / NdisEqualUnicodeString compare wrongly")
	}
	if ndis.EqualMemory([]byte("abcd"), []byte("abxx"), 2) != 1 || ndis.EqualMemory([]byte("abcd"), []byte("abxx"), 3) != 0 {
		t.Error("NdisEqualMemory compares wrongly")
	}
	var as ndis.AnsiString
	var us, name ndis.String
	ndis.InitAnsiString(&as, "eth0")
	ndis.InitUnicodeString(&us, "eth0")
	ndis.InitializeString(&name, "Tcpip\xae")
	if as != "eth0" || us != "eth0" || name != "Tcpip®" {
		t.Fatalf("initialized %q, %q, %q", as, us, name)
	}
	ndis.FreeString(name)
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s)
}

func TestStringMistakes(t *testing.T) {
	s := reset()
	var name ndis.String
	ndis.InitializeString(&name, "a")
	ndis.InitializeString(&name, "b")
	ndis.FreeString("a")
	ndis.FreeString("a")                             // twice
	ndis.EqualMemory([]byte("ab"), []byte("abc"), 3) // Source1 is short
	if st := ndis.AnsiStringToUnicodeString(nil, nil); st != ndis.StatusInvalidParameter {
		t.Errorf("NULL _us: %s", st)
	}
	if n := Of(s).ReportServiceLeaks(); n != 1 { // "b"
		t.Fatalf("ReportServiceLeaks = %d, want 1", n)
	}
	ksExpect(t, s, rules.RuleMemoryFreeUnknown, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleMemoryLeak)
}

func TestStringAtDispatchIsAboveItsIrql(t *testing.T) {
	s := reset()
	ksNeedDDI(t, "NdisInitializeString")
	var name ndis.String
	old := wdm.KeRaiseIrqlToDpcLevel()
	ndis.InitializeString(&name, "x")
	wdm.KeLowerIrql(old)
	ndis.FreeString(name)
	ksExpect(t, s, rules.RuleIrqlAboveMax)
}

func TestListsInitializeAndQuery(t *testing.T) {
	s := reset()
	var h ndis.ListEntry
	ndis.InitializeListHead(&h)
	if h.Flink != &h || h.Blink != &h {
		t.Fatal("NdisInitializeListHead left a head that is not empty")
	}
	sl := ndis.SlistHeader{Depth: 9}
	ndis.InitializeSListHead(&sl)
	if d := ndis.QueryDepthSList(&sl); d != 0 {
		t.Fatalf("depth %d after initialization", d)
	}
	var other ndis.SlistHeader
	ndis.QueryDepthSList(&other) // never initialized
	ksExpect(t, s, rules.RuleBadParameter)
}

func TestSystemFacts(t *testing.T) {
	s := reset()
	if v := ndis.GetVersion(); v>>16 != 6 {
		t.Errorf("NdisGetVersion = %#x", v)
	}
	if n := ndis.SystemProcessorCount(); n != simProcessors {
		t.Errorf("NdisSystemProcessorCount = %d", n)
	}
	if a := ndis.GetSharedDataAlignment(); a == 0 || a&(a-1) != 0 {
		t.Errorf("NdisGetSharedDataAlignment = %d", a)
	}
	if a, b := ndis.GeneratePartialCancelId(), ndis.GeneratePartialCancelId(); a == b || a == 0 {
		t.Errorf("NdisGeneratePartialCancelId = %d, %d", a, b)
	}
	var idle, busy, idx uint32 = 9, 9, 9
	ndis.GetCurrentProcessorCounts(&idle, &busy, &idx)
	if idle != 0 || idx != 0 {
		t.Errorf("NdisGetCurrentProcessorCounts = %d, %d, %d", idle, busy, idx)
	}
	known, unknown := ndis.String("NdisAllocateMemoryWithTagPriority"), ndis.String("NdisNoSuchRoutine")
	if ndis.GetRoutineAddress(&known) == nil || ndis.GetRoutineAddress(&unknown) != nil {
		t.Error("NdisGetRoutineAddress does not know the catalogue's routines")
	}
	ksExpect(t, s)
}

func TestEventLog(t *testing.T) {
	s := reset()
	drv := &ndis.DriverObject{DriverName: "proto"}
	if st := ndis.WriteEventLogEntry(drv, ndis.StatusFailure, 7, 1, []ndis.String{"eth0"}, 2, []byte{1, 2}); st != ndis.StatusSuccess {
		t.Fatalf("NdisWriteEventLogEntry = %s", st)
	}
	ndis.WriteEventLogEntry(drv, ndis.StatusFailure, 8, 2, []ndis.String{"eth0"}, 0, nil) // NumStrings counts 2
	if log := Of(s).EventLog(); len(log) != 1 || log[0].Driver != "proto" || log[0].UniqueValue != 7 || log[0].Strings[0] != "eth0" {
		t.Fatalf("event log = %+v", log)
	}
	ksExpect(t, s, rules.RuleBadParameter)
}

func TestDevices(t *testing.T) {
	s := reset()
	var dev *ndis.DeviceObject
	var h ndis.Handle
	attrs := &ndis.DeviceObjectAttributes{DeviceName: `\Device\Sample`, SymbolicName: `\DosDevices\Sample`}
	if st := ndis.RegisterDeviceEx(ksDriver(), attrs, &dev, &h); st != ndis.StatusSuccess || dev == nil || dev.Name != `\Device\Sample` {
		t.Fatalf("NdisRegisterDeviceEx = %s, %+v", st, dev)
	}
	ndis.DeregisterDeviceEx(h)
	ndis.DeregisterDeviceEx(h)          // twice
	ndis.DeregisterDeviceEx(ksDriver()) // not a device
	if st := ndis.RegisterDeviceEx(nil, attrs, &dev, &h); st == ndis.StatusSuccess {
		t.Error("NdisRegisterDeviceEx with a NULL NdisHandle succeeded")
	}
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestFiles(t *testing.T) {
	s := reset()
	Of(s).SetFiles(map[string][]byte{"fw.bin": {1, 2, 3}})
	var st ndis.Status
	var h ndis.Handle
	var n uint32
	name, missing := ndis.String("fw.bin"), ndis.String("none.bin")
	if ndis.OpenFile(&st, &h, &n, &missing, -1); st != ndis.StatusFileNotFound {
		t.Fatalf("NdisOpenFile of a missing file = %s", st)
	}
	if ndis.OpenFile(&st, &h, &n, &name, -1); st != ndis.StatusSuccess || n != 3 {
		t.Fatalf("NdisOpenFile = %s, %d bytes", st, n)
	}
	var b []byte
	if ndis.MapFile(&st, &b, h); st != ndis.StatusSuccess || string(b) != "\x01\x02\x03" {
		t.Fatalf("NdisMapFile = %s, %v", st, b)
	}
	if ndis.MapFile(&st, &b, h); st != ndis.StatusAlreadyMapped {
		t.Fatalf("NdisMapFile twice = %s", st)
	}
	ndis.CloseFile(h) // still mapped
	ndis.UnmapFile(h) // closed
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle)
}

func TestFileUnmapAndCloseInOrder(t *testing.T) {
	s := reset()
	Of(s).SetFiles(map[string][]byte{"fw.bin": nil})
	var st ndis.Status
	var h ndis.Handle
	var n uint32
	var b []byte
	name := ndis.String("fw.bin")
	ndis.OpenFile(&st, &h, &n, &name, -1)
	ndis.UnmapFile(h) // not mapped
	ndis.MapFile(&st, &b, h)
	ndis.UnmapFile(h)
	ndis.CloseFile(h)
	ksExpect(t, s, rules.RuleBadParameter)
}

// cfgSample is a configuration with values of each kind and one subkey.
func cfgSample() *ConfigKey {
	return &ConfigKey{
		Values: map[string]ndis.ConfigurationParameter{
			"MaxFrames":      {ParameterType: ndis.ParameterInteger, IntegerData: 32},
			"Speed":          {ParameterType: ndis.ParameterString, StringData: "1000"},
			"NetworkAddress": {ParameterType: ndis.ParameterString, StringData: "02-00-4C-4F-4F-50"},
		},
		SubKeys: []ConfigSubKey{{Name: "Ndi", Key: &ConfigKey{Values: map[string]ndis.ConfigurationParameter{"Service": {ParameterType: ndis.ParameterString, StringData: "sample"}}}}},
	}
}

func TestConfigurationReadsWhatTheHarnessSupplied(t *testing.T) {
	s := reset()
	Of(s).SetConfiguration(cfgSample())
	var cfg, sub, sub2 ndis.Handle
	var st ndis.Status
	var pv *ndis.ConfigurationParameter
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{}, &cfg)
	read := func(h ndis.Handle, kw string, typ ndis.ParameterType) *ndis.ConfigurationParameter {
		k := ndis.String(kw)
		pv = nil
		ndis.ReadConfiguration(&st, &pv, h, &k, typ)
		return pv
	}
	if p := read(cfg, "maxframes", ndis.ParameterInteger); st != ndis.StatusSuccess || p.IntegerData != 32 {
		t.Fatalf("MaxFrames: %s %+v", st, p)
	}
	if p := read(cfg, "Speed", ndis.ParameterInteger); st != ndis.StatusSuccess || p.IntegerData != 1000 {
		t.Fatalf("Speed as an integer: %s %+v", st, p)
	}
	if read(cfg, "Missing", ndis.ParameterInteger); st != ndis.StatusFailure {
		t.Fatalf("a missing keyword: %s", st)
	}
	kw := ndis.String("MaxFrames")
	ndis.WriteConfiguration(&st, cfg, &kw, &ndis.ConfigurationParameter{ParameterType: ndis.ParameterInteger, IntegerData: 64})
	if p := read(cfg, "MaxFrames", ndis.ParameterInteger); p.IntegerData != 64 {
		t.Fatalf("after the write: %+v", p)
	}
	var addr []byte
	var n uint32
	if ndis.ReadNetworkAddress(&st, &addr, &n, cfg); st != ndis.StatusSuccess || n != 6 || addr[0] != 2 || addr[5] != 0x50 {
		t.Fatalf("NdisReadNetworkAddress = %s, % x", st, addr)
	}
	var keyName ndis.String
	if ndis.OpenConfigurationKeyByIndex(&st, cfg, 0, &keyName, &sub); st != ndis.StatusSuccess || keyName != "Ndi" {
		t.Fatalf("NdisOpenConfigurationKeyByIndex = %s, %q", st, keyName)
	}
	if p := read(sub, "Service", ndis.ParameterString); p.StringData != "sample" {
		t.Fatalf("Service: %+v", p)
	}
	if ndis.OpenConfigurationKeyByIndex(&st, cfg, 1, &keyName, &sub2); st != ndis.StatusFailure {
		t.Fatalf("index 1 of 1 subkey: %s", st)
	}
	ndi := ndis.String("NDI")
	if ndis.OpenConfigurationKeyByName(&st, cfg, &ndi, &sub2); st != ndis.StatusSuccess {
		t.Fatalf("NdisOpenConfigurationKeyByName = %s", st)
	}
	ndis.CloseConfiguration(sub2)
	ndis.CloseConfiguration(sub)
	ndis.CloseConfiguration(cfg)
	if read(cfg, "MaxFrames", ndis.ParameterInteger); st != ndis.StatusFailure {
		t.Fatalf("a read through a closed handle: %s", st)
	}
	if got := cfgSample().Values["MaxFrames"].IntegerData; got != 32 {
		t.Fatalf("the harness's key changed: %d", got)
	}
	if n := Of(s).ReportServiceLeaks(); n != 0 {
		t.Fatalf("ReportServiceLeaks = %d", n)
	}
	ksExpect(t, s, rules.RuleBadHandle)
}

func TestConfigurationSubkeyLeftOpen(t *testing.T) {
	s := reset()
	Of(s).SetConfiguration(cfgSample())
	var cfg, sub ndis.Handle
	var st ndis.Status
	ndi := ndis.String("Ndi")
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{}, &cfg)
	ndis.OpenConfigurationKeyByName(&st, cfg, &ndi, &sub)
	ndis.CloseConfiguration(cfg)
	if n := Of(s).ReportServiceLeaks(); n != 1 {
		t.Fatalf("ReportServiceLeaks = %d, want 1 (the subkey)", n)
	}
	ksExpect(t, s, rules.RuleResourceNotReleased)
}

func TestNetworkAddressAbsentOrMalformed(t *testing.T) {
	s := reset()
	Of(s).SetConfiguration(&ConfigKey{Values: map[string]ndis.ConfigurationParameter{"NetworkAddress": {ParameterType: ndis.ParameterString, StringData: "0G"}}})
	var cfg ndis.Handle
	var st ndis.Status
	var addr []byte
	var n uint32
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{}, &cfg)
	if ndis.ReadNetworkAddress(&st, &addr, &n, cfg); st != ndis.StatusFailure {
		t.Fatalf("a malformed address: %s", st)
	}
	ndis.CloseConfiguration(cfg)
	ksExpect(t, s)
}
