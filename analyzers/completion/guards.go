package completion

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Memory the walk cannot name: anything at all (a call may read or write
// it), or what a pointer that is not a field points to.
const (
	anyMemory = "*any*"
	derefMem  = "*"
)

// writesOf returns the fields a block may write: the fields it stores into,
// those whose address it passes to a DDI, and anyMemory for a call of
// anything but a DDI (or of a DDI that calls the driver back, DDI.Invokes).
func (c *checker) writesOf(b *ssa.BasicBlock) []string {
	var out []string
	for _, in := range b.Instrs {
		switch in := in.(type) {
		case *ssa.Store:
			out = append(out, addrField(in.Addr))
		case *ssa.MapUpdate:
			out = append(out, derefMem)
		case ssa.CallInstruction:
			out = append(out, c.callWrites(in.Common())...)
		}
	}
	return out
}

// addrField names the memory an address is: a field, or derefMem.
func addrField(addr ssa.Value) string {
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		return fieldName(fa.X.Type(), fa.Field)
	}
	return derefMem
}

// callWrites returns what one call may write.
func (c *checker) callWrites(call *ssa.CallCommon) []string {
	if _, ok := call.Value.(*ssa.Builtin); ok {
		return nil
	}
	callee := call.StaticCallee()
	if callee == nil {
		return []string{anyMemory}
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return []string{anyMemory}
	}
	d := c.api.DDI(obj)
	if d == nil || len(d.Invokes) > 0 {
		return []string{anyMemory}
	}
	var out []string
	for _, a := range call.Args {
		if fa, ok := a.(*ssa.FieldAddr); ok {
			out = append(out, fieldName(fa.X.Type(), fa.Field))
		}
	}
	return out
}

// readsOf returns the memory a value reads: the fields it loads, derefMem
// for other loads, anyMemory for a call or what the walk does not follow.
func (c *checker) readsOf(v ssa.Value, depth int) []string {
	if depth > depthLimit {
		return []string{anyMemory}
	}
	switch x := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.FreeVar, *ssa.Function, *ssa.Global, *ssa.Alloc:
		return nil
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return c.readsOf(x.X, depth+1)
		}
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			return append(c.readsOf(fa.X, depth+1), fieldName(fa.X.Type(), fa.Field))
		}
		return append(c.readsOf(x.X, depth+1), derefMem)
	case *ssa.BinOp:
		return append(c.readsOf(x.X, depth+1), c.readsOf(x.Y, depth+1)...)
	case *ssa.Field:
		return c.readsOf(x.X, depth+1)
	case *ssa.FieldAddr:
		return c.readsOf(x.X, depth+1)
	case *ssa.TypeAssert:
		return c.readsOf(x.X, depth+1)
	case *ssa.ChangeType:
		return c.readsOf(x.X, depth+1)
	case *ssa.Convert:
		return c.readsOf(x.X, depth+1)
	case *ssa.MakeInterface:
		return c.readsOf(x.X, depth+1)
	case *ssa.ChangeInterface:
		return c.readsOf(x.X, depth+1)
	case *ssa.Extract:
		return c.readsOf(x.Tuple, depth+1)
	case *ssa.Phi:
		var out []string
		for _, e := range x.Edges {
			out = append(out, c.readsOf(e, depth+1)...)
		}
		return out
	case *ssa.Lookup:
		return append(c.readsOf(x.X, depth+1), derefMem)
	}
	return []string{anyMemory}
}

// overlap reports whether memory read may be memory written.
func overlap(reads, writes []string) bool {
	for _, r := range reads {
		for _, w := range writes {
			if r == w || r == anyMemory || w == anyMemory || r == derefMem || w == derefMem {
				return true
			}
		}
	}
	return false
}

// eqCond reads a branch condition that compares an operand with a constant:
// the operand's key, the constant, and whether the condition is equality.
// A comparison whose operands are both constants on the path is not one:
// knownCond decides it.
func (w *walk) eqCond(v ssa.Value) (op, k string, isEq, ok bool) {
	b, isBin := v.(*ssa.BinOp)
	if !isBin || (b.Op != token.EQL && b.Op != token.NEQ) {
		return "", "", false, false
	}
	x, y := b.X, b.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, y = y, x
	}
	cy, isConst := y.(*ssa.Const)
	if !isConst || cy.Value == nil {
		return "", "", false, false
	}
	return w.valKey(x), cy.Value.ExactString(), b.Op == token.EQL, true
}

// knownCond returns the value of a branch condition when the path decides
// it: a boolean constant, through phis (the edge the path came by) and
// negations, or a comparison of two values that are constants on the path.
func (w *walk) knownCond(v ssa.Value, depth int) (bool, bool) {
	if depth > depthLimit {
		return false, false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			b, ok := w.knownCond(x.X, depth+1)
			return !b, ok
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return false, false
		}
		a, okA := w.constOnPath(x.X, depth+1)
		b, okB := w.constOnPath(x.Y, depth+1)
		if !okA || !okB || a.Kind() != b.Kind() {
			return false, false
		}
		eq := constant.Compare(a, token.EQL, b)
		return eq == (x.Op == token.EQL), true
	}
	c, ok := w.constOnPath(v, depth)
	if !ok || c.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c), true
}

// constOnPath returns the constant v is on the path, through phis and
// conversions.
func (w *walk) constOnPath(v ssa.Value, depth int) (constant.Value, bool) {
	if depth > depthLimit {
		return nil, false
	}
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value, x.Value != nil
	case *ssa.ChangeType:
		return w.constOnPath(x.X, depth+1)
	case *ssa.Phi:
		pred := w.predecessor(x.Block())
		for i, p := range x.Block().Preds {
			if p == pred && i < len(x.Edges) {
				return w.constOnPath(x.Edges[i], depth+1)
			}
		}
	}
	return nil, false
}
