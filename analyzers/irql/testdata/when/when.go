// Package when checks the IRQL bounds a DDI's page makes depend on an
// argument's value (the catalogue's irql.when): KeSetEvent with Wait =
// TRUE, KeWaitForSingleObject with a NULL or nonzero Timeout,
// NdisCancelTimerObject on a periodic timer; and the clean twins, where the
// value makes the narrower bound not apply or is not known.
package when

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type dev struct {
	event   wdm.KEvent
	timer   ndis.Handle
	other   ndis.Handle
	period  int32
	wait    bool
	timeout *int64
}

// timerFired runs at DISPATCH_LEVEL.
func timerFired(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	d := functionContext.(*dev)
	wdm.KeSetEvent(&d.event, 0, false)
	wdm.KeSetEvent(&d.event, 0, d.wait) // not known: only the unconditional bound
	wdm.KeSetEvent(&d.event, 0, true)   // want `^KeSetEvent with Wait = TRUE may be called at DISPATCH_LEVEL here: its page requires <= APC_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`

	zero := int64(0)
	wdm.KeWaitForSingleObject(&d.event, wdm.Executive, wdm.KernelMode, false, &zero)
	wdm.KeWaitForSingleObject(&d.event, wdm.Executive, wdm.KernelMode, false, new(int64))
	wdm.KeWaitForSingleObject(&d.event, wdm.Executive, wdm.KernelMode, false, d.timeout) // not known
	wdm.KeWaitForSingleObject(&d.event, wdm.Executive, wdm.KernelMode, false, nil)       // want `^KeWaitForSingleObject with Timeout = NULL may be called at DISPATCH_LEVEL here: its page requires <= APC_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`
	ten := int64(-100000)
	wdm.KeWaitForSingleObject(&d.event, wdm.Executive, wdm.KernelMode, false, &ten) // want `^KeWaitForSingleObject with \*Timeout != 0 may be called at DISPATCH_LEVEL here`
	poll := int64(-1)
	if d.wait {
		poll = 0
	}
	wdm.KeWaitForSingleObject(&d.event, wdm.Executive, wdm.KernelMode, false, &poll) // paths merge: not known
}

// stopPeriodic cancels the timer it set periodic: PASSIVE_LEVEL only.
func stopPeriodic(d *dev) {
	ndis.SetTimerObject(d.timer, -10000, 100, nil)
	ndis.CancelTimerObject(d.timer)
}

// stopOneShot cancels a timer it set once: DISPATCH_LEVEL will do.
func stopOneShot(d *dev) {
	ndis.SetTimerObject(d.timer, -10000, 0, nil)
	ndis.CancelTimerObject(d.timer)
}

// stopOther cancels another timer than the periodic one, a timer replaced
// since it was set periodic, and one set with a period it cannot read: the
// pass cannot tell, and says nothing beyond DISPATCH_LEVEL.
func stopOther(d *dev) {
	ndis.SetTimerObject(d.timer, -10000, 100, nil)
	ndis.CancelTimerObject(d.other)
	d.timer = d.other
	ndis.CancelTimerObject(d.timer)
	ndis.SetTimerObject(d.other, -10000, d.period, nil)
	ndis.CancelTimerObject(d.other)
}

// reset sets the timer periodic, then once: the latest set decides.
func reset(d *dev) {
	ndis.SetTimerObject(d.timer, -10000, 100, nil)
	ndis.SetTimerObject(d.timer, -10000, 0, nil)
	ndis.CancelTimerObject(d.timer)
}

// dpcTimer runs at DISPATCH_LEVEL and calls the helpers.
func dpcTimer(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	d := functionContext.(*dev)
	stopPeriodic(d) // want `^NdisCancelTimerObject of a TimerObject set by NdisSetTimerObject with MillisecondsPeriod != 0 \(through stopPeriodic at when.go:\d+\) may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and dpcTimer runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)$`
	stopOneShot(d)
	stopOther(d)
	reset(d)
	signal(d)
}

// signal wakes waiters without waiting itself.
func signal(d *dev) { wdm.KeSetEvent(&d.event, 0, false) }

// pagedSignal is pageable: it must not call KeSetEvent with Wait = TRUE.
//
//ndis:pageable
func pagedSignal(d *dev) {
	wdm.KeSetEvent(&d.event, 0, false)
	wdm.KeSetEvent(&d.event, 0, true) // want `^KeSetEvent with Wait = TRUE in //ndis:pageable code: its page forbids the call from pageable code \(irql-pageable-at-dispatch\)$`
}

var (
	timer  = ndis.TimerCharacteristics{TimerFunction: timerFired}
	timer2 = ndis.TimerCharacteristics{TimerFunction: dpcTimer}
)
