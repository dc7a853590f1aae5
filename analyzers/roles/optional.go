package roles

import (
	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// checkOptional reports optional parameters of a role (NULL allowed: [in,
// optional], [out, optional], [in, out, optional]) that the function
// type-asserts with the one-value form or dereferences (a load, a store, a
// field access through the pointer) on a path where nothing was checked
// first, or on the nil branch of a nil test of the parameter itself.
//
// A branch counts as a check when its condition involves anything but the
// role's status parameters and constants: a nil test of the parameter, of
// course, but also a flag of the driver's context (a multipoint VC has a
// party context), which the pass cannot evaluate. Only a use reached
// through no branch, or through branches on the status alone, is reported,
// or a use the nil branch of the parameter's own nil test leads to. A nil
// test of the parameter that may run before the use but decides no branch
// to it (the branches join again) silences the use: the pass cannot relate
// it.
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
		if !p.Optional {
			continue
		}
		param := fn.Params[i+off]
		for _, ref := range *param.Referrers() {
			what, pos := unsafeUse(ref, param)
			if what == "" || done[pos] {
				continue
			}
			g := guardOf(ref, param, status)
			if g == checked {
				continue
			}
			done[pos] = true
			c.reportOptional(fi, fn, r, p, param, what, pos, g == onNil)
		}
	}
}

// guard is what the branches on the way to a use say of a parameter.
type guard int

const (
	// unchecked: no branch, or branches on the status alone.
	unchecked guard = iota
	// checked: a branch that may be a check (or a nil test the pass
	// cannot relate to the use).
	checked
	// onNil: the use is on the nil branch of the parameter's own nil test.
	onNil
)

// guardOf says what guards use, an instruction that uses param: the
// nearest nil test of param whose branch decides the use (its non-nil
// branch is a check, its nil branch makes the use a certain panic), else
// guarded's answer, except that a nil test of param that may run before
// the use and decides nothing (its branches join again) counts as a check.
func guardOf(use ssa.Instruction, param *ssa.Parameter, status map[*ssa.Parameter]bool) guard {
	b := use.Block()
	related := map[ssa.Value]bool{}
	nilBranch, nonNil := false, false
	for child, d := b, b.Idom(); d != nil; child, d = d, d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		nilSucc := ssafunc.NilBranch(iff.Cond, param)
		if nilSucc < 0 {
			continue
		}
		related[iff.Cond] = true
		for i, s := range d.Succs {
			if s.Dominates(child) {
				if i == nilSucc {
					nilBranch = true
				} else {
					nonNil = true
				}
			}
		}
	}
	switch {
	case nonNil:
		return checked // a contradictory nested test is dead code: silent
	case nilBranch:
		return onNil
	}
	for _, ref := range *param.Referrers() {
		if v, ok := ref.(ssa.Value); ok && !related[v] && ssafunc.NilBranch(v, param) >= 0 && mayRunBefore(ref, use) {
			return checked
		}
	}
	if guarded(b, status) {
		return checked
	}
	return unchecked
}

// mayRunBefore reports whether instruction a may run before b on some
// path: a precedes b in one block, or b's block is reachable from a's.
func mayRunBefore(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == bb {
		for _, in := range ab.Instrs {
			if in == a {
				return true
			}
			if in == b {
				break
			}
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), ab.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == bb {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return false
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
			return "store", in.Pos()
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
// onNil says the use is on the nil branch of the parameter's own nil test.
func (c *checker) reportOptional(fi *funcInfo, fn *ssa.Function, r *rules.Role, p rules.Param, param *ssa.Parameter, what string, pos token.Pos, onNil bool) {
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
	dir := strings.ReplaceAll(string(p.Dir), ",", ", ")
	if what == "store" {
		what = "store through" // "this store through p"
	} else {
		what += " of" // "this type assertion of p"
	}
	if onNil {
		c.rep.Reportf(rules.RuleRoleOptionalUnchecked, pos, end, related,
			"%s of %s is [%s, optional] on its page and may be NULL: this %s %s is on the branch where it is nil and panics; use it only where %s != nil",
			p.Name, r.Callback, dir, what, param.Name(), param.Name())
		return
	}
	c.rep.Reportf(rules.RuleRoleOptionalUnchecked, pos, end, related,
		"%s of %s is [%s, optional] on its page and may be NULL: this %s %s panics when it is; %s",
		p.Name, r.Callback, dir, what, param.Name(), hint)
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
