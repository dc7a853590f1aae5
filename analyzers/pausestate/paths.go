package pausestate

import "golang.org/x/tools/go/ssa"

// mustReach reports whether every path from the call from (that returns)
// reaches the call to before the function returns or panics: to follows
// from in its block, or to's block is reached from from's block and no path
// from it to an exit avoids to's block.
func mustReach(from, to ddiCall) bool {
	if from.block == to.block && to.index > from.index {
		return true
	}
	target := to.block
	seen := map[*ssa.BasicBlock]bool{}
	reached := false
	var exits func(b *ssa.BasicBlock) bool
	exits = func(b *ssa.BasicBlock) bool {
		if b == target {
			reached = true
			return false
		}
		if seen[b] {
			return false
		}
		seen[b] = true
		if len(b.Succs) == 0 {
			return true
		}
		for _, s := range b.Succs {
			if exits(s) {
				return true
			}
		}
		return false
	}
	for _, s := range from.block.Succs {
		if exits(s) {
			return false
		}
	}
	return reached
}
