// Package oidtable holds MiniportOidRequest handlers that end requests of // want package:`uses\(NdisMOidRequestComplete\)`
// SDV NdisOidComplete's OIDs, with statuses their rows allow and do not.
package oidtable

import "github.com/ndislint/ndislint/ndis"

// adapter is a miniport adapter context.
type adapter struct {
	h           ndis.Handle
	powerStatus ndis.Status
	kept        *ndis.OidRequest
}

// oidGenXmitOk is OID_GEN_XMIT_OK, an OID of no row.
const oidGenXmitOk ndis.Oid = 0x00020101

// The failing cases.

// switchCase returns a status OID_PNP_SET_POWER's row does not allow from
// the OID's case.
//
//ndis:role MINIPORT_OID_REQUEST
func switchCase(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return ndis.StatusInvalidData // want `MiniportOidRequest may return NDIS_STATUS_INVALID_DATA here for OID_PNP_SET_POWER, whose requests end only with NDIS_STATUS_NOT_ACCEPTED, NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING \(sdv/ndis-ndisoidcomplete\)`
	case oidGenXmitOk:
		return ndis.StatusInvalidData // another OID: no row
	}
	return ndis.StatusSuccess
}

// ifEqual returns NDIS_STATUS_NOT_SUPPORTED on the true branch of ==.
//
//ndis:role MINIPORT_OID_REQUEST
func ifEqual(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid == ndis.OidNicSwitchFreeVf {
		return ndis.StatusNotSupported // want `MiniportOidRequest may return NDIS_STATUS_NOT_SUPPORTED here for OID_NIC_SWITCH_FREE_VF`
	}
	return ndis.StatusSuccess
}

// notEqualElse returns NDIS_STATUS_REQUEST_ABORTED on the false branch of
// != OID_PNP_SET_POWER: that row does not have it, the other row does.
//
//ndis:role MINIPORT_OID_REQUEST
func notEqualElse(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid != ndis.OidPnpSetPower {
		return ndis.StatusRequestAborted
	}
	return ndis.StatusRequestAborted // want `NDIS_STATUS_REQUEST_ABORTED here for OID_PNP_SET_POWER`
}

// completeInCase completes OID_PM_REMOVE_WOL_PATTERN's request with a
// status its row does not allow, before pending it (nested: allowed).
//
//ndis:role MINIPORT_OID_REQUEST
func completeInCase(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	switch oidRequest.Oid {
	case ndis.OidPmRemoveWolPattern:
		ndis.MOidRequestComplete(a.h, oidRequest, ndis.StatusInvalidLength) // want `NdisMOidRequestComplete called with NDIS_STATUS_INVALID_LENGTH for OID_PM_REMOVE_WOL_PATTERN, whose requests complete only with NDIS_STATUS_NOT_ACCEPTED, NDIS_STATUS_REQUEST_ABORTED, NDIS_STATUS_SUCCESS \(sdv/ndis-ndisoidcomplete\)`
		return ndis.StatusPending
	case ndis.OidPmRemoveProtocolOffload:
		ndis.MOidRequestComplete(a.h, oidRequest, ndis.StatusSuccess) // allowed
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// statusSet sets the status in the OID's case and returns it once, at the
// end: the return's phi takes the case's constant on the case's edge.
//
//ndis:role MINIPORT_OID_REQUEST
func statusSet(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	st := ndis.StatusSuccess
	switch oidRequest.Oid {
	case ndis.OidTunnelInterfaceReleaseOid:
		st = ndis.StatusInvalidData
	case oidGenXmitOk:
		st = ndis.StatusInvalidLength
	}
	return st // want `NDIS_STATUS_INVALID_DATA here for OID_TUNNEL_INTERFACE_RELEASE_OID`
}

// The clean twins.

// allowed returns statuses the rows allow.
//
//ndis:role MINIPORT_OID_REQUEST
func allowed(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return ndis.StatusNotAccepted
	case ndis.Oid8023DeleteMulticastAddress:
		return ndis.StatusRequestAborted
	case ndis.OidReceiveFilterClearFilter:
		return ndis.StatusPending
	}
	return ndis.StatusInvalidData
}

// fromVariable returns a status the pass cannot tell: a field, a helper's
// result.
//
//ndis:role MINIPORT_OID_REQUEST
func fromVariable(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return a.powerStatus
	case ndis.OidNicSwitchDeleteSwitch:
		return deleteSwitch(a)
	}
	return ndis.StatusSuccess
}

// deleteSwitch is a helper.
func deleteSwitch(a *adapter) ndis.Status {
	if a.kept != nil {
		return ndis.StatusSuccess
	}
	return ndis.StatusInvalidData
}

// notEqual returns NDIS_STATUS_INVALID_DATA on the true branch of !=:
// any OID but OID_PNP_SET_POWER.
//
//ndis:role MINIPORT_OID_REQUEST
func notEqual(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid != ndis.OidPnpSetPower {
		return ndis.StatusInvalidData
	}
	return ndis.StatusSuccess
}

// defaultCase returns NDIS_STATUS_INVALID_DATA in the default case and in
// a case of two OIDs: neither is one table OID.
//
//ndis:role MINIPORT_OID_REQUEST
func defaultCase(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return ndis.StatusSuccess
	case ndis.OidNicSwitchFreeVf, oidGenXmitOk:
		return ndis.StatusInvalidData
	default:
		return ndis.StatusInvalidData
	}
}

// otherRequest completes a request it kept from earlier, not the one it
// received, in OID_PNP_SET_POWER's case: the kept request's OID is not
// known.
//
//ndis:role MINIPORT_OID_REQUEST
func otherRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	if oidRequest.Oid == ndis.OidPnpSetPower && a.kept != nil {
		ndis.MOidRequestComplete(a.h, a.kept, ndis.StatusInvalidData)
		a.kept = nil
	}
	return ndis.StatusSuccess
}

// roleBadStatus returns NDIS_STATUS_FAILURE, which MiniportOidRequest's
// page does not list at all: role-bad-status's (the roles pass), not this
// rule's.
//
//ndis:role MINIPORT_OID_REQUEST
func roleBadStatus(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid == ndis.OidPnpSetPower {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// pendingCompletion completes with NDIS_STATUS_PENDING: complete-with-pending,
// once.
//
//ndis:role MINIPORT_OID_REQUEST
func pendingCompletion(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	if oidRequest.Oid == ndis.OidPnpSetPower {
		ndis.MOidRequestComplete(a.h, oidRequest, ndis.StatusPending) // want `NdisMOidRequestComplete called with NDIS_STATUS_PENDING as the final status`
	}
	return ndis.StatusPending
}

// noRole is no handler: the same body, not judged.
func noRole(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	if oidRequest.Oid == ndis.OidPnpSetPower {
		return ndis.StatusInvalidData
	}
	return ndis.StatusSuccess
}
