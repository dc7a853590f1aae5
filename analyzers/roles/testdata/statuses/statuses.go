// Package statuses has handlers returning statuses their pages do not allow.
package statuses

import "github.com/ndislint/ndislint/ndis"

type vc struct{ ndisVcHandle ndis.Handle }

// clCreateVc pends, which its page forbids.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	if protocolAfContext == nil {
		return ndis.StatusPending // want `^ProtocolCoCreateVc may return NDIS_STATUS_PENDING here; its page forbids it \(nc-ndis-protocol_co_create_vc\) \(role-bad-status\)$`
	}
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

// cmCreateVc pends through a variable.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func cmCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	status := ndis.StatusSuccess
	if protocolAfContext == nil {
		status = ndis.StatusPending
	}
	return status // want `ProtocolCoCreateVc may return NDIS_STATUS_PENDING here; its page forbids it`
}

// later is a helper that may pend.
func later(h ndis.Handle) ndis.Status {
	if h == nil {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// clCreateVc2 pends through a helper.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc2(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return later(protocolAfContext) // want `ProtocolCoCreateVc may return NDIS_STATUS_PENDING here \(from helper later\); its page forbids it`
}

// clCreateVc3 pends through a DDI that pends.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc3(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	return ndis.ClCloseCall(ndisVcHandle, nil, nil, 0) // want `ProtocolCoCreateVc may return NDIS_STATUS_PENDING here \(from NdisClCloseCall\)`
}

// namedResult pends through a named result.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func namedResult(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) (status ndis.Status) {
	status = ndis.StatusPending
	return // want `ProtocolCoCreateVc may return NDIS_STATUS_PENDING here`
}

// deleteVc pends: the vclifetime pass reports it (vc-delete-handler-pends),
// not this one.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func deleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusPending
}

// setOptions pends, and no DDI completes SET_OPTIONS.
//
//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	return ndis.StatusPending // want `XxxSetOptions may return NDIS_STATUS_PENDING here; the role cannot pend: no DDI completes it \(nc-ndis-set_options\)`
}

// cmCloseAf fails with a status its page does not list.
//
//ndis:role PROTOCOL_CM_CLOSE_AF
func cmCloseAf(callMgrAfContext ndis.Handle) ndis.Status {
	if callMgrAfContext == nil {
		return ndis.StatusFailure // want `ProtocolCmCloseAf may return NDIS_STATUS_FAILURE here; its page allows only NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING`
	}
	return ndis.StatusSuccess
}

// cmDeregisterSap is a placeholder: NDIS_STATUS_NOT_SUPPORTED is what the
// call manager structure's page says placeholders return.
//
//ndis:role PROTOCOL_CM_DEREGISTER_SAP
func cmDeregisterSap(callMgrSapContext ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

// clIncomingCall may fail with any status (the page lists NDIS_STATUS_XXX)
// and may pend.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	if callParameters == nil {
		return ndis.StatusInvalidData
	}
	return ndis.StatusPending
}

// passThrough returns what it is given: unknown, so silent.
//
//ndis:role PROTOCOL_CM_CLOSE_AF
func passThrough(callMgrAfContext ndis.Handle) ndis.Status {
	return callMgrAfContext.(ndis.Status)
}

// unbind pends through a local captured by a closure.
//
//ndis:role PROTOCOL_UNBIND_ADAPTER_EX
func unbind(unbindContext, protocolBindingContext ndis.Handle) ndis.Status {
	status := ndis.StatusSuccess
	fail := func() { status = ndis.StatusResources }
	if unbindContext == nil {
		fail()
	}
	return status // want `ProtocolUnbindAdapterEx may return NDIS_STATUS_RESOURCES here; its page allows only NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING`
}

var cm = ndis.CoCallManagerOptionalHandlers{
	CmCreateVcHandler:      cmCreateVc,
	CmDeleteVcHandler:      deleteVc,
	CmCloseAfHandler:       cmCloseAf,
	CmDeregisterSapHandler: cmDeregisterSap,
}

var cl = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:     clCreateVc,
	ClIncomingCallHandler: clIncomingCall,
}

// multicastList fails an OID_802_3_MULTICAST_LIST set whose list is too
// long with NDIS_STATUS_MULTICAST_FULL: the OID's public page documents it,
// the catalogue adds it to MiniportOidRequest's statuses (addedStatuses).
//
//ndis:role MINIPORT_OID_REQUEST
func multicastList(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if len(oidRequest.InformationBuffer) > 32*6 {
		return ndis.StatusMulticastFull
	}
	return ndis.StatusSuccess
}

// oidFailure returns NDIS_STATUS_FAILURE, which no page lists for
// MiniportOidRequest: the twin the added status does not excuse.
//
//ndis:role MINIPORT_OID_REQUEST
func oidFailure(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if len(oidRequest.InformationBuffer) > 32*6 {
		return ndis.StatusFailure // want `MiniportOidRequest may return NDIS_STATUS_FAILURE here; its page allows only .*NDIS_STATUS_MULTICAST_FULL`
	}
	return ndis.StatusSuccess
}
