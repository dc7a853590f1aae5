package roles

import (
	"go/types"
	"maps"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// checkRoles applies the nominal rules to every function with a role:
// role-mismatch, role-conflict and role-undeclared.
func (c *checker) checkRoles() {
	for _, fi := range c.funcs {
		declared := fi.declared(c.api.Cat)
		if len(declared) > 1 {
			c.reportDeclaredTwice(fi)
		}
		if len(declared) > 0 {
			c.checkUsesAgainst(fi, declared)
			continue
		}
		c.checkUndeclared(fi)
	}
}

// reportDeclaredTwice reports each declaration of fi in this package whose
// role differs from the first one's.
func (c *checker) reportDeclaredTwice(fi *funcInfo) {
	declared := fi.declared(c.api.Cat)
	first := declared[0]
	var firstB *rolebind.Binding
	for _, b := range fi.decls {
		if firstB == nil {
			firstB = b
		}
		if b.Role == first {
			continue
		}
		var related []analysis.RelatedInformation
		if firstB.Role == first {
			p, e, m := declPos(firstB)
			related = append(related, analysis.RelatedInformation{Pos: p, End: e, Message: m})
		} else {
			related = append(related, analysis.RelatedInformation{Pos: fi.fn.Pos(), Message: "declared " + first.Name + " in package " + fi.fn.Pkg().Name()})
		}
		c.rep.Reportf(rules.RuleRoleConflict, b.Pos, b.End, related,
			"%s is declared for two roles, %s and %s: a function serves one role", fi.name(), first.Name, b.Role.Name)
	}
}

// checkUsesAgainst reports each use of fi in a role it is not declared for.
func (c *checker) checkUsesAgainst(fi *funcInfo, declared []*rules.Role) {
	seen := map[[2]int]bool{}
	for _, u := range fi.uses {
		if hasRole(declared, u.Role) || insideAnother(u, fi.uses) {
			continue
		}
		key := [2]int{int(u.Pos), int(u.End)}
		if seen[key] {
			continue
		}
		seen[key] = true
		var related []analysis.RelatedInformation
		for _, d := range fi.decls {
			p, e, m := declPos(d)
			related = append(related, analysis.RelatedInformation{Pos: p, End: e, Message: m})
		}
		if len(fi.decls) == 0 && fi.fn != nil {
			related = append(related, analysis.RelatedInformation{Pos: fi.fn.Pos(),
				Message: "declared " + names(declared) + " in package " + fi.fn.Pkg().Name()})
		}
		c.rep.Reportf(rules.RuleRoleMismatch, u.Pos, u.End, related,
			"%s is declared %s but %s: the roles share a signature, not a contract", fi.name(), names(declared), where(u))
	}
}

// checkUndeclared handles a function with no declared role: used in two
// roles (role-conflict), or stored in a slot whose signature other roles
// share (role-undeclared).
func (c *checker) checkUndeclared(fi *funcInfo) {
	var used []*rules.Role
	if fi.fact != nil {
		for _, n := range fi.fact.Used {
			if r := c.api.Cat.Role(n); r != nil {
				used = addRole(used, r)
			}
		}
	}
	for _, u := range fi.uses {
		used = addRole(used, u.Role)
	}
	if len(used) > 1 {
		c.reportUsedTwice(fi, used[0])
		return
	}
	if fi.lit != nil {
		return // a literal written in its slot says what it is for
	}
	for _, u := range fi.uses {
		if u.Via != "slot" {
			continue
		}
		if others := c.sharing(u.Role); len(others) > 0 {
			c.reportUndeclared(fi, u, others)
			return
		}
	}
}

// reportUsedTwice reports each use of fi whose role differs from first.
func (c *checker) reportUsedTwice(fi *funcInfo, first *rules.Role) {
	var firstB *rolebind.Binding
	for _, u := range fi.uses {
		if u.Role == first {
			if firstB == nil {
				firstB = u
			}
			continue
		}
		var related []analysis.RelatedInformation
		if firstB != nil {
			related = append(related, analysis.RelatedInformation{Pos: firstB.Pos, End: firstB.End, Message: "also " + where(firstB)})
		} else if fi.fn != nil {
			related = append(related, analysis.RelatedInformation{Pos: fi.fn.Pos(), Message: "used as " + first.Name + " in package " + fi.fn.Pkg().Name()})
		}
		c.rep.Reportf(rules.RuleRoleConflict, u.Pos, u.End, related,
			"%s is used as both %s and %s: a function serves one role", fi.name(), first.Name, u.Role.Name)
	}
}

// names joins role names for a message: "A", "A and B", "A, B and C",
// and past three (shownItems) the first three and "and N more" (cutList).
func names(rs []*rules.Role) string {
	var ns []string
	for _, r := range rs {
		ns = append(ns, r.Name)
	}
	switch {
	case len(ns) <= 1:
		return strings.Join(ns, "")
	case len(ns) > shownItems:
		return cutList(ns)
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// roleSig returns the signature of a role's type in package ndis, or nil.
func (c *checker) roleSig(r *rules.Role) *types.Signature {
	tn, ok := c.api.Ndis.Scope().Lookup(r.GoName).(*types.TypeName)
	if !ok {
		return nil
	}
	sig, _ := tn.Type().Underlying().(*types.Signature)
	return sig
}

// kindsRegistered returns the kinds of driver whose handler slots the
// package fills.
func (c *checker) kindsRegistered() map[rules.DriverKind]bool {
	kinds := map[rules.DriverKind]bool{}
	for _, b := range c.roles.Bindings {
		if b.Via == "slot" {
			kinds[b.Role.Driver] = true
		}
	}
	return kinds
}

// sharing returns the other roles with r's exact signature that a driver of
// the package's kinds implements: a miniport role is no alternative for a
// protocol driver's slot unless the package also fills miniport slots (a
// miniport call manager).
func (c *checker) sharing(r *rules.Role) []*rules.Role {
	if out, ok := c.shared[r]; ok {
		return out
	}
	out := c.findSharing(r)
	if c.shared == nil {
		c.shared = map[*rules.Role][]*rules.Role{}
	}
	c.shared[r] = out
	return out
}

// findSharing computes sharing(r); the kinds the package registers are
// read once per run.
func (c *checker) findSharing(r *rules.Role) []*rules.Role {
	sig := c.roleSig(r)
	if sig == nil {
		return nil
	}
	if c.kinds == nil {
		c.kinds = c.kindsRegistered()
	}
	kinds := maps.Clone(c.kinds)
	kinds[r.Driver] = true
	var out []*rules.Role
	for i := range c.api.Cat.Roles {
		o := &c.api.Cat.Roles[i]
		if o == r {
			continue
		}
		if k := o.Driver; k != rules.DriverAny && !kinds[k] {
			continue
		}
		if os := c.roleSig(o); os != nil && types.Identical(sig, os) {
			out = append(out, o)
		}
	}
	return out
}

// insideAnother reports whether u is a conversion inside another use of the
// same role (ClCloseAfCompleteHandler: ndis.ProtocolClCloseAfComplete(f)):
// the outer use is the one reported.
func insideAnother(u *rolebind.Binding, uses []*rolebind.Binding) bool {
	if u.Form != "conversion" {
		return false
	}
	for _, o := range uses {
		if o != u && o.Role == u.Role && o.Pos <= u.Pos && u.End <= o.End && (o.Pos != u.Pos || o.End != u.End) {
			return true
		}
	}
	return false
}
