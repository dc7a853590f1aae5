package completion

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"

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
// for other loads, anyMemory for a call or what the walk does not follow,
// and anyMemory as well for a value whose operands go deeper than
// depthLimit or around a cycle (a loop's phi). Each value is read once per
// pass (memoised): operands shared by many values, and phis whose edges
// lead back to them, would otherwise be read once per way of reaching them.
func (c *checker) readsOf(v ssa.Value) []string {
	r := c.readOf(v)
	if r.height > depthLimit {
		return []string{anyMemory}
	}
	return r.fields
}

// reads is what readOf learns of one value: the memory its operands load
// (sorted, without repeats; anyMemory alone when it may read anything) and
// the length of its longest chain of operands (more than depthLimit for a
// cycle).
type reads struct {
	fields []string
	height int
}

// readOf returns the memoised reads of v.
func (c *checker) readOf(v ssa.Value) *reads {
	if r, ok := c.readMemo[v]; ok {
		if r == nil { // v is being read: its operands lead back to it
			return &reads{height: depthLimit + 1}
		}
		return r
	}
	c.readMemo[v] = nil
	r := &reads{}
	set := map[string]bool{}
	from := func(x ssa.Value, field string) {
		if field != "" {
			set[field] = true
		}
		xr := c.readOf(x)
		if h := min(xr.height+1, depthLimit+1); h > r.height {
			r.height = h
		}
		for _, f := range xr.fields {
			set[f] = true
		}
	}
	switch x := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.FreeVar, *ssa.Function, *ssa.Global, *ssa.Alloc:
	case *ssa.UnOp:
		switch fa, ok := x.X.(*ssa.FieldAddr); {
		case x.Op != token.MUL:
			from(x.X, "")
		case ok:
			from(fa.X, fieldName(fa.X.Type(), fa.Field))
		default:
			from(x.X, derefMem)
		}
	case *ssa.BinOp:
		from(x.X, "")
		from(x.Y, "")
	case *ssa.Field:
		from(x.X, "")
	case *ssa.FieldAddr:
		from(x.X, "")
	case *ssa.TypeAssert:
		from(x.X, "")
	case *ssa.ChangeType:
		from(x.X, "")
	case *ssa.Convert:
		from(x.X, "")
	case *ssa.MakeInterface:
		from(x.X, "")
	case *ssa.ChangeInterface:
		from(x.X, "")
	case *ssa.Extract:
		from(x.Tuple, "")
	case *ssa.Phi:
		for _, e := range x.Edges {
			from(e, "")
		}
	case *ssa.Lookup:
		from(x.X, derefMem)
	default:
		set[anyMemory] = true
	}
	if set[anyMemory] {
		r.fields = []string{anyMemory}
	} else {
		for f := range set {
			r.fields = append(r.fields, f)
		}
		sort.Strings(r.fields)
	}
	c.readMemo[v] = r
	return r
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
