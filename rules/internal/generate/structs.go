package generate

import (
	"regexp"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// ncLinkRe finds the callback page a field links: an nc- page, or one of
// the few miniport and filter roles documented on nf- pages
// (nf-ndis-miniport_synchronous_oid_request).
var ncLinkRe = regexp.MustCompile(`/nc-ndis-([a-z0-9_]+)|nf-ndis-((?:miniport|filter)_[a-z0-9_]+)`)

// handlerStruct builds a handler structure from its ns- page: every field
// whose text links a callback page is a slot taking that role.
func (g *gen) handlerStruct(id string, p *Page) (rules.HandlerStruct, error) {
	// api_name lists _NDIS_X, PNDIS_X and NDIS_X: the typedef is the
	// underscore name without its underscore.
	name := strings.TrimPrefix(p.First("api_name"), "_")
	ov, ok := g.o.Structs[name]
	s := rules.HandlerStruct{Name: name, GoName: camelTypedef(name), Page: id}
	if !ok {
		return s, errors.New("no overlay entry (registeredBy, required)")
	}
	s.RegisteredBy = ov.RegisteredBy
	s.Side, s.SideReason, s.Placeholder = ov.Side, ov.SideReason, ov.Placeholder
	used := map[string]bool{}
	for _, f := range p.Fields {
		m := ncLinkRe.FindStringSubmatch(f.Text)
		if m == nil {
			if strings.Contains(f.Name, "Handler") {
				return s, errors.Errorf("field %s links no callback page", f.Name)
			}
			continue
		}
		sl := rules.Slot{Field: f.Name, Role: strings.ToUpper(m[1] + m[2]), Required: ov.Required, Reason: ov.Reason}
		if so, ok := ov.Slots[f.Name]; ok {
			sl.Required, sl.Reason = so.Required, so.Reason
			sl.RequiredWith, sl.RequiredWithReason = so.RequiredWith, so.RequiredWithReason
			used[f.Name] = true
		}
		if sl.Required != "" && sl.Reason == "" {
			return s, errors.Errorf("slot %s: required without a reason", f.Name)
		}
		s.Slots = append(s.Slots, sl)
	}
	for f := range ov.Slots {
		if !used[f] {
			return s, errors.Errorf("overlay slot %s is not a handler field of the page", f)
		}
	}
	return s, nil
}
