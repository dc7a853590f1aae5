package ndistest

import "github.com/ndislint/ndislint/ndis"

// cmOps are the NDIS functions a call manager calls: NdisCm*/NdisCo* for a
// stand-alone call manager, NdisMCm* for a miniport call manager.
type cmOps interface {
	createVc(cm *CallManager, af *cmAf, v *VC) ndis.Status
	deleteVc(vh ndis.Handle) ndis.Status
	activate(vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status
	deactivate(vh ndis.Handle) ndis.Status
	openAfComplete(st ndis.Status, ah, ctx ndis.Handle)
	closeAfComplete(st ndis.Status, ah ndis.Handle)
	registerSapComplete(st ndis.Status, sh, ctx ndis.Handle)
	deregisterSapComplete(st ndis.Status, sh ndis.Handle)
	makeCallComplete(st ndis.Status, vh, ph, pctx ndis.Handle, cp *ndis.CoCallParameters)
	closeCallComplete(st ndis.Status, vh, ph ndis.Handle)
	modifyQoSComplete(st ndis.Status, vh ndis.Handle, cp *ndis.CoCallParameters)
	addPartyComplete(st ndis.Status, ph, pctx ndis.Handle, cp *ndis.CoCallParameters)
	dropPartyComplete(st ndis.Status, ph ndis.Handle)
	dispatchIncomingCall(sh, vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status
	dispatchCallConnected(vh ndis.Handle)
	dispatchQoSChange(vh ndis.Handle, cp *ndis.CoCallParameters)
	dispatchIncomingClose(st ndis.Status, vh ndis.Handle)
	dispatchIncomingDrop(st ndis.Status, ph ndis.Handle)
	notifyCloseAf(ah ndis.Handle) ndis.Status
	oidRequest(cm *CallManager, ah, vh, ph ndis.Handle, req *ndis.OidRequest) ndis.Status
	oidRequestComplete(ah, vh, ph ndis.Handle, req *ndis.OidRequest, st ndis.Status)
}

// cmFuncs are a stand-alone call manager's NdisCm*/NdisCo* calls.
type cmFuncs struct{}

func (cmFuncs) createVc(cm *CallManager, af *cmAf, v *VC) ndis.Status {
	return ndis.CoCreateVc(cm.binding, af.h, v, &v.h)
}
func (cmFuncs) deleteVc(vh ndis.Handle) ndis.Status { return ndis.CoDeleteVc(vh) }
func (cmFuncs) activate(vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status {
	return ndis.CmActivateVc(vh, cp)
}
func (cmFuncs) deactivate(vh ndis.Handle) ndis.Status { return ndis.CmDeactivateVc(vh) }
func (cmFuncs) openAfComplete(st ndis.Status, ah, ctx ndis.Handle) {
	ndis.CmOpenAddressFamilyComplete(st, ah, ctx)
}
func (cmFuncs) closeAfComplete(st ndis.Status, ah ndis.Handle) {
	ndis.CmCloseAddressFamilyComplete(st, ah)
}
func (cmFuncs) registerSapComplete(st ndis.Status, sh, ctx ndis.Handle) {
	ndis.CmRegisterSapComplete(st, sh, ctx)
}
func (cmFuncs) deregisterSapComplete(st ndis.Status, sh ndis.Handle) {
	ndis.CmDeregisterSapComplete(st, sh)
}
func (cmFuncs) makeCallComplete(st ndis.Status, vh, ph, pctx ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.CmMakeCallComplete(st, vh, ph, pctx, cp)
}
func (cmFuncs) closeCallComplete(st ndis.Status, vh, ph ndis.Handle) {
	ndis.CmCloseCallComplete(st, vh, ph)
}
func (cmFuncs) modifyQoSComplete(st ndis.Status, vh ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.CmModifyCallQoSComplete(st, vh, cp)
}
func (cmFuncs) addPartyComplete(st ndis.Status, ph, pctx ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.CmAddPartyComplete(st, ph, pctx, cp)
}
func (cmFuncs) dropPartyComplete(st ndis.Status, ph ndis.Handle) { ndis.CmDropPartyComplete(st, ph) }
func (cmFuncs) dispatchIncomingCall(sh, vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status {
	return ndis.CmDispatchIncomingCall(sh, vh, cp)
}
func (cmFuncs) dispatchCallConnected(vh ndis.Handle) { ndis.CmDispatchCallConnected(vh) }
func (cmFuncs) dispatchQoSChange(vh ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.CmDispatchIncomingCallQoSChange(vh, cp)
}
func (cmFuncs) dispatchIncomingClose(st ndis.Status, vh ndis.Handle) {
	ndis.CmDispatchIncomingCloseCall(st, vh, nil, 0)
}
func (cmFuncs) dispatchIncomingDrop(st ndis.Status, ph ndis.Handle) {
	ndis.CmDispatchIncomingDropParty(st, ph, nil, 0)
}
func (cmFuncs) notifyCloseAf(ah ndis.Handle) ndis.Status { return ndis.CmNotifyCloseAddressFamily(ah) }
func (cmFuncs) oidRequest(cm *CallManager, ah, vh, ph ndis.Handle, req *ndis.OidRequest) ndis.Status {
	return ndis.CoOidRequest(cm.binding, ah, vh, ph, req)
}
func (cmFuncs) oidRequestComplete(ah, vh, ph ndis.Handle, req *ndis.OidRequest, st ndis.Status) {
	ndis.CoOidRequestComplete(ah, vh, ph, req, st)
}

// mcmFuncs are a miniport call manager's NdisMCm* calls.
type mcmFuncs struct{}

func (mcmFuncs) createVc(cm *CallManager, af *cmAf, v *VC) ndis.Status {
	return ndis.MCmCreateVc(cm.adapterHandle, af.h, v, &v.h)
}
func (mcmFuncs) deleteVc(vh ndis.Handle) ndis.Status { return ndis.MCmDeleteVc(vh) }
func (mcmFuncs) activate(vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status {
	return ndis.MCmActivateVc(vh, cp)
}
func (mcmFuncs) deactivate(vh ndis.Handle) ndis.Status { return ndis.MCmDeactivateVc(vh) }
func (mcmFuncs) openAfComplete(st ndis.Status, ah, ctx ndis.Handle) {
	ndis.MCmOpenAddressFamilyComplete(st, ah, ctx)
}
func (mcmFuncs) closeAfComplete(st ndis.Status, ah ndis.Handle) {
	ndis.MCmCloseAddressFamilyComplete(st, ah)
}
func (mcmFuncs) registerSapComplete(st ndis.Status, sh, ctx ndis.Handle) {
	ndis.MCmRegisterSapComplete(st, sh, ctx)
}
func (mcmFuncs) deregisterSapComplete(st ndis.Status, sh ndis.Handle) {
	ndis.MCmDeregisterSapComplete(st, sh)
}
func (mcmFuncs) makeCallComplete(st ndis.Status, vh, ph, pctx ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.MCmMakeCallComplete(st, vh, ph, pctx, cp)
}
func (mcmFuncs) closeCallComplete(st ndis.Status, vh, ph ndis.Handle) {
	ndis.MCmCloseCallComplete(st, vh, ph)
}
func (mcmFuncs) modifyQoSComplete(st ndis.Status, vh ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.MCmModifyCallQoSComplete(st, vh, cp)
}
func (mcmFuncs) addPartyComplete(st ndis.Status, ph, pctx ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.MCmAddPartyComplete(st, ph, pctx, cp)
}
func (mcmFuncs) dropPartyComplete(st ndis.Status, ph ndis.Handle) { ndis.MCmDropPartyComplete(st, ph) }
func (mcmFuncs) dispatchIncomingCall(sh, vh ndis.Handle, cp *ndis.CoCallParameters) ndis.Status {
	return ndis.MCmDispatchIncomingCall(sh, vh, cp)
}
func (mcmFuncs) dispatchCallConnected(vh ndis.Handle) { ndis.MCmDispatchCallConnected(vh) }
func (mcmFuncs) dispatchQoSChange(vh ndis.Handle, cp *ndis.CoCallParameters) {
	ndis.MCmDispatchIncomingCallQoSChange(vh, cp)
}
func (mcmFuncs) dispatchIncomingClose(st ndis.Status, vh ndis.Handle) {
	ndis.MCmDispatchIncomingCloseCall(st, vh, nil, 0)
}
func (mcmFuncs) dispatchIncomingDrop(st ndis.Status, ph ndis.Handle) {
	ndis.MCmDispatchIncomingDropParty(st, ph, nil, 0)
}
func (mcmFuncs) notifyCloseAf(ah ndis.Handle) ndis.Status {
	return ndis.MCmNotifyCloseAddressFamily(ah)
}
func (mcmFuncs) oidRequest(cm *CallManager, ah, vh, ph ndis.Handle, req *ndis.OidRequest) ndis.Status {
	return ndis.MCmOidRequest(ah, vh, ph, req)
}
func (mcmFuncs) oidRequestComplete(ah, vh, ph ndis.Handle, req *ndis.OidRequest, st ndis.Status) {
	ndis.MCmOidRequestComplete(ah, vh, ph, req, st)
}
