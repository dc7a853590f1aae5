package mistakes

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// queryingSendNetBufferLists is the base send handler that works out the
// send-complete flag by asking the processor.
//
// MISTAKE: SendFlags already says whether the caller is at DISPATCH_LEVEL
// (NDIS_SEND_FLAGS_DISPATCH_LEVEL); "KeGetCurrentIrql must not be called
// within callback functions that have a dispatch level flag parameter"
// (SDV Flags_Irql, dispatch-irql-tracking). ndislint reports
// irql-flag-query.
//
//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func queryingSendNetBufferLists(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	if wdm.KeGetCurrentIrql() == wdm.DispatchLevel {
		sendFlags |= ndis.SendFlagsDispatchLevel
	}
	mpSendNetBufferLists(miniportAdapterContext, netBufferList, portNumber, sendFlags)
}
