package generate

import (
	"regexp"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

var irqlRe = regexp.MustCompile(`^(<=|<|>=|=)?\s*([A-Z_]+_LEVEL)$`)

// parseIrql reads a page's req.irql. ok is false when the text needs a
// hand resolution in the overlay ("See Remarks", empty, or odd).
//
// The readings: "<= X" is max X; "< DISPATCH_LEVEL" is max APC_LEVEL;
// ">= X" is min X; "Any level" is any; "X" and "= X" are exact X, except
// that a DDI whose page says PASSIVE_LEVEL is encoded as max PASSIVE_LEVEL
// (nothing is below PASSIVE_LEVEL, so the two agree, and a max is what the
// passes compare against). For a role, "PASSIVE_LEVEL" is the level NDIS
// calls it at: exact PASSIVE_LEVEL.
func parseIrql(text string, role bool) (rules.Irql, bool) {
	q := rules.Irql{Page: text}
	t := strings.TrimSpace(text)
	if t == "" || strings.Contains(strings.ToLower(t), "remarks") {
		return q, false
	}
	t = strings.TrimSpace(strings.TrimPrefix(t, "IRQL"))
	if strings.EqualFold(t, "any level") {
		q.Kind = rules.IrqlAny
		return q, true
	}
	m := irqlRe.FindStringSubmatch(t)
	if m == nil {
		return q, false
	}
	level := m[2]
	if _, known := rules.LevelValue(level); !known {
		return q, false
	}
	switch m[1] {
	case "<=":
		q.Kind, q.Level = rules.IrqlMax, level
	case ">=":
		q.Kind, q.Level = rules.IrqlMin, level
	case "<":
		if level != "DISPATCH_LEVEL" {
			return q, false
		}
		q.Kind, q.Level = rules.IrqlMax, "APC_LEVEL"
	default:
		q.Kind, q.Level = rules.IrqlExact, level
		if level == "PASSIVE_LEVEL" && !role {
			q.Kind = rules.IrqlMax
		}
	}
	return q, true
}
