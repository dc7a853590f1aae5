package summary

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// domConds returns the conditions that hold whenever blk runs: for each
// dominator ending in an if whose successor on the way to blk has that if as
// its only predecessor, the branch condition with the outcome of that edge.
func domConds(fn *ssa.Function, blk *ssa.BasicBlock) ([]Cond, int) {
	var out []Cond
	opaque := 0
	child := blk
	for d := blk.Idom(); d != nil; child, d = d, d.Idom() {
		ifi, ok := lastIf(d)
		if !ok {
			continue
		}
		var want bool
		switch {
		case child == d.Succs[0] && len(child.Preds) == 1:
			want = true
		case child == d.Succs[1] && len(child.Preds) == 1:
			want = false
		default:
			continue
		}
		c, ok := Decode(fn, ifi.Cond)
		if !ok {
			opaque++ // a branch the summary cannot read (a predicate call, ...)
			continue
		}
		if !want {
			c.Want = !c.Want
		}
		out = append(out, c)
	}
	return out, opaque
}

// CondsAt returns the conditions that hold whenever blk runs, and how many
// dominating branches could not be read as conditions.
func CondsAt(fn *ssa.Function, blk *ssa.BasicBlock) ([]Cond, int) { return domConds(fn, blk) }

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
