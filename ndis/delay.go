package ndis

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
)

// maxSleepMicroseconds is the longest NdisMSleep the page allows (30 s).
const maxSleepMicroseconds = 30000000

// MSleep is NdisMSleep: puts the caller's thread in a wait state for
// microsecondsToSleep microseconds. The simulation does not sleep: the
// queued events due before the end of the interval run in order (other
// threads, DPCs and timers run while this thread waits) and the virtual
// clock moves to the end of the interval. More than 30,000,000
// microseconds, which the page forbids, is reported (bad-parameter).
// IRQL: < DISPATCH_LEVEL. Page: nf-ndis-ndismsleep.
func MSleep(microsecondsToSleep uint32) {
	s := kernel.Current()
	defer s.EnterDDI("NdisMSleep", fmt.Sprintf("%dus", microsecondsToSleep))()
	if microsecondsToSleep > maxSleepMicroseconds {
		s.BadParameter("NdisMSleep", "MicrosecondsToSleep", fmt.Sprintf("is %d; the page forbids more than 30,000,000 microseconds", microsecondsToSleep))
	}
	s.Wait(nil, s.Now()+int64(microsecondsToSleep)*10)
}

// StallExecution is NdisStallExecution: busy-waits for microSecondsToStall
// microseconds on the current processor. The simulation advances the
// virtual clock by the interval; a busy-wait keeps the processor, so no
// queued event runs meanwhile. (The page asks for no more than 50
// microseconds; that is advice, not checked.)
// IRQL: Any level. Page: nf-ndis-ndisstallexecution.
func StallExecution(microSecondsToStall uint32) {
	s := kernel.Current()
	defer s.EnterDDI("NdisStallExecution", fmt.Sprintf("%dus", microSecondsToStall))()
	s.Advance(int64(microSecondsToStall) * 10)
}
