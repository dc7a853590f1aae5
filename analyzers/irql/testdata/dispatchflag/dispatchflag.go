// Package dispatchflag is a miniport whose send and return handlers take
// their spin lock with NdisDprAcquireSpinLock when NDIS says, through the
// handler's dispatch-level flag, that it called them at DISPATCH_LEVEL
// (dispatch-irql-tracking: "If the caller is NDIS, the called function
// should test this flag to avoid changing the IRQL"), as the NDIS 6
// samples do.
// Those are clean; the Dpr form on the other side of the test, or with
// another flag, is reported.
package dispatchflag

import "github.com/ndislint/ndislint/ndis"

// adapter is the miniport's adapter context.
type adapter struct {
	lock ndis.SpinLock
	n    int
}

// mpReturn tests the flag, != 0 form.
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpReturn(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	if returnFlags&ndis.ReturnFlagsDispatchLevel != 0 {
		ndis.DprAcquireSpinLock(&a.lock)
		a.n++
		ndis.DprReleaseSpinLock(&a.lock)
	} else {
		ndis.AcquireSpinLock(&a.lock)
		a.n++
		ndis.ReleaseSpinLock(&a.lock)
	}
}

// mpSend keeps the test in a local first, == 0 form.
//
//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func mpSend(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	atDispatch := sendFlags&ndis.SendFlagsDispatchLevel != 0
	if !atDispatch {
		ndis.AcquireSpinLock(&a.lock)
		a.n++
		ndis.ReleaseSpinLock(&a.lock)
		return
	}
	ndis.DprAcquireSpinLock(&a.lock)
	a.n++
	ndis.DprReleaseSpinLock(&a.lock)
}

// mpReturnWrongSide takes the Dpr form where the flag is clear.
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpReturnWrongSide(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	if returnFlags&ndis.ReturnFlagsDispatchLevel == 0 {
		ndis.DprAcquireSpinLock(&a.lock) // want `NdisDprAcquireSpinLock may be called at PASSIVE_LEVEL here`
		a.n++
		ndis.DprReleaseSpinLock(&a.lock)
	}
}

// mpOtherFlag tests another flag (NDIS_RECEIVE_FLAGS_RESOURCES), which says
// nothing of the IRQL.
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpOtherFlag(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	if returnFlags&ndis.ReceiveFlagsResources != 0 {
		ndis.DprAcquireSpinLock(&a.lock) // want `NdisDprAcquireSpinLock may be called at PASSIVE_LEVEL here`
		a.n++
		ndis.DprReleaseSpinLock(&a.lock)
	}
}

var chars = ndis.MiniportDriverCharacteristics{
	SendNetBufferListsHandler:   mpSend,
	ReturnNetBufferListsHandler: mpReturn,
}
