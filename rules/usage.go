package rules

import (
	"strings"

	"github.com/pkg/errors"
)

// This file validates the DDI-usage contracts the SDV DDI usage, memory
// usage and miscellaneous rule sets state: where a DDI may be called
// (DDI.Context), the values an argument may take (Param.Limit), the
// dispatch-level flags of the send and receive roles (Param.IrqlFlag), and
// the resources one role acquires and another releases (Catalogue.Pairs).

// validateUsage checks a DDI's context and argument limits.
func (c *Catalogue) validateUsage(d *DDI) error {
	if x := d.Context; x != nil {
		if x.Reason == "" {
			return errors.New("context: reason: empty")
		}
		if len(x.Only) == 0 && len(x.Never) == 0 && len(x.NullOnly) == 0 {
			return errors.New("context: neither only, never nor nullOnly")
		}
		for _, r := range append(append([]string(nil), x.Only...), x.Never...) {
			if c.Role(r) == nil {
				return errors.Errorf("context: unknown role %q", r)
			}
		}
		if err := c.validateNullOnly(x); err != nil {
			return err
		}
	}
	for _, p := range d.Params {
		if p.IrqlFlag != nil {
			return errors.Errorf("param %s: irqlFlag: on a DDI; it marks role parameters", p.Name)
		}
		l := p.Limit
		if l == nil {
			continue
		}
		if l.Reason == "" {
			return errors.Errorf("param %s: limit: reason: empty", p.Name)
		}
		if l.Max == nil && !l.NonZero {
			return errors.Errorf("param %s: limit: neither max nor nonZero", p.Name)
		}
		if !isInteger(p.GoType) {
			return errors.Errorf("param %s: limit: on a %s parameter; limits bound integers", p.Name, p.GoType)
		}
	}
	return nil
}

// validateNullOnly checks a context's NULL conditions: each names a
// parameter of a known role that the context otherwise allows, a handle or
// pointer (what can be NULL), once per role.
func (c *Catalogue) validateNullOnly(x *CallContext) error {
	seen := map[string]bool{}
	for _, rp := range x.NullOnly {
		r := c.Role(rp.Role)
		if r == nil {
			return errors.Errorf("context: nullOnly: unknown role %q", rp.Role)
		}
		if seen[rp.Role] {
			return errors.Errorf("context: nullOnly: role %s twice", rp.Role)
		}
		seen[rp.Role] = true
		if !x.Allows(rp.Role) {
			return errors.Errorf("context: nullOnly: role %s is not allowed at all", rp.Role)
		}
		p := roleParam(r, rp.Param)
		if p == nil {
			return errors.Errorf("context: nullOnly: role %s has no parameter %q", rp.Role, rp.Param)
		}
		if !p.Nullable() {
			return errors.Errorf("context: nullOnly: %s's %s is a %s, never NULL", rp.Role, rp.Param, p.GoType)
		}
	}
	return nil
}

// roleParam returns role r's parameter named name, or nil.
func roleParam(r *Role, name string) *Param {
	for i := range r.Params {
		if r.Params[i].Name == name {
			return &r.Params[i]
		}
	}
	return nil
}

// Nullable reports whether the parameter's Go type can be NULL: a handle
// or a pointer.
func (p *Param) Nullable() bool {
	return p.GoType == "ndis.Handle" || strings.HasPrefix(p.GoType, "*")
}

// validateRoleFlags checks a role's dispatch-level flag parameters.
func validateRoleFlags(r *Role) error {
	for _, p := range r.Params {
		if p.Limit != nil || p.Handoff != nil {
			return errors.Errorf("param %s: limit/handoff: on a role; they are DDI contracts", p.Name)
		}
		f := p.IrqlFlag
		if f == nil {
			continue
		}
		if p.GoType != "uint32" || f.Param != p.Name || f.Flag == "" || f.Value == 0 {
			return errors.Errorf("param %s: irqlFlag: want a ULONG flags parameter naming itself, its flag and value", p.Name)
		}
	}
	return nil
}

// validatePairs checks the acquire/release pairs.
func (c *Catalogue) validatePairs() error {
	for _, p := range c.Pairs {
		switch {
		case c.DDI(p.Acquire) == nil || c.DDI(p.Release) == nil:
			return errors.Errorf("pair %s/%s: unknown DDI", p.Acquire, p.Release)
		case c.Role(p.In) == nil || c.Role(p.By) == nil:
			return errors.Errorf("pair %s/%s: unknown role %q or %q", p.Acquire, p.Release, p.In, p.By)
		case p.Reason == "":
			return errors.Errorf("pair %s/%s: reason: empty", p.Acquire, p.Release)
		}
		if err := c.validatePairHandle(&p); err != nil {
			return errors.Wrapf(err, "pair %s/%s: handle", p.Acquire, p.Release)
		}
	}
	return nil
}

// validateCompanions checks the companions.
func (c *Catalogue) validateCompanions() error {
	for _, x := range c.Companions {
		switch {
		case c.DDI(x.DDI) == nil || c.DDI(x.Requires) == nil:
			return errors.Errorf("companion %s/%s: unknown DDI", x.DDI, x.Requires)
		case c.Role(x.In) == nil:
			return errors.Errorf("companion %s/%s: unknown role %q", x.DDI, x.Requires, x.In)
		case x.Reason == "":
			return errors.Errorf("companion %s/%s: reason: empty", x.DDI, x.Requires)
		}
		if err := validateFailure(c.DDI(x.DDI), x.FailsWhen); err != nil {
			return errors.Wrapf(err, "companion %s/%s: failsWhen", x.DDI, x.Requires)
		}
	}
	return nil
}

// validateOrders checks the orders: known DDIs, two different ones, known
// roles, a reason that names its page.
func (c *Catalogue) validateOrders() error {
	for _, o := range c.Orders {
		switch {
		case c.DDI(o.DDI) == nil || c.DDI(o.After) == nil:
			return errors.Errorf("order %s/%s: unknown DDI", o.DDI, o.After)
		case o.DDI == o.After:
			return errors.Errorf("order %s/%s: a DDI cannot follow itself", o.DDI, o.After)
		case len(o.In) == 0:
			return errors.Errorf("order %s/%s: in: no role", o.DDI, o.After)
		case !strings.Contains(o.Reason, ": "):
			return errors.Errorf("order %s/%s: reason: want \"<page>: <sentence>\"", o.DDI, o.After)
		}
		for _, r := range o.In {
			if c.Role(r) == nil {
				return errors.Errorf("order %s/%s: unknown role %q", o.DDI, o.After, r)
			}
		}
	}
	return nil
}

// validateFailure checks a failure condition f of DDI d: it names an out
// parameter of d that the model passes by pointer to a value that can be
// nil, and NULL is the value it tells.
func validateFailure(d *DDI, f *Failure) error {
	if f == nil {
		return nil
	}
	i := d.ParamIndex(f.Param)
	switch {
	case i < 0:
		return errors.Errorf("param: %s has no parameter %q", d.Name, f.Param)
	case d.Params[i].Dir != Out && d.Params[i].Dir != InOut:
		return errors.Errorf("param %s: direction %q; a failure is told at an out parameter", f.Param, d.Params[i].Dir)
	case !nilablePointer(d.Params[i].GoType):
		return errors.Errorf("param %s: Go type %s; a NULL result needs a pointer to a slice, pointer or handle", f.Param, d.Params[i].GoType)
	case f.Is != FailNull:
		return errors.Errorf("is: %q; the one failure value is %s", f.Is, FailNull)
	case f.Reason == "":
		return errors.New("reason: empty")
	}
	return nil
}

// nilablePointer reports whether a model Go type is a pointer to a value
// that can be nil (a slice, a pointer, a handle).
func nilablePointer(goType string) bool {
	t, ok := strings.CutPrefix(goType, "*")
	if !ok {
		return false
	}
	return strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "*") || t == "ndis.Handle"
}

// isInteger reports whether a model Go type is an unsigned or signed
// integer.
func isInteger(goType string) bool {
	switch goType {
	case "uint8", "uint16", "uint32", "uint64", "int32", "int64":
		return true
	}
	return false
}
