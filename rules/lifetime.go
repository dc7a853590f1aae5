package rules

import (
	"strings"

	"github.com/pkg/errors"
)

// The lifetime objects (Lifetime.Object).
const (
	// ObjectVcClient is a VC the client created with NdisCoCreateVc.
	ObjectVcClient = "vc-client"
	// ObjectVcCM is a VC the call manager created, as the client sees it.
	ObjectVcCM = "vc-cm"
	// ObjectCall is a call, as the call manager sees it.
	ObjectCall = "call"
	// ObjectParty is a party of a multipoint call.
	ObjectParty = "party"
	// ObjectAf is an open address family.
	ObjectAf = "af"
	// ObjectSap is a registered SAP.
	ObjectSap = "sap"
	// ObjectAfCM is an open address family, as the call manager sees it.
	ObjectAfCM = "af-cm"
	// ObjectSapCM is a registered SAP, as the call manager sees it.
	ObjectSapCM = "sap-cm"
	// ObjectPartyCM is a party of a multipoint call, as the call manager
	// sees it.
	ObjectPartyCM = "party-cm"
)

// Lifetime returns the lifetime of object (ObjectVcCM, ...), or nil.
func (c *Catalogue) Lifetime(object string) *Lifetime {
	for i := range c.Lifetimes {
		if c.Lifetimes[i].Object == object {
			return &c.Lifetimes[i]
		}
	}
	return nil
}

// Creation returns the edges that leave the initial state: what makes the
// object exist.
func (l *Lifetime) Creation() []*Edge { return l.EdgesFrom(l.Initial) }

// EdgesFrom returns the edges that leave state, in catalogue order.
func (l *Lifetime) EdgesFrom(state string) []*Edge {
	return l.edges(func(e *Edge) bool { return e.Leaves(state) })
}

// EdgesBy returns the edges caused by the DDI or role named by, in
// catalogue order.
func (l *Lifetime) EdgesBy(by string) []*Edge {
	return l.edges(func(e *Edge) bool { return e.By == by })
}

// Invalidating returns the edges caused by an event of kind ev that
// invalidate a handle or context of kind k, in catalogue order.
func (l *Lifetime) Invalidating(k HandleKind, ev EventKind) []*Edge {
	return l.edges(func(e *Edge) bool { return e.InvalidatesKind == k && e.Event == ev })
}

// InvalidFor reports whether a DDI of family must not take the object's
// handle once an edge has invalidated it.
func (l *Lifetime) InvalidFor(family string) bool {
	return l.Invalid != nil && contains(l.Invalid.Families, family)
}

// edges returns the edges that satisfy keep.
func (l *Lifetime) edges(keep func(*Edge) bool) []*Edge {
	var out []*Edge
	for i := range l.Edges {
		if keep(&l.Edges[i]) {
			out = append(out, &l.Edges[i])
		}
	}
	return out
}

// FromStates returns the states the edge leaves.
func (e *Edge) FromStates() []string { return strings.Split(e.From, "|") }

// Leaves reports whether the edge leaves state.
func (e *Edge) Leaves(state string) bool { return contains(e.FromStates(), state) }

// Admits reports whether a value named name (an NDIS_STATUS name, or NULL)
// satisfies the condition. A nil condition admits everything.
func (c *Cond) Admits(name string) bool {
	if c == nil {
		return true
	}
	return contains(c.Values, name) == (c.Op == "==")
}

// ParseWhen reads an edge's When. It returns nil and false for an edge
// taken whatever the status ("" or "any Status"), nil and true for a
// condition it cannot structure, else the condition. The forms:
//
//	returns NDIS_STATUS_X                        Of return, == X
//	returns anything other than NDIS_STATUS_X    Of return, != X (the pages' words)
//	returns an error status                      Of return, != SUCCESS, PENDING
//	Param == NDIS_STATUS_X, Param != NULL, ...   Of Param
func ParseWhen(when string) (cond *Cond, opaque bool) {
	w := strings.TrimSpace(when)
	switch {
	case w == "" || w == "any Status":
		return nil, false
	case w == "returns an error status":
		return &Cond{Of: CondReturn, Op: "!=", Values: []string{StatusSuccess, StatusPending}}, false
	}
	if v, ok := strings.CutPrefix(w, "returns anything other than "); ok && isStatusName(v) {
		return &Cond{Of: CondReturn, Op: "!=", Values: []string{v}}, false
	}
	if v, ok := strings.CutPrefix(w, "returns "); ok && isStatusName(v) {
		return &Cond{Of: CondReturn, Op: "==", Values: []string{v}}, false
	}
	f := strings.Fields(w)
	if len(f) == 3 && (f[1] == "==" || f[1] == "!=") && isIdent(f[0]) && (isStatusName(f[2]) || f[2] == "NULL") {
		return &Cond{Of: f[0], Op: f[1], Values: []string{f[2]}}, false
	}
	return nil, true
}

// isStatusName reports whether s looks like an NDIS_STATUS name.
func isStatusName(s string) bool {
	return strings.HasPrefix(s, "NDIS_STATUS_") && isIdent(s)
}

// isIdent reports whether s is a C identifier.
func isIdent(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for _, r := range s {
		if r != '_' && !('a' <= r && r <= 'z') && !('A' <= r && r <= 'Z') && !('0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// knownObjects are the Object* constants.
var knownObjects = []string{ObjectVcClient, ObjectVcCM, ObjectCall, ObjectParty, ObjectAf, ObjectSap,
	ObjectAfCM, ObjectSapCM, ObjectPartyCM}

// knownKinds are the handle kinds a lifetime may name (every Kind* but
// KindNone).
var knownKinds = []HandleKind{
	KindVcHandle, KindAfHandle, KindSapHandle, KindPartyHandle, KindBindingHandle,
	KindDriverHandle, KindAdapterHandle, KindObjectHandle, KindBindContext, KindUnbindContext,
	KindWorkItemHandle, KindTimerHandle, KindVcContext, KindAfContext, KindSapContext,
	KindPartyContext, KindBindingContext, KindDriverContext, KindAdapterContext, KindOwnContext,
	KindStatus, KindFilterHandle, KindFilterContext,
}

// knownKind reports whether k is one of knownKinds.
func knownKind(k HandleKind) bool {
	for _, x := range knownKinds {
		if x == k {
			return true
		}
	}
	return false
}

// validateLifetimeShape checks a lifetime's own fields: a known object, an
// initial state some edge leaves, known handle kinds, and an Invalid whose
// families take the handle.
func (c *Catalogue) validateLifetimeShape(l *Lifetime) error {
	if !contains(knownObjects, l.Object) {
		return errors.Errorf("object: unknown %q", l.Object)
	}
	if len(l.Creation()) == 0 {
		return errors.Errorf("initial: no edge leaves %q", l.Initial)
	}
	if !knownKind(l.Handle) {
		return errors.Errorf("handle: unknown kind %q", l.Handle)
	}
	if l.Context != KindNone && !knownKind(l.Context) {
		return errors.Errorf("context: unknown kind %q", l.Context)
	}
	if l.Invalid == nil {
		return nil
	}
	if l.Invalid.Reason == "" || len(l.Invalid.Families) == 0 {
		return errors.New("invalid: families and reason are required")
	}
	for _, f := range l.Invalid.Families {
		if !c.familyTakes(f, l.Handle) {
			return errors.Errorf("invalid: no DDI of family %q takes a %s", f, l.Handle)
		}
	}
	for _, x := range l.Invalid.Except {
		if d := c.DDI(x); d == nil || !contains(l.Invalid.Families, d.Family) || !paramOfKind(d.Params, l.Handle) {
			return errors.Errorf("invalid: except: %q is no DDI of the families that takes a %s", x, l.Handle)
		}
	}
	return nil
}

// ForbidsUse reports whether passing the object's handle to d is a use the
// lifetime forbids once the handle is invalid: d is of one of the Invalid
// families and not one of its exceptions.
func (l *Lifetime) ForbidsUse(d *DDI) bool {
	return l.InvalidFor(d.Family) && !contains(l.Invalid.Except, d.Name)
}

// familyTakes reports whether some DDI of family has a parameter of kind k.
func (c *Catalogue) familyTakes(family string, k HandleKind) bool {
	for i := range c.DDIs {
		if c.DDIs[i].Family == family && paramOfKind(c.DDIs[i].Params, k) {
			return true
		}
	}
	return false
}

// paramOfKind reports whether a parameter has kind k.
func paramOfKind(ps []Param, k HandleKind) bool {
	for _, p := range ps {
		if p.Kind == k {
			return true
		}
	}
	return false
}

// validateEdgeDerived checks an edge's derived fields against its
// hand-written ones and the catalogue.
func (c *Catalogue) validateEdgeDerived(e *Edge) error {
	params, returns, want := c.event(e.By)
	if e.Event != want {
		return errors.Errorf("event: %q, but %s is a %s", e.Event, e.By, want)
	}
	cond, opaque := ParseWhen(e.When)
	if opaque != e.WhenOpaque || !sameCond(cond, e.Cond) {
		return errors.Errorf("cond: does not match when %q (run go generate ./rules)", e.When)
	}
	if err := validateCond(e.Cond, params, returns); err != nil {
		return errors.Wrap(err, "cond")
	}
	for _, b := range e.Busy {
		if !contains(knownObjects, b) {
			return errors.Errorf("busy: unknown object %q", b)
		}
	}
	return validateInvalidates(e, params)
}

// event returns the parameters and C result of the DDI or role called
// name, and its event kind ("" when it is neither).
func (c *Catalogue) event(name string) ([]Param, string, EventKind) {
	if d := c.DDI(name); d != nil {
		return d.Params, d.Returns, EventDDI
	}
	if r := c.Role(name); r != nil {
		return r.Params, r.Returns, EventRole
	}
	return nil, "", ""
}

// validateCond checks that a condition tests the event's status result or
// one of its parameters, with values of the right sort.
func validateCond(cond *Cond, params []Param, returns string) error {
	if cond == nil {
		return nil
	}
	status := true
	if cond.Of == CondReturn {
		if returns != "NDIS_STATUS" {
			return errors.Errorf("of: the event returns %q, not NDIS_STATUS", returns)
		}
	} else {
		p := paramNamed(params, cond.Of)
		if p == nil {
			return errors.Errorf("of: %q is not a parameter of the event", cond.Of)
		}
		status = p.Kind == KindStatus
	}
	for _, v := range cond.Values {
		if status != isStatusName(v) {
			return errors.Errorf("values: %q does not fit %s", v, cond.Of)
		}
	}
	return nil
}

// validateInvalidates checks InvalidatesKind: set exactly when Invalidates
// names a handle, and equal to the kind of the event's parameter of that
// name when it has one.
func validateInvalidates(e *Edge, params []Param) error {
	if e.Invalidates == "" {
		if e.InvalidatesKind != KindNone {
			return errors.New("invalidatesKind: set, but the edge invalidates nothing")
		}
		return nil
	}
	if p := paramNamed(params, e.Invalidates); p != nil {
		if p.Kind != e.InvalidatesKind {
			return errors.Errorf("invalidatesKind: %q, but parameter %s is %q", e.InvalidatesKind, p.Name, p.Kind)
		}
		return nil
	}
	if !knownKind(e.InvalidatesKind) {
		return errors.Errorf("invalidatesKind: unknown kind %q for %s", e.InvalidatesKind, e.Invalidates)
	}
	return nil
}

// paramNamed returns the parameter with page name name, or nil.
func paramNamed(ps []Param, name string) *Param {
	for i := range ps {
		if ps[i].Name == name {
			return &ps[i]
		}
	}
	return nil
}

// sameCond reports whether two conditions are equal.
func sameCond(a, b *Cond) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Of != b.Of || a.Op != b.Op || len(a.Values) != len(b.Values) {
		return false
	}
	for i := range a.Values {
		if a.Values[i] != b.Values[i] {
			return false
		}
	}
	return true
}
