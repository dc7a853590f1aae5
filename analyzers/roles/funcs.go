package roles

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// funcInfo gathers what is known of the roles of one function.
type funcInfo struct {
	fn    *types.Func         // the function or method, nil for a literal
	lit   *ast.FuncLit        // the literal, nil for a function
	decls []*rolebind.Binding // declarations: directives, var _ ndis.ProtocolX = f
	uses  []*rolebind.Binding // slots, arguments, conversions, assignments
	// fact is what the function's own package said, for functions of
	// other packages.
	fact *rolebind.Fact
}

// name is how messages name the function.
func (fi *funcInfo) name() string {
	switch {
	case fi.lit != nil:
		return "the function literal"
	case fi.fn.Signature().Recv() != nil:
		return recvName(fi.fn) + "." + fi.fn.Name()
	}
	return fi.fn.Name()
}

// recvName is the receiver's type name of a method.
func recvName(fn *types.Func) string {
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return t.String()
}

// collect groups the role bindings of the package by function, in source
// order, and attaches the facts of functions from other packages.
func (c *checker) collect() {
	byFn := map[*types.Func]*funcInfo{}
	byLit := map[*ast.FuncLit]*funcInfo{}
	for _, b := range c.roles.Bindings {
		var fi *funcInfo
		switch {
		case b.Fn != nil:
			fi = byFn[b.Fn.Origin()]
			if fi == nil {
				fi = &funcInfo{fn: b.Fn.Origin(), fact: rolebind.ImportFact(c.pass, b.Fn)}
				byFn[fi.fn] = fi
				c.funcs = append(c.funcs, fi)
			}
		case b.Lit != nil:
			fi = byLit[b.Lit]
			if fi == nil {
				fi = &funcInfo{lit: b.Lit}
				byLit[b.Lit] = fi
				c.funcs = append(c.funcs, fi)
			}
		default:
			continue
		}
		if b.IsDeclaration() {
			fi.decls = append(fi.decls, b)
		} else {
			fi.uses = append(fi.uses, b)
		}
	}
}

// declared returns the distinct roles fi is declared for: here, in source
// order, then those its own package declared.
func (fi *funcInfo) declared(cat *rules.Catalogue) []*rules.Role {
	var out []*rules.Role
	for _, b := range fi.decls {
		out = addRole(out, b.Role)
	}
	if fi.fact != nil {
		for _, n := range fi.fact.Declared {
			if r := cat.Role(n); r != nil {
				out = addRole(out, r)
			}
		}
	}
	return out
}

// allRoles returns every distinct role fi has here (declared or used).
func (fi *funcInfo) allRoles() []*rules.Role {
	var out []*rules.Role
	for _, b := range fi.decls {
		out = addRole(out, b.Role)
	}
	for _, b := range fi.uses {
		out = addRole(out, b.Role)
	}
	return out
}

func addRole(rs []*rules.Role, r *rules.Role) []*rules.Role {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

func hasRole(rs []*rules.Role, r *rules.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// where describes a use of a function in a role for messages: "stored in
// ClCloseAfCompleteHandler, a PROTOCOL_CL_CLOSE_AF_COMPLETE slot".
func where(b *rolebind.Binding) string {
	switch {
	case b.Via == "slot":
		return "stored in " + b.Slot + ", a " + b.Role.Name + " slot"
	case b.Form == "argument":
		return "passed as a " + b.Role.Name
	case b.Form == "conversion":
		return "converted to " + b.Role.Name
	case b.Form == "assign":
		return "assigned to a " + b.Role.Name
	case b.Form == "field":
		return "stored in a " + b.Role.Name + " field"
	}
	return "used as " + b.Role.Name
}

// declPos returns where a declaration binding is, for related information.
func declPos(b *rolebind.Binding) (token.Pos, token.Pos, string) {
	if b.Via == "directive" {
		return b.Pos, b.End, "declared " + b.Role.Name + " here"
	}
	return b.Pos, b.End, "declared " + b.Role.Name + " here (a " + b.Role.GoName + " variable)"
}
