package mistakes

import "github.com/ndislint/ndislint/ndis"

// stubbornPause is a MiniportPause that refuses to pause while sends are
// outstanding.
//
// MISTAKE: MiniportPause may return only NDIS_STATUS_SUCCESS or
// NDIS_STATUS_PENDING (nc-ndis-miniport_pause); a miniport with sends in
// flight must return NDIS_STATUS_PENDING and call NdisMPauseComplete once
// they complete (pausing-an-adapter). ndislint reports role-bad-status.
//
//ndis:role MINIPORT_PAUSE
func stubbornPause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*adapter)
	ndis.AcquireSpinLock(&a.lock)
	busy := a.sendsOutstanding != 0
	if !busy {
		a.running = false
	}
	ndis.ReleaseSpinLock(&a.lock)
	if busy {
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}
