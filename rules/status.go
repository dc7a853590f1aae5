package rules

import (
	"strings"
	"unicode"
)

// Status names the catalogue itself gives a meaning to. Other statuses are
// the pages' NDIS names, as Role.Statuses and DDI.Statuses list them; the Go
// model's constant of each follows the naming rule (NDIS_STATUS_NOT_SUPPORTED
// is ndis.StatusNotSupported).
const (
	// StatusSuccess is NDIS_STATUS_SUCCESS: the request is done.
	StatusSuccess = "NDIS_STATUS_SUCCESS"
	// StatusPending is NDIS_STATUS_PENDING: the request completes later, by
	// the role or DDI a DDI's CompletedBy or a role's CompletedBy names.
	// DDI.Pends and Role.MayPend say who may return it.
	StatusPending = "NDIS_STATUS_PENDING"
	// StatusAny stands for a page's NDIS_STATUS_XXX row: any failure status
	// of the driver's choice. A list that holds it is not exhaustive.
	StatusAny = "NDIS_STATUS_XXX"
)

// statusGoPrefix starts the Go name of every status constant: NDIS_STATUS_
// without NDIS_, by the naming rule.
const statusGoPrefix = "Status"

// StatusGoName is the Go name of the runtime's constant of an NDIS status,
// by the naming rule: NDIS_STATUS_NOT_SUPPORTED -> StatusNotSupported.
func StatusGoName(name string) string {
	return camelTypedef(name)
}

// StatusName is the NDIS name of a Go status constant by the naming rule,
// the inverse of StatusGoName: StatusInvalidOid -> NDIS_STATUS_INVALID_OID.
// ok is false for a name the rule does not give a status (one that does
// not start with Status, or would not come back from StatusGoName).
func StatusName(goName string) (name string, ok bool) {
	if !strings.HasPrefix(goName, statusGoPrefix) {
		return "", false
	}
	var b strings.Builder
	b.WriteString("NDIS_")
	for i, r := range goName {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	name = b.String()
	return name, StatusGoName(name) == goName
}
