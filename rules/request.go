package rules

import "github.com/pkg/errors"

// RequestParams returns, for a role r that may pend and a DDI d that
// completes it (r.CompletedBy or r.CompletedByMCM), the index of r's
// parameter that identifies the pended request and the index of d's
// parameter that names the same request (Role.Request). ok is false when
// the catalogue does not tie them.
func (c *Catalogue) RequestParams(r *Role, d *DDI) (roleParam, ddiParam int, ok bool) {
	if r == nil || d == nil || r.Request == nil || d.Completes != r.Name {
		return 0, 0, false
	}
	roleParam = paramIndex(r.Params, r.Request.Param)
	by := c.DDI(r.CompletedBy)
	if by == nil || roleParam < 0 {
		return 0, 0, false
	}
	ddiParam = paramIndex(by.Params, r.Request.Completion)
	if ddiParam < 0 || ddiParam >= len(d.Params) {
		return 0, 0, false
	}
	return roleParam, ddiParam, true
}

// paramIndex returns the index of the parameter called name, or -1.
func paramIndex(ps []Param, name string) int {
	for i, p := range ps {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// validateRequest checks a role's Request: it names a parameter of the
// role and one of CompletedBy, with a reason, and the CompletedByMCM macro
// has a parameter of the same kind at the same position.
func (c *Catalogue) validateRequest(r *Role) error {
	q := r.Request
	if q == nil {
		return nil
	}
	if !r.MayPend || r.CompletedBy == "" {
		return errors.New("request: the role does not pend")
	}
	if q.Reason == "" {
		return errors.New("request: reason: empty")
	}
	if paramIndex(r.Params, q.Param) < 0 {
		return errors.Errorf("request: param: %q is not a parameter of the role", q.Param)
	}
	by := c.DDI(r.CompletedBy)
	if by == nil {
		return errors.Errorf("request: unknown ddi %q", r.CompletedBy)
	}
	i := paramIndex(by.Params, q.Completion)
	if i < 0 {
		return errors.Errorf("request: completion: %q is not a parameter of %s", q.Completion, by.Name)
	}
	if m := c.DDI(r.CompletedByMCM); m != nil {
		if i >= len(m.Params) || m.Params[i].Kind != by.Params[i].Kind || m.Params[i].GoType != by.Params[i].GoType {
			return errors.Errorf("request: completion: %s has no parameter like %s's %q at position %d", m.Name, by.Name, q.Completion, i)
		}
	}
	return nil
}
