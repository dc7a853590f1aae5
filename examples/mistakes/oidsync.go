package mistakes

import "github.com/ndislint/ndislint/ndis"

// eagerOidRequest is a MiniportOidRequest that "completes" every request
// it answers.
//
// MISTAKE: NdisMOidRequestComplete returns the final status of a request
// for which MiniportOidRequest returned NDIS_STATUS_PENDING
// (nf-ndis-ndismoidrequestcomplete); a request answered synchronously is
// complete when MiniportOidRequest returns, and NDIS, which gets it back
// twice, completes it twice to the overlying driver. ndislint reports
// completion-without-pending.
//
//ndis:role MINIPORT_OID_REQUEST
func eagerOidRequest(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	st := a.packetFilterRequest(oidRequest)
	ndis.MOidRequestComplete(a.miniportAdapterHandle, oidRequest, st)
	return st
}
