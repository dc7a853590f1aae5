package ndissim

import (
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
	// allowClosed: an AF or SAP handle after the client closed it is
	// returned (NdisClNotifyCloseAddressFamilyComplete).
	allowClosed
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
	vh, ok := h.(*vcHandle)
	if !ok || vh == nil || vh.vc == nil {
		w.nullOrWrong(ddi, param, h, "a VC handle")
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
	if vh.side == sideClient && v.clientDead && fl&allowDead == 0 {
		w.reportDeadVc(ddi, param, v)
		return nil
	}
	return vh
}

// reportDeadVc reports the client's use of its handle of a VC the call
// manager created after the close completed.
func (w *world) reportDeadVc(ddi, param string, v *vcBlock) {
	w.report(rules.RuleVcUseAfterClose, "%s: the client's %s for %s is no longer valid: PROTOCOL_CL_CLOSE_CALL_COMPLETE (or a non-PENDING NdisClCloseCall) ended the client's use of a VC the call manager created, until the call manager dispatches a new incoming call on it", ddi, param, v)
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
	ah, ok := h.(*afHandle)
	if !ok || ah == nil || ah.af == nil {
		w.nullOrWrong(ddi, param, h, "an AF handle")
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
	closed := af.cmClosed
	if ah.side == sideClient {
		closed = af.clientClosed && fl&allowClosed == 0
	}
	if closed || af.state == afFailed {
		w.report(rules.RuleAfUseAfterClose, "%s: %s is the %s's handle of af #%d, which is closed", ddi, param, ah.side, af.id)
		return nil
	}
	return ah
}

// sapArg resolves an NdisSapHandle parameter that side want must pass.
func (w *world) sapArg(ddi, param string, h ndis.Handle, want side) *sapHandle {
	sh, ok := h.(*sapHandle)
	if !ok || sh == nil || sh.sap == nil {
		w.nullOrWrong(ddi, param, h, "a SAP handle")
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
	gone := s.state == sapGone || s.state == sapFailed
	if sh.side == sideClient {
		gone = gone || s.clientClosed
	}
	if gone {
		w.report(rules.RuleSapUseAfterDeregister, "%s: %s is the %s's handle of sap #%d, which is deregistered", ddi, param, sh.side, s.id)
		return nil
	}
	return sh
}

// partyArg resolves an NdisPartyHandle parameter that side want must pass.
func (w *world) partyArg(ddi, param string, h ndis.Handle, want side, fl argFlags) *partyHandle {
	if h == nil && fl&optional != 0 {
		return nil
	}
	ph, ok := h.(*partyHandle)
	if !ok || ph == nil || ph.party == nil {
		w.nullOrWrong(ddi, param, h, "a party handle")
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
	if p.state == partyGone || (want == sideClient && p.state == partyDropping) {
		w.report(rules.RulePartyUseAfterDrop, "%s: %s is the %s's handle of party #%d of %s, which was dropped", ddi, param, ph.side, p.id, p.vc)
		return nil
	}
	if p.vc.deleted {
		w.report(rules.RuleVcUseAfterDelete, "%s: %s is a party of %s, which was deleted", ddi, param, p.vc)
		return nil
	}
	return ph
}

// openArg resolves an NdisBindingHandle parameter.
func (w *world) openArg(ddi, param string, h ndis.Handle) *openBlock {
	o, ok := h.(*openBlock)
	if !ok || o == nil {
		w.nullOrWrong(ddi, param, h, "a binding handle from NdisOpenAdapterEx")
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
	a, ok := h.(*adapterBlock)
	if !ok || a == nil {
		w.nullOrWrong(ddi, param, h, "the miniport adapter handle NDIS passed to MiniportInitializeEx")
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
