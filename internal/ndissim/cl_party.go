package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// newParty adds a party being set up to a multipoint call on v.
func (w *world) newParty(v *vcBlock, clientCtx ndis.Handle) *partyBlock {
	p := &partyBlock{id: w.next("party"), vc: v, clientCtx: clientCtx, life: w.newLife(rules.ObjectParty), cmLife: w.newLife(rules.ObjectPartyCM)}
	p.clientH = &partyHandle{issued: issued{w}, party: p, side: sideClient}
	p.cmH = &partyHandle{issued: issued{w}, party: p, side: sideCM}
	v.parties = append(v.parties, p)
	return p
}

// ClAddParty runs NdisClAddParty in the simulated NDIS.
func (w *world) ClAddParty(ndisVcHandle ndis.Handle, protocolPartyContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClAddParty", args(ndisVcHandle, protocolPartyContext, "CallParameters", "NdisPartyHandle"))()
	const ddi = "NdisClAddParty"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, sideClient, 0)
	if vh == nil {
		return ndis.StatusFailure
	}
	v := vh.vc
	if v.creator != sideClient || !v.multipoint || v.call != callConnected {
		w.report(rules.RuleVcState, "%s: %s has %s; parties are added to an established multipoint call the client made", ddi, v, v.call)
		return ndis.StatusFailure
	}
	if !w.needPtr(ddi, "ProtocolPartyContext", protocolPartyContext == nil) || !w.needPtr(ddi, "CallParameters", callParameters == nil) || !w.needPtr(ddi, "NdisPartyHandle", ndisPartyHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	p := w.newParty(v, protocolPartyContext)
	*ndisPartyHandle = p.clientH
	cm := v.cm
	h := cm.handlers()
	t := w.begin(p.life, on(ddi))
	st := w.forward(reqKey{"add-party", p}, ddi+" of "+p.String(), w.completer("PROTOCOL_CM_ADD_PARTY", cm.isMCM()), func() ndis.Status {
		tc := w.begin(p.cmLife, event{by: "PROTOCOL_CM_ADD_PARTY", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_ADD_PARTY", cm.driver(), args(v.cmCtx, "CallParameters", p.cmH, "CallMgrPartyContext"), func() ndis.Status {
			if h.CmAddPartyHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_ADD_PARTY")
				return ndis.StatusNotSupported
			}
			var ctx ndis.Handle
			r := h.CmAddPartyHandler(v.cmCtx, callParameters, p.cmH, &ctx)
			if r == ndis.StatusSuccess {
				p.cmCtx = ctx
			}
			return r
		})
		tc.end(r)
		return r
	})
	t.end(st)
	if st != ndis.StatusPending && st != ndis.StatusSuccess {
		*ndisPartyHandle = nil
	}
	return st
}

// ClDropParty runs NdisClDropParty in the simulated NDIS.
func (w *world) ClDropParty(ndisPartyHandle ndis.Handle, buffer []byte, size uint32) ndis.Status {
	defer w.st.EnterDDI("NdisClDropParty", args(ndisPartyHandle, "Buffer", size))()
	const ddi = "NdisClDropParty"
	ph := w.partyArg(ddi, "NdisPartyHandle", ndisPartyHandle, sideClient, 0)
	if ph == nil {
		return ndis.StatusFailure
	}
	p := ph.party
	v := p.vc
	if !w.admit(p.life, on(ddi), ddi, p.String(), "", "") {
		return ndis.StatusFailure
	}
	if len(w.liveParties(v)) == 1 {
		w.report(rules.RuleDropLastParty, "%s: %s is the last party on %s; the client releases the last party with NdisClCloseCall", ddi, p, v)
		return ndis.StatusFailure
	}
	p.remoteDropped = false
	cm := v.cm
	h := cm.handlers()
	t := w.begin(p.life, on(ddi))
	st := w.forward(reqKey{"drop-party", p}, ddi+" of "+p.String(), w.completer("PROTOCOL_CM_DROP_PARTY", cm.isMCM()), func() ndis.Status {
		tc := w.begin(p.cmLife, event{by: "PROTOCOL_CM_DROP_PARTY", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_DROP_PARTY", cm.driver(), args(p.cmCtx, "CloseData", size), func() ndis.Status {
			if h.CmDropPartyHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_DROP_PARTY")
				return ndis.StatusSuccess
			}
			return h.CmDropPartyHandler(p.cmCtx, buffer, size)
		})
		tc.end(r)
		return r
	})
	t.end(st)
	return st
}
