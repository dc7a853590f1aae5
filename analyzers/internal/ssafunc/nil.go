package ssafunc

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// NilBranch returns the index of the successor of an If on cond that runs
// when v is nil, if cond is v == nil or v != nil (either operand order), or
// -1. v must be an operand of the comparison itself, or reach it through a
// change of named type only: an interface made from a nil pointer is not
// nil, so a comparison of such an interface says nothing of v.
func NilBranch(cond, v ssa.Value) int {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return -1
	}
	if !(sameNil(bin.X, v) && IsNil(bin.Y)) && !(sameNil(bin.Y, v) && IsNil(bin.X)) {
		return -1
	}
	if bin.Op == token.EQL {
		return 0 // the true branch
	}
	return 1 // the false branch
}

// IsNil reports whether v is the constant nil.
func IsNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// sameNil reports whether x is v, or v under changes of named type, which
// keep whether it is nil.
func sameNil(x, v ssa.Value) bool {
	for {
		if x == v {
			return true
		}
		ct, ok := x.(*ssa.ChangeType)
		if !ok {
			return false
		}
		x = ct.X
	}
}
