package ndisapi

import (
	"go/constant"
	"go/types"
	"sort"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// The runtime models each NDIS status by the naming rule: NDIS_STATUS_X_Y
// is the constant ndis.StatusXY of type ndis.Status (the type of
// ndis.StatusPending). The catalogue names statuses in their NDIS spelling;
// these functions bind the two.

// statusPrefix starts the Go name of every status constant (NDIS_STATUS_
// without NDIS_, by the naming rule).
const statusPrefix = "Status"

// StatusGoName is the Go name of an NDIS status by the naming rule:
// NDIS_STATUS_NOT_SUPPORTED -> StatusNotSupported.
func StatusGoName(name string) string {
	var b strings.Builder
	for _, w := range strings.Split(strings.TrimPrefix(name, "NDIS_"), "_") {
		if w != "" {
			b.WriteString(w[:1] + strings.ToLower(w[1:]))
		}
	}
	return b.String()
}

// StatusNDISName is the NDIS spelling of a Go status name by the naming
// rule: StatusInvalidOid -> NDIS_STATUS_INVALID_OID.
func StatusNDISName(goName string) string {
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

// StatusConst returns the runtime's constant of the NDIS status called name
// (NDIS_STATUS_NOT_SUPPORTED: ndis.StatusNotSupported), or nil when the
// package does not see the runtime or the runtime has no such status.
func (a *API) StatusConst(name string) *types.Const {
	k := a.Status(StatusGoName(name))
	if k == nil || !a.IsStatus(k.Type()) {
		return nil
	}
	return k
}

// StatusType returns the runtime's NDIS_STATUS type (ndis.Status), or nil.
func (a *API) StatusType() types.Type {
	k := a.Status(StatusGoName(rules.StatusPending))
	if k == nil {
		return nil
	}
	return k.Type()
}

// IsStatus reports whether t is the runtime's NDIS_STATUS type.
func (a *API) IsStatus(t types.Type) bool {
	st := a.StatusType()
	return st != nil && t != nil && types.Identical(t, st)
}

// StatusNames maps the exact value of each NDIS_STATUS constant of the
// runtime to its NDIS name (the value of ndis.StatusNotSupported to
// NDIS_STATUS_NOT_SUPPORTED). Where two constants share a value, the name
// that sorts first wins. The map is empty when the package does not see
// the runtime.
func (a *API) StatusNames() map[string]string {
	out := map[string]string{}
	if a == nil || a.Ndis == nil || a.StatusType() == nil {
		return out
	}
	scope := a.Ndis.Scope()
	names := scope.Names()
	sort.Strings(names)
	for _, n := range names {
		k, ok := scope.Lookup(n).(*types.Const)
		if !ok || !strings.HasPrefix(n, statusPrefix) || !a.IsStatus(k.Type()) || k.Val().Kind() != constant.Int {
			continue
		}
		if StatusGoName(StatusNDISName(n)) != n {
			continue // not named by the rule: not an NDIS status
		}
		if _, dup := out[k.Val().ExactString()]; !dup {
			out[k.Val().ExactString()] = StatusNDISName(n)
		}
	}
	return out
}
