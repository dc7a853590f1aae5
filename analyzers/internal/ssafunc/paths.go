package ssafunc

import "golang.org/x/tools/go/ssa"

// EveryPathCrosses reports whether every path from fn's entry to a return
// goes through one of the blocks in cross (a path that panics does not
// return to the caller). With no block to cross, or no body, it is false.
func EveryPathCrosses(fn *ssa.Function, cross map[*ssa.BasicBlock]bool) bool {
	if len(fn.Blocks) == 0 || len(cross) == 0 {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	var reaches func(b *ssa.BasicBlock) bool
	reaches = func(b *ssa.BasicBlock) bool {
		if seen[b] || cross[b] {
			return false
		}
		seen[b] = true
		if len(b.Instrs) > 0 {
			if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				return true
			}
		}
		for _, s := range b.Succs {
			if reaches(s) {
				return true
			}
		}
		return false
	}
	return !reaches(fn.Blocks[0])
}
