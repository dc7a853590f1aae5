package roletypes

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/ndislint/ndislint/rules"
)

// registration is one handler structure passed to the DDI that registers
// it, with the slots the analysis sees filled.
type registration struct {
	hs   *rules.HandlerStruct
	call *ast.CallExpr
	arg  ast.Expr
	// lit is the composite literal the value comes from, if any (nil for
	// new(T) and for a zero-valued variable).
	lit *ast.CompositeLit
	// filled are the slots given a non-nil value.
	filled map[string]bool
}

// registrations finds the handler structures the package registers whose
// every filled slot the analysis can see: a literal passed directly, or a
// variable initialised with one (or new(T), or nothing) whose only other
// uses are field accesses. A structure filled by a helper it is passed to
// is not listed: the pass cannot tell what the helper sets.
func (c *checker) registrations() []*registration {
	var out []*registration
	seen := map[ast.Node]bool{}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
			d := c.api.DDI(fn)
			if d == nil {
				return true
			}
			for _, arg := range call.Args {
				hs := c.api.Struct(c.pass.TypesInfo.TypeOf(arg))
				if hs == nil || hs.RegisteredBy != d.Name {
					continue
				}
				if r := c.resolveRegistration(hs, call, arg); r != nil {
					key := ast.Node(r.lit)
					if r.lit == nil {
						key = arg
					}
					if !seen[key] {
						seen[key] = true
						out = append(out, r)
					}
				}
			}
			return true
		})
	}
	return out
}

// resolveRegistration follows arg to the structure value it registers.
func (c *checker) resolveRegistration(hs *rules.HandlerStruct, call *ast.CallExpr, arg ast.Expr) *registration {
	r := &registration{hs: hs, call: call, arg: arg, filled: map[string]bool{}}
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		r.lit = e
		c.fillFromLit(r, e)
		return r
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return nil
		}
		return c.fillFromVar(r, v)
	}
	return nil
}

// fillFromLit records the slots a literal fills.
func (c *checker) fillFromLit(r *registration, lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && !c.isNil(kv.Value) {
				r.filled[id.Name] = true
			}
			continue
		}
		if i < st.NumFields() && !c.isNil(elt) {
			r.filled[st.Field(i).Name()] = true
		}
	}
}

// fillFromVar records the slots of a variable registered by name: its
// initialiser and the field assignments to it. It returns nil when the
// variable escapes (any use but a field access and the registration).
func (c *checker) fillFromVar(r *registration, v *types.Var) *registration {
	init, ok := c.initOf(v)
	if !ok {
		return nil
	}
	switch init := init.(type) {
	case *ast.CompositeLit:
		r.lit = init
		c.fillFromLit(r, init)
	case nil:
	default:
		return nil
	}
	for _, f := range c.pass.Files {
		escaped := false
		ast.Inspect(f, func(n ast.Node) bool {
			if escaped {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				c.fieldAssigns(r, v, n)
			case *ast.SelectorExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
					return false // a field access: fine
				}
			case *ast.Ident:
				if c.pass.TypesInfo.Uses[n] == v && !c.isRegArg(r, n) {
					escaped = true
				}
			}
			return true
		})
		if escaped {
			return nil
		}
	}
	return r
}

// fieldAssigns records v.Slot = fn assignments.
func (c *checker) fieldAssigns(r *registration, v *types.Var, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := lhs.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v && !c.isNil(as.Rhs[i]) {
			r.filled[sel.Sel.Name] = true
		}
	}
}

// isRegArg reports whether id is the registration's argument (v or &v).
func (c *checker) isRegArg(r *registration, id *ast.Ident) bool {
	e := ast.Unparen(r.arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e == id
}

// initOf returns the initialiser of a variable declared in the package: a
// composite literal (also under &), nil for new(T) or no initialiser; ok is
// false when it is anything else or the variable is not declared here.
func (c *checker) initOf(v *types.Var) (ast.Expr, bool) {
	var init ast.Node
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if c.pass.TypesInfo.Defs[id] == v {
						found = true
						if len(n.Values) == len(n.Names) {
							init = n.Values[i]
						} else if len(n.Values) > 0 {
							init = n // a multi-value initialiser: not followed
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && c.pass.TypesInfo.Defs[id] == v {
						found = true
						if len(n.Lhs) == len(n.Rhs) {
							init = n.Rhs[i]
						} else {
							init = n
						}
					}
				}
			}
			return true
		})
	}
	if !found {
		return nil, false
	}
	return c.structInit(init)
}

// structInit reads an initialiser: T{...}, &T{...}, new(T) or none.
func (c *checker) structInit(init ast.Node) (ast.Expr, bool) {
	if init == nil {
		return nil, true
	}
	e, ok := init.(ast.Expr)
	if !ok {
		return nil, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return e, true
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return nil, true
			}
		}
	}
	return nil, false
}

// isNil reports whether e is the untyped nil.
func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.IsNil()
}
