package wdm

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
)

// KeStallExecutionProcessor is KeStallExecutionProcessor: busy-waits for
// microSeconds. The simulation does not sleep: it advances the virtual
// clock by the interval. A busy-wait keeps the processor, so no queued
// event runs meanwhile; those that fall due run when the queue is next
// driven.
// IRQL: Any level. Page: nf-wdm-kestallexecutionprocessor.
func KeStallExecutionProcessor(microSeconds uint32) {
	s := kernel.Current()
	defer s.EnterDDI("KeStallExecutionProcessor", fmt.Sprintf("%dus", microSeconds))()
	s.Advance(int64(microSeconds) * 10)
}

// KeDelayExecutionThread is KeDelayExecutionThread: puts the current
// thread in a wait state for *interval (100ns units; negative is relative
// to now, positive an absolute virtual time). The simulation does not
// sleep: the queued events due before the end of the interval run in order
// (other threads, DPCs and timers run while this thread waits) and the
// virtual clock moves to the end of the interval. Nothing alerts the
// thread, so it returns STATUS_SUCCESS.
// IRQL: <= APC_LEVEL. Page: nf-wdm-kedelayexecutionthread.
func KeDelayExecutionThread(waitMode KProcessorMode, alertable bool, interval *int64) NtStatus {
	s := kernel.Current()
	arg := "Interval=NULL"
	if interval != nil {
		arg = fmt.Sprintf("Interval=%d", *interval)
	}
	defer s.EnterDDI("KeDelayExecutionThread", fmt.Sprintf("%s, alertable=%t, %s", modeName(waitMode), alertable, arg))()
	if interval == nil {
		s.BadParameter("KeDelayExecutionThread", "Interval", "is NULL")
		return StatusSuccess
	}
	s.Wait(nil, deadline(s.Now(), *interval))
	return StatusSuccess
}

// deadline converts a kernel due time (100ns units: negative is relative
// to now, zero or positive an absolute time) to an absolute virtual time.
func deadline(now, due int64) int64 {
	if due < 0 {
		return now - due
	}
	return due
}

// modeName spells a KPROCESSOR_MODE for traces.
func modeName(m KProcessorMode) string {
	switch m {
	case KernelMode:
		return "KernelMode"
	case UserMode:
		return "UserMode"
	}
	return fmt.Sprintf("KPROCESSOR_MODE(%d)", uint8(m))
}
