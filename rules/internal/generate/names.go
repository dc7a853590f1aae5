package generate

import (
	"strings"
	"unicode"
)

// lowerCamel is the Go parameter name for a page parameter name:
// NdisVcHandle -> ndisVcHandle, _pIrql_ -> pIrql, _VH_ -> vh.
func lowerCamel(name string) string {
	name = strings.Trim(name, "_")
	r := []rune(name)
	if len(r) == 0 {
		return ""
	}
	upper := 0
	for upper < len(r) && unicode.IsUpper(r[upper]) {
		upper++
	}
	switch {
	case upper == len(r):
		return strings.ToLower(name)
	case upper > 1:
		// NDISHandle -> ndisHandle: the last capital starts the next word.
		upper--
	case upper == 0:
		return name
	}
	return strings.ToLower(string(r[:upper])) + string(r[upper:])
}

// camelTypedef turns a C typedef into CamelCase without NDIS_:
// NDIS_CO_CLIENT_OPTIONAL_HANDLERS -> CoClientOptionalHandlers.
func camelTypedef(typedef string) string {
	var b strings.Builder
	for _, w := range strings.Split(strings.TrimPrefix(typedef, "NDIS_"), "_") {
		if w == "" {
			continue
		}
		b.WriteString(w[:1])
		b.WriteString(strings.ToLower(w[1:]))
	}
	return b.String()
}

// ddiGoName is the Go name of a DDI by the naming rule: NdisClCloseCall ->
// ClCloseCall, NDIS_RAISE_IRQL_TO_DISPATCH -> RaiseIrqlToDispatch; kernel
// routines (package wdm) keep their names.
func ddiGoName(name, pkg string) string {
	switch {
	case pkg == "wdm":
		return name
	case strings.HasPrefix(name, "NDIS_"):
		return camelTypedef(name)
	}
	return strings.TrimPrefix(name, "Ndis")
}
