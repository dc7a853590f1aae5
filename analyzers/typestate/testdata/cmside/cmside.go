// Package cmside: a call manager's AF, SAP and party handles around their
// close, deregistration and drop.
package cmside

import "github.com/ndislint/ndislint/ndis"

type cmAf struct {
	ndisAfHandle ndis.Handle
	closing      bool
}

type cmSap struct {
	ndisSapHandle ndis.Handle
}

type cmParty struct {
	ndisPartyHandle ndis.Handle
}

func cmOpenAf(callMgrBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
	*callMgrAfContext = &cmAf{ndisAfHandle: ndisAfHandle}
	return ndis.StatusSuccess
}

// Completed inside the handler, then the handle is used: dead.
func cmCloseAf(callMgrAfContext ndis.Handle) ndis.Status {
	a := callMgrAfContext.(*cmAf)
	ndis.CmCloseAddressFamilyComplete(ndis.StatusSuccess, a.ndisAfHandle)
	ndis.CmNotifyCloseAddressFamily(a.ndisAfHandle) // want `NdisCmNotifyCloseAddressFamily with NdisAfHandle after NdisCmCloseAddressFamilyComplete invalidated it \(af-use-after-close\)`
	return ndis.StatusPending
}

// The twin: the handle used before the completion.
func cmCloseAf2(callMgrAfContext ndis.Handle) ndis.Status {
	a := callMgrAfContext.(*cmAf)
	if !a.closing {
		ndis.CmNotifyCloseAddressFamily(a.ndisAfHandle)
	}
	ndis.CmCloseAddressFamilyComplete(ndis.StatusSuccess, a.ndisAfHandle)
	return ndis.StatusPending
}

func cmRegisterSap(callMgrAfContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle, callMgrSapContext *ndis.Handle) ndis.Status {
	*callMgrSapContext = &cmSap{ndisSapHandle: ndisSapHandle}
	return ndis.StatusSuccess
}

func cmDeregisterSap(callMgrSapContext ndis.Handle) ndis.Status {
	s := callMgrSapContext.(*cmSap)
	ndis.CmDeregisterSapComplete(ndis.StatusSuccess, s.ndisSapHandle)
	ndis.CmDeregisterSapComplete(ndis.StatusSuccess, s.ndisSapHandle) // want `NdisCmDeregisterSapComplete with NdisSapHandle after NdisCmDeregisterSapComplete invalidated it \(sap-use-after-deregister\)`
	return ndis.StatusPending
}

func cmAddParty(callMgrVcContext ndis.Handle, callParameters *ndis.CoCallParameters, ndisPartyHandle ndis.Handle, callMgrPartyContext *ndis.Handle) ndis.Status {
	*callMgrPartyContext = &cmParty{ndisPartyHandle: ndisPartyHandle}
	return ndis.StatusSuccess
}

// A failed drop leaves the party; a successful one kills its handle.
func cmDropParty(callMgrPartyContext ndis.Handle, closeData []byte, size uint32) ndis.Status {
	p := callMgrPartyContext.(*cmParty)
	st := ndis.StatusFailure
	if len(closeData) == 0 {
		st = ndis.StatusSuccess
	}
	ndis.CmDropPartyComplete(st, p.ndisPartyHandle)
	if st != ndis.StatusSuccess {
		ndis.CmDispatchIncomingDropParty(ndis.StatusSuccess, p.ndisPartyHandle, nil, 0)
		return ndis.StatusPending
	}
	ndis.CmDispatchIncomingDropParty(ndis.StatusSuccess, p.ndisPartyHandle, nil, 0) // want `NdisCmDispatchIncomingDropParty with NdisPartyHandle after NdisCmDropPartyComplete invalidated it \(party-use-after-drop\)`
	return ndis.StatusPending
}

var handlers = ndis.CoCallManagerOptionalHandlers{
	CmOpenAfHandler:        cmOpenAf,
	CmCloseAfHandler:       cmCloseAf,
	CmRegisterSapHandler:   cmRegisterSap,
	CmDeregisterSapHandler: cmDeregisterSap,
	CmAddPartyHandler:      cmAddParty,
	CmDropPartyHandler:     cmDropParty,
}

var _ ndis.ProtocolCmCloseAf = cmCloseAf2
