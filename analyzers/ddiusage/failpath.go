package ddiusage

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/rules"
)

// This file follows a companion's DDI call to the path where it failed
// (rules.Companion.FailsWhen): the first test after the call of the value
// the call returned at its failure parameter (va == nil, or len(va) == 0,
// which a nil slice passes too), and from that test's failure branch every
// path to the function's return.

// failPath is what the pass found of one call of a companion's DDI.
type failPath struct {
	fn   *ssa.Function
	test ssa.Value   // the comparison that tells the failure
	ret  *ssa.Return // a return the failure branch reaches without the companion; nil: none
}

// failurePath returns the failure path of the DDI call at pos, or nil when
// the pass cannot tell one: the call is another package's function that
// reaches the DDI, a deferred call, or its result is never tested.
func (c *checker) failurePath(x *rules.Companion, pos token.Pos) *failPath {
	call := c.ddiCallAt(x.DDI, pos)
	if call == nil {
		return nil
	}
	i := c.api.Cat.DDI(x.DDI).ParamIndex(x.FailsWhen.Param)
	if i < 0 || i >= len(call.Call.Args) {
		return nil
	}
	test, br, succ := firstFailureTest(call, call.Call.Args[i])
	if test == nil {
		return nil
	}
	fn := call.Parent()
	cross := c.crossing(fn, x.Requires)
	if c.crossedBeforeTest(call, br, x.Requires, cross) {
		return &failPath{fn: fn, test: test}
	}
	return &failPath{fn: fn, test: test, ret: ssafunc.ReturnAvoiding(br.Block().Succs[succ], cross)}
}

// ddiCallAt returns the call of the DDI named name at pos in the package's
// code, or nil (pos is a call of another package's function).
func (c *checker) ddiCallAt(name string, pos token.Pos) *ssa.Call {
	for _, fn := range c.ssa.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || call.Pos() != pos {
					continue
				}
				if callee := call.Call.StaticCallee(); callee != nil {
					if d := c.api.DDI(funcObject(callee)); d != nil && d.Name == name {
						return call
					}
				}
			}
		}
	}
	return nil
}

// firstFailureTest returns the first comparison after call (by position,
// in the blocks call's block dominates) that tests the value loaded from
// addr for failure, its if, and the successor of the if that the failure
// takes.
func firstFailureTest(call *ssa.Call, addr ssa.Value) (ssa.Value, *ssa.If, int) {
	var best ssa.Value
	var bestIf *ssa.If
	succ := 0
	for _, b := range call.Parent().Blocks {
		if !call.Block().Dominates(b) || len(b.Instrs) == 0 {
			continue
		}
		br, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		test, s, ok := failureTest(br.Cond, addr, call)
		if ok && (best == nil || test.Pos() < best.Pos()) {
			best, bestIf, succ = test, br, s
		}
	}
	return best, bestIf, succ
}

// failureTest reports whether cond tests the value loaded from addr after
// call for failure (v == nil, v != nil, len(v) == 0, len(v) != 0, either
// way round), and which successor of the if the failure takes.
func failureTest(cond ssa.Value, addr ssa.Value, call *ssa.Call) (ssa.Value, int, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return nil, 0, false
	}
	succ := 0
	if bin.Op == token.NEQ {
		succ = 1
	}
	for _, xy := range [][2]ssa.Value{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if isNil(xy[1]) && loadOf(xy[0], addr, call) || isZero(xy[1]) && lenOfLoad(xy[0], addr, call) {
			return bin, succ, true
		}
	}
	return nil, 0, false
}

// isNil reports whether v is the constant nil.
func isNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value == nil
}

// isZero reports whether v is the integer constant 0.
func isZero(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0
}

// loadOf reports whether v is a load of addr made after call.
func loadOf(v ssa.Value, addr ssa.Value, call *ssa.Call) bool {
	u, ok := v.(*ssa.UnOp)
	return ok && u.Op == token.MUL && sameAddr(u.X, addr) && follows(u, call)
}

// follows reports whether instr runs after call on every path to it.
func follows(instr ssa.Instruction, call *ssa.Call) bool {
	if instr.Block() != call.Block() {
		return call.Block().Dominates(instr.Block())
	}
	for _, in := range call.Block().Instrs {
		switch in {
		case call:
			return true
		case instr:
			return false
		}
	}
	return false
}

// lenOfLoad reports whether v is len of a load of addr made after call.
func lenOfLoad(v ssa.Value, addr ssa.Value, after *ssa.Call) bool {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "len" && loadOf(call.Call.Args[0], addr, after)
}

// sameAddr reports whether a and b are the same address: the same value,
// or the same field or constant index of the same address.
func sameAddr(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	switch x := a.(type) {
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameAddr(x.X, y.X)
	case *ssa.IndexAddr:
		y, ok := b.(*ssa.IndexAddr)
		if !ok {
			return false
		}
		i, iok := x.Index.(*ssa.Const)
		j, jok := y.Index.(*ssa.Const)
		return iok && jok && constant.Compare(i.Value, token.EQL, j.Value) && sameAddr(x.X, y.X)
	case *ssa.UnOp:
		y, ok := b.(*ssa.UnOp)
		return ok && x.Op == token.MUL && y.Op == token.MUL && sameAddr(x.X, y.X)
	}
	return false
}

// crossing returns the blocks of fn with a call that reaches the DDI named
// requires, or that the pass cannot follow (which might).
func (c *checker) crossing(fn *ssa.Function, requires string) map[*ssa.BasicBlock]bool {
	out := map[*ssa.BasicBlock]bool{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c.callReaches(instr, requires) {
				out[b] = true
				break
			}
		}
	}
	return out
}

// callReaches reports whether instr is a call (or deferred call) that
// reaches the DDI named ddi, or one the pass cannot follow.
func (c *checker) callReaches(instr ssa.Instruction, ddi string) bool {
	r := &reach{ddis: map[string][]token.Pos{}}
	switch x := instr.(type) {
	case *ssa.Call:
		c.call(r, &x.Call, x.Pos())
	case *ssa.Defer:
		c.call(r, &x.Call, x.Pos())
	default:
		return false
	}
	_, ok := r.ddis[ddi]
	return ok || r.opaque
}

// crossedBeforeTest reports whether a path from call to the failure test's
// if (br) may go through a call that reaches the DDI named requires: one
// after call in its block, one in a block between them, or one in br's
// block. The pass then takes the failure as handled, whatever the test
// decides.
func (c *checker) crossedBeforeTest(call *ssa.Call, br *ssa.If, requires string, cross map[*ssa.BasicBlock]bool) bool {
	from, to := call.Block(), br.Block()
	after := false
	for _, instr := range from.Instrs {
		if after && c.callReaches(instr, requires) {
			return true
		}
		after = after || instr == call
	}
	if from == to {
		return false
	}
	for _, b := range to.Parent().Blocks {
		if cross[b] && between(from, to, b) {
			return true
		}
	}
	return cross[to]
}

// between reports whether b lies on a path from from to to that goes
// through neither of them in between.
func between(from, to, b *ssa.BasicBlock) bool {
	if b == from || b == to {
		return false
	}
	return reaches(from.Succs, b, from, to) && reaches(b.Succs, to, from, from)
}

// reaches reports whether target is reachable from the blocks of start
// without going through stop or avoid (target itself excepted).
func reaches(start []*ssa.BasicBlock, target, stop, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), start...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == target {
			return true
		}
		if seen[b] || b == stop || b == avoid {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}
