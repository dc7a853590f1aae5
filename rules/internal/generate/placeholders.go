package generate

import (
	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// statusReturn is the C return type of the roles that return a status.
const statusReturn = "NDIS_STATUS"

// placeholders gives every slot whose role returns NDIS_STATUS the status a
// generated handler for it returns (Slot.Placeholder), with its reason: the
// role's own choice in the overlay, else the structure's Placeholder, else
// what the role's page lists.
func (g *gen) placeholders(c *rules.Catalogue) error {
	roles := map[string]*rules.Role{}
	for i := range c.Roles {
		roles[c.Roles[i].Name] = &c.Roles[i]
	}
	for n, ov := range g.o.Roles {
		if ov.Placeholder == nil {
			continue
		}
		if r := roles[n]; r == nil || r.Returns != statusReturn {
			return errors.Errorf("overlay role %s: placeholder, but the role returns no NDIS_STATUS", n)
		}
	}
	for i := range c.Structs {
		s := &c.Structs[i]
		for j := range s.Slots {
			sl := &s.Slots[j]
			r := roles[sl.Role]
			if r == nil || r.Returns != statusReturn {
				continue
			}
			p, err := g.placeholder(s, r)
			if err != nil {
				return errors.Wrapf(err, "struct %s: slot %s", s.Name, sl.Field)
			}
			sl.Placeholder = p
		}
	}
	return nil
}

// placeholder picks the status a generated handler of role r in structure s
// returns.
func (g *gen) placeholder(s *rules.HandlerStruct, r *rules.Role) (*rules.Placeholder, error) {
	if p := g.o.Roles[r.Name].Placeholder; p != nil {
		return p, nil
	}
	if s.Placeholder != nil {
		return s.Placeholder, nil
	}
	if contains(r.Statuses, rules.StatusSuccess) {
		return &rules.Placeholder{Status: rules.StatusSuccess,
			Reason: r.Page + ": the page lists " + rules.StatusSuccess + " among its return values"}, nil
	}
	for _, st := range r.Statuses {
		if st != rules.StatusPending && st != rules.StatusAny {
			return &rules.Placeholder{Status: st,
				Reason: r.Page + ": the first status the page lists that neither pends nor stands for any status"}, nil
		}
	}
	return nil, errors.Errorf("role %s lists no status a placeholder could return: add placeholder to its overlay entry", r.Name)
}
