package rules

import (
	"go/token"
	"strings"

	"github.com/pkg/errors"
)

// Validate checks the catalogue's internal consistency: the naming rule,
// parameters, IRQL requirements, completion pairs that point back at each
// other, and references to known entries. Each error names the entry and
// the field.
func (c *Catalogue) Validate() error {
	for i := range c.DDIs {
		if err := c.validateDDI(&c.DDIs[i]); err != nil {
			return errors.Wrapf(err, "ddi %q", c.DDIs[i].Name)
		}
	}
	for i := range c.Roles {
		if err := c.validateRole(&c.Roles[i]); err != nil {
			return errors.Wrapf(err, "role %q", c.Roles[i].Name)
		}
	}
	for i := range c.Structs {
		if err := c.validateStruct(&c.Structs[i]); err != nil {
			return errors.Wrapf(err, "struct %q", c.Structs[i].Name)
		}
	}
	if err := c.validateUncatalogued(); err != nil {
		return err
	}
	if err := c.validatePairs(); err != nil {
		return err
	}
	if err := c.validateOrders(); err != nil {
		return err
	}
	if err := c.validateCompanions(); err != nil {
		return err
	}
	if err := c.validateTimeBounds(); err != nil {
		return err
	}
	if err := c.validateOids(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i := range c.Lifetimes {
		l := &c.Lifetimes[i]
		if seen[l.Object] {
			return errors.Errorf("lifetime %q: object: duplicate entry", l.Object)
		}
		seen[l.Object] = true
		if err := c.validateLifetime(l); err != nil {
			return errors.Wrapf(err, "lifetime %q", l.Object)
		}
	}
	return c.validateStates()
}

// validateDDI checks one DDI.
func (c *Catalogue) validateDDI(d *DDI) error {
	if d.Page == "" {
		return errors.New("page: empty")
	}
	if want, err := ddiGoName(d.Name, d.Package); err != nil {
		return err
	} else if d.GoName != want && d.GoNameReason == "" {
		return errors.Errorf("goName: %q breaks the naming rule (want %q) and gives no goNameReason", d.GoName, want)
	}
	if err := validateParams(d.Params); err != nil {
		return err
	}
	if err := c.validateUsage(d); err != nil {
		return err
	}
	if err := d.Irql.validate(); err != nil {
		return errors.Wrap(err, "irql")
	}
	if err := c.validateWhen(d); err != nil {
		return err
	}
	if err := validateEffect(d); err != nil {
		return err
	}
	if d.Pends && d.CompletedBy == "" {
		return errors.New("completedBy: empty, but the DDI pends")
	}
	if err := c.validateDDIPairs(d); err != nil {
		return err
	}
	for _, field := range [][]string{d.Invokes, d.Delivers} {
		for _, r := range field {
			if c.Role(r) == nil {
				return errors.Errorf("invokes/delivers: unknown role %q", r)
			}
		}
	}
	return nil
}

// validateDDIPairs checks that the DDI's completion pairs point back.
func (c *Catalogue) validateDDIPairs(d *DDI) error {
	if d.CompletedBy != "" {
		r := c.Role(d.CompletedBy)
		if r == nil {
			return errors.Errorf("completedBy: unknown role %q", d.CompletedBy)
		}
		if !contains(r.Completes, d.Name) {
			return errors.Errorf("completedBy: role %q does not list %q in completes", r.Name, d.Name)
		}
	}
	if d.Completes != "" {
		r := c.Role(d.Completes)
		if r == nil {
			return errors.Errorf("completes: unknown role %q", d.Completes)
		}
		if r.CompletedBy != d.Name && r.CompletedByMCM != d.Name {
			return errors.Errorf("completes: role %q is not completed by %q", r.Name, d.Name)
		}
	}
	return nil
}

// validateEffect checks the IRQL effect and the lock operation.
func validateEffect(d *DDI) error {
	switch d.Effect {
	case EffectNone, EffectRaiseToDispatch, EffectRaise, EffectRestore, EffectRequireDispatch, EffectQuery:
	default:
		return errors.Errorf("effect: unknown %q", d.Effect)
	}
	if d.Lock == nil {
		return nil
	}
	switch d.Lock.Op {
	case "acquire", "release", "init", "free":
	default:
		return errors.Errorf("lock: op: unknown %q", d.Lock.Op)
	}
	for _, p := range d.Params {
		if p.Name == d.Lock.Param {
			return nil
		}
	}
	return errors.Errorf("lock: param: %q is not a parameter", d.Lock.Param)
}

// validateRole checks one role.
func (c *Catalogue) validateRole(r *Role) error {
	if r.Page == "" {
		return errors.New("page: empty")
	}
	if err := validateRoleFlags(r); err != nil {
		return err
	}
	if r.GoName != camelTypedef(r.Name) && r.GoName != r.Callback {
		return errors.Errorf("goName: %q breaks the naming rule (want %q or the documented callback)", r.GoName, camelTypedef(r.Name))
	}
	if !token.IsIdentifier(r.GoName) || !token.IsExported(r.GoName) {
		return errors.Errorf("goName: %q is not an exported Go identifier", r.GoName)
	}
	if err := validateParams(r.Params); err != nil {
		return err
	}
	if err := r.Irql.validate(); err != nil {
		return errors.Wrap(err, "irql")
	}
	if len(r.Irql.When) > 0 {
		return errors.New("irql: when: given for a role (value-dependent bounds are for DDIs)")
	}
	switch r.Driver {
	case DriverAny, DriverProtocol, DriverMiniport, DriverFilter:
	default:
		return errors.Errorf("driver: unknown %q", r.Driver)
	}
	if r.ReleaseOnFailure != "" && !strings.Contains(r.ReleaseOnFailure, ": ") {
		return errors.Errorf("releaseOnFailure: %q is not \"page: sentence\"", r.ReleaseOnFailure)
	}
	for _, a := range r.AddedStatuses {
		if a.Reason == "" || !contains(r.Statuses, a.Status) {
			return errors.Errorf("addedStatuses: %s needs a reason and must be one of the statuses", a.Status)
		}
	}
	if r.MayPend && contains(r.Forbidden, StatusPending) {
		return errors.New("mayPend: true, but NDIS_STATUS_PENDING is forbidden")
	}
	if r.MayPend && r.CompletedBy == "" {
		return errors.New("completedBy: empty, but the role may pend")
	}
	if err := c.validateRequest(r); err != nil {
		return err
	}
	return c.validateRolePairs(r)
}

// validateRolePairs checks that the role's completion pairs point back.
func (c *Catalogue) validateRolePairs(r *Role) error {
	for _, n := range []string{r.CompletedBy, r.CompletedByMCM} {
		if n == "" {
			continue
		}
		d := c.DDI(n)
		if d == nil {
			return errors.Errorf("completedBy: unknown ddi %q", n)
		}
		if d.Completes != r.Name {
			return errors.Errorf("completedBy: ddi %q does not complete %q", n, r.Name)
		}
	}
	for _, n := range r.Completes {
		d := c.DDI(n)
		if d == nil {
			return errors.Errorf("completes: unknown ddi %q", n)
		}
		if d.CompletedBy != r.Name {
			return errors.Errorf("completes: ddi %q is not completed by %q", n, r.Name)
		}
	}
	return nil
}

// validateParams checks parameter names, Go names, directions and types.
func validateParams(params []Param) error {
	seen := map[string]bool{}
	for _, p := range params {
		if p.Name == "" {
			return errors.New("param: name: empty")
		}
		if seen[p.Name] {
			return errors.Errorf("param %s: name: duplicate", p.Name)
		}
		seen[p.Name] = true
		if !token.IsIdentifier(p.GoName) {
			return errors.Errorf("param %s: goName: %q is not a Go identifier", p.Name, p.GoName)
		}
		if p.GoName != lowerCamel(p.Name) && p.Note == "" {
			return errors.Errorf("param %s: goName: %q breaks the naming rule (want %q, or a note saying why)", p.Name, p.GoName, lowerCamel(p.Name))
		}
		switch p.Dir {
		case In, Out, InOut:
		case "":
			return errors.Errorf("param %s: dir: missing", p.Name)
		default:
			return errors.Errorf("param %s: dir: unknown %q", p.Name, p.Dir)
		}
		if p.CType == "" || p.GoType == "" {
			return errors.Errorf("param %s: ctype/goType: empty", p.Name)
		}
		if err := validateHandoff(p, params); err != nil {
			return errors.Wrapf(err, "param %s: handoff", p.Name)
		}
	}
	return nil
}

// validateHandoff checks a parameter's NBL ownership rule: on a
// NET_BUFFER_LIST parameter, with a reason, and a KeepIf naming a flag
// parameter of the same DDI.
func validateHandoff(p Param, params []Param) error {
	h := p.Handoff
	if h == nil {
		return nil
	}
	if p.GoType != "*ndis.NetBufferList" {
		return errors.Errorf("on a %s parameter; only NET_BUFFER_LISTs are handed off", p.GoType)
	}
	if h.Reason == "" {
		return errors.New("reason: empty")
	}
	if k := h.KeepIf; k != nil {
		if k.Flag == "" || k.Value == 0 {
			return errors.New("keepIf: flag or value missing")
		}
		for _, q := range params {
			if q.Name == k.Param && q.GoType == "uint32" {
				return nil
			}
		}
		return errors.Errorf("keepIf: %s is not a ULONG parameter of the DDI", k.Param)
	}
	return nil
}

// validateStruct checks a handler structure.
func (c *Catalogue) validateStruct(s *HandlerStruct) error {
	if s.GoName != camelTypedef(s.Name) {
		return errors.Errorf("goName: %q breaks the naming rule (want %q)", s.GoName, camelTypedef(s.Name))
	}
	if c.DDI(s.RegisteredBy) == nil {
		return errors.Errorf("registeredBy: unknown ddi %q", s.RegisteredBy)
	}
	if err := s.validateSide(); err != nil {
		return err
	}
	if err := s.Placeholder.validate(); err != nil {
		return errors.Wrap(err, "placeholder")
	}
	seen := map[string]bool{}
	for i := range s.Slots {
		sl := &s.Slots[i]
		if seen[sl.Field] {
			return errors.Errorf("slot %s: field: duplicate", sl.Field)
		}
		seen[sl.Field] = true
		if err := c.validateSlot(s, sl); err != nil {
			return errors.Wrapf(err, "slot %s", sl.Field)
		}
	}
	return nil
}

// validateSide checks a structure's side and its reason.
func (s *HandlerStruct) validateSide() error {
	switch s.Side {
	case SideUnknown:
		return nil
	case SideClient, SideCallManager:
	default:
		return errors.Errorf("side: unknown %q", s.Side)
	}
	if s.SideReason == "" {
		return errors.Errorf("sideReason: empty, but side is %q", s.Side)
	}
	return nil
}

// validateSlot checks one slot of s: its role, its requirement, and a
// placeholder exactly when its role returns NDIS_STATUS.
func (c *Catalogue) validateSlot(s *HandlerStruct, sl *Slot) error {
	r := c.Role(sl.Role)
	if r == nil {
		return errors.Errorf("role: unknown role %q", sl.Role)
	}
	if sl.Required != "" && sl.Reason == "" {
		return errors.Errorf("reason: empty, but the slot is required (%s)", sl.Required)
	}
	if sl.RequiredWith != "" {
		if c.Struct(sl.RequiredWith) == nil || sl.RequiredWith == s.Name {
			return errors.Errorf("requiredWith: %q is no other handler structure", sl.RequiredWith)
		}
		if sl.RequiredWithReason == "" {
			return errors.New("requiredWithReason: empty, but requiredWith is set")
		}
	}
	if returnsStatus := r.Returns == "NDIS_STATUS"; returnsStatus != (sl.Placeholder != nil) {
		return errors.Errorf("placeholder: given %t, but the role returns %q", sl.Placeholder != nil, r.Returns)
	}
	return errors.Wrap(sl.Placeholder.validate(), "placeholder")
}

// validate checks a placeholder (nil is valid): a status that does not pend
// and names one status, with its reason.
func (p *Placeholder) validate() error {
	switch {
	case p == nil:
		return nil
	case p.Status == "" || p.Status == StatusPending || p.Status == StatusAny:
		return errors.Errorf("status: %q is no status a placeholder can return", p.Status)
	case p.Reason == "":
		return errors.New("reason: empty")
	}
	return nil
}

// validateLifetime checks the lifetime's own fields (lifetime.go) and that
// every edge names a known DDI or role, cites a page, and carries derived
// fields that agree with it.
func (c *Catalogue) validateLifetime(l *Lifetime) error {
	for i, e := range l.Edges {
		if c.DDI(e.By) == nil && c.Role(e.By) == nil {
			return errors.Errorf("edge %d (%s -> %s): by: unknown ddi or role %q", i, e.From, e.To, e.By)
		}
		if e.Source == "" {
			return errors.Errorf("edge %d (%s -> %s): source: empty", i, e.From, e.To)
		}
		if err := c.validateEdgeDerived(&l.Edges[i]); err != nil {
			return errors.Wrapf(err, "edge %d (%s -> %s)", i, e.From, e.To)
		}
	}
	return c.validateLifetimeShape(l)
}

// validate checks one IRQL requirement. A requirement whose page text
// defers to the remarks (or is empty) must carry the reason it was
// resolved by hand.
func (q Irql) validate() error {
	if err := validateBound(q.Kind, q.Level); err != nil {
		return err
	}
	if q.Reason == "" && (q.Page == "" || strings.Contains(strings.ToLower(q.Page), "remarks")) {
		return errors.Errorf("reason: empty, but the page says %q", q.Page)
	}
	return nil
}

// validateBound checks an IRQL bound's kind and level.
func validateBound(kind IrqlKind, level string) error {
	switch kind {
	case IrqlAny:
		if level != "" {
			return errors.Errorf("level: %q given for kind any", level)
		}
	case IrqlMax, IrqlMin, IrqlExact:
		if _, ok := LevelValue(level); !ok {
			return errors.Errorf("level: unknown IRQL %q", level)
		}
	default:
		return errors.Errorf("kind: unknown %q", kind)
	}
	return nil
}

// validateUncatalogued checks the list of exports that are no DDI: each is
// an exported name of wdm or ndis, listed once, with a reason, and no DDI.
func (c *Catalogue) validateUncatalogued() error {
	seen := map[string]bool{}
	for _, u := range c.Uncatalogued {
		key := u.Package + "." + u.GoName
		switch {
		case u.Package != "wdm" && u.Package != "ndis":
			return errors.Errorf("uncatalogued %s: package: %q is not wdm or ndis", key, u.Package)
		case !token.IsIdentifier(u.GoName) || !token.IsExported(u.GoName):
			return errors.Errorf("uncatalogued %s: goName: not an exported Go identifier", key)
		case u.Reason == "":
			return errors.Errorf("uncatalogued %s: reason: empty", key)
		case seen[key]:
			return errors.Errorf("uncatalogued %s: duplicate entry", key)
		case c.DDIByGo(u.Package, u.GoName) != nil:
			return errors.Errorf("uncatalogued %s: it is also the DDI %s", key, c.DDIByGo(u.Package, u.GoName).Name)
		}
		seen[key] = true
	}
	return nil
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
