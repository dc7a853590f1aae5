package ddiusage

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/rules"
)

// This file checks the contexts that allow a DDI in a role only while one
// of the role's parameters is NULL (rules.CallContext.NullOnly:
// NdisReEnumerateProtocolBindings in ProtocolNetPnPEvent only when
// ProtocolBindingContext is NULL). A call is reported when the handler
// makes it where a test of the parameter proves it non-NULL, or on every
// path through the handler (NDIS also calls the role with a non-NULL
// parameter, so such a call runs with one). A call where a test proves the
// parameter NULL is clean; any other conditional call is left alone. The
// package's functions the handler calls are followed the same way, with
// what the call site knows of the parameter, and the helper's tests of the
// argument that receives it.

// nullState is what the tests a block is dominated by say of a value.
type nullState uint8

// The states: unknown, NULL, not NULL; both (nullIsNil|nullNonNil) is a
// block no execution reaches, skipped as a NULL one is.
const (
	nullUnknown nullState = 0
	nullIsNil   nullState = 1
	nullNonNil  nullState = 2
)

// nullFacts holds, for one function and one value, the state each block
// is in, and the test that decided it.
type nullFacts struct {
	state map[*ssa.BasicBlock]nullState
	test  map[*ssa.BasicBlock]token.Pos
}

// checkNullContexts reports the calls of a DDI whose context allows it in
// a handler's role only while one of the role's parameters is NULL, made
// where that parameter is not NULL (see the file comment).
func (c *checker) checkNullContexts() {
	for _, h := range c.handlers() {
		for _, name := range byPosition(c.reached(h.fn)) {
			d := c.api.Cat.DDI(name)
			if d == nil {
				continue
			}
			param := d.Context.NullRequired(h.role.Name)
			if param == "" {
				continue
			}
			if v := roleParamValue(h, param); v != nil {
				c.checkNullSites(h, d, param, v)
			}
		}
	}
}

// roleParamValue returns the SSA parameter of h's function that receives
// the role's parameter named param, or nil (a function whose parameters do
// not line up with the role's).
func roleParamValue(h handler, param string) *ssa.Parameter {
	off := len(h.fn.Params) - len(h.role.Params)
	if off < 0 {
		return nil
	}
	for i, p := range h.role.Params {
		if p.Name == param {
			return h.fn.Params[off+i]
		}
	}
	return nil
}

// nullSite is a call of the DDI a handler reaches where its parameter is
// not NULL: at is the DDI's call, site the handler's call that leads to it,
// st what is known of the parameter there (nullNonNil, with the test that
// proved it, or nullUnknown on every path).
type nullSite struct {
	at, site, test token.Pos
	st             nullState
}

// checkNullSites reports h's calls that reach d where v, the role's
// parameter param, is not NULL.
func (c *checker) checkNullSites(h handler, d *rules.DDI, param string, v ssa.Value) {
	w := &nullWalk{c: c, ddi: d.Name, busy: map[*ssa.Function]bool{}}
	w.walk(h.fn, v, nullUnknown, token.NoPos, token.NoPos)
	for _, s := range w.sites {
		c.reportNullSite(h, d, param, s)
	}
}

// nullWalk follows a handler's calls, and the package functions it calls,
// to the calls of one DDI, carrying what is known of the role's parameter.
type nullWalk struct {
	c     *checker
	ddi   string
	busy  map[*ssa.Function]bool
	sites []nullSite
}

// walk visits fn, in which v (nil: none) is the role's parameter and
// inherited is what the caller knew of it, test the test that told it.
// site is the handler's call that led here (NoPos in the handler). A block
// where v is NULL is skipped; a block where it is not NULL is visited; a
// block where nothing is known is visited only when it is on every path
// through fn. A call of a package function is walked with the argument
// that receives v, if any; other calls (another package's functions,
// function values) are not followed.
func (w *nullWalk) walk(fn *ssa.Function, v ssa.Value, inherited nullState, test, site token.Pos) {
	if w.busy[fn] {
		return
	}
	if _, reaches := w.c.reached(fn).ddis[w.ddi]; !reaches {
		return
	}
	w.busy[fn] = true
	defer delete(w.busy, fn)
	facts := nullTests(fn, v)
	for _, b := range fn.Blocks {
		st, why := inherited|facts.state[b], test
		if facts.state[b] == nullNonNil {
			why = facts.test[b]
		}
		if st&nullIsNil != 0 || st == nullUnknown && !ssafunc.EveryPathCrosses(fn, map[*ssa.BasicBlock]bool{b: true}) {
			continue
		}
		for _, instr := range b.Instrs {
			if cc, pos := callOf(instr); cc != nil {
				w.call(cc, pos, v, st, why, site)
			}
		}
	}
}

// call follows one call made where the parameter's state is st.
func (w *nullWalk) call(cc *ssa.CallCommon, pos token.Pos, v ssa.Value, st nullState, test, site token.Pos) {
	callee := cc.StaticCallee()
	if callee == nil {
		return
	}
	if site == token.NoPos {
		site = pos
	}
	if d := w.c.api.DDI(funcObject(callee)); d != nil {
		if d.Name == w.ddi {
			w.sites = append(w.sites, nullSite{at: pos, site: site, test: test, st: st})
		}
		return
	}
	if callee.Pkg != w.c.ssa.Pkg {
		return
	}
	w.walk(callee, argParam(cc, callee, v), st, test, site)
}

// argParam returns callee's parameter that receives v in call cc, or nil.
func argParam(cc *ssa.CallCommon, callee *ssa.Function, v ssa.Value) ssa.Value {
	if v == nil || len(cc.Args) != len(callee.Params) {
		return nil
	}
	for i, a := range cc.Args {
		if a == v {
			return callee.Params[i]
		}
	}
	return nil
}

// reportNullSite reports one call of d.
func (c *checker) reportNullSite(h handler, d *rules.DDI, param string, s nullSite) {
	related := c.related(h)
	if s.site != s.at {
		related = append(related, analysis.RelatedInformation{Pos: s.site, Message: "reached through this call of " + h.role.Callback})
	}
	how := "whatever its " + param + " (on every path, so also when NDIS passes one)"
	if s.st == nullNonNil {
		how = "where its " + param + " is not NULL"
		related = append(related, analysis.RelatedInformation{Pos: s.test, Message: param + " is tested here"})
	}
	page, _ := rules.SplitReason(d.Context.Reason)
	c.report(rules.RuleDDIWrongContext, s.at, related,
		"%s is called in the context of %s %s; its page allows it there only when %s is NULL (%s)",
		d.Name, h.role.Callback, how, param, page)
}

// callOf returns the call an instruction makes (a call or a deferred
// call) and its position, or nil.
func callOf(instr ssa.Instruction) (*ssa.CallCommon, token.Pos) {
	switch x := instr.(type) {
	case *ssa.Call:
		return &x.Call, x.Pos()
	case *ssa.Defer:
		return &x.Call, x.Pos()
	}
	return nil, token.NoPos
}

// nullTests returns what the comparisons of v with nil in fn say of it in
// each block: a branch of `v == nil` or `v != nil` whose successor has no
// other predecessor decides v in every block that successor dominates (as
// x/tools' nilness pass reads them).
func nullTests(fn *ssa.Function, v ssa.Value) nullFacts {
	f := nullFacts{state: map[*ssa.BasicBlock]nullState{}, test: map[*ssa.BasicBlock]token.Pos{}}
	if v == nil {
		return f
	}
	for _, b := range fn.Blocks {
		eq, test, ok := nilComparison(b, v)
		if !ok {
			continue
		}
		onTrue, onFalse := nullNonNil, nullIsNil
		if eq {
			onTrue, onFalse = nullIsNil, nullNonNil
		}
		f.mark(b.Succs[0], onTrue, test)
		f.mark(b.Succs[1], onFalse, test)
	}
	return f
}

// nilComparison reports whether block b ends in a branch on v == nil (eq)
// or v != nil, and the comparison's position.
func nilComparison(b *ssa.BasicBlock, v ssa.Value) (eq bool, pos token.Pos, ok bool) {
	if len(b.Instrs) == 0 {
		return false, token.NoPos, false
	}
	br, isIf := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !isIf {
		return false, token.NoPos, false
	}
	succ := ssafunc.NilBranch(br.Cond, v)
	if succ < 0 {
		return false, token.NoPos, false
	}
	return succ == 0, br.Cond.Pos(), true
}

// mark records st in succ and every block it dominates, when succ is
// entered only from the branch.
func (f nullFacts) mark(succ *ssa.BasicBlock, st nullState, test token.Pos) {
	if len(succ.Preds) != 1 {
		return
	}
	stack := []*ssa.BasicBlock{succ}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.state[x]&st == 0 && st == nullNonNil {
			f.test[x] = test
		}
		f.state[x] |= st
		stack = append(stack, x.Dominees()...)
	}
}
