// Package mandatoryclean registers handler structures the pass must not
// report: complete ones, ones it cannot see whole, ones never registered,
// and slots whose requirement is a condition the code cannot show.
package mandatoryclean

import "github.com/ndislint/ndislint/ndis"

//ndis:role PROTOCOL_CO_CREATE_VC
func createVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

// A structure never registered: not reported.
var unregistered = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler: createVc,
}

// fill is a helper that fills a structure the pass does not follow.
func fill(h *ndis.CoCallManagerOptionalHandlers) {
	h.CmCreateVcHandler = createVc
}

// setOptionsHelper registers a structure a helper filled: not reported.
//
//ndis:role SET_OPTIONS
func setOptionsHelper(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	var h ndis.CoCallManagerOptionalHandlers
	fill(&h)
	return ndis.SetOptionalHandlers(ndisDriverHandle, &h)
}

//ndis:role MINIPORT_CO_ACTIVATE_VC
func activateVc(miniportVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusSuccess
}

//ndis:role MINIPORT_CO_DEACTIVATE_VC
func deactivateVc(miniportVcContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

// setOptionsMiniport registers miniport characteristics without
// MiniportCoCreateVc, which only a CoNDIS miniport that is not an MCM
// needs: a condition the pass cannot tell, so not reported.
//
//ndis:role SET_OPTIONS
func setOptionsMiniport(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	m := &ndis.MiniportCoCharacteristics{}
	m.CoActivateVcHandler = activateVc
	m.CoDeactivateVcHandler = deactivateVc
	return ndis.SetOptionalHandlers(ndisDriverHandle, m)
}

//ndis:role PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS
func receive(protocolBindingContext, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists, receiveFlags uint32) {
}

// setOptionsCM registers the characteristics of a call manager, which need
// no ProtocolCoAfRegisterNotify (only clients must have one).
//
//ndis:role SET_OPTIONS
func setOptionsCM(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.ProtocolCoCharacteristics{
		CoReceiveNetBufferListsHandler: receive,
	})
}
