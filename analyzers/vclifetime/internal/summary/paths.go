package summary

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"sync/atomic"

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
			if x.Index != 0 {
				return 0, "", false
			}
			switch t := x.Tuple.(type) {
			case *ssa.TypeAssert:
				if r, ok := rootIndex(fn, t.X); ok {
					if typ := namedPtr(t.AssertedType); typ != "" {
						return r, typ, true
					}
				}
			case *ssa.Lookup:
				return lookupRoot(fn, t)
			}
			return 0, "", false
		case *ssa.Lookup:
			return lookupRoot(fn, x)
		case *ssa.Parameter, *ssa.FreeVar:
			r, _ := rootIndex(fn, x)
			if t := namedPtr(x.Type()); t != "" {
				return r, t, true
			}
			return 0, "", false
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return 0, "", false
			}
			switch cell := x.X.(type) {
			case *ssa.Alloc:
				// A local holding the context whose address escaped
				// (captured by a closure): follow its single store.
				st := singleStore(cell)
				if st == nil {
					return 0, "", false
				}
				v = st.Val
			case *ssa.FreeVar:
				// In a closure, a captured variable holding the
				// context: rooted at the free variable (the caller's
				// cell, mapPath follows it).
				r, _ := rootIndex(fn, cell)
				if t := namedPtr(x.Type()); t != "" {
					return r, t, true
				}
				return 0, "", false
			default:
				return 0, "", false
			}
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

// lookupRoot reads a lookup in a package-level map keyed by a root, or by a
// field of a context root (the VC handle stored in it), as the record of
// that root's VC: m[ProtocolVcContext], m[v.ndisVcHandle].
func lookupRoot(fn *ssa.Function, l *ssa.Lookup) (root int, typ string, ok bool) {
	m, isMap := l.X.Type().Underlying().(*types.Map)
	if !isMap || !packageLevel(l.X) {
		return 0, "", false
	}
	typ = namedPtr(m.Elem())
	if typ == "" {
		return 0, "", false
	}
	key := unwrap(l.Index)
	if r, ok := rootIndex(fn, key); ok {
		return r, typ, true
	}
	if p, ok := PathOf(fn, key); ok && p.Type != "" {
		return p.Root, typ, true
	}
	return 0, "", false
}

// packageLevel reports whether v is loaded from a package variable, or from
// a field of one.
func packageLevel(v ssa.Value) bool {
	for i := 0; i < 8; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Global:
			return true
		default:
			return false
		}
	}
	return false
}

// unwrap strips conversions that keep a value's identity: a context passed
// as an ndis.Handle, a named type changed.
func unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return v
		}
	}
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
	return typeName(n.Obj())
}

// lastName is the last name typeName built: the same context type is asked
// for at every call and field of a function, and one entry is enough to
// spare building its name each time (no table that would keep the types of
// every package analysed alive).
var lastName atomic.Pointer[namedType]

// namedType is a type name object with its qualified name.
type namedType struct {
	obj  *types.TypeName
	name string
}

// typeName returns "pkgpath.Name" for a package-level type name.
func typeName(obj *types.TypeName) string {
	if last := lastName.Load(); last != nil && last.obj == obj {
		return last.name
	}
	s := obj.Pkg().Path() + "." + obj.Name()
	lastName.Store(&namedType{obj, s})
	return s
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
	if r, t, ok := RootOf(fn, v); ok {
		return Path{Root: r, Type: t}, true // the context itself (v == nil)
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

// Arg is what a call's argument is in the caller's terms, read once (the
// index reads the arguments of every call while it has the call at hand):
// its access path, the context root it is or asserts, the root it is.
type Arg struct {
	present bool
	// konst is the argument's value when it is a constant.
	konst   string
	isConst bool
	path    Path
	pathOK  bool
	root    int
	typ     string
	rootOK  bool
	index   int
	indexOK bool
}

// ArgOf reads an argument of a call in fn. An argument that is a captured
// variable's cell (a closure's binding) stands for the value stored in it.
func ArgOf(fn *ssa.Function, v ssa.Value) Arg {
	if v == nil {
		return Arg{}
	}
	if cell, ok := v.(*ssa.Alloc); ok {
		if st := singleStore(cell); st != nil {
			v = st.Val
		}
	}
	a := Arg{present: true}
	if k, ok := v.(*ssa.Const); ok {
		a.konst, a.isConst = constString(k), true
	}
	a.path, a.pathOK = PathOf(fn, v)
	a.root, a.typ, a.rootOK = RootOf(fn, v)
	a.index, a.indexOK = rootIndex(fn, v)
	return a
}

// argsOf reads the arguments of a call.
func argsOf(fn *ssa.Function, vs []ssa.Value) []Arg {
	out := make([]Arg, len(vs))
	for i, v := range vs {
		out[i] = ArgOf(fn, v)
	}
	return out
}

// mapPath rewrites a callee path in terms of the caller's arguments.
func mapPath(p Path, args []Arg) (Path, bool) {
	if p.Root >= len(args) || !args[p.Root].present {
		return Path{}, false
	}
	a := &args[p.Root]
	if p.Type == "" {
		return a.path, a.pathOK
	}
	if a.rootOK && a.typ == p.Type {
		return Path{Root: a.root, Type: a.typ, Field: p.Field}, true
	}
	// A Handle passed down and asserted in the callee.
	if a.indexOK {
		return Path{Root: a.index, Type: p.Type, Field: p.Field}, true
	}
	return Path{}, false
}

// mappedConds is a callee's condition list in the caller's terms.
type mappedConds struct {
	list     *Conds
	dropped  int
	feasible bool
}

// mapList rewrites a callee's condition list for the caller, on top of the
// caller's conditions at the call (base). A condition on a constant argument
// is decided now: if it fails the list is infeasible. Conditions that cannot
// be expressed in the caller are dropped and counted. Lists share their
// tails, so memo (one per call) maps each list node once.
func (b *Builder) mapList(l *Conds, args []Arg, base *Conds, memo map[*Conds]mappedConds) mappedConds {
	if l == nil {
		return mappedConds{list: base, feasible: true}
	}
	if m, ok := memo[l]; ok {
		return m
	}
	m := b.mapList(l.Tail, args, base, memo)
	if m.feasible {
		switch c, how := mapCond(l.Head, args); how {
		case condKept:
			m.list = b.cons(c, m.list)
		case condDropped:
			m.dropped++
		case condFails:
			m = mappedConds{}
		}
	}
	memo[l] = m
	return m
}

// What mapCond made of a condition.
const (
	condKept    = iota // expressed in the caller
	condHolds          // decided true by a constant argument
	condFails          // decided false by a constant argument
	condDropped        // not expressible in the caller
)

// mapCond rewrites one callee condition for the caller.
func mapCond(c Cond, args []Arg) (Cond, int) {
	if c.Path.Root < len(args) && c.Path.Field == "" && c.Path.Type == "" && args[c.Path.Root].isConst {
		if v, known := Eval(c, args[c.Path.Root].konst); known && !v {
			return Cond{}, condFails
		}
		return Cond{}, condHolds
	}
	p, ok := mapPath(c.Path, args)
	if !ok {
		return Cond{}, condDropped
	}
	c.Path = p
	return c, condKept
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
