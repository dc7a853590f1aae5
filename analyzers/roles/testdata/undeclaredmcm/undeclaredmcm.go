// Package undeclaredmcm is a miniport call manager: it fills miniport and
// protocol slots, so the miniport roles count among those sharing a
// protocol slot's signature. A slot whose signature five other roles share
// names the first three in the message and the other two in the related
// information.
package undeclaredmcm

import "github.com/ndislint/ndislint/ndis"

// coActivateVc is declared: clean.
//
//ndis:role MINIPORT_CO_ACTIVATE_VC
func coActivateVc(miniportVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusSuccess
}

var miniport = ndis.MiniportCoCharacteristics{
	CoActivateVcHandler: coActivateVc,
}

// deleteVc frees nothing.
func deleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusSuccess
}

var handlers = ndis.CoClientOptionalHandlers{
	ClDeleteVcHandler: deleteVc, // want `^deleteVc is stored in ClDeleteVcHandler \(PROTOCOL_CO_DELETE_VC\) but declares no role, and MINIPORT_CO_DEACTIVATE_VC, MINIPORT_CO_DELETE_VC, PROTOCOL_CL_NOTIFY_CLOSE_AF and 2 more share its signature: declare the role it implements with //ndis:role so that its use can be checked \(role-undeclared\)$`
}
