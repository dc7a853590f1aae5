package ndissim

import (
	"fmt"
)

// maxSleepMicroseconds is the longest NdisMSleep the page allows (30 s).
const maxSleepMicroseconds = 30000000

// MSleep runs NdisMSleep in the simulated NDIS.
func (w *world) MSleep(microsecondsToSleep uint32) {
	s := w.st
	defer s.EnterDDI("NdisMSleep", fmt.Sprintf("%dus", microsecondsToSleep))()
	if microsecondsToSleep > maxSleepMicroseconds {
		s.BadParameter("NdisMSleep", "MicrosecondsToSleep", fmt.Sprintf("is %d; the page forbids more than 30,000,000 microseconds", microsecondsToSleep))
	}
	s.Wait(nil, s.Now()+int64(microsecondsToSleep)*10)
}

// StallExecution runs NdisStallExecution in the simulated NDIS.
func (w *world) StallExecution(microSecondsToStall uint32) {
	s := w.st
	defer s.EnterDDI("NdisStallExecution", fmt.Sprintf("%dus", microSecondsToStall))()
	s.CheckArgs("NdisStallExecution", microSecondsToStall)
	s.Advance(int64(microSecondsToStall) * 10)
}
