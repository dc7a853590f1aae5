package summary

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// rootIndex returns the root number of a parameter or free variable of fn.
func rootIndex(fn *ssa.Function, v ssa.Value) (int, bool) {
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return i, true
			}
		}
	case *ssa.FreeVar:
		for i, fv := range fn.FreeVars {
			if fv == v {
				return len(fn.Params) + i, true
			}
		}
	}
	return 0, false
}

// RootOf returns the root and the context type of a pointer to a driver's
// context: a parameter or free variable of pointer-to-named type, or a type
// assertion of one (ProtocolVcContext.(*vc)).
func RootOf(fn *ssa.Function, v ssa.Value) (root int, typ string, ok bool) {
	for depth := 0; depth < 6; depth++ {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X // a context passed on as an ndis.Handle
		case *ssa.TypeAssert:
			if r, ok := rootIndex(fn, x.X); ok && !x.CommaOk {
				if t := namedPtr(x.AssertedType); t != "" {
					return r, t, true
				}
			}
			return 0, "", false
		case *ssa.Extract:
			ta, isTA := x.Tuple.(*ssa.TypeAssert)
			if !isTA || x.Index != 0 {
				return 0, "", false
			}
			if r, ok := rootIndex(fn, ta.X); ok {
				if t := namedPtr(ta.AssertedType); t != "" {
					return r, t, true
				}
			}
			return 0, "", false
		case *ssa.Parameter, *ssa.FreeVar:
			r, _ := rootIndex(fn, x)
			if t := namedPtr(x.Type()); t != "" {
				return r, t, true
			}
			return 0, "", false
		case *ssa.UnOp:
			// A local holding the context whose address escaped
			// (captured by a closure): follow its single store.
			alloc, isAlloc := x.X.(*ssa.Alloc)
			if x.Op != token.MUL || !isAlloc {
				return 0, "", false
			}
			st := singleStore(alloc)
			if st == nil {
				return 0, "", false
			}
			v = st.Val
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

// singleStore returns the only store to alloc, or nil.
func singleStore(alloc *ssa.Alloc) *ssa.Store {
	var st *ssa.Store
	for _, ref := range *alloc.Referrers() {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == alloc {
			if st != nil {
				return nil
			}
			st = s
		}
	}
	return st
}

// namedPtr returns the qualified name of T for a *T with T named.
func namedPtr(t types.Type) string {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// PathOf returns the access path of a value: a root itself, or a field of a
// context root (v.ndisVcHandle).
func PathOf(fn *ssa.Function, v ssa.Value) (Path, bool) {
	switch x := v.(type) {
	case *ssa.ChangeType:
		v = x.X
	case *ssa.MakeInterface:
		v = x.X
	}
	if r, ok := rootIndex(fn, v); ok {
		return Path{Root: r}, true
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return Path{}, false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return Path{}, false
	}
	r, t, ok := RootOf(fn, fa.X)
	if !ok {
		return Path{}, false
	}
	return Path{Root: r, Type: t, Field: fieldName(fa)}, true
}

// fieldName returns the name of the field a FieldAddr selects.
func fieldName(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// mapPath rewrites a callee path in terms of the caller's arguments.
func mapPath(fn *ssa.Function, p Path, args []ssa.Value) (Path, bool) {
	if p.Root >= len(args) || args[p.Root] == nil {
		return Path{}, false
	}
	a := args[p.Root]
	if p.Type == "" {
		return PathOf(fn, a)
	}
	if r, t, ok := RootOf(fn, a); ok && t == p.Type {
		return Path{Root: r, Type: t, Field: p.Field}, true
	}
	// A Handle passed down and asserted in the callee.
	if r, ok := rootIndex(fn, a); ok {
		return Path{Root: r, Type: p.Type, Field: p.Field}, true
	}
	return Path{}, false
}

// mapConds rewrites callee conditions for the caller. A condition on a
// constant argument is decided now: if it fails the use is infeasible.
// Conditions that cannot be expressed in the caller are dropped and counted.
func mapConds(fn *ssa.Function, cs []Cond, args []ssa.Value) ([]Cond, int, bool) {
	var out []Cond
	dropped := 0
	for _, c := range cs {
		if c.Path.Root < len(args) && c.Path.Field == "" {
			if k, ok := args[c.Path.Root].(*ssa.Const); ok {
				if v, known := Eval(c, constString(k)); known && !v {
					return nil, 0, false
				}
				continue
			}
		}
		p, ok := mapPath(fn, c.Path, args)
		if !ok {
			dropped++
			continue
		}
		c.Path = p
		out = append(out, c)
	}
	return out, dropped, true
}

// Eval evaluates c for a path whose value is the constant val ("" when
// unknown). known is false when it cannot tell.
func Eval(c Cond, val string) (holds, known bool) {
	if val == "" {
		return false, false
	}
	var r bool
	switch c.Op {
	case "truthy":
		r = val == "true"
	case "==":
		r = val == c.Val
	case "&":
		x, ok1 := constant.Int64Val(constant.MakeFromLiteral(val, token.INT, 0))
		m, ok2 := constant.Int64Val(constant.MakeFromLiteral(c.Val, token.INT, 0))
		if !ok1 || !ok2 {
			return false, false
		}
		r = x&m != 0
	default:
		return false, false
	}
	return r == c.Want, true
}

// constString spells a constant for conditions.
func constString(c *ssa.Const) string {
	if c.Value == nil {
		return "nil"
	}
	return c.Value.ExactString()
}

func sortStrings(s []string) { sort.Strings(s) }
