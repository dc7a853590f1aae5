package summary

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// blockConds are the conditions that hold whenever a block runs, and how
// many dominating branches could not be read as conditions.
type blockConds struct {
	list   *Conds
	opaque int
}

// domConds returns the conditions of every block of fn, by block index:
// for each dominator ending in an if whose successor on the way to the block
// has that if as its only predecessor, the branch condition with the outcome
// of that edge. Each block's list extends its immediate dominator's, so the
// whole function costs one walk of its dominator tree.
func (b *Builder) domConds(fn *ssa.Function) []blockConds {
	x := b.Index(fn)
	n := len(fn.Blocks)
	out := make([]blockConds, n)
	done := make([]bool, n)
	var chain []int32
	for i := range n {
		// Walk up to a block already done (or the entry), then fill the
		// chain downwards: each block once, dominators first.
		chain = chain[:0]
		for d := int32(i); d >= 0 && !done[d]; d = x.idoms[d] {
			chain = append(chain, d)
		}
		for j := len(chain) - 1; j >= 0; j-- {
			c := chain[j]
			done[c] = true
			d := x.idoms[c]
			if d < 0 {
				continue
			}
			bc := out[d]
			if cond, readable, ok := edgeCond(x, d, c); ok {
				if readable {
					bc.list = b.cons(cond, bc.list)
				} else {
					bc.opaque++ // a branch the summary cannot read (a predicate call, ...)
				}
			}
			out[c] = bc
		}
	}
	return out
}

// edgeCond returns the condition under which block d's branch leads to
// block child, its only predecessor: ok is false when d does not decide
// child, readable false when it does but its condition cannot be read.
func edgeCond(x *Index, d, child int32) (c Cond, readable, ok bool) {
	ic := x.ifConds[d]
	if !ic.ok || x.npreds[child] != 1 {
		return Cond{}, false, false
	}
	var want bool
	switch succs := x.Succs(int(d)); child {
	case succs[0]:
		want = true
	case succs[1]:
		want = false
	default:
		return Cond{}, false, false
	}
	if !ic.readable {
		return Cond{}, false, true
	}
	c = ic.cond
	if !want {
		c.Want = !c.Want
	}
	return c, true, true
}

// CondsAt returns the conditions that hold whenever blk runs, and how many
// dominating branches could not be read as conditions.
func (b *Builder) CondsAt(fn *ssa.Function, blk *ssa.BasicBlock) (*Conds, int) {
	bc := b.blockConds(fn)[blk.Index]
	return bc.list, bc.opaque
}

// blockConds returns fn's conditions by block, computed once.
func (b *Builder) blockConds(fn *ssa.Function) []blockConds {
	bc, ok := b.doms[fn]
	if !ok {
		bc = b.domConds(fn)
		b.doms[fn] = bc
	}
	return bc
}

func lastIf(b *ssa.BasicBlock) (*ssa.If, bool) {
	if len(b.Instrs) == 0 {
		return nil, false
	}
	i, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return i, ok && len(b.Succs) == 2
}

// Decode reads a boolean SSA value as a condition on an access path.
func Decode(fn *ssa.Function, v ssa.Value) (Cond, bool) {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			c, ok := Decode(fn, x.X)
			c.Want = !c.Want
			return c, ok
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return Cond{}, false
		}
		term, k := x.X, x.Y
		kc, ok := k.(*ssa.Const)
		if !ok {
			term, k = x.Y, x.X
			if kc, ok = k.(*ssa.Const); !ok {
				return Cond{}, false
			}
		}
		eq := x.Op == token.EQL
		if and, ok := term.(*ssa.BinOp); ok && and.Op == token.AND && constString(kc) == "0" {
			mask, ok := and.Y.(*ssa.Const)
			t := and.X
			if !ok {
				mask, ok = and.X.(*ssa.Const)
				t = and.Y
			}
			if !ok {
				return Cond{}, false
			}
			p, ok := PathOf(fn, t)
			return Cond{Path: p, Op: "&", Val: constString(mask), Want: !eq}, ok
		}
		p, ok := PathOf(fn, term)
		return Cond{Path: p, Op: "==", Val: constString(kc), Want: eq}, ok
	}
	if p, ok := PathOf(fn, v); ok {
		return Cond{Path: p, Op: "truthy", Want: true}, true
	}
	return Cond{}, false
}
