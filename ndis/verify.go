package ndis

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// The verifier's rule IDs for the CoNDIS contract. They are stable: tests and
// users match on them. IRQL and spin-lock rules are kernel's
// (kernel.RuleIrqlAboveMax, kernel.RuleSpinlockHeldReturn, ...).
const (
	// RuleBadHandle: a handle parameter is NULL where required, of the wrong
	// kind, of the other side, or of another driver.
	RuleBadHandle = "bad-handle"
	// RuleBadParameter: a non-handle parameter is invalid (a NULL pointer
	// where the page requires one, a buffer and size that disagree).
	RuleBadParameter = "bad-parameter"
	// RuleVcUseAfterClose: the client uses its NdisVcHandle of a VC the call
	// manager created after its close completed.
	RuleVcUseAfterClose = "vc-use-after-close"
	// RuleVcDeleteNotCreator: NdisCoDeleteVc by the side that did not create
	// the VC.
	RuleVcDeleteNotCreator = "vc-delete-not-creator"
	// RuleVcDeleteCallActive: a VC deleted while a call on it is active or
	// closing.
	RuleVcDeleteCallActive = "vc-delete-call-active"
	// RuleVcUseAfterDelete: a deleted VC's handle used.
	RuleVcUseAfterDelete = "vc-use-after-delete"
	// RuleAfUseAfterClose: an AF handle used after its close.
	RuleAfUseAfterClose = "af-use-after-close"
	// RuleSapUseAfterDeregister: a SAP handle used after its deregistration.
	RuleSapUseAfterDeregister = "sap-use-after-deregister"
	// RulePartyUseAfterDrop: a party handle used after the party was dropped.
	RulePartyUseAfterDrop = "party-use-after-drop"
	// RuleMakeCallOnCmVc: NdisClMakeCall on a VC the call manager created.
	RuleMakeCallOnCmVc = "makecall-on-cm-vc"
	// RuleStatusForbidden: a handler returned a status its page forbids.
	RuleStatusForbidden = "status-forbidden"
	// RuleCompletionWithoutPending: a completion for a request that did not
	// pend.
	RuleCompletionWithoutPending = "completion-without-pending"
	// RuleCompletedTwice: a second completion of one pended request.
	RuleCompletedTwice = "completed-twice"
	// RuleCompleteWithPending: NDIS_STATUS_PENDING passed as a completion's
	// status.
	RuleCompleteWithPending = "complete-with-pending"
	// RulePendingNeverCompleted: a request pended and was never completed.
	RulePendingNeverCompleted = "pending-never-completed"
	// RuleMissingHandler: a mandatory handler slot is NULL.
	RuleMissingHandler = "missing-handler"
	// RuleVcState: a DDI called on a VC whose call is in the wrong state
	// (NdisClMakeCall on a VC with a call, a send before the call connected
	// or after NdisClCloseCall, NdisCmDispatchCallConnected on a call not
	// accepted).
	RuleVcState = "vc-state"
	// RuleCreateVcHandleNotNull: NdisCoCreateVc with *NdisVcHandle not NULL.
	RuleCreateVcHandleNotNull = "createvc-handle-not-null"
	// RuleOptionalHandlersContext: NdisSetOptionalHandlers outside the
	// driver's SetOptions handler, or with a structure its kind of driver
	// does not register.
	RuleOptionalHandlersContext = "optional-handlers-context"
	// RuleIncomingCloseUnanswered: PROTOCOL_CL_INCOMING_CLOSE_CALL was
	// called and the client never called NdisClCloseCall.
	RuleIncomingCloseUnanswered = "incoming-close-unanswered"
	// RuleIncomingDropUnanswered: PROTOCOL_CL_INCOMING_DROP_PARTY was called
	// and the client never called NdisClDropParty.
	RuleIncomingDropUnanswered = "incoming-drop-unanswered"
	// RuleDropLastParty: NdisClDropParty on the last party of a call.
	RuleDropLastParty = "drop-last-party"
	// RuleCloseCallWithParties: NdisClCloseCall on a multipoint call with more
	// than one party.
	RuleCloseCallWithParties = "closecall-with-parties"
	// RuleCloseCallWithSends: NdisClCloseCall with sends outstanding.
	RuleCloseCallWithSends = "closecall-with-sends-outstanding"
	// RuleAfCloseBusy: NdisClCloseAddressFamily while the client still has
	// SAPs, VCs or calls on the AF.
	RuleAfCloseBusy = "af-close-with-objects"
	// RuleAfCloseWithVcs: a call manager completes a client's close of an
	// address family with NDIS_STATUS_SUCCESS (its ProtocolCmCloseAf returns
	// it, or it calls Ndis(M)CmCloseAddressFamilyComplete with it) while VCs
	// on the AF still exist; it must delete its own VCs on the AF first.
	RuleAfCloseWithVcs = "af-close-with-vcs"
	// RuleBindingBusy: NdisCloseAdapterEx while address families depend on
	// the binding.
	RuleBindingBusy = "close-adapter-with-af-open"
	// RuleUnbindWithoutClose: a protocol completed PROTOCOL_UNBIND_ADAPTER_EX
	// without closing the binding with NdisCloseAdapterEx.
	RuleUnbindWithoutClose = "unbind-without-close-adapter"
	// RuleCallWithoutActivation: a call reported connected on a VC that was
	// never activated.
	RuleCallWithoutActivation = "call-without-activation"
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
func (w *world) forward(key reqKey, what, completedBy string, handler func() Status) Status {
	fl := &inflight{}
	w.inflight[key] = fl
	delete(w.completed, key)
	st := handler()
	if w.inflight[key] == fl {
		delete(w.inflight, key)
	}
	if st == StatusPending {
		if !fl.completed {
			w.st.Pend(key, what, completedBy)
		}
		return st
	}
	if fl.completed {
		w.report(RuleCompletionWithoutPending, "%s was called for %s, and the handler then returned %s instead of NDIS_STATUS_PENDING; a request completes either by its handler's return or, after NDIS_STATUS_PENDING, by %s, never both",
			completedBy, what, st, completedBy)
	}
	return st
}

// complete discharges the request key for the completing DDI. It reports
// false, after reporting the violation, when the request was not pending.
func (w *world) complete(key reqKey, ddi, what string, status Status) bool {
	if status == StatusPending {
		w.report(RuleCompleteWithPending, "%s called with NDIS_STATUS_PENDING for %s; a completion passes the final status, never NDIS_STATUS_PENDING", ddi, what)
	}
	if fl, ok := w.inflight[key]; ok {
		if fl.completed {
			w.report(RuleCompletedTwice, "%s called a second time for %s", ddi, what)
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
		w.report(RuleCompletedTwice, "%s called for %s, which was already completed", ddi, what)
	} else {
		w.report(RuleCompletionWithoutPending, "%s called for %s, which is not pending: NDIS calls for this completion only after the handler returned NDIS_STATUS_PENDING", ddi, what)
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
	w.st.Callback(role, drv.driverName(), args, func() {
		w.running = append(w.running, runningDriver{drv, w.st.Thread()})
		defer func() { w.running = w.running[:len(w.running)-1] }()
		fn()
	})
}

// callStatus runs a handler that returns a status. Such a handler cannot be
// deferred to a worker (its caller needs the answer), so when the processor
// is above the role's IRQL, which only a driver's earlier mistake causes, the
// handler is not called and NDIS_STATUS_FAILURE is returned.
func (w *world) callStatus(role string, drv driverRef, args string, fn func() Status) Status {
	if !w.st.CanCall(role) {
		w.report(kernel.RuleIrqlAboveMax, "NDIS cannot call %s's %s at %s (the role runs at %s): the IRQL was raised by the caller; NDIS_STATUS_FAILURE returned instead",
			drv.driverName(), role, rules.LevelName(w.st.Irql()), rules.LevelName(w.st.RoleLevel(role)))
		return StatusFailure
	}
	st := StatusFailure
	w.call(role, drv, args, func() { st = fn() })
	w.checkReturn(role, drv, st)
	return st
}

// checkReturn reports a status the role's page forbids (the catalogue's
// Role.Forbidden). It reports true when the status is allowed.
func (w *world) checkReturn(role string, drv driverRef, st Status) bool {
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
			w.report(RuleStatusForbidden, "%s's %s returned %s, which its page forbids", drv.driverName(), role, st)
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
		case Status:
			s += x.String()
		case nil:
			s += "NULL"
		case int, uint32, uint64, int64, bool:
			s += fmt.Sprint(x)
		default:
			if h, ok := x.(Handle); ok {
				s += describe(h)
			} else {
				s += fmt.Sprint(x)
			}
		}
	}
	return s
}
