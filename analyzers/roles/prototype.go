package roles

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// checkPrototypes compares each function declared for a role by directive
// with the role's prototype (role-prototype), and the parameter names of
// every function with one role with the page's names (role-param-names).
// Functions stored in slots or declared with a role type need no prototype
// check: the type checker already requires the exact signature.
func (c *checker) checkPrototypes() {
	for _, fi := range c.funcs {
		if fi.fn == nil || fi.fn.Pkg() != c.pass.Pkg {
			continue
		}
		matched := true
		for _, b := range fi.decls {
			if b.Via == "directive" && !c.checkPrototype(fi, b) {
				matched = false
			}
		}
		if rs := fi.allRoles(); matched && len(rs) == 1 {
			c.checkParamNames(fi, rs[0])
		}
	}
	for _, fi := range c.funcs {
		if fi.lit != nil {
			if rs := fi.allRoles(); len(rs) == 1 {
				c.checkParamNames(fi, rs[0])
			}
		}
	}
}

// checkPrototype reports the first difference between fi's signature and
// the prototype of the role directive b declares; it returns true when they
// match.
func (c *checker) checkPrototype(fi *funcInfo, b *rolebind.Binding) bool {
	want := c.roleSig(b.Role)
	if want == nil {
		return true
	}
	got := fi.fn.Signature()
	fd := c.decls[fi.fn]
	related := []analysis.RelatedInformation{{Pos: b.Pos, End: b.End, Message: "declared " + b.Role.Name + " here"}}
	if msg, pos, end := c.paramDiff(got, want, b.Role, fd); msg != "" {
		c.rep.Reportf(rules.RuleRolePrototype, pos, end, related, "%s does not match the %s prototype: %s", fi.name(), b.Role.Name, msg)
		return false
	}
	if msg := resultDiff(got, want, b.Role, c.typeString); msg != "" {
		pos, end := fd.Name.Pos(), fd.Name.End()
		if fd.Type.Results != nil {
			pos, end = fd.Type.Results.Pos(), fd.Type.Results.End()
		}
		c.rep.Reportf(rules.RuleRolePrototype, pos, end, related, "%s does not match the %s prototype: %s", fi.name(), b.Role.Name, msg)
		return false
	}
	return true
}

// paramDiff describes the first parameter difference, with the position of
// the parameter (or of the parameter list).
func (c *checker) paramDiff(got, want *types.Signature, r *rules.Role, fd *ast.FuncDecl) (string, token.Pos, token.Pos) {
	gp, wp := got.Params(), want.Params()
	lp, le := fd.Type.Params.Pos(), fd.Type.Params.End()
	if gp.Len() != wp.Len() {
		return fmt.Sprintf("it takes %d parameters; the page's %s takes %d: %s",
			gp.Len(), r.Callback, wp.Len(), pageParams(r)), lp, le
	}
	first := -1
	for i := 0; i < gp.Len(); i++ {
		if !types.Identical(gp.At(i).Type(), wp.At(i).Type()) {
			first = i
			break
		}
	}
	if first < 0 {
		return "", token.NoPos, token.NoPos
	}
	pos, end := paramPos(fd, first)
	if samePermutation(gp, wp) {
		return fmt.Sprintf("its parameters are in the wrong order; the page's order is %s", pageParams(r)), lp, le
	}
	p := r.Params[first]
	return fmt.Sprintf("parameter %d (%s) is %s; the page's %s is %s (%s)",
		first+1, gp.At(first).Name(), c.typeString(gp.At(first).Type()), p.Name, p.CType, p.GoType), pos, end
}

// resultDiff describes a difference of results.
func resultDiff(got, want *types.Signature, r *rules.Role, typeString func(types.Type) string) string {
	g, w := got.Results(), want.Results()
	if types.Identical(g, w) {
		return ""
	}
	wantS := "returns nothing (VOID)"
	if w.Len() > 0 {
		wantS = "returns " + r.Returns + " (" + r.GoReturns + ")"
	}
	gotS := "it returns nothing"
	if g.Len() > 0 {
		var ts []string
		for i := 0; i < g.Len(); i++ {
			ts = append(ts, typeString(g.At(i).Type()))
		}
		gotS = "it returns " + strings.Join(ts, ", ")
	}
	return gotS + "; the page's " + r.Callback + " " + wantS
}

// samePermutation reports whether the parameter types of a and b are the
// same multiset (a reordering).
func samePermutation(a, b *types.Tuple) bool {
	used := make([]bool, b.Len())
	for i := 0; i < a.Len(); i++ {
		found := false
		for j := 0; j < b.Len(); j++ {
			if !used[j] && types.Identical(a.At(i).Type(), b.At(j).Type()) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// pageParams formats a role's parameters as the page gives them.
func pageParams(r *rules.Role) string {
	var ps []string
	for _, p := range r.Params {
		ps = append(ps, p.Name+" "+p.GoType)
	}
	return "(" + strings.Join(ps, ", ") + ")"
}

// paramPos returns the position of parameter i of fd.
func paramPos(fd *ast.FuncDecl, i int) (token.Pos, token.Pos) {
	if id := paramIdent(fd.Type, i); id != nil {
		return id.Pos(), id.End()
	}
	return fd.Type.Params.Pos(), fd.Type.Params.End()
}

// paramIdent returns the name of parameter i of ft, or nil when it has none.
func paramIdent(ft *ast.FuncType, i int) *ast.Ident {
	n := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			if n == i {
				return nil
			}
			n++
			continue
		}
		for _, id := range f.Names {
			if n == i {
				return id
			}
			n++
		}
	}
	return nil
}

// typeString prints a type relative to the package.
func (c *checker) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

// checkParamNames reports a parameter named with the page's name of another
// position of the role (the party context in the VC context's place).
func (c *checker) checkParamNames(fi *funcInfo, r *rules.Role) {
	ft := c.funcType(fi)
	if ft == nil {
		return
	}
	for i := 0; i < len(r.Params); i++ {
		id := paramIdent(ft, i)
		if id == nil {
			continue
		}
		j := pageIndex(r, id.Name)
		if j < 0 || j == i {
			continue
		}
		c.rep.Reportf(rules.RuleRoleParamNames, id.Pos(), id.End(), nil,
			"parameter %d of %s is named %s, the page's name for parameter %d of %s; parameter %d is %s: the arguments may be used in each other's place",
			i+1, fi.name(), id.Name, j+1, r.Name, i+1, r.Params[i].Name)
		return
	}
}

// funcType returns the syntax of fi's signature in this package, or nil.
func (c *checker) funcType(fi *funcInfo) *ast.FuncType {
	if fi.lit != nil {
		return fi.lit.Type
	}
	if fd := c.decls[fi.fn]; fd != nil {
		return fd.Type
	}
	return nil
}

// pageIndex returns the position of the page parameter called name (the
// page's spelling or the Go one, case and underscores aside), or -1.
func pageIndex(r *rules.Role, name string) int {
	n := normName(name)
	if n == "" {
		return -1
	}
	for j, p := range r.Params {
		if normName(p.Name) == n || normName(p.GoName) == n {
			return j
		}
	}
	return -1
}

// normName lower-cases a name and drops underscores.
func normName(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "_", ""))
}
