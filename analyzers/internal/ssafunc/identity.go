package ssafunc

import "golang.org/x/tools/go/ssa"

// Identity returns v without the conversions that keep its identity: a
// change of named type, an interface made from it or changed, and a type
// assertion back (the value of a comma-ok assertion included), so that two
// operands that carry one handle compare equal.
func Identity(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.TypeAssert:
			if x.CommaOk {
				return v
			}
			v = x.X
		case *ssa.Extract:
			ta, ok := x.Tuple.(*ssa.TypeAssert)
			if !ok || x.Index != 0 {
				return v
			}
			v = ta.X
		default:
			return v
		}
	}
}
