package ndissim

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// haltResource is one kind of resource a miniport acquires with its
// adapter handle in MiniportInitializeEx: acquire returns what release
// needs to give it back.
type haltResource struct {
	name    string
	acquire func(t *testing.T, h ndis.Handle) func(h ndis.Handle)
	// says is what the report at MiniportHaltEx's return names.
	says []string
}

// haltResources are the catalogue pairs whose resource names the adapter
// (its handle, its configuration object, its pool, its timer object).
var haltResources = []haltResource{
	{"interrupt", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var ih ndis.Handle
		ch := &ndis.MiniportInterruptCharacteristics{InterruptHandler: func(ndis.Handle, *bool, *uint32) bool { return false }}
		if st := ndis.MRegisterInterruptEx(h, nil, ch, &ih); st != ndis.StatusSuccess {
			t.Errorf("NdisMRegisterInterruptEx = %v", st)
		}
		return func(ndis.Handle) { ndis.MDeregisterInterruptEx(ih) }
	}, []string{"interrupt", "NdisMDeregisterInterruptEx"}},
	{"scatter/gather DMA", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var dh ndis.Handle
		if st := ndis.MRegisterScatterGatherDma(h, &ndis.SgDmaDescription{MaximumPhysicalMapping: 4096}, &dh); st != ndis.StatusSuccess {
			t.Errorf("NdisMRegisterScatterGatherDma = %v", st)
		}
		return func(ndis.Handle) { ndis.MDeregisterScatterGatherDma(dh) }
	}, []string{"scatter/gather DMA channel", "NdisMDeregisterScatterGatherDma"}},
	{"I/O space", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var b []byte
		if st := ndis.MMapIoSpace(&b, h, 0xf000, 64); st != ndis.StatusSuccess {
			t.Errorf("NdisMMapIoSpace = %v", st)
		}
		return func(h ndis.Handle) { ndis.MUnmapIoSpace(h, b, 64) }
	}, []string{"I/O space mapping", "NdisMUnmapIoSpace"}},
	{"I/O ports", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var off ndis.Handle
		if st := ndis.MRegisterIoPortRange(&off, h, 0x300, 8); st != ndis.StatusSuccess {
			t.Errorf("NdisMRegisterIoPortRange = %v", st)
		}
		return func(h ndis.Handle) { ndis.MDeregisterIoPortRange(h, 0x300, 8, off) }
	}, []string{"I/O port range", "NdisMDeregisterIoPortRange"}},
	{"shared memory", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var b []byte
		var pa ndis.PhysicalAddress
		ndis.MAllocateSharedMemory(h, 128, false, &b, &pa)
		return func(h ndis.Handle) { ndis.MFreeSharedMemory(h, 128, false, b, pa) }
	}, []string{"shared memory", "NdisMFreeSharedMemory"}},
	{"configuration", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var ch ndis.Handle
		if st := ndis.OpenConfigurationEx(&ndis.ConfigurationObject{NdisHandle: h}, &ch); st != ndis.StatusSuccess {
			t.Errorf("NdisOpenConfigurationEx = %v", st)
		}
		return func(ndis.Handle) { ndis.CloseConfiguration(ch) }
	}, []string{"configuration handle", "NdisCloseConfiguration"}},
	{"NET_BUFFER", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		pool := ndis.AllocateNetBufferPool(h, &ndis.NetBufferPoolParameters{DataSize: 64})
		nb := ndis.AllocateNetBuffer(pool, nil, 0, 0)
		return func(ndis.Handle) {
			ndis.FreeNetBuffer(nb)
			ndis.FreeNetBufferPool(pool)
		}
	}, []string{"NET_BUFFER", "NdisFreeNetBuffer"}},
	{"work item", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		item := ndis.AllocateIoWorkItem(h)
		if item == nil {
			t.Error("NdisAllocateIoWorkItem = NULL")
		}
		return func(ndis.Handle) { ndis.FreeIoWorkItem(item) }
	}, []string{"NDIS_IO_WORKITEM#1", "NdisAllocateIoWorkItem", "NdisFreeIoWorkItem"}},
	{"timer", func(t *testing.T, h ndis.Handle) func(ndis.Handle) {
		var tm ndis.Handle
		chars := &ndis.TimerCharacteristics{TimerFunction: func(_, _, _, _ ndis.Handle) {}}
		if st := ndis.AllocateTimerObject(h, chars, &tm); st != ndis.StatusSuccess {
			t.Errorf("NdisAllocateTimerObject = %v", st)
		}
		ndis.SetTimerObject(tm, -10_000_000, 1000, nil) // periodic: set until cancelled
		return func(ndis.Handle) {
			ndis.CancelTimerObject(tm)
			ndis.FreeTimerObject(tm)
		}
	}, []string{"NDIS_TIMER#1", "NdisSetTimerObject", "NdisCancelTimerObject"}},
}

// haltAdapter starts an adapter whose MiniportInitializeEx acquires r and
// whose MiniportHaltEx releases it when release is true, then halts it.
func haltAdapter(t *testing.T, s *kernel.State, r haltResource, release bool) {
	t.Helper()
	var give func(ndis.Handle)
	chars := mp6Chars(&mp6Ctx{}, func(h ndis.Handle) { give = r.acquire(t, h) })
	chars.HaltHandlerEx = func(h ndis.Handle, _ ndis.HaltAction) {
		if release {
			give(h)
		}
	}
	a := mp6Start(t, s, "res", chars)
	if err := Of(s).Halt(a); err != nil {
		t.Fatal(err)
	}
}

// Needs the catalogue: its pairs. Every resource of a pair that names its
// adapter and is still held when that adapter's MiniportHaltEx returns is
// reported then, as SDV's rules state it (Init_DeRegisterInterrupt,
// CancelTimerObject, NdisOpenConfigurationEx, NdisAllocateNetBuffer, ...),
// and not again at unload; one released there is clean.
func TestResourcesHeldAfterHalt(t *testing.T) {
	ksNeedDDI(t, "NdisSetTimerObject")
	for _, r := range haltResources {
		t.Run(r.name, func(t *testing.T) {
			s := reset()
			haltAdapter(t, s, r, true)
			ksExpect(t, s)
			if n := Of(s).ReportServiceLeaks(); n != 0 {
				t.Fatalf("released in MiniportHaltEx: ReportServiceLeaks = %d", n)
			}

			s = reset()
			haltAdapter(t, s, r, false)
			vs := s.Violations()
			if len(vs) == 0 {
				t.Fatal("kept past MiniportHaltEx: nothing reported when it returned")
			}
			v := vs[0]
			if v.Rule != rules.RuleResourceNotReleased {
				t.Fatalf("reported %s: %s", v.Rule, v.Message)
			}
			for _, w := range append([]string{"MiniportHaltEx", "eth0"}, r.says...) {
				if !strings.Contains(v.Message, w) {
					t.Errorf("%q does not say %q", v.Message, w)
				}
			}
			n := len(vs)
			Of(s).ReportServiceLeaks()
			for _, v := range s.Violations()[n:] {
				if v.Rule == rules.RuleResourceNotReleased {
					t.Errorf("reported again at unload: %s", v.Message)
				}
			}
		})
	}
}

// A one-shot timer that expired, or a timer cancelled before the halt,
// is no longer set: clean. A timer of a handle that is no adapter's is not
// tracked by the pair.
func TestTimerNotSetAtHalt(t *testing.T) {
	ksNeedDDI(t, "NdisSetTimerObject")
	s := reset()
	var tm ndis.Handle
	chars := mp6Chars(&mp6Ctx{}, func(h ndis.Handle) {
		ndis.AllocateTimerObject(h, &ndis.TimerCharacteristics{TimerFunction: func(_, _, _, _ ndis.Handle) {}}, &tm)
		ndis.SetTimerObject(tm, -10_000, 0, nil) // one-shot, 1 ms
	})
	chars.HaltHandlerEx = func(ndis.Handle, ndis.HaltAction) { ndis.FreeTimerObject(tm) }
	a := mp6Start(t, s, "res", chars)
	s.Advance(20_000)
	s.Run(100)
	// Halt frees the expired timer: nothing set, nothing reported.
	if err := Of(s).Halt(a); err != nil {
		t.Fatal(err)
	}
	ksExpect(t, s)

	s = reset()
	var other ndis.Handle
	ndis.AllocateTimerObject(ksDriver(), &ndis.TimerCharacteristics{TimerFunction: func(_, _, _, _ ndis.Handle) {}}, &other)
	ndis.SetTimerObject(other, -10_000_000, 1000, nil)
	ndis.CancelTimerObject(other)
	ndis.SetTimerObject(other, -10_000_000, 1000, nil)
	Of(s).ReportServiceLeaks()
	ksExpect(t, s, rules.RuleTimerLeak) // never freed; its being set is not the pair's
}

// Needs the catalogue: its pairs. What a failing MiniportInitializeEx
// allocated with its adapter handle and still holds is reported when it
// returns (Role.ReleaseOnFailure); released before the failing return, it
// is clean.
func TestResourcesKeptOnFailedInitialize(t *testing.T) {
	ksNeedDDI(t, "NdisAllocateIoWorkItem")
	for _, r := range haltResources {
		for _, release := range []bool{true, false} {
			s := reset()
			chars := mp6Chars(&mp6Ctx{}, nil)
			chars.InitializeHandlerEx = func(h, _ ndis.Handle, _ *ndis.MiniportInitParameters) ndis.Status {
				give := r.acquire(t, h)
				if release {
					give(h)
				}
				return ndis.StatusResources
			}
			Of(s).AddAdapter6(mp6Register(t, s, "res", chars), "eth0", ndis.Medium802_3)
			var got []string
			for _, v := range s.Violations() {
				if v.Rule == rules.RuleResourceNotReleased {
					got = append(got, v.Message)
				}
			}
			if want := map[bool]int{true: 0, false: 1}[release]; len(got) != want {
				t.Errorf("%s, released %v: %d reports, want %d: %q", r.name, release, len(got), want, got)
			}
		}
	}
}
