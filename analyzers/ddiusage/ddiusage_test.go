package ddiusage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/ddiusage"
)

func TestDDIUsage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer,
		"example.com/t/context", "example.com/t/limits", "example.com/t/flags", "example.com/t/pairs", "example.com/t/pairsclean",
		"example.com/t/helpers", "example.com/t/crosspkg", "example.com/t/companion", "example.com/t/companionclean",
		"example.com/t/companionpath", "example.com/t/errlog", "example.com/t/initfail",
		"example.com/t/mdl", "example.com/t/mdlclean", "example.com/t/netpnp", "example.com/t/order", "example.com/t/orderclean",
		"example.com/t/released", "example.com/t/releasedclean")
}

// TestCompanionRelated checks that a failure path without the companion
// points at the failure test and at the return it reaches.
func TestCompanionRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer, "example.com/t/companionpath")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if r.Pass.Fset.Position(d.Pos).Line != 14 {
				continue
			}
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message))
			}
		}
	}
	want := []string{
		"15: tests whether VirtualAddress is NULL",
		"16: MiniportInitializeEx returns here without calling NdisWriteErrorLogEntry",
		"10: MiniportInitializeEx handler: successOnly",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related of successOnly's allocation:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNullContextRelated checks that a call in a helper, where the
// helper's test proves the handler's ProtocolBindingContext not NULL,
// points at the handler, at the handler's call of the helper and at the
// test.
func TestNullContextRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer, "example.com/t/netpnp")
	src, err := os.ReadFile(filepath.Join(analysistest.TestData(), "netpnp", "netpnp.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	lineOf := func(prefix string, after int) int {
		for i := after; i < len(lines); i++ {
			if strings.HasPrefix(strings.TrimSpace(lines[i]), prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line %q after line %d", prefix, after)
		return 0
	}
	helper := lineOf("func rebindOnBinding(", 0)
	test, call := lineOf("if ctx != nil {", helper), lineOf("ndis.ReEnumerateProtocolBindings(", helper)
	handler := lineOf("func helpersOnBinding(", 0)
	site := lineOf("rebindOnBinding(protocolBindingContext)", handler)
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if r.Pass.Fset.Position(d.Pos).Line != call {
				continue
			}
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message))
			}
		}
	}
	want := []string{
		fmt.Sprintf("%d: ProtocolNetPnPEvent handler: helpersOnBinding", handler-1),
		fmt.Sprintf("%d: reached through this call of ProtocolNetPnPEvent", site),
		fmt.Sprintf("%d: ProtocolBindingContext is tested here", test),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related of rebindOnBinding's call:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOrderRelated checks that a call of an order's DDI in a helper points
// at the handler and at the handler's call through which it is reached.
func TestOrderRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer, "example.com/t/order")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category != "ddi-order" || r.Pass.Fset.Position(d.Pos).Line != 58 {
				continue
			}
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message))
			}
		}
	}
	want := []string{
		"48: MiniportInitializeEx handler: throughHelper",
		"51: MiniportInitializeEx reaches NdisMRegisterIoPortRange through this call",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related of claim's registration:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReleasedRelated checks that a use after a release points at the
// release: haltThenSync in testdata/released.
func TestReleasedRelated(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(analysistest.TestData(), "released", "released.go"))
	if err != nil {
		t.Fatal(err)
	}
	lineOf := func(text string) int {
		for i, l := range strings.Split(string(src), "\n") {
			if strings.Contains(l, text) {
				return i + 1
			}
		}
		t.Fatalf("testdata/released has no line with %q", text)
		return 0
	}
	use := lineOf("ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a) // want")
	rel := lineOf("ndis.MDeregisterInterruptEx(a.interrupt)")
	results := analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer, "example.com/t/released")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if r.Pass.Fset.Position(d.Pos).Line != use {
				continue
			}
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message))
			}
		}
	}
	want := fmt.Sprintf("%d: NdisMDeregisterInterruptEx releases it here", rel)
	if strings.Join(got, "\n") != want {
		t.Errorf("related of the synchronization after the release:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
