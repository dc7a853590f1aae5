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
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no benchmark asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, completion.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
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

// TestBranchyIsBounded checks that a handler with more paths than the walk's
// budget is analysed in bounded time: the walk stops and leaves it unjudged.
func TestBranchyIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a generated module")
	}
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
