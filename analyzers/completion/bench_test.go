package completion_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/ndislint/ndislint/analyzers/completion"
	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/rules"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no benchmark asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, completion.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}

// BenchmarkGenerated runs the pass over a module of 10 and then 50 drivers,
// each a copy of examples/client and examples/callmanager
// (benchkit.ExampleDrivers): pass-ns/line stays flat when the pass is
// linear in the number of drivers.
func BenchmarkGenerated(b *testing.B) {
	benchkit.Generated(b, completion.Analyzer, benchkit.ExampleDrivers(b))
}

// BenchmarkCallManager runs the pass over examples/callmanager alone (the
// call manager and the runtime it imports): its handlers and helpers are the
// largest functions of the examples.
func BenchmarkCallManager(b *testing.B) {
	benchkit.Run(b, completion.Analyzer, benchkit.Load(b, "../..", "./examples/callmanager"))
}

// BenchmarkBranchy runs the pass over one handler made of n independent
// branches around a completion: 2^n paths, of which the walk visits at most
// its budget.
func BenchmarkBranchy(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("branches=%d", n), func(b *testing.B) {
			dir := benchkit.Module(b, 1, map[string]string{"PKG/driver.go": branchy(n)})
			benchkit.Run(b, completion.Analyzer, benchkit.Load(b, dir, "./..."))
		})
	}
}

// BenchmarkGuarded runs the pass over one handler that completes its request
// n times, each completion behind a guard the one before it sets: 2^n
// paths, on each of which every completion is compared with those before it
// and with the guards between them (the walk's costliest step).
func BenchmarkGuarded(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("completions=%d", n), func(b *testing.B) {
			dir := benchkit.Module(b, 1, map[string]string{"PKG/driver.go": guarded(n)})
			benchkit.Run(b, completion.Analyzer, benchkit.Load(b, dir, "./..."))
		})
	}
}

// TestBranchyIsBounded checks that a handler with more paths than the walk's
// budget is analysed in bounded time: the walk stops and leaves it unjudged.
func TestBranchyIsBounded(t *testing.T) {
	dir := benchkit.Module(t, 1, map[string]string{"PKG/driver.go": branchy(200)})
	pkgs := benchkit.Load(t, dir, "./...")
	start := time.Now()
	g, err := checker.Analyze([]*analysis.Analyzer{completion.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range g.All() {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("the pass took %v over 2^200 paths", d)
	}
}

// TestOverBudgetIsSilent checks that a function the walk gives up on is left
// unjudged: a request completed twice before more branches than the budget
// allows is not reported, while the same handler with few branches is.
func TestOverBudgetIsSilent(t *testing.T) {
	dir := benchkit.Module(t, 1, map[string]string{
		"small/driver.go": twiceThenBranchy("small", 4),
		"big/driver.go":   twiceThenBranchy("big", 200),
	})
	pkgs := benchkit.Load(t, dir, "./...")
	g, err := checker.Analyze([]*analysis.Analyzer{completion.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	twice := map[string]int{}
	for act := range g.All() {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		if act.Analyzer != completion.Analyzer {
			continue
		}
		for _, d := range act.Diagnostics {
			if d.Category == rules.RuleCompletedTwice {
				twice[act.Package.PkgPath]++
			}
		}
	}
	if twice["example.com/gen/small"] != 1 {
		t.Errorf("the handler with 4 branches has %d completed-twice findings, want 1", twice["example.com/gen/small"])
	}
	if twice["example.com/gen/big"] != 0 {
		t.Errorf("the handler with 200 branches, over the budget, has %d completed-twice findings, want none", twice["example.com/gen/big"])
	}
}

// twiceThenBranchy returns package pkg, whose ProtocolCmMakeCall completes
// its request twice, then tests n flags, and pends.
func twiceThenBranchy(pkg string, n int) string {
	var fields, body strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&fields, "\tf%d bool\n", i)
		fmt.Fprintf(&body, "\tif v.f%d {\n\t\tv.count++\n\t}\n", i)
	}
	return `package ` + pkg + `

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h     ndis.Handle
	count int
` + fields.String() + `}

//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
` + body.String() + `	return ndis.StatusPending
}
`
}

// TestLoopIsBounded checks that a branch on a value a loop carries, which
// the loop's switch may set or leave on many ways (cmCloseAf's mode in
// examples/callmanager), is analysed in bounded time: what the branch reads
// is learned once per value, not once per way of reaching it through the
// loop's phis.
func TestLoopIsBounded(t *testing.T) {
	dir := benchkit.Module(t, 1, map[string]string{"PKG/driver.go": loopy(8)})
	pkgs := benchkit.Load(t, dir, "./...")
	start := time.Now()
	g, err := checker.Analyze([]*analysis.Analyzer{completion.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range g.All() {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("the pass took %v over a loop of %d cases", d, 8)
	}
}

// loopy returns a driver whose ProtocolCmMakeCall sets a mode in a loop's
// switch of n cases (half of them leave it as it was), then completes and
// pends under one mode.
func loopy(n int) string {
	var cases strings.Builder
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&cases, "\t\tcase x.f%d && x.g:\n\t\t\tmode = %d\n", i, i)
		} else {
			fmt.Fprintf(&cases, "\t\tcase x.f%d:\n\t\t\tx.g = true\n", i)
		}
	}
	var fields strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&fields, "\tf%d bool\n", i)
	}
	return `package PKG

import "github.com/ndislint/ndislint/ndis"

type item struct {
	g bool
` + fields.String() + `}

type vc struct {
	h     ndis.Handle
	mode  int
	items []*item
}

//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
	mode := v.mode
	for _, x := range v.items {
		switch {
` + cases.String() + `		}
	}
	switch mode {
	case 0:
		ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
		return ndis.StatusPending
	case 1:
		return ndis.StatusPending
	}
	return ndis.StatusFailure
}
`
}

// branchy returns a driver whose ProtocolCmMakeCall tests n flags, half
// before and half after a completion, and pends.
func branchy(n int) string {
	var fields, before, after strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&fields, "\tf%d bool\n", i)
		body := &before
		if i >= n/2 {
			body = &after
		}
		fmt.Fprintf(body, "\tif v.f%d {\n\t\tv.count++\n\t}\n", i)
	}
	return `package PKG

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h     ndis.Handle
	count int
` + fields.String() + `}

//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
` + before.String() + `	ndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)
` + after.String() + `	return ndis.StatusPending
}
`
}

// guarded returns a driver whose ProtocolCmMakeCall completes its request n
// times, each time only if it has not yet (a flag it sets after), and pends.
func guarded(n int) string {
	var body strings.Builder
	for i := 0; i < n; i++ {
		body.WriteString("\tif !v.done {\n\t\tndis.CmMakeCallComplete(ndis.StatusSuccess, v.h, nil, nil, callParameters)\n\t\tv.done = true\n\t}\n")
	}
	return `package PKG

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h    ndis.Handle
	done bool
}

//ndis:role PROTOCOL_CM_MAKE_CALL
func cmMakeCall(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	v := callMgrVcContext.(*vc)
` + body.String() + `	return ndis.StatusPending
}
`
}
