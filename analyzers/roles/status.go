package roles

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/rules"
)

// checkStatuses reports returns of statuses a role's page does not allow.
func (c *checker) checkStatuses() {
	for _, fi := range c.funcs {
		fn := c.ssaFunc(fi)
		if fn == nil {
			continue
		}
		var sites []statuses.Site
		reported := map[string]bool{}
		for _, r := range fi.allRoles() {
			if !c.returnsStatus(r) {
				continue
			}
			if sites == nil {
				sites = c.sts.Sites(fn)
			}
			for _, s := range sites {
				for _, v := range s.Vals {
					key := fmt.Sprint(s.Pos, v.Exact)
					if v.Name == "" || reported[key] {
						continue
					}
					if why := c.disallowed(fi, r, v.Name); why != "" {
						reported[key] = true
						c.reportStatus(fi, r, s, v, why)
					}
				}
			}
		}
	}
}

// returnsStatus reports whether role r returns NDIS_STATUS (its type in
// the runtime returns ndis.Status).
func (c *checker) returnsStatus(r *rules.Role) bool {
	sig := c.roleSig(r)
	return sig != nil && sig.Results().Len() == 1 && c.api.IsStatus(sig.Results().At(0).Type())
}

// disallowed says why role r may not return the status called name, or
// returns "" when it may (or when the page does not tell, or another rule
// owns the pair: rules.Owner).
func (c *checker) disallowed(fi *funcInfo, r *rules.Role, name string) string {
	if o := rules.Owner(r.Name, name); o != nil && o.Pass != passName {
		return "" // reported once, by the rule that owns it
	}
	if contains(r.Forbidden, name) {
		return "its page forbids it"
	}
	if name == rules.StatusPending && !r.MayPend {
		return "the role cannot pend: no DDI completes it"
	}
	if len(r.Statuses) == 0 || contains(r.Statuses, rules.StatusAny) || contains(r.Statuses, name) {
		return ""
	}
	if c.placeholderStatus(fi, name) {
		return ""
	}
	return "its page allows only " + strings.Join(r.Statuses, ", ")
}

// placeholderStatus reports whether fi is a handler of a structure whose
// page lets every handler return the status called name for what the driver
// does not support (HandlerStruct.Placeholder): it is stored in one of its
// slots, or declared for a role one of its slots takes.
func (c *checker) placeholderStatus(fi *funcInfo, name string) bool {
	for i := range c.api.Cat.Structs {
		hs := &c.api.Cat.Structs[i]
		if hs.Placeholder == nil || hs.Placeholder.Status != name {
			continue
		}
		for _, u := range fi.uses {
			if u.Via == "slot" && u.Struct == hs.Name {
				return true
			}
		}
		for _, b := range fi.decls {
			for _, sl := range hs.Slots {
				if sl.Role == b.Role.Name {
					return true
				}
			}
		}
	}
	return false
}

// reportStatus reports one disallowed status at a return.
func (c *checker) reportStatus(fi *funcInfo, r *rules.Role, s statuses.Site, v statuses.Value, why string) {
	name := v.Name
	var related []analysis.RelatedInformation
	via := ""
	if v.Via != "" {
		via = " (from " + v.Via + ")"
		if v.Pos.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: v.Pos, Message: name + " may come from " + v.Via + " here"})
		}
	}
	if b := firstBinding(fi, r); b != nil {
		related = append(related, analysis.RelatedInformation{Pos: b.Pos, End: b.End, Message: roleOrigin(b)})
	}
	c.rep.Reportf(rules.RuleRoleBadStatus, s.Pos, s.Pos, related, "%s may return %s here%s; %s (%s)", r.Callback, name, via, why, r.Page)
}

// firstBinding returns fi's first binding to r.
func firstBinding(fi *funcInfo, r *rules.Role) *rolebind.Binding {
	for _, b := range append(append([]*rolebind.Binding(nil), fi.decls...), fi.uses...) {
		if b.Role == r {
			return b
		}
	}
	return nil
}

// roleOrigin says where a function got its role, for related information.
func roleOrigin(b *rolebind.Binding) string {
	if b.IsDeclaration() {
		_, _, m := declPos(b)
		return m
	}
	return where(b) + " here"
}

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
