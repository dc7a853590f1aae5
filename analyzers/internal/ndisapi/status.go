package ndisapi

import (
	"go/constant"
	"go/types"
	"sort"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// The runtime models each NDIS status by the naming rule (rules.StatusGoName):
// NDIS_STATUS_X_Y is the constant ndis.StatusXY of type ndis.Status (the
// type of ndis.StatusPending). The catalogue names statuses in their NDIS
// spelling; these methods bind the two.

// StatusConst returns the runtime's constant of the NDIS status called name
// (NDIS_STATUS_NOT_SUPPORTED: ndis.StatusNotSupported), or nil when the
// package does not see the runtime or the runtime has no such status.
func (a *API) StatusConst(name string) *types.Const {
	k := a.Status(rules.StatusGoName(name))
	if k == nil || !a.IsStatus(k.Type()) {
		return nil
	}
	return k
}

// StatusType returns the runtime's NDIS_STATUS type (ndis.Status), or nil.
func (a *API) StatusType() types.Type {
	k := a.Status(rules.StatusGoName(rules.StatusPending))
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
		if !ok || !a.IsStatus(k.Type()) || k.Val().Kind() != constant.Int {
			continue
		}
		name, ok := rules.StatusName(n)
		if !ok {
			continue // not named by the rule: not an NDIS status
		}
		if _, dup := out[k.Val().ExactString()]; !dup {
			out[k.Val().ExactString()] = name
		}
	}
	return out
}

// OidType returns the runtime's type of an OID value, the Go type the
// catalogue's OID table names (ndis.Oid, NDIS_OID), or nil when the
// catalogue has no table or the package does not see that type.
func (a *API) OidType() types.Type {
	if a == nil || a.Cat == nil || a.Cat.OidStatuses == nil {
		return nil
	}
	pkg, name, ok := strings.Cut(a.Cat.OidStatuses.GoType, ".")
	if !ok {
		return nil
	}
	tn, ok := a.lookup(pkg, name).(*types.TypeName)
	if !ok {
		return nil
	}
	return tn.Type()
}
