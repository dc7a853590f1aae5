package ndissim

import (
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Resolving handle parameters. Each resolver checks one parameter of one DDI
// and reports what is wrong in the DDI's own words, returning nil when the
// DDI cannot go on. None of them panics, whatever the driver passes.

// argFlags adjust what a resolver accepts.
type argFlags uint8

// The resolver flags.
const (
	// optional: NULL is allowed (the resolver returns nil, reporting nothing).
	optional argFlags = 1 << iota
	// allowDead: a client's VC handle after its close is returned (with no
	// report); the caller decides.
	allowDead
)

// checkOwner reports a handle of driver owner passed by the running driver,
// if any driver's handler is running and it is not owner.
func (w *world) checkOwner(ddi, param string, h ndis.Handle, owner driverRef) bool {
	cur := w.current()
	if cur == nil || owner == nil || cur == owner {
		return true
	}
	w.report(rules.RuleBadHandle, "%s: %s is %s, which NDIS gave to %s, not to the caller %s", ddi, param, describe(h), owner.driverName(), cur.driverName())
	return false
}

// foreign reports, for parameter param of ddi, a handle another run's
// NDIS gave out (saved from an earlier ndistest.System), and says whether
// h is one. NULL and values NDIS never gave out are not foreign: the
// caller's resolver reports those in its own words.
func (w *world) foreign(ddi, param string, h ndis.Handle) bool {
	ih, ok := h.(issuedHandle)
	if !ok || isNullHandle(h) || ih.issuer() == w {
		return false
	}
	w.report(rules.RuleBadHandle, "%s: %s is %s (%s) of another run: an earlier System's NDIS gave it out, and a handle is valid only in the run that made it", ddi, param, handleKind(h), describe(h))
	return true
}

// handleOf resolves h as a handle of type T this run's NDIS gave out: it
// reports a NULL handle or one of another kind (want names the kind the
// page requires) and a handle of another run, returning false for them.
// Every resolver of an NDIS handle parameter starts with it.
func handleOf[T issuedHandle](w *world, ddi, param string, h ndis.Handle, want string) (T, bool) {
	x, ok := h.(T)
	switch {
	case !ok || isNullHandle(h):
		w.nullOrWrong(ddi, param, h, want)
	case w.foreign(ddi, param, h):
	default:
		return x, true
	}
	var zero T
	return zero, false
}

// nullOrWrong reports a NULL or wrongly typed handle parameter.
func (w *world) nullOrWrong(ddi, param string, h ndis.Handle, want string) {
	if h == nil {
		w.report(rules.RuleBadHandle, "%s: %s is NULL; it must be %s", ddi, param, want)
		return
	}
	w.report(rules.RuleBadHandle, "%s: %s is %s, not %s", ddi, param, handleKind(h), want)
}

// vcArg resolves an NdisVcHandle parameter that side want must pass (0: any
// side).
func (w *world) vcArg(ddi, param string, h ndis.Handle, want side, fl argFlags) *vcHandle {
	if h == nil && fl&optional != 0 {
		return nil
	}
	vh, ok := handleOf[*vcHandle](w, ddi, param, h, "a VC handle")
	if !ok {
		return nil
	}
	v := vh.vc
	if v.deleted {
		w.report(rules.RuleVcUseAfterDelete, "%s: %s is the %s's handle of %s, which was deleted", ddi, param, vh.side, v)
		return nil
	}
	if want != 0 && vh.side != want && !(want == sideMiniport && vh.side == sideCM && v.cm.isMCM()) {
		w.report(rules.RuleBadHandle, "%s: %s is the %s's handle of %s; the %s must pass its own handle", ddi, param, vh.side, v, want)
		return nil
	}
	if !w.checkOwner(ddi, param, h, w.vcOwner(vh)) {
		return nil
	}
	if vh.side == sideClient && fl&allowDead == 0 && !w.usable(v.life, ddi) {
		w.reportDead(ddi, param, v.life, sideClient, v.String())
		return nil
	}
	return vh
}

// reportDead reports side s's use, in ddi's parameter param, of its handle
// of the object who, which an edge of the side's lifetime l invalidated.
func (w *world) reportDead(ddi, param string, l *life, s side, who string) {
	lt := w.lifetime(l.object)
	var killers []string
	seen := map[string]bool{}
	for _, ev := range []rules.EventKind{rules.EventDDI, rules.EventRole} {
		for _, e := range lt.Invalidating(lt.Handle, ev) {
			if !seen[e.By] {
				seen[e.By] = true
				killers = append(killers, e.By)
			}
		}
	}
	verb := "invalidates"
	if len(killers) > 1 {
		verb = "invalidate"
	}
	w.report(usedRule(l), "%s: the %s's %s for %s is no longer valid: %s invalidated it (in the catalogue's %s lifetime, %s %s the %s)",
		ddi, s, param, who, l.killer, l.object, strings.Join(killers, " and "), verb, lt.Handle)
}

// handleLive reports whether side s's handle of an object may be passed to
// ddi, reporting it when not: the object is gone for NDIS (its client
// lifetime cl says so), or an edge of the side's lifetime (cl for the
// client, ml for the call manager) invalidated the handle. who names the
// object.
func (w *world) handleLive(ddi, param string, s side, cl, ml *life, who string) bool {
	sl := cl
	if s != sideClient {
		sl = ml
	}
	switch {
	case w.gone(cl) && w.forbids(cl, ddi):
		w.report(usedRule(cl), "%s: %s is the %s's handle of %s, which no longer exists (state %q of its %s lifetime)", ddi, param, s, who, cl.state, cl.object)
	case !w.usable(sl, ddi):
		w.reportDead(ddi, param, sl, s, who)
	default:
		return true
	}
	return false
}

// vcOwner returns the driver a VC handle was given to.
func (w *world) vcOwner(vh *vcHandle) driverRef {
	switch vh.side {
	case sideClient:
		if vh.vc.clientOpen != nil {
			return vh.vc.clientOpen.protocol
		}
	case sideCM:
		return vh.vc.cm.driver()
	case sideMiniport:
		if vh.vc.adapter != nil {
			return vh.vc.adapter.driver
		}
	}
	return nil
}

// afArg resolves an NdisAfHandle parameter that side want must pass.
func (w *world) afArg(ddi, param string, h ndis.Handle, want side, fl argFlags) *afHandle {
	if h == nil && fl&optional != 0 {
		return nil
	}
	ah, ok := handleOf[*afHandle](w, ddi, param, h, "an AF handle")
	if !ok {
		return nil
	}
	af := ah.af
	if want != 0 && ah.side != want {
		w.report(rules.RuleBadHandle, "%s: %s is the %s's handle of af #%d; the %s must pass its own handle", ddi, param, ah.side, af.id, want)
		return nil
	}
	var owner driverRef
	if ah.side == sideClient {
		owner = af.client.protocol
	} else {
		owner = af.reg.cm.driver()
	}
	if !w.checkOwner(ddi, param, h, owner) {
		return nil
	}
	if !w.handleLive(ddi, param, ah.side, af.life, af.cmLife, af.String()) {
		return nil
	}
	return ah
}

// sapArg resolves an NdisSapHandle parameter that side want must pass.
func (w *world) sapArg(ddi, param string, h ndis.Handle, want side) *sapHandle {
	sh, ok := handleOf[*sapHandle](w, ddi, param, h, "a SAP handle")
	if !ok {
		return nil
	}
	s := sh.sap
	if sh.side != want {
		w.report(rules.RuleBadHandle, "%s: %s is the %s's handle of sap #%d; the %s must pass its own handle", ddi, param, sh.side, s.id, want)
		return nil
	}
	var owner driverRef
	if sh.side == sideClient {
		owner = s.af.client.protocol
	} else {
		owner = s.af.reg.cm.driver()
	}
	if !w.checkOwner(ddi, param, h, owner) {
		return nil
	}
	if !w.handleLive(ddi, param, sh.side, s.life, s.cmLife, s.String()) {
		return nil
	}
	return sh
}

// partyArg resolves an NdisPartyHandle parameter that side want must pass.
func (w *world) partyArg(ddi, param string, h ndis.Handle, want side, fl argFlags) *partyHandle {
	if h == nil && fl&optional != 0 {
		return nil
	}
	ph, ok := handleOf[*partyHandle](w, ddi, param, h, "a party handle")
	if !ok {
		return nil
	}
	p := ph.party
	if ph.side != want {
		w.report(rules.RuleBadHandle, "%s: %s is the %s's handle of party #%d; the %s must pass its own handle", ddi, param, ph.side, p.id, want)
		return nil
	}
	if !w.checkOwner(ddi, param, h, w.vcOwner(p.vc.handleFor(want))) {
		return nil
	}
	if p.vc.deleted {
		w.report(rules.RuleVcUseAfterDelete, "%s: %s is a party of %s, which was deleted", ddi, param, p.vc)
		return nil
	}
	if !w.handleLive(ddi, param, ph.side, p.life, p.cmLife, p.String()) {
		return nil
	}
	return ph
}

// openArg resolves an NdisBindingHandle parameter.
func (w *world) openArg(ddi, param string, h ndis.Handle) *openBlock {
	o, ok := handleOf[*openBlock](w, ddi, param, h, "a binding handle from NdisOpenAdapterEx")
	if !ok {
		return nil
	}
	if !w.checkOwner(ddi, param, h, o.protocol) {
		return nil
	}
	if o.closed {
		w.report(rules.RuleBadHandle, "%s: %s is the binding of %s, which NdisCloseAdapterEx closed", ddi, param, o.who())
		return nil
	}
	return o
}

// adapterArg resolves a MiniportAdapterHandle parameter.
func (w *world) adapterArg(ddi, param string, h ndis.Handle) *adapterBlock {
	a, ok := handleOf[*adapterBlock](w, ddi, param, h, "the miniport adapter handle NDIS passed to MiniportInitializeEx")
	if !ok {
		return nil
	}
	if !w.checkOwner(ddi, param, h, a.driver) {
		return nil
	}
	if a.halted {
		w.report(rules.RuleBadHandle, "%s: %s is adapter %q, which was halted", ddi, param, a.name)
		return nil
	}
	return a
}

// needPtr reports a required pointer parameter that is nil.
func (w *world) needPtr(ddi, param string, isNil bool) bool {
	if isNil {
		w.report(rules.RuleBadParameter, "%s: %s is NULL; the page requires it", ddi, param)
		return false
	}
	return true
}
