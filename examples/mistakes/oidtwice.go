package mistakes

import "github.com/ndislint/ndislint/ndis"

// carelessOidRequest is a MiniportOidRequest that completes its requests
// itself and returns NDIS_STATUS_PENDING, and forgets a return on its
// error path.
//
// MISTAKE: a pended request is completed exactly once
// (nf-ndis-ndismoidrequestcomplete); here a short buffer completes it with
// NDIS_STATUS_INVALID_LENGTH and then again with the result.
// ndislint reports completed-twice.
//
//ndis:role MINIPORT_OID_REQUEST
func carelessOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	if len(oidRequest.InformationBuffer) < 4 {
		oidRequest.BytesNeeded = 4
		ndis.MOidRequestComplete(a.miniportAdapterHandle, oidRequest, ndis.StatusInvalidLength)
	}
	st := a.packetFilterRequest(oidRequest)
	ndis.MOidRequestComplete(a.miniportAdapterHandle, oidRequest, st)
	return ndis.StatusPending
}
