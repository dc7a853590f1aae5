package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// CmAddPartyComplete runs NdisCmAddPartyComplete in the simulated NDIS.
func (w *world) CmAddPartyComplete(status ndis.Status, ndisPartyHandle ndis.Handle, callMgrPartyContext ndis.Handle, callParameters *ndis.CoCallParameters) {
	defer w.st.EnterDDI("NdisCmAddPartyComplete", args(status, ndisPartyHandle, callMgrPartyContext, "CallParameters"))()
	w.addPartyComplete("NdisCmAddPartyComplete", status, ndisPartyHandle, callMgrPartyContext, callParameters)
}

// addPartyComplete implements Ndis(M)CmAddPartyComplete.
func (w *world) addPartyComplete(ddi string, status ndis.Status, partyH, cmCtx ndis.Handle, cp *ndis.CoCallParameters) {
	ph := w.partyArg(ddi, "NdisPartyHandle", partyH, sideCM, 0)
	if ph == nil || !w.checkFamily(ddi, ph.party.vc.cm) {
		return
	}
	p := ph.party
	if !w.complete(reqKey{"add-party", p}, ddi, "NdisClAddParty of "+p.String(), status) {
		return
	}
	w.step(p.cmLife, w.onStatus(ddi, status))
	var clientH ndis.Handle
	if status == ndis.StatusSuccess {
		p.cmCtx = cmCtx
		clientH = p.clientH
	}
	drv := p.vc.clientOpen.protocol
	w.step(p.life, w.onStatus("PROTOCOL_CL_ADD_PARTY_COMPLETE", status))
	w.call("PROTOCOL_CL_ADD_PARTY_COMPLETE", drv, args(status, p.clientCtx, clientH, "CallParameters"), func() {
		if drv.cl.ClAddPartyCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CL_ADD_PARTY_COMPLETE")
			return
		}
		drv.cl.ClAddPartyCompleteHandler(status, p.clientCtx, clientH, cp)
	})
}

// CmDropPartyComplete runs NdisCmDropPartyComplete in the simulated NDIS.
func (w *world) CmDropPartyComplete(status ndis.Status, ndisPartyHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisCmDropPartyComplete", args(status, ndisPartyHandle))()
	w.dropPartyComplete("NdisCmDropPartyComplete", status, ndisPartyHandle)
}

// dropPartyComplete implements Ndis(M)CmDropPartyComplete.
func (w *world) dropPartyComplete(ddi string, status ndis.Status, partyH ndis.Handle) {
	ph := w.partyArg(ddi, "NdisPartyHandle", partyH, sideCM, 0)
	if ph == nil || !w.checkFamily(ddi, ph.party.vc.cm) {
		return
	}
	p := ph.party
	if !w.complete(reqKey{"drop-party", p}, ddi, "NdisClDropParty of "+p.String(), status) {
		return
	}
	w.step(p.cmLife, w.onStatus(ddi, status))
	drv := p.vc.clientOpen.protocol
	w.step(p.life, w.onStatus("PROTOCOL_CL_DROP_PARTY_COMPLETE", status))
	w.call("PROTOCOL_CL_DROP_PARTY_COMPLETE", drv, args(status, p.clientCtx), func() {
		if drv.cl.ClDropPartyCompleteHandler == nil {
			w.noHandler(drv, "PROTOCOL_CL_DROP_PARTY_COMPLETE")
			return
		}
		drv.cl.ClDropPartyCompleteHandler(status, p.clientCtx)
	})
}

// CmDispatchIncomingDropParty runs NdisCmDispatchIncomingDropParty in the simulated NDIS.
func (w *world) CmDispatchIncomingDropParty(dropStatus ndis.Status, ndisPartyHandle ndis.Handle, buffer []byte, size uint32) {
	defer w.st.EnterDDI("NdisCmDispatchIncomingDropParty", args(dropStatus, ndisPartyHandle, "Buffer", size))()
	w.dispatchIncomingDrop("NdisCmDispatchIncomingDropParty", dropStatus, ndisPartyHandle, buffer, size)
}

// dispatchIncomingDrop implements Ndis(M)CmDispatchIncomingDropParty.
func (w *world) dispatchIncomingDrop(ddi string, dropStatus ndis.Status, partyH ndis.Handle, buffer []byte, size uint32) {
	ph := w.partyArg(ddi, "NdisPartyHandle", partyH, sideCM, 0)
	if ph == nil || !w.checkFamily(ddi, ph.party.vc.cm) {
		return
	}
	p := ph.party
	v := p.vc
	const role = "PROTOCOL_CL_INCOMING_DROP_PARTY"
	if v.call != callConnected {
		w.report(rules.RuleVcState, "%s: %s is not a party of a connected call", ddi, p)
		return
	}
	if len(w.liveParties(v)) == 1 {
		if !w.admit(v.life, on(incomingCloseRole), ddi, v.describe(), "", "") {
			return
		}
		w.st.Tracef("%s: %s is the last party; NDIS indicates the close of the call instead", ddi, p)
		w.incomingClose(v, dropStatus, buffer, size)
		return
	}
	if !w.admit(p.life, on(role), ddi, p.String(), "", "") {
		return
	}
	p.remoteDropped = true
	w.step(p.life, w.onStatus(role, dropStatus))
	drv := v.clientOpen.protocol
	w.call(role, drv, args(dropStatus, p.clientCtx, "CloseData", size), func() {
		if drv.cl.ClIncomingDropPartyHandler == nil {
			w.noHandler(drv, "PROTOCOL_CL_INCOMING_DROP_PARTY")
			return
		}
		drv.cl.ClIncomingDropPartyHandler(dropStatus, p.clientCtx, buffer, size)
	})
}
