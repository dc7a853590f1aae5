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
		"example.com/t/released", "example.com/t/releasedclean",
		"example.com/t/pairshalt", "example.com/t/pairshaltclean")
}

// relatedAt runs the pass on the testdata package pkg and returns the
// related positions ("LINE: message") of its diagnostics on line, of the
// given category ("": any).
func relatedAt(t *testing.T, pkg, category string, line int) []string {
	t.Helper()
	results := analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer, "example.com/t/"+pkg)
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if (category != "" && d.Category != category) || r.Pass.Fset.Position(d.Pos).Line != line {
				continue
			}
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line, rel.Message))
			}
		}
	}
	return got
}

// wantRelated fails the test when got is not want, naming what it is of.
func wantRelated(t *testing.T, of string, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related of %s:\n%s\nwant:\n%s", of, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// lineFinder returns a function giving the 1-based number of the first line
// of testdata file name, at or after line after, that holds text once
// trimmed (prefix: starts with it; otherwise: contains it).
func lineFinder(t *testing.T, name string, prefix bool) func(text string, after int) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(analysistest.TestData(), name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	return func(text string, after int) int {
		for i := after; i < len(lines); i++ {
			l := strings.TrimSpace(lines[i])
			if (prefix && strings.HasPrefix(l, text)) || (!prefix && strings.Contains(l, text)) {
				return i + 1
			}
		}
		t.Fatalf("%s has no line %q after line %d", name, text, after)
		return 0
	}
}

// TestCompanionRelated checks that a failure path without the companion
// points at the failure test and at the return it reaches.
func TestCompanionRelated(t *testing.T) {
	wantRelated(t, "successOnly's allocation", relatedAt(t, "companionpath", "", 14),
		"15: tests whether VirtualAddress is NULL",
		"16: MiniportInitializeEx returns here without calling NdisWriteErrorLogEntry",
		"10: MiniportInitializeEx handler: successOnly")
}

// TestNullContextRelated checks that a call in a helper, where the
// helper's test proves the handler's ProtocolBindingContext not NULL,
// points at the handler, at the handler's call of the helper and at the
// test.
func TestNullContextRelated(t *testing.T) {
	lineOf := lineFinder(t, "netpnp/netpnp.go", true)
	helper := lineOf("func rebindOnBinding(", 0)
	test, call := lineOf("if ctx != nil {", helper), lineOf("ndis.ReEnumerateProtocolBindings(", helper)
	handler := lineOf("func helpersOnBinding(", 0)
	site := lineOf("rebindOnBinding(protocolBindingContext)", handler)
	wantRelated(t, "rebindOnBinding's call", relatedAt(t, "netpnp", "", call),
		fmt.Sprintf("%d: ProtocolNetPnPEvent handler: helpersOnBinding", handler-1),
		fmt.Sprintf("%d: reached through this call of ProtocolNetPnPEvent", site),
		fmt.Sprintf("%d: ProtocolBindingContext is tested here", test))
}

// TestOrderRelated checks that a call of an order's DDI in a helper points
// at the handler and at the handler's call through which it is reached.
func TestOrderRelated(t *testing.T) {
	wantRelated(t, "claim's registration", relatedAt(t, "order", "ddi-order", 58),
		"48: MiniportInitializeEx handler: throughHelper",
		"51: MiniportInitializeEx reaches NdisMRegisterIoPortRange through this call")
}

// TestReleasedRelated checks that a use after a release points at the
// release: haltThenSync in testdata/released.
func TestReleasedRelated(t *testing.T) {
	lineOf := lineFinder(t, "released/released.go", false)
	use := lineOf("ndis.MSynchronizeWithInterruptEx(a.interrupt, 0, isr, a) // want", 0)
	rel := lineOf("ndis.MDeregisterInterruptEx(a.interrupt)", 0)
	wantRelated(t, "the synchronization after the release", relatedAt(t, "released", "", use),
		fmt.Sprintf("%d: NdisMDeregisterInterruptEx releases it here", rel))
}

// TestReleasedHelperRelated checks that a release through a helper points
// at the helper's call and at the release inside it, and that a use
// through a helper points at the release and at the use inside it.
func TestReleasedHelperRelated(t *testing.T) {
	lineOf := lineFinder(t, "released/released.go", false)
	helper := lineOf("func freeIt(", 0)
	inner := lineOf("ndis.FreeMdl(m)", helper)
	caller := lineOf("func helperFreesThenFree(", 0)
	call := lineOf("freeIt(a.mdl)", caller)
	wantRelated(t, "the free after freeIt", relatedAt(t, "released", "", call+1),
		fmt.Sprintf("%d: freeIt releases it here", call),
		fmt.Sprintf("%d: NdisFreeMdl releases it here, in freeIt", inner))
	syncer := lineOf("func syncWith(", 0)
	sync := lineOf("ndis.MSynchronizeWithInterruptEx(interrupt", syncer)
	caller = lineOf("func deregisterThenHelperSyncs(", 0)
	rel := lineOf("ndis.MDeregisterInterruptEx(a.interrupt)", caller)
	wantRelated(t, "syncWith after the deregistration", relatedAt(t, "released", "", rel+1),
		fmt.Sprintf("%d: NdisMDeregisterInterruptEx releases it here", rel),
		fmt.Sprintf("%d: syncWith passes it to NdisMSynchronizeWithInterruptEx here", sync))
}

// TestReleasedAcrossRelated checks that a release through another
// package's helper points at the helper's call only.
func TestReleasedAcrossRelated(t *testing.T) {
	lineOf := lineFinder(t, "crosspkg/crosspkg.go", false)
	call := lineOf("helpers.FreeMdl(m)", lineOf("func freeTwiceAcross(", 0))
	wantRelated(t, "the free after helpers.FreeMdl", relatedAt(t, "crosspkg", "bad-handle", call+1),
		fmt.Sprintf("%d: helpers.FreeMdl releases it here", call))
}
