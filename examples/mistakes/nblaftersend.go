package mistakes

import "github.com/ndislint/ndislint/ndis"

// sentBytes counts the bytes the client has sent (its statistics).
var sentBytes uint64

// SendAndCount sends a list on the client's binding and adds its length to
// the client's statistics.
//
// MISTAKE: the list is counted after it is handed to NDIS. "As soon as a
// protocol driver calls NdisSendNetBufferLists, it relinquishes ownership
// of the NET_BUFFER_LIST structures and all associated resources"
// (nf-ndis-ndissendnetbufferlists): the send may already have completed,
// and ProtocolSendNetBufferListsComplete freed or reused the list, when
// NdisSendNetBufferLists returns. Read what is needed before the call.
// ndislint reports nbl-use-after-handoff.
func SendAndCount(netBufferList *ndis.NetBufferList) {
	d := globals
	ndis.SendNetBufferLists(d.ndisBindingHandle, netBufferList, 0, 0)
	sentBytes += uint64(len(netBufferList.Data))
}
