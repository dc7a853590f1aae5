package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// report records a violation of rule.
func (w *world) report(rule, format string, args ...any) {
	w.st.Report(rule, format, args...)
}

// reqKey identifies one request that may pend: the operation and the NDIS
// object it concerns.
type reqKey struct {
	op  string
	obj any
}

// inflight is a request whose responder's handler is running.
type inflight struct {
	completed bool
}

// forward runs the responder's handler for a request that may pend (the PENDING
// protocol, NOTES §1). A completion may arrive while the handler runs
// (nested); if the handler then returns NDIS_STATUS_PENDING nothing more is
// owed; if it returns anything else the completion was one too many. A
// PENDING return with no nested completion is recorded as owed.
func (w *world) forward(key reqKey, what, completedBy string, handler func() ndis.Status) ndis.Status {
	fl := &inflight{}
	w.inflight[key] = fl
	delete(w.completed, key)
	st := handler()
	if w.inflight[key] == fl {
		delete(w.inflight, key)
	}
	if st == ndis.StatusPending {
		if !fl.completed {
			w.st.Pend(key, what, completedBy)
		}
		return st
	}
	if fl.completed {
		w.report(rules.RuleCompletionWithoutPending, "%s was called for %s, and the handler then returned %s instead of NDIS_STATUS_PENDING; a request completes either by its handler's return or, after NDIS_STATUS_PENDING, by %s, never both",
			completedBy, what, st, completedBy)
	}
	return st
}

// complete discharges the request key for the completing DDI. It reports
// false, after reporting the violation, when the request was not pending.
func (w *world) complete(key reqKey, ddi, what string, status ndis.Status) bool {
	if status == ndis.StatusPending {
		w.report(rules.RuleCompleteWithPending, "%s called with NDIS_STATUS_PENDING for %s; a completion passes the final status, never NDIS_STATUS_PENDING", ddi, what)
	}
	if fl, ok := w.inflight[key]; ok {
		if fl.completed {
			w.report(rules.RuleCompletedTwice, "%s called a second time for %s", ddi, what)
			return false
		}
		fl.completed = true
		w.completed[key] = true
		return true
	}
	if w.st.Complete(key) {
		w.completed[key] = true
		return true
	}
	if w.completed[key] {
		w.report(rules.RuleCompletedTwice, "%s called for %s, which was already completed", ddi, what)
	} else {
		w.report(rules.RuleCompletionWithoutPending, "%s called for %s, which is not pending: NDIS calls for this completion only after the handler returned NDIS_STATUS_PENDING", ddi, what)
	}
	return false
}

// current returns the driver whose handler is running, nil at top level
// (test code, queued events, and events another thread runs while a
// handler waits in NdisWaitEvent).
func (w *world) current() driverRef {
	if len(w.running) == 0 {
		return nil
	}
	r, ok := w.running[len(w.running)-1].(runningDriver)
	if !ok || r.thread != w.st.Thread() {
		return nil
	}
	return r.driverRef
}

// runningDriver is an entry of world.running: the driver and the simulated
// thread (kernel.State.Thread) its handler runs on.
type runningDriver struct {
	driverRef
	thread int
}

// call runs drv's handler for role the way NDIS does (kernel.State.Callback:
// at the role's IRQL, traced, checked on return), with drv recorded as the
// running driver.
func (w *world) call(role string, drv driverRef, args string, fn func()) {
	w.callWith(role, drv, args, nil, fn)
}

// callWith is call for a handler whose parameters' NULL-ness the checks of
// its context read (kernel.State.CallbackWith; see roleNulls).
func (w *world) callWith(role string, drv driverRef, args string, nulls kernel.ParamNull, fn func()) {
	w.st.CallbackWith(role, drv.driverName(), args, nulls, func() {
		w.running = append(w.running, runningDriver{drv, w.st.Thread()})
		defer func() { w.running = w.running[:len(w.running)-1] }()
		fn()
	})
}

// callStatus runs a handler that returns a status. Such a handler cannot be
// deferred to a worker (its caller needs the answer), so when the processor
// is above the role's IRQL, which only a driver's earlier mistake causes, the
// handler is not called and NDIS_STATUS_FAILURE is returned.
func (w *world) callStatus(role string, drv driverRef, args string, fn func() ndis.Status) ndis.Status {
	return w.callStatusWith(role, drv, args, nil, fn)
}

// callStatusWith is callStatus for a handler whose parameters' NULL-ness
// the checks of its context read (see roleNulls).
func (w *world) callStatusWith(role string, drv driverRef, args string, nulls kernel.ParamNull, fn func() ndis.Status) ndis.Status {
	if !w.st.CanCall(role) {
		w.report(rules.RuleIrqlAboveMax, "NDIS cannot call %s's %s at %s (the role runs at %s): the IRQL was raised by the caller; NDIS_STATUS_FAILURE returned instead",
			drv.driverName(), role, rules.LevelName(w.st.Irql()), rules.LevelName(w.st.RoleLevel(role)))
		return ndis.StatusFailure
	}
	st := ndis.StatusFailure
	w.callWith(role, drv, args, nulls, func() { st = fn() })
	w.checkReturn(role, drv, st)
	return st
}

// checkReturn reports a status the role's page forbids (the catalogue's
// Role.Forbidden). It reports true when the status is allowed.
func (w *world) checkReturn(role string, drv driverRef, st ndis.Status) bool {
	c := w.st.Catalogue()
	if c == nil {
		return true
	}
	r := c.Role(role)
	if r == nil {
		return true
	}
	for _, name := range r.Forbidden {
		if name == st.String() {
			w.report(rules.RuleStatusForbidden, "%s's %s returned %s, which its page forbids", drv.driverName(), role, st)
			return false
		}
	}
	return true
}

// args joins argument renderings for a trace line.
func args(parts ...any) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ", "
		}
		switch x := p.(type) {
		case string:
			s += x
		case ndis.Status:
			s += x.String()
		case nil:
			s += "NULL"
		case int, uint32, uint64, int64, bool:
			s += fmt.Sprint(x)
		default:
			if h, ok := x.(ndis.Handle); ok {
				s += describe(h)
			} else {
				s += fmt.Sprint(x)
			}
		}
	}
	return s
}

// roleNulls records which of a call's arguments are NULL, for role's
// parameters in page order (values[i] is the i-th): each handle or pointer
// parameter of the catalogue's entry for role, by name. The checks of a
// DDI context that allows a DDI in the role only while a parameter is NULL
// read it (rules.CallContext.NullOnly).
func (w *world) roleNulls(role string, values ...any) kernel.ParamNull {
	c := w.st.Catalogue()
	if c == nil || c.Role(role) == nil {
		return nil
	}
	out := kernel.ParamNull{}
	params := c.Role(role).Params
	for i := range params {
		if i < len(values) && params[i].Nullable() {
			out[params[i].Name] = isNullHandle(values[i])
		}
	}
	return out
}
