package statuses_test

import (
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/rules"
)

// TestFacts checks the facts the engine exports for exported functions.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), statuses.Analyzer, "example.com/s/helpers")
}

// TestResult checks what the engine answers, through a probe analyzer that
// reports, at every return of the package, the statuses Sites lists (and
// "(pending)" where MayReturn says NDIS_STATUS_PENDING), and at every call
// of a function of another package that function's returns as its Fact
// gives them.
func TestResult(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "example.com/s/user")
}

var probe = &analysis.Analyzer{
	Name:       "probe",
	Doc:        "reports what the statuses engine says",
	Requires:   []*analysis.Analyzer{ndisfacts.Analyzer, statuses.Analyzer},
	Run:        runProbe,
	ResultType: reflect.TypeOf(struct{}{}),
}

func runProbe(pass *analysis.Pass) (any, error) {
	sts := statuses.Of(pass)
	for _, fn := range ndisfacts.Of(pass).SSA().SrcFuncs {
		if fn.Synthetic != "" || fn.Parent() != nil {
			continue
		}
		for _, s := range sts.Sites(fn) {
			msg := fn.Name() + ": " + describe(s.Vals)
			if len(sts.MayReturn(fn, rules.StatusPending)) > 0 && pendsAt(sts, fn, s.Pos) {
				msg += " (pending)"
			}
			pass.Reportf(s.Pos, "%s", msg)
		}
		probeCalls(pass, sts, fn)
	}
	return struct{}{}, nil
}

// pendsAt reports whether MayReturn lists the return at pos.
func pendsAt(sts *statuses.Result, fn *ssa.Function, pos token.Pos) bool {
	for _, r := range sts.MayReturn(fn, rules.StatusPending) {
		if r.Pos == pos {
			return true
		}
	}
	return false
}

// probeCalls reports, at each call of fn to a function of another package,
// that function's returns.
func probeCalls(pass *analysis.Pass, sts *statuses.Result, fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			callee := call.Call.StaticCallee()
			if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg == pass.Pkg || callee.Blocks != nil {
				continue
			}
			for _, s := range sts.Sites(callee) {
				if s.Pos.IsValid() {
					pass.Reportf(call.Pos(), "a return of another package has a local position")
				}
				pass.Reportf(call.Pos(), "%s.%s: %s at %s", callee.Pkg.Pkg.Name(), callee.Name(), describe(s.Vals), filepath.Base(s.At))
			}
		}
	}
}

// describe lists values, sorted: NAME[ from VIA], or "-".
func describe(vals []statuses.Value) string {
	var parts []string
	for _, v := range vals {
		s := v.Name
		if s == "" {
			s = v.Exact
		}
		if v.Via != "" {
			s += " from " + v.Via
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "-"
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
