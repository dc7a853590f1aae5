package ndis

// Waiting and stalling.

// MSleep is NdisMSleep: puts the caller's thread in a wait state for
// microsecondsToSleep microseconds. The simulation does not sleep: the
// queued events due before the end of the interval run in order (other
// threads, DPCs and timers run while this thread waits) and the virtual
// clock moves to the end of the interval. More than 30,000,000
// microseconds, which the page forbids, is reported (bad-parameter).
// IRQL: < DISPATCH_LEVEL. Page: nf-ndis-ndismsleep.
func MSleep(microsecondsToSleep uint32) {
	sim().MSleep(microsecondsToSleep)
}

// StallExecution is NdisStallExecution: busy-waits for microSecondsToStall
// microseconds on the current processor. The simulation advances the
// virtual clock by the interval; a busy-wait keeps the processor, so no
// queued event runs meanwhile. (The page asks for no more than 50
// microseconds; that is advice, not checked.)
// IRQL: Any level. Page: nf-ndis-ndisstallexecution.
func StallExecution(microSecondsToStall uint32) {
	sim().StallExecution(microSecondsToStall)
}
