// Package moved is asis, checked with a catalogue in which the adapter's
// Pausing state forbids what it allowed and its Paused state forbids
// nothing.
package moved

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	handle ndis.Handle
	rx     *ndis.NetBufferList
}

//ndis:role MINIPORT_PAUSE
func pause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources) // want `while the adapter is Pausing \(in MiniportPause\)`
	return ndis.StatusSuccess
}

func complete(a *adapter) {
	ndis.MPauseComplete(a.handle)
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
}
