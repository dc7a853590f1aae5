package rules

import (
	"strings"

	"github.com/pkg/errors"
)

// ParamRef is one parameter of one DDI: a place a resource's handle is
// passed.
type ParamRef struct {
	// DDI is the DDI's NDIS name and Param the parameter's page name.
	DDI, Param string
	// Index is the parameter's position (the Go argument's).
	Index int
}

// Released returns the pairs whose release ends the resource's handle
// (Pair.Handle set), in catalogue order.
func (c *Catalogue) Released() []*Pair {
	var out []*Pair
	for i := range c.Pairs {
		if c.Pairs[i].Handle != nil {
			out = append(out, &c.Pairs[i])
		}
	}
	return out
}

// HandleTakers returns where a released pair's handle may be passed after
// the release: the release's own parameter first (a second release is a
// double free), then Handle.Uses, then, with Handle.ByType, every in
// parameter of the release parameter's Go type, each once. It returns nil
// for a pair without Handle or with an unknown release parameter.
func (c *Catalogue) HandleTakers(p *Pair) []ParamRef {
	h := p.Handle
	rel := c.DDI(p.Release)
	if h == nil || rel == nil || rel.ParamIndex(h.Release) < 0 {
		return nil
	}
	out := []ParamRef{{DDI: rel.Name, Param: h.Release, Index: rel.ParamIndex(h.Release)}}
	seen := map[string]bool{rel.Name + "." + h.Release: true}
	add := func(d *DDI, i int) {
		if k := d.Name + "." + d.Params[i].Name; !seen[k] {
			seen[k] = true
			out = append(out, ParamRef{DDI: d.Name, Param: d.Params[i].Name, Index: i})
		}
	}
	for _, u := range h.Uses {
		if d, i := c.paramRef(u); d != nil {
			add(d, i)
		}
	}
	if !h.ByType {
		return out
	}
	goType := rel.Params[rel.ParamIndex(h.Release)].GoType
	for i := range c.DDIs {
		d := &c.DDIs[i]
		for j, q := range d.Params {
			if q.GoType == goType && q.Dir == In {
				add(d, j)
			}
		}
	}
	return out
}

// paramRef resolves "DDI.Param" to the DDI and the parameter's index, or
// nil.
func (c *Catalogue) paramRef(ref string) (*DDI, int) {
	name, param, ok := strings.Cut(ref, ".")
	d := c.DDI(name)
	if !ok || d == nil || d.ParamIndex(param) < 0 {
		return nil, -1
	}
	return d, d.ParamIndex(param)
}

// validatePairHandle checks a pair's Handle: the acquire DDI's out
// parameter (or a pointer result), the release's parameter, the uses,
// and ByType only for a type of the resource's own.
func (c *Catalogue) validatePairHandle(p *Pair) error {
	h := p.Handle
	if h == nil {
		return nil
	}
	acq, rel := c.DDI(p.Acquire), c.DDI(p.Release)
	switch {
	case h.Reason == "":
		return errors.New("reason: empty")
	case h.Rule != "" && LookupRule(h.Rule) == nil:
		return errors.Errorf("rule: %q is no rule of the registry", h.Rule)
	case h.Acquire == "" && !strings.HasPrefix(acq.Returns, "P") && acq.Returns != "NDIS_HANDLE":
		return errors.Errorf("acquire: %s returns %s, no handle; name its out parameter", acq.Name, acq.Returns)
	case h.Acquire != "" && (acq.ParamIndex(h.Acquire) < 0 || acq.Params[acq.ParamIndex(h.Acquire)].Dir != Out):
		return errors.Errorf("acquire: %q is no out parameter of %s", h.Acquire, acq.Name)
	case rel.ParamIndex(h.Release) < 0 || rel.Params[rel.ParamIndex(h.Release)].Dir != In:
		return errors.Errorf("release: %q is no in parameter of %s", h.Release, rel.Name)
	case h.ByType && rel.Params[rel.ParamIndex(h.Release)].GoType == "ndis.Handle":
		return errors.New("byType: every kind of handle is an ndis.Handle; list the uses")
	}
	for _, u := range h.Uses {
		if d, _ := c.paramRef(u); d == nil {
			return errors.Errorf("uses: %q is no DDI.Param of the catalogue", u)
		}
	}
	return nil
}
