package irql

import (
	"go/token"
	"go/types"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// call applies a call: a DDI's contract from the catalogue, or the
// callee's summary. Calls that do not resolve to a function say nothing.
// What the callee is (calleeOf) is looked up once per callee, not at every
// round of the fixed point.
func (fa *fnAnalysis) call(st *state, c *ssa.CallCommon, pos token.Pos, value ssa.Value) {
	callee := c.StaticCallee()
	if callee == nil {
		return
	}
	ci := fa.c.calleeOf(callee)
	switch {
	case ci.ddi != nil:
		fa.ddi(st, ci, c, pos, value)
		return
	case ci.runtime:
		return // the simulator's own functions
	}
	fa.forgetPassed(st, c.Args)
	args := c.Args
	if len(callee.FreeVars) > 0 {
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			args = append(append([]ssa.Value(nil), c.Args...), mc.Bindings...)
		}
	}
	s := fa.c.calleeSummary(callee, ci)
	pre := st.cur
	fa.apply(st, s, callee, args, pos)
	if s.ReturnsEntry && value != nil {
		fa.setVal(value, pre) // the callee returns the IRQL it was called at
	}
}

// calleeInfo is what the pass knows of a callee before applying a call to
// it: its catalogue entry and where that entry reads and writes IRQL
// values, or that it is the runtime's own, or the summary its package
// exported.
type calleeInfo struct {
	ddi     *rules.DDI
	io      irqlIO
	runtime bool
	// local is true for a function whose body is in this package: its
	// summary is analyze's. Else foreign is its imported summary.
	local   bool
	foreign irqlsum.Summary
}

// calleeOf returns what is known of callee, computed on first use.
func (c *checker) calleeOf(callee *ssa.Function) *calleeInfo {
	if ci, ok := c.callees[callee]; ok {
		return ci
	}
	ci := &calleeInfo{}
	obj, _ := callee.Object().(*types.Func)
	switch {
	case c.api.DDI(obj) != nil:
		ci.ddi = c.api.DDI(obj)
		ci.io = c.irqlIO(ci.ddi)
	case obj != nil && obj.Pkg() != nil && ndisapi.IsRuntime(obj.Pkg().Path()):
		ci.runtime = true
	}
	ci.local = callee.Blocks != nil && (callee.Pkg == c.ssa.Pkg || callee.Pkg == nil)
	if !ci.local {
		ci.foreign = c.importedSummary(callee)
	}
	c.callees[callee] = ci
	return ci
}

// calleeSummary returns the summary of a callee that is not a DDI.
func (c *checker) calleeSummary(fn *ssa.Function, ci *calleeInfo) irqlsum.Summary {
	if ci.local {
		return c.analyze(fn).sum
	}
	return ci.foreign
}

// summaryOf returns a function's summary: from its body in this package,
// else from the fact its package exported, else empty.
func (c *checker) summaryOf(fn *ssa.Function) irqlsum.Summary {
	return c.calleeSummary(fn, c.calleeOf(fn))
}

// importedSummary returns the summary fn's package exported, or an empty
// one.
func (c *checker) importedSummary(fn *ssa.Function) irqlsum.Summary {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return irqlsum.Summary{Exit: irqlsum.Exit{Kind: irqlsum.ExitSame}}
	}
	var f irqlsum.Fact
	if c.pass.ImportObjectFact(obj.Origin(), &f) {
		return f.Summary
	}
	return irqlsum.Summary{Exit: irqlsum.Exit{Kind: irqlsum.ExitSame}}
}

// ddiCall is one call of a DDI of the catalogue, with what its entry says
// about the IRQL values it reads and writes.
type ddiCall struct {
	d    *rules.DDI
	args []ssa.Value
	pos  token.Pos
	// value is the call's result (nil for a deferred call).
	value ssa.Value
	io    irqlIO
	// lock is what the DDI's lock operation did, nil when it has none.
	lock *lockStep
}

// ddi applies a call to a runtime DDI from its catalogue entry: its IRQL
// requirement, then its lock operation, then its IRQL effect. No DDI is
// known by its name: a DDI added to the catalogue with an effect, a lock
// operation or a requirement is followed as the entry says.
func (fa *fnAnalysis) ddi(st *state, ci *calleeInfo, call *ssa.CallCommon, pos token.Pos, value ssa.Value) {
	d, args := ci.ddi, call.Args
	dc := ddiCall{d: d, args: args, pos: pos, value: value, io: ci.io}
	if !fa.releasesUnheld(st, d, args) {
		fa.needDDI(st, d, pos) // a release of a lock not held is reported as that
		fa.needWhen(st, dc, call)
	}
	fa.recordSets(st, dc, call)
	if d.Lock != nil {
		lk, ok := fa.lockDDI(st, dc)
		if !ok {
			return // the lock argument is missing: say nothing
		}
		dc.lock = lk
	}
	fa.effect(st, dc)
}
