package vclifetime

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// resultIs is what the branches taken so far say of a call's result: the
// constants it may not be, and the one it must be.
type resultIs struct {
	is   string          // the value it must equal, "" when unknown
	isnt map[string]bool // values it cannot equal
}

// may reports whether the result may equal val on this path.
func (r resultIs) may(val string) bool {
	if r.is != "" {
		return r.is == val
	}
	return !r.isnt[val]
}

// with returns r refined by "result == val" having outcome eq.
func (r resultIs) with(val string, eq bool) resultIs {
	if eq {
		return resultIs{is: val, isnt: r.isnt}
	}
	n := map[string]bool{val: true}
	for k := range r.isnt {
		n[k] = true
	}
	return resultIs{is: r.is, isnt: n}
}

// key spells the state for the visited set.
func (r resultIs) key() string {
	s := r.is + "|"
	for _, k := range sortedKeys(r.isnt) {
		s += k + ","
	}
	return s
}

// visitor is called for each instruction reached after the start, with the
// refinement of the start call's result on that path. It returns false to
// stop exploring the path.
type visitor func(in ssa.Instruction, r resultIs) bool

// walkAfter explores every path from just after start to the function's
// returns, refining result (start's value, may be nil) at branches that
// compare it with constants. Each (block, refinement) is visited once.
func walkAfter(start ssa.Instruction, result ssa.Value, visit visitor) {
	type item struct {
		b   *ssa.BasicBlock
		i   int
		res resultIs
	}
	seen := map[string]bool{}
	blk := start.Block()
	idx := indexOf(blk, start) + 1
	stack := []item{{blk, idx, resultIs{isnt: map[string]bool{}}}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := blockKey(it.b, it.i) + it.res.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		stopped := false
		for _, in := range it.b.Instrs[it.i:] {
			if !visit(in, it.res) {
				stopped = true
				break
			}
		}
		if stopped {
			continue
		}
		ifi, isIf := lastInstr(it.b).(*ssa.If)
		for si, succ := range it.b.Succs {
			res := it.res
			if isIf && result != nil {
				if val, eq, ok := compareWith(ifi.Cond, result); ok {
					res = res.with(val, eq == (si == 0))
					if !res.feasible() {
						continue
					}
				}
			}
			stack = append(stack, item{succ, 0, res})
		}
	}
}

// feasible reports whether the refinement is not contradictory.
func (r resultIs) feasible() bool { return r.is == "" || !r.isnt[r.is] }

// compareWith decodes cond as "result == val" (eq true) or "result != val".
func compareWith(cond, result ssa.Value) (val string, eq bool, ok bool) {
	neg := false
	for {
		u, isNot := cond.(*ssa.UnOp)
		if !isNot || u.Op != token.NOT {
			break
		}
		neg = !neg
		cond = u.X
	}
	b, isBin := cond.(*ssa.BinOp)
	if !isBin || (b.Op != token.EQL && b.Op != token.NEQ) {
		return "", false, false
	}
	var k *ssa.Const
	switch {
	case same(b.X, result):
		k, ok = b.Y.(*ssa.Const)
	case same(b.Y, result):
		k, ok = b.X.(*ssa.Const)
	}
	if !ok {
		return "", false, false
	}
	return constStr(k), (b.Op == token.EQL) != neg, true
}

// same reports whether v is x through type changes.
func same(v, x ssa.Value) bool {
	for i := 0; i < 4; i++ {
		if v == x {
			return true
		}
		c, ok := v.(*ssa.ChangeType)
		if !ok {
			return false
		}
		v = c.X
	}
	return false
}

func indexOf(b *ssa.BasicBlock, in ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == in {
			return i
		}
	}
	return len(b.Instrs)
}

func lastInstr(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

func blockKey(b *ssa.BasicBlock, i int) string {
	return fmt.Sprintf("%d:%d:", b.Index, i)
}
