package roletypes

import (
	"fmt"
	"go/constant"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/rules"
)

// vclifetimeOwns is the one role/status pair the vclifetime pass reports
// (vc-delete-handler-pends); this pass leaves it alone so that it is
// reported once.
var vclifetimeOwns = [2]string{"PROTOCOL_CO_DELETE_VC", "NDIS_STATUS_PENDING"}

// notSupportedStructs are the handler structures whose pages allow every
// handler to return NDIS_STATUS_NOT_SUPPORTED for what the driver does not
// support ("its placeholder ProtocolXxx functions should simply return
// NDIS_STATUS_NOT_SUPPORTED"), whatever the handler's own page lists.
var notSupportedStructs = map[string]bool{
	"NDIS_CO_CLIENT_OPTIONAL_HANDLERS":       true,
	"NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS": true,
}

// statusAny is the catalogue's entry for "NDIS_STATUS_XXX": any failure
// status; a list holding it is not exhaustive.
const statusAny = "NDIS_STATUS_XXX"

// checkStatuses reports returns of statuses a role's page does not allow.
func (c *checker) checkStatuses() {
	names := c.statusNames()
	for _, fi := range c.funcs {
		fn := c.ssaFunc(fi)
		if fn == nil {
			continue
		}
		var sites []statuses.Site
		reported := map[string]bool{}
		for _, r := range fi.allRoles() {
			if r.GoReturns != "ndis.Status" {
				continue
			}
			if sites == nil {
				sites = c.sts.Sites(fn)
			}
			for _, s := range sites {
				for _, v := range s.Vals {
					name := names[v.Exact]
					if name == "" || reported[fmt.Sprint(s.Pos, v.Exact)] {
						continue
					}
					if why := c.disallowed(fi, r, name); why != "" {
						reported[fmt.Sprint(s.Pos, v.Exact)] = true
						c.reportStatus(fi, r, s, v, name, why)
					}
				}
			}
		}
	}
}

// disallowed says why role r may not return the status called name, or
// returns "" when it may (or when the page does not tell).
func (c *checker) disallowed(fi *funcInfo, r *rules.Role, name string) string {
	if r.Name == vclifetimeOwns[0] && name == vclifetimeOwns[1] {
		return ""
	}
	for _, f := range r.Forbidden {
		if f == name {
			return "its page forbids it"
		}
	}
	if name == "NDIS_STATUS_PENDING" && !r.MayPend {
		return "the role cannot pend: no DDI completes it"
	}
	if len(r.Statuses) == 0 || contains(r.Statuses, statusAny) || contains(r.Statuses, name) {
		return ""
	}
	if name == "NDIS_STATUS_NOT_SUPPORTED" && c.inNotSupportedStruct(fi) {
		return ""
	}
	return "its page allows only " + strings.Join(r.Statuses, ", ")
}

// inNotSupportedStruct reports whether fi is stored in a slot of a
// structure whose page lets every handler return NDIS_STATUS_NOT_SUPPORTED.
func (c *checker) inNotSupportedStruct(fi *funcInfo) bool {
	for _, u := range fi.uses {
		if u.Via == "slot" && notSupportedStructs[u.Struct] {
			return true
		}
	}
	for _, b := range fi.decls {
		for _, s := range c.api.Cat.Structs {
			if !notSupportedStructs[s.Name] {
				continue
			}
			for _, sl := range s.Slots {
				if sl.Role == b.Role.Name {
					return true
				}
			}
		}
	}
	return false
}

// reportStatus reports one disallowed status at a return.
func (c *checker) reportStatus(fi *funcInfo, r *rules.Role, s statuses.Site, v statuses.Value, name, why string) {
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
	c.rep.Reportf(RuleStatus, s.Pos, s.Pos, related, "%s may return %s here%s; %s (%s)", r.Callback, name, via, why, r.Page)
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

// statusNames maps the exact value of each NDIS_STATUS constant of the
// runtime to its NDIS name (StatusNotSupported -> NDIS_STATUS_NOT_SUPPORTED).
// Where two constants share a value, the name that sorts first wins.
func (c *checker) statusNames() map[string]string {
	pend := c.api.Status("StatusPending")
	out := map[string]string{}
	if pend == nil {
		return out
	}
	scope := c.api.Ndis.Scope()
	ns := scope.Names()
	sort.Strings(ns)
	for _, n := range ns {
		k, ok := scope.Lookup(n).(*types.Const)
		if !ok || !strings.HasPrefix(n, "Status") || !types.Identical(k.Type(), pend.Type()) || k.Val().Kind() != constant.Int {
			continue
		}
		if _, dup := out[k.Val().ExactString()]; !dup {
			out[k.Val().ExactString()] = ndisStatusName(n)
		}
	}
	return out
}

// ndisStatusName turns a Go status name into its NDIS spelling by the
// naming rule: StatusInvalidOid -> NDIS_STATUS_INVALID_OID.
func ndisStatusName(goName string) string {
	var b strings.Builder
	b.WriteString("NDIS_")
	for i, r := range goName {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
