package mistakes

import "github.com/ndislint/ndislint/ndis"

// pendingClDeleteVc is a ProtocolCoDeleteVc that means to free the VC
// context later, from a worker, and says so by pending.
//
// MISTAKE: ProtocolCoDeleteVc is synchronous; its page
// (nc-ndis-protocol_co_delete_vc) says it cannot return
// NDIS_STATUS_PENDING. The verifier reports status-forbidden.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func pendingClDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusPending
}
