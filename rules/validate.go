package rules

import "github.com/pkg/errors"

// Validate checks the catalogue's internal consistency. Each error names the
// entry and the field.
func (c *Catalogue) Validate() error {
	for i := range c.DDIs {
		d := &c.DDIs[i]
		if d.GoName == "" {
			return errors.Errorf("ddi %q: goName: empty", d.Name)
		}
		if d.Page == "" {
			return errors.Errorf("ddi %q: page: empty", d.Name)
		}
		if err := d.Irql.validate(); err != nil {
			return errors.Wrapf(err, "ddi %q: irql", d.Name)
		}
		if d.CompletedBy != "" && c.Role(d.CompletedBy) == nil {
			return errors.Errorf("ddi %q: completedBy: unknown role %q", d.Name, d.CompletedBy)
		}
		if d.Completes != "" && c.Role(d.Completes) == nil {
			return errors.Errorf("ddi %q: completes: unknown role %q", d.Name, d.Completes)
		}
	}
	for i := range c.Roles {
		r := &c.Roles[i]
		if r.GoName == "" {
			return errors.Errorf("role %q: goName: empty", r.Name)
		}
		if err := r.Irql.validate(); err != nil {
			return errors.Wrapf(err, "role %q: irql", r.Name)
		}
		if r.CompletedBy != "" && c.DDI(r.CompletedBy) == nil {
			return errors.Errorf("role %q: completedBy: unknown ddi %q", r.Name, r.CompletedBy)
		}
	}
	for _, s := range c.Structs {
		for _, sl := range s.Slots {
			if c.Role(sl.Role) == nil {
				return errors.Errorf("struct %q: slot %s: role: unknown role %q", s.Name, sl.Field, sl.Role)
			}
		}
	}
	return nil
}

// validate checks one IRQL requirement.
func (q Irql) validate() error {
	switch q.Kind {
	case IrqlAny:
		return nil
	case IrqlMax, IrqlMin, IrqlExact:
		if _, ok := LevelValue(q.Level); !ok {
			return errors.Errorf("level: unknown IRQL %q", q.Level)
		}
		return nil
	}
	return errors.Errorf("kind: unknown %q", q.Kind)
}

// LevelValue returns the numeric value of a wdm.h IRQL name.
func LevelValue(name string) (uint8, bool) {
	switch name {
	case "PASSIVE_LEVEL":
		return 0, true
	case "APC_LEVEL":
		return 1, true
	case "DISPATCH_LEVEL":
		return 2, true
	case "DIRQL":
		return 3, true
	case "HIGH_LEVEL":
		return 15, true
	}
	return 0, false
}
