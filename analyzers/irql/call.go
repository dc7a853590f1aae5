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
func (fa *fnAnalysis) call(st *state, c *ssa.CallCommon, pos token.Pos, value ssa.Value) {
	callee := c.StaticCallee()
	if callee == nil {
		return
	}
	obj, _ := callee.Object().(*types.Func)
	if obj != nil {
		if d := fa.c.api.DDI(obj); d != nil {
			fa.ddi(st, d, c.Args, pos, value)
			return
		}
		if obj.Pkg() != nil && ndisapi.IsRuntime(obj.Pkg().Path()) {
			return // the simulator's own functions
		}
	}
	args := c.Args
	if len(callee.FreeVars) > 0 {
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			args = append(append([]ssa.Value(nil), c.Args...), mc.Bindings...)
		}
	}
	s := fa.c.summaryOf(callee)
	fa.apply(st, s, callee, args, pos)
}

// summaryOf returns a function's summary: from its body in this package,
// else from the fact its package exported, else empty.
func (c *checker) summaryOf(fn *ssa.Function) irqlsum.Summary {
	if fn.Blocks != nil && (fn.Pkg == c.ssa.Pkg || fn.Pkg == nil) {
		return c.analyze(fn).sum
	}
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
func (fa *fnAnalysis) ddi(st *state, d *rules.DDI, args []ssa.Value, pos token.Pos, value ssa.Value) {
	if !fa.releasesUnheld(st, d, args) {
		fa.needDDI(st, d, pos) // a release of a lock not held is reported as that
	}
	dc := ddiCall{d: d, args: args, pos: pos, value: value, io: fa.c.irqlIO(d)}
	if d.Lock != nil {
		lk, ok := fa.lockDDI(st, dc)
		if !ok {
			return // the lock argument is missing: say nothing
		}
		dc.lock = lk
	}
	fa.effect(st, dc)
}
