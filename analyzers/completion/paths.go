package completion

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// apath is an access path: a root value of one function and the steps taken
// from it, each a field name or "*" for a dereference (".ndisVcHandle" of
// the VC context a handler received). Conversions to and from interfaces
// and type assertions are not steps: ndis.Handle(v) and
// protocolVcContext.(*vc) are the same object. Two completions name the
// same request when their paths are equal.
type apath struct {
	root  ssa.Value
	chain string
}

// depthLimit bounds the resolution of one value.
const depthLimit = 16

// canon returns the access path of v.
func canon(v ssa.Value) apath { return canonDepth(v, 0) }

// canonDepth is canon with a bound on the depth of the resolution.
func canonDepth(v ssa.Value, depth int) apath {
	if depth > depthLimit {
		return apath{root: v}
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return canonDepth(x.X, depth+1)
	case *ssa.ChangeInterface:
		return canonDepth(x.X, depth+1)
	case *ssa.ChangeType:
		return canonDepth(x.X, depth+1)
	case *ssa.TypeAssert:
		if !x.CommaOk {
			return canonDepth(x.X, depth+1)
		}
	case *ssa.Extract:
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 0 {
			return canonDepth(ta.X, depth+1)
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				return extend(canonDepth(fa.X, depth+1), fieldName(fa.X.Type(), fa.Field), depth)
			}
			return extend(canonDepth(x.X, depth+1), "*", depth)
		}
	case *ssa.Field:
		return extend(canonDepth(x.X, depth+1), fieldName(x.X.Type(), x.Field), depth)
	}
	return apath{root: v}
}

// extend adds one step to p. A step from a local allocation (a composite
// literal, a variable whose address is taken) that one store fills is the
// stored value: a := &af{h: ndisAfHandle}; a.h is ndisAfHandle.
func extend(p apath, step string, depth int) apath {
	if p.chain == "" {
		if alloc, ok := p.root.(*ssa.Alloc); ok {
			if st := singleStore(alloc, step); st != nil {
				return canonDepth(st.Val, depth+1)
			}
		}
	}
	return apath{root: p.root, chain: p.chain + "." + step}
}

// singleStore returns the only store to step of alloc ("*": alloc itself;
// a field name: that field of it), or nil.
func singleStore(alloc *ssa.Alloc, step string) *ssa.Store {
	refs := alloc.Referrers()
	if refs == nil {
		return nil
	}
	var found *ssa.Store
	count := func(addr ssa.Value) bool {
		for _, ref := range *addr.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
				if found != nil {
					return false
				}
				found = st
			}
		}
		return true
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.Store:
			if step == "*" && r.Addr == alloc && !count(alloc) {
				return nil
			}
		case *ssa.FieldAddr:
			if step != "*" && fieldName(alloc.Type(), r.Field) == step && !count(r) {
				return nil
			}
		}
	}
	return found
}

// fieldName returns the name of field i of the struct t points to (or is).
func fieldName(t types.Type, i int) string {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, ok := t.(*types.Struct)
	if !ok || i >= st.NumFields() {
		return fmt.Sprintf("#%d", i)
	}
	return st.Field(i).Name()
}

// rootIndex returns the number of a parameter (its index) or free variable
// (the number of parameters plus its index) of fn, or -1.
func rootIndex(fn *ssa.Function, v ssa.Value) int {
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return i
			}
		}
	case *ssa.FreeVar:
		for i, fv := range fn.FreeVars {
			if fv == v {
				return len(fn.Params) + i
			}
		}
	}
	return -1
}

// steps returns the steps of a chain (".a.b": a, b).
func steps(chain string) []string {
	if chain == "" {
		return nil
	}
	return strings.Split(strings.TrimPrefix(chain, "."), ".")
}

// rebase returns a callee's path (a root number of the callee and a chain)
// in the caller, whose values for the callee's roots are args (parameters,
// then free variables); false when the root has no value there.
func rebase(root int, chain string, args []ssa.Value) (apath, bool) {
	if root < 0 || root >= len(args) || args[root] == nil {
		return apath{}, false
	}
	p := canon(args[root])
	for _, s := range steps(chain) {
		p = extend(p, s, 0)
	}
	return p, true
}

// condKey returns a key that names the condition of a branch, and whether
// the value is the condition's negation: branches of one function on the
// same key go the same way (if v.async { ... } ... if v.async { ... }). A
// field read through a parameter keys by its path when the function stores
// no such field; anything else keys by the value itself.
func (w *walk) condKey(v ssa.Value) (string, bool) {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			k, neg := w.condKey(x.X)
			return k, !neg
		}
	case *ssa.BinOp:
		a, b := w.valKey(x.X), w.valKey(x.Y)
		if b < a {
			a, b = b, a
		}
		switch x.Op {
		case token.EQL:
			return "(" + a + "==" + b + ")", false
		case token.NEQ:
			return "(" + a + "==" + b + ")", true
		}
		return "(" + w.valKey(x.X) + x.Op.String() + w.valKey(x.Y) + ")", false
	}
	return w.valKey(v), false
}

// valKey names an operand of a condition.
func (w *walk) valKey(v ssa.Value) string {
	if c, ok := v.(*ssa.Const); ok {
		return "const " + c.String()
	}
	p := canon(v)
	if i := rootIndex(w.fn, p.root); i >= 0 && (p.chain == "" || !w.storesChain(p.chain)) {
		return fmt.Sprintf("root%d%s", i, p.chain)
	}
	return fmt.Sprintf("value %p", v)
}

// storesChain reports whether the function stores a field named like one
// of chain's steps (then two reads of the path may differ).
func (w *walk) storesChain(chain string) bool {
	for _, s := range steps(chain) {
		if w.storedFields[s] {
			return true
		}
	}
	return false
}

// storedFields returns the names of the fields fn stores into.
func storedFields(fn *ssa.Function) map[string]bool {
	out := map[string]bool{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok {
				continue
			}
			if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
				out[fieldName(fa.X.Type(), fa.Field)] = true
			} else {
				out["*"] = true
			}
		}
	}
	return out
}
