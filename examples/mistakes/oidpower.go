package mistakes

import "github.com/ndislint/ndislint/ndis"

// powerOidRequest is a MiniportOidRequest that refuses the power changes
// its hardware cannot make.
//
// MISTAKE: a request of OID_PNP_SET_POWER ends only with
// NDIS_STATUS_NOT_ACCEPTED or NDIS_STATUS_SUCCESS (or NDIS_STATUS_PENDING
// from MiniportOidRequest) (sdv/ndis-ndisoidcomplete, SDV NdisOidComplete);
// NDIS_STATUS_NOT_SUPPORTED, which MiniportOidRequest's own page allows for
// an OID the miniport does not support, is not one of them: refuse with
// NDIS_STATUS_NOT_ACCEPTED. ndislint reports oid-bad-status.
//
//ndis:role MINIPORT_OID_REQUEST
func powerOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	switch oidRequest.Oid {
	case ndis.OidPnpSetPower:
		return ndis.StatusNotSupported
	}
	return a.packetFilterRequest(oidRequest)
}
