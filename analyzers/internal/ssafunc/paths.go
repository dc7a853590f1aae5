package ssafunc

import "golang.org/x/tools/go/ssa"

// EveryPathCrosses reports whether every path from fn's entry to a return
// goes through one of the blocks in cross (a path that panics does not
// return to the caller). With no block to cross, or no body, it is false.
func EveryPathCrosses(fn *ssa.Function, cross map[*ssa.BasicBlock]bool) bool {
	if len(fn.Blocks) == 0 || len(cross) == 0 {
		return false
	}
	return ReturnAvoiding(fn.Blocks[0], cross) == nil
}

// ReturnAvoiding returns a return its function reaches from block from
// along a path through none of the blocks in cross (from included), or nil
// when every path from from to a return crosses one of them (a path that
// panics does not return). Successors are tried in order, so the answer is
// the same on every run.
func ReturnAvoiding(from *ssa.BasicBlock, cross map[*ssa.BasicBlock]bool) *ssa.Return {
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock) *ssa.Return
	walk = func(b *ssa.BasicBlock) *ssa.Return {
		if seen[b] || cross[b] {
			return nil
		}
		seen[b] = true
		if len(b.Instrs) > 0 {
			if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				return r
			}
		}
		for _, s := range b.Succs {
			if r := walk(s); r != nil {
				return r
			}
		}
		return nil
	}
	return walk(from)
}

// ReturnsAvoiding returns every return its function reaches from block
// from along a path through none of the blocks in cross (from included),
// in the order ReturnAvoiding tries them: its first is ReturnAvoiding's
// answer.
func ReturnsAvoiding(from *ssa.BasicBlock, cross map[*ssa.BasicBlock]bool) []*ssa.Return {
	var out []*ssa.Return
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock)
	walk = func(b *ssa.BasicBlock) {
		if seen[b] || cross[b] {
			return
		}
		seen[b] = true
		if len(b.Instrs) > 0 {
			if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				out = append(out, r)
				return
			}
		}
		for _, s := range b.Succs {
			walk(s)
		}
	}
	walk(from)
	return out
}
