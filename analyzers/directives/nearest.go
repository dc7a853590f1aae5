package directives

import (
	"github.com/ndislint/ndislint/analyzers/internal/spell"
	"github.com/ndislint/ndislint/rules"
)

// nearestRule returns the registered rule ID closest to id (see
// spell.Nearest), or "".
func nearestRule(id string) string {
	var ids []string
	for _, r := range rules.AllRules() {
		ids = append(ids, r.ID)
	}
	return spell.Nearest(id, ids)
}
