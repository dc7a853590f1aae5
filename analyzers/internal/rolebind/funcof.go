package rolebind

import (
	"go/ast"
	"go/types"
)

// Resolver resolves function-valued expressions to the function they denote.
type Resolver struct {
	info *types.Info
	// defs maps a local variable to its initialiser when it is declared
	// with one; assigns counts the assignments after the declaration.
	defs    map[*types.Var]ast.Expr
	assigns map[*types.Var]int
}

// newResolver returns a resolver with nothing indexed yet: Find's walk
// calls assign and valueSpec on every node of those kinds before resolving
// (the definitions are indexed in the walk that finds the bindings, not in
// a walk of their own).
func newResolver(info *types.Info) *Resolver {
	return &Resolver{info: info, defs: map[*types.Var]ast.Expr{}, assigns: map[*types.Var]int{}}
}

// valueSpec records var v = e definitions.
func (r *Resolver) valueSpec(n *ast.ValueSpec) {
	for i, id := range n.Names {
		if v, ok := r.info.Defs[id].(*types.Var); ok && i < len(n.Values) && len(n.Names) == len(n.Values) {
			r.defs[v] = n.Values[i]
		}
	}
}

// assign records := definitions and = assignments.
func (r *Resolver) assign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := r.info.Defs[id].(*types.Var); ok {
			if len(as.Lhs) == len(as.Rhs) {
				r.defs[v] = as.Rhs[i]
			}
			continue
		}
		if v, ok := r.info.Uses[id].(*types.Var); ok {
			r.assigns[v]++
		}
	}
}

// FuncOf resolves a function-valued expression to the function or method it
// denotes, or to a function literal. It returns (nil, nil) when the value
// cannot be resolved (a parameter, a field, an interface method, a variable
// assigned more than once): callers then say nothing.
func (r *Resolver) FuncOf(e ast.Expr) (*types.Func, *ast.FuncLit) {
	for depth := 0; depth < 8; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			return nil, x
		case *ast.Ident:
			switch obj := r.info.Uses[x].(type) {
			case *types.Func:
				return obj, nil
			case *types.Var:
				def, ok := r.defs[obj]
				if !ok || r.assigns[obj] > 0 {
					return nil, nil
				}
				e = def
				continue
			}
			return nil, nil
		case *ast.SelectorExpr:
			if sel := r.info.Selections[x]; sel != nil {
				if sel.Kind() == types.MethodVal || sel.Kind() == types.MethodExpr {
					fn, _ := sel.Obj().(*types.Func)
					return fn, nil
				}
				return nil, nil
			}
			fn, _ := r.info.Uses[x.Sel].(*types.Func)
			return fn, nil
		case *ast.CallExpr:
			// A conversion to a role type: ndis.ProtocolCoDeleteVc(f).
			if tv, ok := r.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			return nil, nil
		default:
			return nil, nil
		}
	}
	return nil, nil
}
