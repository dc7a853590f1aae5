package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// enumNames returns the instance names of an NdisEnumerateFilterModules
// result.
func enumNames(e *ndis.EnumFilters) []string {
	var out []string
	for _, f := range e.Filter {
		if f.Flags != ndis.FilterInterfaceLwFilter {
			return append(out, "flags!")
		}
		out = append(out, string(f.FilterInstanceName))
	}
	return out
}

// TestEnumerateFilterModulesFromEachHandle: the adapter's, a module's and
// the binding's handle all name the stack; the modules come top-most
// first; too short a buffer gets nothing and the length needed.
func TestEnumerateFilterModulesFromEachHandle(t *testing.T) {
	sys := ndistest.New(t)
	st, lower, _, p := cfStack(t, sys, ndistest.MiniportScript{})
	want := "eth0 - cancel filter upperf, eth0 - cancel filter lowerf"
	for _, h := range []ndis.Handle{st.Handle(), lower.h, p.Handle()} {
		var e ndis.EnumFilters
		var needed, written uint32
		if s := ndis.EnumerateFilterModules(h, nil, 0, &needed, &written); s != ndis.StatusBufferTooShort || written != 0 {
			t.Fatalf("with no buffer: %s, %d bytes written", s, written)
		}
		// 16 + 2 * 64 + the UTF-16 names (27 characters each).
		if needed != 16+2*64+2*(27+27) {
			t.Errorf("BytesNeeded = %d", needed)
		}
		if s := ndis.EnumerateFilterModules(h, &e, needed-1, &needed, &written); s != ndis.StatusBufferTooShort || e.NumberOfFilters != 0 {
			t.Fatalf("one byte short: %s, %d filters", s, e.NumberOfFilters)
		}
		if s := ndis.EnumerateFilterModules(h, &e, needed, &needed, &written); s != ndis.StatusSuccess || written != needed {
			t.Fatalf("NdisEnumerateFilterModules = %s, %d of %d bytes written", s, written, needed)
		}
		if got := strings.Join(enumNames(&e), ", "); got != want || e.NumberOfFilters != 2 || e.OffsetFirstFilter != 16 {
			t.Errorf("filters %s (%d, offset %d), want %s", got, e.NumberOfFilters, e.OffsetFirstFilter, want)
		}
	}
}

// TestEnumerateFilterModulesMistakes: another handle fails with
// NDIS_STATUS_INVALID_PARAMETER (bad-handle), so do NULL out-parameters
// (bad-parameter); at DISPATCH_LEVEL the catalogue's bound is broken.
func TestEnumerateFilterModulesMistakes(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	st, _, _, _ := cfStack(t, sys, ndistest.MiniportScript{})
	var needed, written uint32
	if s := ndis.EnumerateFilterModules(ndis.Handle("not a handle"), nil, 0, &needed, &written); s != ndis.StatusInvalidParameter {
		t.Errorf("another handle: %s", s)
	}
	if s := ndis.EnumerateFilterModules(st.Handle(), nil, 0, nil, &written); s != ndis.StatusInvalidParameter {
		t.Errorf("NULL BytesNeeded: %s", s)
	}
	ndis.EnumerateFilterModules(st.Handle(), nil, 0, &needed, nil)
	old := wdm.KeRaiseIrqlToDpcLevel()
	ndis.EnumerateFilterModules(st.Handle(), nil, 0, &needed, &written)
	wdm.KeLowerIrql(old)
	var got []string
	for _, v := range kernel.Current().Violations() {
		got = append(got, v.Rule)
	}
	want := []string{rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleIrqlAboveMax}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("violations %v, want %v", got, want)
	}
}
