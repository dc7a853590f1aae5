package kernel

import (
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// The run-time side of the DDI-usage rules (analyzers/ddiusage reports the
// same IDs statically): the role in whose context a DDI is called
// (DDI.Context), a handler told its IRQL by a dispatch-level flag that
// queries it (Param.IrqlFlag), and argument bounds (Param.Limit).

// Role returns the role whose handler runs innermost ("" outside any).
func (s *State) Role() string {
	if len(s.roles) == 0 {
		return ""
	}
	return s.roles[len(s.roles)-1]
}

// paramNull reports whether the innermost running handler's parameter
// named param is NULL, and whether its caller recorded it (CallbackWith).
func (s *State) paramNull(param string) (null, known bool) {
	if len(s.nulls) == 0 {
		return false, false
	}
	null, known = s.nulls[len(s.nulls)-1][param]
	return null, known
}

// checkUsage reports a DDI called in the context of a role its catalogue
// entry does not allow, or allows only while a parameter of the handler is
// NULL when the handler was called with it not NULL (ddi-wrong-context),
// and an IRQL query in a handler whose role has a dispatch-level flag
// parameter (irql-flag-query).
func (s *State) checkUsage(d *rules.DDI) {
	role := s.Role()
	if !d.Context.Allows(role) {
		s.Report(rules.RuleDDIWrongContext, "%s called %s; its page %s (%s)", d.Name, contextWhere(role), contextAllowed(d.Context), d.Context.Reason)
	} else if p := d.Context.NullRequired(role); p != "" {
		if null, known := s.paramNull(p); known && !null {
			s.Report(rules.RuleDDIWrongContext, "%s called in the context of %s with a non-NULL %s; its page allows it there only when %s is NULL (%s)", d.Name, role, p, p, d.Context.Reason)
		}
	}
	if d.Effect != rules.EffectQuery || role == "" {
		return
	}
	c := s.Catalogue()
	if c == nil {
		return
	}
	if r := c.Role(role); r != nil {
		for _, p := range r.Params {
			if p.IrqlFlag != nil {
				s.Report(rules.RuleIrqlFlagQuery, "%s in %s, whose %s tells the IRQL (%s): use the flag, not a query of the IRQL", d.Name, role, p.Name, p.IrqlFlag.Flag)
				return
			}
		}
	}
}

// contextWhere says where a call happens.
func contextWhere(role string) string {
	if role == "" {
		return "outside any handler"
	}
	return "in the context of " + role
}

// contextAllowed says where a context allows a DDI.
func contextAllowed(x *rules.CallContext) string {
	if len(x.Only) > 0 {
		return "allows it only in the context of " + strings.Join(x.Only, " or ")
	}
	return "forbids it in the context of " + strings.Join(x.Never, " or ")
}

// CheckArgs reports each integer argument of DDI name outside the bound
// its catalogue entry sets (ddi-argument-limit). values are the DDI's
// arguments in page order; the non-integer ones are ignored.
func (s *State) CheckArgs(name string, values ...any) {
	c := s.Catalogue()
	if c == nil {
		return
	}
	d := c.DDI(name)
	if d == nil {
		return
	}
	for i, p := range d.Params {
		if p.Limit == nil || i >= len(values) {
			continue
		}
		v, ok := asUint64(values[i])
		if ok && !p.Limit.Admits(v) {
			s.Report(rules.RuleDDIArgumentLimit, "%s: %s is %d; its page requires it %s (%s)", name, p.Name, v, p.Limit.Describe(), p.Limit.Reason)
		}
	}
}

// asUint64 converts an integer argument.
func asUint64(v any) (uint64, bool) {
	switch x := v.(type) {
	case uint8:
		return uint64(x), true
	case uint16:
		return uint64(x), true
	case uint32:
		return uint64(x), true
	case uint64:
		return x, true
	case int32:
		return uint64(x), x >= 0
	case int64:
		return uint64(x), x >= 0
	}
	return 0, false
}
