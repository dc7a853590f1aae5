package ndis

// NDIS timer objects.

// AllocateTimerObject is NdisAllocateTimerObject: allocates a timer object
// whose NetTimerCallback is timerCharacteristics.TimerFunction and stores
// its handle in *pTimerObject. A NULL or foreign ndisHandle is reported
// (bad-handle) and fails with NDIS_STATUS_FAILURE; characteristics without
// a TimerFunction fail with NDIS_STATUS_BAD_CHARACTERISTICS, as the page
// documents. The driver must free the object with NdisFreeTimerObject
// (ReportServiceLeaks lists those it did not).
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisallocatetimerobject.
func AllocateTimerObject(ndisHandle Handle, timerCharacteristics *TimerCharacteristics, pTimerObject *Handle) Status {
	return sim().AllocateTimerObject(ndisHandle, timerCharacteristics, pTimerObject)
}

// CancelTimerObject is NdisCancelTimerObject: takes the timer out of the
// timer queue and returns TRUE if it was in it; a callback that already
// expired is not undone. Cancelling a periodic timer requires
// PASSIVE_LEVEL (the page's Remarks; checked here, which the catalogue's
// single requirement cannot express); a bad or freed handle is reported
// and returns FALSE.
// IRQL: See Remarks section: PASSIVE_LEVEL for a periodic timer, otherwise
// <= DISPATCH_LEVEL. Page: nf-ndis-ndiscanceltimerobject.
func CancelTimerObject(timerObject Handle) bool {
	return sim().CancelTimerObject(timerObject)
}

// FreeTimerObject is NdisFreeTimerObject: frees a timer object. A timer
// still in the timer queue is taken out of it first (the page does not
// say freeing one is an error, so the verifier only traces it). Freeing it
// twice (timer-use-after-free) or a bad handle is reported.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfreetimerobject.
func FreeTimerObject(timerObject Handle) {
	sim().FreeTimerObject(timerObject)
}

// SetTimerObject is NdisSetTimerObject: queues the timer to expire at
// dueTime (100ns units; negative is relative to now, otherwise an absolute
// virtual time) and then every millisecondsPeriod milliseconds if that is
// not zero (a LONG, so the page's "<= MAXLONG" always holds; a negative
// period is reported as bad-parameter and treated as zero). On expiry the NetTimerCallback runs at DISPATCH_LEVEL through
// the callback dispatcher (role NDIS_TIMER_FUNCTION) with functionContext,
// or the characteristics' FunctionContext if functionContext is NULL. It
// returns TRUE if the timer was already in the timer queue (it is then
// re-set). A bad or freed handle is reported and returns FALSE.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndissettimerobject.
func SetTimerObject(timerObject Handle, dueTime int64, millisecondsPeriod int32, functionContext Handle) bool {
	return sim().SetTimerObject(timerObject, dueTime, millisecondsPeriod, functionContext)
}
