package roles

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// checkOptional reports [in, optional] parameters of a role (NULL allowed)
// that the function type-asserts with the one-value form or dereferences on
// a path where nothing was checked first.
//
// A branch counts as a check when its condition involves anything but the
// role's status parameters and constants: a nil test of the parameter, of
// course, but also a flag of the driver's context (a multipoint VC has a
// party context), which the pass cannot evaluate. Only a use reached
// through no branch, or through branches on the status alone, is reported.
func (c *checker) checkOptional() {
	for _, fi := range c.funcs {
		fn := c.ssaFunc(fi)
		if fn == nil {
			continue
		}
		done := map[token.Pos]bool{}
		for _, r := range fi.allRoles() {
			c.checkOptionalParams(fi, fn, r, done)
		}
	}
}

// checkOptionalParams checks fn's optional parameters under role r.
func (c *checker) checkOptionalParams(fi *funcInfo, fn *ssa.Function, r *rules.Role, done map[token.Pos]bool) {
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	if len(fn.Params)-off != len(r.Params) {
		return // not the role's prototype: role-prototype says so
	}
	status := map[*ssa.Parameter]bool{}
	for i, p := range r.Params {
		if p.Kind == rules.KindStatus {
			status[fn.Params[i+off]] = true
		}
	}
	for i, p := range r.Params {
		if !p.Optional || p.Dir != rules.In {
			continue
		}
		param := fn.Params[i+off]
		for _, ref := range *param.Referrers() {
			what, pos := unsafeUse(ref, param)
			if what == "" || done[pos] || guarded(ref.Block(), status) {
				continue
			}
			done[pos] = true
			c.reportOptional(fi, fn, r, p, param, what, pos)
		}
	}
}

// unsafeUse says whether instr uses v in a way that panics when v is nil:
// a one-value type assertion or a dereference.
func unsafeUse(instr ssa.Instruction, v ssa.Value) (string, token.Pos) {
	switch in := instr.(type) {
	case *ssa.TypeAssert:
		if in.X == v && !in.CommaOk {
			return "type assertion", in.Pos()
		}
	case *ssa.UnOp:
		if in.X == v && in.Op == token.MUL {
			return "dereference", in.Pos()
		}
	case *ssa.FieldAddr:
		if in.X == v {
			return "field access", in.Pos()
		}
	case *ssa.Store:
		if in.Addr == v {
			return "store through it", in.Pos()
		}
	}
	return "", token.NoPos
}

// guarded reports whether some branch on the way to b may be a check: a
// dominating branch whose taken edge leads only to b, on a condition that is
// not made of the status parameters and constants alone.
func guarded(b *ssa.BasicBlock, status map[*ssa.Parameter]bool) bool {
	for child, d := b, b.Idom(); d != nil; child, d = d, d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		// The branch decides the use only if one successor dominates it.
		for _, s := range d.Succs {
			if s.Dominates(child) && !statusOnly(iff.Cond, status, 0) {
				return true
			}
		}
	}
	return false
}

// statusOnly reports whether v is computed from status parameters and
// constants alone.
func statusOnly(v ssa.Value, status map[*ssa.Parameter]bool, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.Parameter:
		return status[v]
	case *ssa.BinOp:
		return statusOnly(v.X, status, depth+1) && statusOnly(v.Y, status, depth+1)
	case *ssa.UnOp:
		return v.Op != token.MUL && v.Op != token.ARROW && statusOnly(v.X, status, depth+1)
	case *ssa.ChangeType:
		return statusOnly(v.X, status, depth+1)
	case *ssa.Convert:
		return statusOnly(v.X, status, depth+1)
	}
	return false
}

// reportOptional reports one unchecked use of an optional parameter.
func (c *checker) reportOptional(fi *funcInfo, fn *ssa.Function, r *rules.Role, p rules.Param, param *ssa.Parameter, what string, pos token.Pos) {
	end := pos
	if e := exprAt(fn.Syntax(), pos); e != nil {
		pos, end = e.Pos(), e.End()
	}
	hint := "check it for nil first"
	if what == "type assertion" {
		hint += ", or use the two-value form v, ok := " + param.Name() + ".(T)"
	}
	var related []analysis.RelatedInformation
	if b := firstBinding(fi, r); b != nil {
		related = append(related, analysis.RelatedInformation{Pos: b.Pos, End: b.End, Message: roleOrigin(b)})
	}
	c.rep.Reportf(rules.RuleRoleOptionalUnchecked, pos, end, related,
		"%s of %s is [in, optional] on its page and may be NULL: this %s of %s panics when it is; %s",
		p.Name, r.Callback, what, param.Name(), hint)
}

// exprAt returns the type assertion, star or selector expression whose
// operator is at pos in syntax, or nil.
func exprAt(syntax ast.Node, pos token.Pos) ast.Expr {
	if syntax == nil {
		return nil
	}
	var found ast.Expr
	ast.Inspect(syntax, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch e := n.(type) {
		case *ast.TypeAssertExpr:
			if e.Lparen == pos {
				found = e
			}
		case *ast.StarExpr:
			if e.Star == pos {
				found = e
			}
		case *ast.SelectorExpr:
			if e.Sel.Pos() == pos {
				found = e
			}
		}
		return true
	})
	return found
}
