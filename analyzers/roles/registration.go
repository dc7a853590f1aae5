package roles

import (
	"go/ast"
	"go/token"
	"go/types"

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
// is not listed: the pass cannot tell what the helper sets. The calls that
// register them were found by the front end's walk (rolebind's
// Registrations): the pass does not walk the files again.
func (c *checker) registrations() []*registration {
	var out []*registration
	seen := map[ast.Node]bool{}
	for _, reg := range c.roles.Registrations {
		r := c.resolveRegistration(reg.Struct, reg.Call, reg.Arg)
		if r == nil {
			continue
		}
		key := ast.Node(r.lit)
		if r.lit == nil {
			key = reg.Arg
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, r)
		}
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
	u := c.structVars()[v]
	if u == nil || !u.declared {
		return nil
	}
	init, ok := c.structInit(u.init)
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
	for _, id := range u.uses {
		if !c.isRegArg(r, id) {
			return nil
		}
	}
	for _, f := range u.set {
		r.filled[f] = true
	}
	return r
}

// varUses is what the package does with one variable of a handler
// structure type.
type varUses struct {
	// declared is true when the package declares it; init is then its
	// initialiser: an expression, nil for none, or the whole statement for
	// a multi-value initialiser (not followed).
	declared bool
	init     ast.Node
	// set are the fields assigned a non-nil value (v.Slot = fn).
	set []string
	// uses are the uses of the variable other than field accesses.
	uses []*ast.Ident
}

// structVars indexes, in one walk of the package's files on first use, the
// variables of handler structure types (or pointers to them): where they
// are declared, which fields are assigned, and their other uses.
func (c *checker) structVars() map[*types.Var]*varUses {
	if c.vars != nil {
		return c.vars
	}
	c.vars = map[*types.Var]*varUses{}
	for _, f := range c.pass.Files {
		ast.Inspect(f, c.indexVarNode)
	}
	return c.vars
}

// indexVarNode records what node n does with a variable of a handler
// structure type; it is an ast.Inspect visitor.
func (c *checker) indexVarNode(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.ValueSpec:
		for i, id := range n.Names {
			if u := c.varOf(c.pass.TypesInfo.Defs[id]); u != nil {
				u.declared = true
				if len(n.Values) == len(n.Names) {
					u.init = n.Values[i]
				} else if len(n.Values) > 0 {
					u.init = n
				}
			}
		}
	case *ast.AssignStmt:
		c.indexAssign(n)
	case *ast.SelectorExpr:
		if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.varOf(c.pass.TypesInfo.Uses[id]) != nil {
			return false // a field access: fine
		}
	case *ast.Ident:
		if u := c.varOf(c.pass.TypesInfo.Uses[n]); u != nil {
			u.uses = append(u.uses, n)
		}
	}
	return true
}

// indexAssign records the definitions (v := T{...}) and the field
// assignments (v.Slot = fn) of an assignment.
func (c *checker) indexAssign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok {
			if u := c.varOf(c.pass.TypesInfo.Defs[id]); u != nil {
				u.declared = true
				if len(as.Lhs) == len(as.Rhs) {
					u.init = as.Rhs[i]
				} else {
					u.init = as
				}
			}
			continue
		}
		sel, ok := lhs.(*ast.SelectorExpr)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && !c.isNil(as.Rhs[i]) {
			if u := c.varOf(c.pass.TypesInfo.Uses[id]); u != nil {
				u.set = append(u.set, sel.Sel.Name)
			}
		}
	}
}

// varOf returns the index entry of obj when it is a variable of a handler
// structure type, creating it, or nil.
func (c *checker) varOf(obj types.Object) *varUses {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || c.api.Struct(v.Type()) == nil {
		return nil
	}
	u := c.vars[v]
	if u == nil {
		u = &varUses{}
		c.vars[v] = u
	}
	return u
}

// isRegArg reports whether id is the registration's argument (v or &v).
func (c *checker) isRegArg(r *registration, id *ast.Ident) bool {
	e := ast.Unparen(r.arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e == id
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
