package callmanager

import "github.com/ndislint/ndislint/ndis"

// The call manager's signalling on the simulated network: a request it
// completes later is queued here and run from the binding's timer, at
// DISPATCH_LEVEL, after Config.SignallingDelay.

// later queues fn to run from the signalling timer.
func (b *binding) later(fn func()) {
	cm := b.cm
	ndis.AcquireSpinLock(&cm.lock)
	b.work = append(b.work, fn)
	timer := b.signalTimer
	delay := cm.cfg.SignallingDelay
	ndis.ReleaseSpinLock(&cm.lock)
	ndis.SetTimerObject(timer, -int64(delay/100), 0, nil)
}

// cmSignallingTimer is the call manager's NDIS_TIMER_FUNCTION: it runs the
// queued completions in order.
//
//ndis:role NDIS_TIMER_FUNCTION
func cmSignallingTimer(systemSpecific1 ndis.Handle, functionContext ndis.Handle, systemSpecific2 ndis.Handle, systemSpecific3 ndis.Handle) {
	b, ok := functionContext.(*binding)
	if !ok {
		return
	}
	cm := b.cm
	ndis.AcquireSpinLock(&cm.lock)
	work := b.work
	b.work = nil
	ndis.ReleaseSpinLock(&cm.lock)
	for _, fn := range work {
		fn()
	}
}

// completion returns the configured mode of one kind of request.
func (cm *CallManager) completion(pick func(*Config) Completion) Completion {
	ndis.AcquireSpinLock(&cm.lock)
	m := pick(&cm.cfg)
	ndis.ReleaseSpinLock(&cm.lock)
	return m
}
