package rules

import (
	"strings"
	"unicode"

	"github.com/pkg/errors"
)

// The naming rule of DESIGN.md and docs/model.md, as Load checks it.

// ddiGoName is the Go name a DDI must have: NdisClCloseCall ->
// ClCloseCall, NDIS_LOWER_IRQL -> LowerIrql; wdm routines keep their name.
func ddiGoName(name, pkg string) (string, error) {
	switch {
	case pkg == "wdm":
		return name, nil
	case pkg != "ndis":
		return "", errors.Errorf("package: %q is neither ndis nor wdm", pkg)
	case strings.HasPrefix(name, "NDIS_"):
		return camelTypedef(name), nil
	case strings.HasPrefix(name, "Ndis"):
		return strings.TrimPrefix(name, "Ndis"), nil
	}
	return "", errors.Errorf("name: %q is not an Ndis function or NDIS_ macro", name)
}

// camelTypedef turns a C typedef into CamelCase without NDIS_.
func camelTypedef(typedef string) string {
	var b strings.Builder
	for _, w := range strings.Split(strings.TrimPrefix(typedef, "NDIS_"), "_") {
		if w != "" {
			b.WriteString(w[:1] + strings.ToLower(w[1:]))
		}
	}
	return b.String()
}

// lowerCamel is the Go parameter name for a page parameter name:
// NdisVcHandle -> ndisVcHandle, _pIrql_ -> pIrql, _VH_ -> vh.
func lowerCamel(name string) string {
	name = strings.Trim(name, "_")
	r := []rune(name)
	upper := 0
	for upper < len(r) && unicode.IsUpper(r[upper]) {
		upper++
	}
	switch {
	case upper == len(r):
		return strings.ToLower(name)
	case upper == 0:
		return name
	case upper > 1:
		upper--
	}
	return strings.ToLower(string(r[:upper])) + string(r[upper:])
}
