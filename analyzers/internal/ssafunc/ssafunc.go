// Package ssafunc resolves function-valued SSA operands: the function a
// value calls or stores (a work-item routine, a timer function, a handler),
// through closures and conversions.
package ssafunc

import "golang.org/x/tools/go/ssa"

// Of resolves a function-valued operand to its function, or nil when it is
// not statically known (a parameter, a field, an interface method).
func Of(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		return f
	case *ssa.ChangeType:
		return Of(v.X)
	case *ssa.Convert:
		return Of(v.X)
	}
	return nil
}

// Closure returns the closure a function-valued operand makes, or nil.
func Closure(v ssa.Value) *ssa.MakeClosure {
	for {
		switch x := v.(type) {
		case *ssa.MakeClosure:
			return x
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return nil
		}
	}
}
