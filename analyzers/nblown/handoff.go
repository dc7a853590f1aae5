package nblown

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/rules"
)

// handoff is one call that ends the driver's ownership of a list.
type handoff struct {
	// call is the call: of the DDI, or of a helper that hands off.
	call *ssa.Call
	// nbl is the list handed off, as the caller's argument.
	nbl ssa.Value
	// ddi is the DDI that hands the list off, directly or inside the
	// helper; until is the role that gives it back ("" when none does).
	ddi, until string
	// helper is the function called when it is not the DDI itself.
	helper *ssa.Function
	// inner is the DDI call inside a helper of the package (NoPos for a
	// helper known by its fact).
	inner token.Pos
}

// handoffsAt returns the lists call hands off: at a DDI parameter whose
// Handoff applies (KeepIf does not hold for a constant flags argument), or at
// a parameter a helper hands off on every path.
func (c *checker) handoffsAt(call *ssa.Call) []handoff {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	args := call.Call.Args
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := c.front.API.DDI(obj); d != nil {
			return ddiHandoffs(call, d)
		}
	}
	var out []handoff
	for _, ph := range c.paramHandoffs(callee) {
		if ph.Param >= len(args) || isNil(args[ph.Param]) {
			continue
		}
		out = append(out, handoff{call: call, nbl: args[ph.Param], ddi: ph.DDI, until: ph.Until, helper: callee, inner: ph.pos})
	}
	return out
}

// ddiHandoffs returns the lists a call of the DDI d hands off.
func ddiHandoffs(call *ssa.Call, d *rules.DDI) []handoff {
	args := call.Call.Args
	if len(args) != len(d.Params) {
		return nil // the model and the catalogue disagree: the exports test says so
	}
	var out []handoff
	for i, p := range d.Params {
		h := p.Handoff
		if h == nil || isNil(args[i]) {
			continue
		}
		if h.KeepIf != nil {
			j := d.ParamIndex(h.KeepIf.Param)
			if j < 0 {
				continue
			}
			if holds, known := keepIfHolds(h.KeepIf, args[j], map[ssa.Value]bool{}); !known || holds {
				continue // the lists may stay the driver's: precision before recall
			}
		}
		out = append(out, handoff{call: call, nbl: args[i], ddi: d.Name, until: h.Until})
	}
	return out
}

// keepIfHolds says whether k's flag is set in the flags argument v, when
// that is known: v is a constant, or a phi whose every incoming value is
// known and agrees (flags := F; if low { flags |= RESOURCES } is a phi of
// two constants that disagree: unknown). seen guards phi cycles.
func keepIfHolds(k *rules.FlagCond, v ssa.Value, seen map[ssa.Value]bool) (holds, known bool) {
	if flags, ok := constFlags(v); ok {
		return k.Holds(flags), true
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || seen[phi] {
		return false, false
	}
	seen[phi] = true
	for i, e := range phi.Edges {
		h, ok := keepIfHolds(k, e, seen)
		if !ok || (i > 0 && h != holds) {
			return false, false
		}
		holds = h
	}
	return holds, len(phi.Edges) > 0
}

// constFlags returns the value of a constant flags argument.
func constFlags(v ssa.Value) (uint32, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	u, exact := constant.Uint64Val(k.Value)
	if !exact || u > 1<<32-1 {
		return 0, false
	}
	return uint32(u), true
}

// isNil reports whether v is the constant nil.
func isNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// paramHandoffs returns the parameters fn hands off on every path: from its
// summary for a function of the package, from its fact for another
// package's.
func (c *checker) paramHandoffs(fn *ssa.Function) []*ParamHandoff {
	if fn.Pkg == c.pkg && fn.Blocks != nil {
		sum := c.summary(fn)
		var out []*ParamHandoff
		for _, ph := range sum {
			out = append(out, ph)
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Param < out[j].Param })
		return out
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
		return nil
	}
	var f Fact
	if !c.pass.ImportObjectFact(obj.Origin(), &f) {
		return nil
	}
	var out []*ParamHandoff
	for i := range f.Params {
		ph := f.Params[i]
		out = append(out, &ph)
	}
	return out
}

// summary returns, by parameter index (SSA's: a method's receiver is 0), the
// parameters of fn, a function of the package, that it hands off on every
// path from its entry to a return.
func (c *checker) summary(fn *ssa.Function) map[int]*ParamHandoff {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	if c.busy[fn] || fn.Blocks == nil {
		return nil // recursion: the first call decides
	}
	c.busy[fn] = true
	defer delete(c.busy, fn)
	index := map[ssa.Value]int{}
	for i, p := range fn.Params {
		index[p] = i
	}
	// first[i] is the first handoff of parameter i in block order; at[i]
	// the blocks that hand it off.
	first := map[int]*handoff{}
	at := map[int]map[*ssa.BasicBlock]bool{}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			for _, h := range c.handoffsAt(call) {
				i, ok := index[strip(h.nbl)]
				if !ok {
					continue
				}
				if first[i] == nil {
					h := h
					first[i] = &h
				}
				if at[i] == nil {
					at[i] = map[*ssa.BasicBlock]bool{}
				}
				at[i][b] = true
			}
		}
	}
	sum := map[int]*ParamHandoff{}
	for i, h := range first {
		if !ssafunc.EveryPathCrosses(fn, at[i]) {
			continue
		}
		sum[i] = &ParamHandoff{Param: i, DDI: h.ddi, Until: h.until, pos: h.call.Pos()}
	}
	c.sums[fn] = sum
	return sum
}

// strip returns v without the conversions that keep its identity.
func strip(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return v
		}
	}
}
