package generate

import (
	"regexp"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// ddi builds the DDI entry of one page. same is the built entry its
// overlay's SameAs names, if any.
func (g *gen) ddi(ref pageRef, p *Page, same *signature) (rules.DDI, error) {
	name := p.First("api_name")
	ov := g.o.DDIs[name]
	d := rules.DDI{Name: name, Package: ref.Package, GoName: ddiGoName(name, ref.Package), Page: ref.ID}
	if ov.Synthesized != nil {
		return d, errors.New("overlay synthesized on a DDI the reference has a page for: catalogue it from its page")
	}
	if ov.Package != "" {
		d.Package = ov.Package
	}
	if ov.GoName != "" {
		if ov.GoNameReason == "" {
			return d, errors.New("overlay goName without goNameReason")
		}
		d.GoName, d.GoNameReason = ov.GoName, ov.GoNameReason
	}
	d.Family = g.family(name, ov)
	if d.Family == "" {
		return d, errors.New("no family: add family in overlay.json")
	}
	q, err := g.irql(p, ov.Irql, false)
	if err != nil {
		return d, err
	}
	d.Irql = q
	if d.Irql.When, err = pageWhens(p, ov.IrqlWhen); err != nil {
		return d, err
	}
	protoName := name
	if ov.Proto != "" {
		protoName = ov.Proto
	}
	sig, err := g.signature(p, name, protoName, same, ov)
	if err != nil {
		return d, err
	}
	d.Params, d.Returns = sig.Params, sig.Returns
	if d.GoReturns, err = goReturn(d.Returns, g.o.GoTypes); err != nil {
		return d, err
	}
	d.Statuses = returnStatuses(p.Sections["-returns"])
	if len(ov.Statuses) > 0 {
		d.Statuses = ov.Statuses
	}
	d.SDV = splitList(p.First("req.ddi-compliance"))
	d.Effect, d.Lock, d.Pends, d.CompletedBy = ov.Effect, ov.Lock, ov.Pends, ov.CompletedBy
	d.Invokes, d.Delivers, d.Notes = ov.Invokes, ov.Delivers, ov.Notes
	d.Context = ov.Context
	if ov.GoReturns != "" {
		if ov.GoReturnsReason == "" {
			return d, errors.New("overlay goReturns without goReturnsReason")
		}
		d.GoReturns = ov.GoReturns
		d.Notes = append(append([]string(nil), d.Notes...), "Go result "+ov.GoReturns+": "+ov.GoReturnsReason+".")
	}
	return d, nil
}

// role builds the role entry of one page.
func (g *gen) role(ref pageRef, p *Page) (rules.Role, error) {
	name := p.First("api_name")
	ov := g.o.Roles[name]
	r := rules.Role{Name: name, Page: ref.ID, Callback: callbackName(p.First("description"))}
	if r.Callback == "" {
		return r, errors.New("the description names no callback function")
	}
	if err := g.roleCommon(&r, ov); err != nil {
		return r, err
	}
	q, err := g.irql(p, ov.Irql, true)
	if err != nil {
		return r, err
	}
	r.Irql = q
	if len(ov.IrqlWhen) > 0 {
		return r, errors.New("overlay irqlWhen on a role: value-dependent bounds are for DDIs")
	}
	protoName := ov.Proto
	if protoName == "" {
		protoName = ndis5Typedef(name)
	}
	sig, err := g.signature(p, name, protoName, nil, ov)
	if err != nil {
		return r, err
	}
	r.Params, r.Returns = sig.Params, sig.Returns
	if r.Params, err = reorder(r.Params, ov); err != nil {
		return r, err
	}
	r.ParamOrderReason = ov.OrderReason
	r.Statuses = returnStatuses(p.Sections["-returns"])
	return r, g.roleTail(&r, ov)
}

// synthesizedRole builds a role documented inside another page.
func (g *gen) synthesizedRole(name string, ov EntryOverlay) (rules.Role, error) {
	s := ov.Synthesized
	r := rules.Role{Name: name, Page: s.Page, Callback: s.Callback, Synthesized: s.Reason}
	switch {
	case s.Reason == "":
		return r, errors.New("synthesized without a reason")
	case s.Callback == "":
		return r, errors.New("synthesized role without a callback")
	case len(s.SDV) > 0:
		return r, errors.New("synthesized role with sdv: SDV rules are listed on DDI pages")
	}
	if err := g.roleCommon(&r, ov); err != nil {
		return r, err
	}
	q, ok := parseIrql(s.Irql, true)
	if !ok {
		return r, errors.Errorf("synthesized irql %q is not readable", s.Irql)
	}
	r.Irql = q
	var err error
	if r.Params, err = g.synthesizedParams(s); err != nil {
		return r, err
	}
	r.Returns = ov.Returns
	return r, g.roleTail(&r, ov)
}

// synthesizedParams builds the parameters an overlay entry gives in full.
func (g *gen) synthesizedParams(s *Synthesized) ([]rules.Param, error) {
	var out []rules.Param
	for _, sp := range s.Params {
		t, err := goType(sp.CType, g.isBuffer(sp.Name), g.o.GoTypes)
		if err != nil {
			return nil, errors.Wrapf(err, "parameter %s", sp.Name)
		}
		if sp.Dir == "" {
			return nil, errors.Errorf("parameter %s: no dir", sp.Name)
		}
		out = append(out, rules.Param{Name: sp.Name, GoName: lowerCamel(sp.Name), Dir: sp.Dir, CType: sp.CType, GoType: t, Kind: g.o.ParamKinds[sp.Name]})
	}
	return out, nil
}

// roleCommon fills the Go name and family of a role.
func (g *gen) roleCommon(r *rules.Role, ov EntryOverlay) error {
	r.GoName = camelTypedef(r.Name)
	if strings.EqualFold(r.Callback, r.GoName) {
		// The page's spelling wins (ProtocolClModifyCallQoSComplete).
		r.GoName = r.Callback
	}
	if ov.GoName != "" {
		if ov.GoNameReason == "" {
			return errors.New("overlay goName without goNameReason")
		}
		r.GoName = ov.GoName
	}
	r.Family = g.family(r.Name, ov)
	if r.Family == "" {
		return errors.New("no family: add family in overlay.json")
	}
	r.Driver = g.driver(r.Name)
	return nil
}

// driver is the kind of driver whose callback role name is, by the
// longest prefix of the overlay's driverByPrefix that it has.
func (g *gen) driver(name string) rules.DriverKind {
	best := ""
	kind := rules.DriverAny
	for _, pd := range g.o.DriverByPrefix {
		if strings.HasPrefix(name, pd.Prefix) && len(pd.Prefix) > len(best) {
			best, kind = pd.Prefix, pd.Driver
		}
	}
	return kind
}

// roleTail fills the return mapping and the overlay's contract facts.
func (g *gen) roleTail(r *rules.Role, ov EntryOverlay) error {
	var err error
	if r.GoReturns, err = goReturn(r.Returns, g.o.GoTypes); err != nil {
		return err
	}
	if len(ov.Statuses) > 0 {
		r.Statuses = ov.Statuses
	}
	for _, a := range ov.AddedStatuses {
		if a.Reason == "" || contains(r.Statuses, a.Status) {
			return errors.Errorf("addedStatuses: %s needs a reason and must not be one of the page's statuses", a.Status)
		}
		r.Statuses = append(r.Statuses, a.Status)
	}
	r.AddedStatuses = ov.AddedStatuses
	r.Forbidden, r.Notes = ov.Forbidden, ov.Notes
	r.CompletedBy, r.CompletedByMCM = ov.CompletedBy, ov.CompletedByMCM
	r.Request = ov.Request
	r.ReleaseOnFailure = ov.ReleaseOnFailure
	r.MayPend = contains(r.Statuses, rules.StatusPending)
	if ov.MayPend != nil {
		r.MayPend = *ov.MayPend
	}
	return nil
}

// irql resolves a page's req.irql, or takes the overlay's with its reason.
func (g *gen) irql(p *Page, override *rules.Irql, role bool) (rules.Irql, error) {
	raw := p.First("req.irql")
	q, ok := parseIrql(raw, role)
	if override != nil {
		if override.Reason == "" {
			return q, errors.New("overlay irql without a reason")
		}
		if len(override.When) > 0 {
			return q, errors.New("overlay irql with when: write value-dependent bounds in irqlWhen")
		}
		r := *override
		r.Page = raw
		return r, nil
	}
	if !ok {
		return q, errors.Errorf("req.irql %q is unresolved: resolve it in overlay.json (irql with a reason read from the page's remarks)", raw)
	}
	return q, nil
}

// family is the overlay's family for name, else the one its prefix gives.
func (g *gen) family(name string, ov EntryOverlay) string {
	if ov.Family != "" {
		return ov.Family
	}
	best := ""
	fam := ""
	for _, pf := range g.o.FamilyByPrefix {
		if strings.HasPrefix(name, pf.Prefix) && len(pf.Prefix) > len(best) {
			best, fam = pf.Prefix, pf.Family
		}
	}
	return fam
}

var callbackRe = regexp.MustCompile(`^(Protocol|Miniport|Filter|Xxx|Ndis|Net|Provider)[A-Z][A-Za-z0-9]*$`)

// callbackName is the first function name a role page's description
// mentions (The ProtocolClCloseCallComplete function ...).
func callbackName(desc string) string {
	for _, w := range strings.Fields(desc) {
		w = strings.TrimSuffix(strings.Trim(w, ".,;:()"), "'s")
		if callbackRe.MatchString(w) {
			return w
		}
	}
	return ""
}

// ndis5Typedef is the NDIS 5 callback typedef of prototypes.tsv an NDIS 6
// role typedef defaults to: PROTOCOL_CL_CLOSE_CALL_COMPLETE ->
// CL_CLOSE_CALL_COMPLETE_HANDLER (the overlay's proto overrides it).
func ndis5Typedef(role string) string {
	for _, p := range []string{"PROTOCOL_", "MINIPORT_"} {
		role = strings.TrimPrefix(role, p)
	}
	return role + "_HANDLER"
}

// splitList splits a comma-separated front-matter value.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// contains reports whether list has s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// reorder puts a role's parameters in the overlay's C order, which must
// name each of them once, with a reason.
func reorder(params []rules.Param, ov EntryOverlay) ([]rules.Param, error) {
	if len(ov.Order) == 0 {
		if ov.OrderReason != "" {
			return nil, errors.New("overlay orderReason without order")
		}
		return params, nil
	}
	if ov.OrderReason == "" {
		return nil, errors.New("overlay order without orderReason")
	}
	if len(ov.Order) != len(params) {
		return nil, errors.Errorf("overlay order names %d parameters, the page has %d", len(ov.Order), len(params))
	}
	byName := map[string]rules.Param{}
	for _, p := range params {
		byName[p.Name] = p
	}
	out := make([]rules.Param, 0, len(params))
	for _, n := range ov.Order {
		p, ok := byName[n]
		if !ok {
			return nil, errors.Errorf("overlay order: %s is not a parameter of the page, or named twice", n)
		}
		delete(byName, n)
		out = append(out, p)
	}
	return out, nil
}
