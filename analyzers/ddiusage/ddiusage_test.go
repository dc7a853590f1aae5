package ddiusage_test

import (
	"fmt"
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
		"example.com/t/mdl", "example.com/t/mdlclean", "example.com/t/order", "example.com/t/orderclean")
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
