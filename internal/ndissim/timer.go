package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// timerObject is what NdisAllocateTimerObject hands out as a timer object
// handle.
type timerObject struct {
	name   string // NDIS_TIMER#n
	run    *kernel.State
	chars  ndis.TimerCharacteristics
	freed  bool
	period int64         // 100ns units; 0 for a one-shot timer
	queued *kernel.Event // the next expiry, nil when not in the timer queue
	// owner is the NdisHandle the timer was allocated with; set is the
	// resource NdisSetTimerObject acquired for a timer of a miniport
	// adapter (nil for other timers): released when the timer leaves the
	// timer queue (cancelled, expired for good, freed).
	owner ndis.Handle
	set   *resource
}

// AllocateTimerObject runs NdisAllocateTimerObject in the simulated NDIS.
func (w *world) AllocateTimerObject(ndisHandle ndis.Handle, timerCharacteristics *ndis.TimerCharacteristics, pTimerObject *ndis.Handle) ndis.Status {
	s := w.st
	defer s.EnterDDI("NdisAllocateTimerObject", describeServiceHandle(ndisHandle))()
	if pTimerObject == nil {
		s.BadParameter("NdisAllocateTimerObject", "pTimerObject", "is NULL")
		return ndis.StatusFailure
	}
	if !w.checkIssuedHandle("NdisAllocateTimerObject", "NdisHandle", ndisHandle) {
		return ndis.StatusFailure
	}
	if timerCharacteristics == nil {
		s.BadParameter("NdisAllocateTimerObject", "TimerCharacteristics", "is NULL")
		return ndis.StatusBadCharacteristics
	}
	if timerCharacteristics.TimerFunction == nil {
		s.Tracef("  NDIS_TIMER_CHARACTERISTICS has no TimerFunction")
		return ndis.StatusBadCharacteristics
	}
	o := &timerObject{name: fmt.Sprintf("NDIS_TIMER#%d", len(w.timers)+1), run: s, chars: *timerCharacteristics, owner: ndisHandle}
	w.timers = append(w.timers, o)
	*pTimerObject = o
	s.Tracef("  = %s", o.name)
	return ndis.StatusSuccess
}

// lookupTimer returns the timer behind h, reporting for ddi a NULL handle,
// a handle of another kind or of an earlier run, and a freed timer.
func lookupTimer(s *kernel.State, ddi string, h ndis.Handle) *timerObject {
	o, ok := h.(*timerObject)
	switch {
	case isNullHandle(h):
		s.BadHandle(ddi, "TimerObject", "is NULL")
	case !ok:
		s.BadHandle(ddi, "TimerObject", fmt.Sprintf("is %s, not a handle NdisAllocateTimerObject returned", describeServiceHandle(h)))
	case o.run != s:
		s.BadHandle(ddi, "TimerObject", fmt.Sprintf("is %s of another run: an earlier System's NDIS gave it out", o.name))
	case o.freed:
		s.Report(rules.RuleTimerUseAfterFree, "%s on %s after NdisFreeTimerObject freed it", ddi, o.name)
	default:
		return o
	}
	return nil
}

// dueAt converts a timer due time (100ns units: negative relative to now,
// otherwise absolute) to an absolute virtual time no earlier than now.
func dueAt(now, dueTime int64) int64 {
	at := dueTime
	if dueTime < 0 {
		at = now - dueTime
	}
	return max(at, now)
}

// SetTimerObject runs NdisSetTimerObject in the simulated NDIS.
func (w *world) SetTimerObject(timerObject ndis.Handle, dueTime int64, millisecondsPeriod int32, functionContext ndis.Handle) bool {
	s := w.st
	defer s.EnterDDI("NdisSetTimerObject", fmt.Sprintf("%s, %d, %dms", describeServiceHandle(timerObject), dueTime, millisecondsPeriod))()
	o := lookupTimer(s, "NdisSetTimerObject", timerObject)
	if o == nil {
		return false
	}
	if millisecondsPeriod < 0 {
		s.BadParameter("NdisSetTimerObject", "MillisecondsPeriod", fmt.Sprintf("is %d; a period cannot be negative", millisecondsPeriod))
		millisecondsPeriod = 0
	}
	wasQueued := o.dequeue()
	if isNullHandle(functionContext) {
		functionContext = o.chars.FunctionContext
	}
	o.period = int64(millisecondsPeriod) * 10000
	o.arm(s, dueAt(s.Now(), dueTime), functionContext)
	w.timerSet(o)
	return wasQueued
}

// timerSet records the set timer o of a miniport adapter as a resource of
// the catalogue's NdisSetTimerObject pair (SDV CancelTimerObject: a timer
// still set when MiniportHaltEx of its adapter returns is reported there,
// resource-not-released); setting it again replaces the resource
// dequeue released. Timers of other handles (a filter module's, a protocol's) are not
// tracked: the pair is the miniport's.
func (w *world) timerSet(o *timerObject) {
	if o.set != nil && !o.set.released {
		return
	}
	a, ok := o.owner.(*adapter6)
	if !ok || a == nil || a.issuer() != w {
		return
	}
	o.set = w.acquired(o, "NdisSetTimerObject", "timer")
	o.set.what, o.set.adapter = o.name, a
}

// timerUnset releases the resource timerSet recorded, if any: the timer is
// no longer in the timer queue.
func (o *timerObject) timerUnset() {
	if o.set != nil {
		o.set.released = true
	}
}

// dequeue takes the timer out of the timer queue and reports whether it
// was in it.
func (o *timerObject) dequeue() bool {
	o.timerUnset()
	if o.queued == nil {
		return false
	}
	o.queued.Cancel()
	o.queued = nil
	return true
}

// arm queues the timer's next expiry at the virtual time at.
func (o *timerObject) arm(s *kernel.State, at int64, ctx ndis.Handle) {
	o.queued = s.Enqueue(o.name+" expires", at-s.Now(), func() { o.fire(s, ctx) })
}

// fire is the timer's expiry: a periodic timer is queued again for its next
// period first (as the kernel requeues it), then the NetTimerCallback runs.
func (o *timerObject) fire(s *kernel.State, ctx ndis.Handle) {
	o.queued = nil
	if o.period > 0 {
		o.arm(s, s.Now()+o.period, ctx)
	} else {
		o.timerUnset()
	}
	fn := o.chars.TimerFunction
	s.Callback("NDIS_TIMER_FUNCTION", funcName(fn), o.name, func() {
		fn(nil, ctx, nil, nil)
	})
}

// CancelTimerObject runs NdisCancelTimerObject in the simulated NDIS.
func (w *world) CancelTimerObject(timerObject ndis.Handle) bool {
	s := w.st
	mark := s.Mark()
	defer s.EnterDDI("NdisCancelTimerObject", describeServiceHandle(timerObject))()
	o := lookupTimer(s, "NdisCancelTimerObject", timerObject)
	if o == nil {
		return false
	}
	if o.period > 0 {
		s.RequireMax("NdisCancelTimerObject", 0, "cancelling the periodic timer "+o.name, mark)
	}
	return o.dequeue()
}

// FreeTimerObject runs NdisFreeTimerObject in the simulated NDIS.
func (w *world) FreeTimerObject(timerObject ndis.Handle) {
	s := w.st
	defer s.EnterDDI("NdisFreeTimerObject", describeServiceHandle(timerObject))()
	o := lookupTimer(s, "NdisFreeTimerObject", timerObject)
	if o == nil {
		return
	}
	if o.dequeue() {
		s.Tracef("  %s was still in the timer queue: dequeued", o.name)
	}
	o.freed = true
}
