package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Pausing and restarting a driver stack (the pages Pausing a Driver Stack,
// Restarting a Driver Stack): a pause goes top down, the bindings
// (ProtocolNetPnPEvent with NetEventPause), the filter modules from the top
// (FilterPause), the adapter (MiniportPause); a restart bottom up,
// MiniportRestart, FilterRestart from the bottom, NetEventRestart. NDIS
// moves to the next layer when one has completed, by its handler's return
// or, after NDIS_STATUS_PENDING, by its completion DDI.

// stackOp is a pause or a restart of one adapter's stack in progress.
type stackOp struct {
	kind  string
	steps []func() stepResult // each starts one layer's operation
	i     int
	done  func(ok bool)
	// inStep is true while a step's handler runs; nested is the result of
	// a completion that arrived inside it.
	inStep bool
	nested *bool
}

// stepResult is what starting one layer's operation gave.
type stepResult uint8

// The step results.
const (
	stepOK     stepResult = iota // done, the stack goes on
	stepFailed                   // done and failed: the operation stops
	stepPended                   // pended: its completion goes on
)

// runOp starts the steps of a's operation from the current one until one
// pends or all are done.
func (w *world) runOp(a *adapter6) {
	op := a.op
	for op != nil && a.op == op && op.i < len(op.steps) {
		op.inStep, op.nested = true, nil
		r := op.steps[op.i]()
		op.inStep = false
		if r == stepPended {
			if op.nested == nil {
				return
			}
			r = stepOK
			if !*op.nested {
				r = stepFailed
			}
		}
		if r == stepFailed {
			w.endOp(a, false)
			return
		}
		op.i++
	}
	w.endOp(a, true)
}

// endOp ends a's operation.
func (w *world) endOp(a *adapter6, ok bool) {
	op := a.op
	if op == nil {
		return
	}
	a.op = nil
	if !ok {
		w.st.Tracef("the %s of %s's stack stops: a layer failed", op.kind, a.who())
	}
	if op.done != nil {
		op.done(ok)
	}
}

// stepDone ends the current step of a's operation, which had pended, with
// ok false for a layer that failed (a restart): inside the step's own
// handler it is the step's result; inside another handler, or above
// PASSIVE_LEVEL (the next layer's handler runs at PASSIVE_LEVEL), NDIS
// goes on from the queue; at top level at once.
func (w *world) stepDone(a *adapter6, ok bool) {
	op := a.op
	switch {
	case op == nil:
	case op.inStep:
		op.nested = &ok
	case w.current() != nil || w.st.Irql() > 0:
		w.st.Enqueue("NDIS goes on with the "+op.kind+" of "+a.describe(), 0, func() {
			if a.op == op {
				w.stepDone(a, ok)
			}
		})
	case !ok:
		w.endOp(a, false)
	default:
		op.i++
		w.runOp(a)
	}
}

// pauseStack starts pausing a's stack.
func (w *world) pauseStack(a *adapter6, done func(ok bool)) error {
	if a.op != nil {
		return fmt.Errorf("Pause: a %s of %s's stack is in progress", a.op.kind, a.who())
	}
	if !w.can6(a.life, ev6("MINIPORT_PAUSE")) {
		return fmt.Errorf("Pause: %s is %s; NDIS pauses a running stack", a.who(), a.life)
	}
	op := &stackOp{kind: "pause", done: done}
	for _, b := range w.bindings(a) {
		if w.can6(b.life, pnpEv(ndis.NetEventPause)) {
			op.steps = append(op.steps, func() stepResult { return w.pnp6(b, ndis.NetEventPause) })
		}
	}
	for i := len(a.filters) - 1; i >= 0; i-- {
		if m := a.filters[i]; w.can6(m.life, ev6("FILTER_PAUSE")) {
			op.steps = append(op.steps, func() stepResult { return w.pauseModule(m) })
		}
	}
	op.steps = append(op.steps, func() stepResult { return w.pauseAdapter(a) })
	a.op = op
	w.runOp(a)
	return nil
}

// restartStack starts restarting a's stack.
func (w *world) restartStack(a *adapter6, done func(ok bool)) error {
	if err := w.stackPaused("Restart", a); err != nil {
		return err
	}
	op := &stackOp{kind: "restart", done: done}
	op.steps = append(op.steps, func() stepResult { return w.restartAdapter(a) })
	for _, m := range a.filters {
		if w.can6(m.life, ev6("FILTER_RESTART")) {
			op.steps = append(op.steps, func() stepResult { return w.restartModule(m) })
		}
	}
	for _, b := range w.bindings(a) {
		if w.can6(b.life, pnpEv(ndis.NetEventRestart)) {
			op.steps = append(op.steps, func() stepResult { return w.pnp6(b, ndis.NetEventRestart) })
		}
	}
	a.op = op
	w.runOp(a)
	return nil
}

// pauseAdapter calls MiniportPause.
func (w *world) pauseAdapter(a *adapter6) stepResult {
	w.enter6(a.life, ev6("MINIPORT_PAUSE"))
	what := "MiniportPause of " + a.who()
	st := w.forward(reqKey{"pause6", a}, what, w.completer("MINIPORT_PAUSE", false), func() ndis.Status {
		return w.callStatus6("MINIPORT_PAUSE", a.drv, args(a.ctx, "MiniportPauseParameters"), func() ndis.Status {
			return a.drv.chars.PauseHandler(a.ctx, &ndis.MiniportPauseParameters{})
		})
	})
	if st == ndis.StatusPending {
		return stepPended
	}
	w.return6(a.life, ev6("MINIPORT_PAUSE"), st)
	w.adapterPaused(a, "MiniportPause returned "+st.String())
	return stepOK
}

// adapterPaused ends a's pause (the event that ended it moved a to the
// state the catalogue says, Paused): sends it still holds and receive
// indications not yet returned break the pause.
func (w *world) adapterPaused(a *adapter6, how string) {
	recv := 0
	for _, r := range w.six().nbls {
		if len(r.recvPath) > 0 && r.recvPath[0] == a {
			recv++
		}
	}
	if a.sending > 0 || recv > 0 {
		w.report(rules.RulePauseWithOutstanding, "the pause of %s completed (%s) with %d NET_BUFFER_LIST(s) from MiniportSendNetBufferLists not completed and %d received list(s) not returned to MiniportReturnNetBufferLists; a miniport completes its sends and waits for its receive indications to return before its pause is complete", a.who(), how, a.sending, recv)
	}
}

// MPauseComplete runs NdisMPauseComplete in the simulated NDIS.
func (w *world) MPauseComplete(miniportAdapterHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisMPauseComplete", args(miniportAdapterHandle))()
	const ddi = "NdisMPauseComplete"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.complete(reqKey{"pause6", a}, ddi, "MiniportPause of "+a.who(), ndis.StatusSuccess) {
		return
	}
	w.enter6(a.life, ev6(ddi))
	w.adapterPaused(a, ddi+" was called")
	w.stepDone(a, true)
}

// restartAdapter calls MiniportRestart (a failed restart ends the stack's
// restart).
func (w *world) restartAdapter(a *adapter6) stepResult {
	w.enter6(a.life, ev6("MINIPORT_RESTART"))
	what := "MiniportRestart of " + a.who()
	st := w.forward(reqKey{"restart6", a}, what, w.completer("MINIPORT_RESTART", false), func() ndis.Status {
		return w.callStatus6("MINIPORT_RESTART", a.drv, args(a.ctx, "MiniportRestartParameters"), func() ndis.Status {
			return a.drv.chars.RestartHandler(a.ctx, &ndis.MiniportRestartParameters{})
		})
	})
	if st == ndis.StatusPending {
		return stepPended
	}
	w.return6(a.life, ev6("MINIPORT_RESTART"), st)
	return result(st == ndis.StatusSuccess)
}

// result is the step result of a layer's operation that ended.
func result(ok bool) stepResult {
	if ok {
		return stepOK
	}
	return stepFailed
}

// MRestartComplete runs NdisMRestartComplete in the simulated NDIS.
func (w *world) MRestartComplete(miniportAdapterHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisMRestartComplete", args(miniportAdapterHandle, status))()
	const ddi = "NdisMRestartComplete"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.complete(reqKey{"restart6", a}, ddi, "MiniportRestart of "+a.who(), status) {
		return
	}
	w.enter6(a.life, ev6(ddi, "Status", status))
	w.stepDone(a, status == ndis.StatusSuccess)
}

// pnp6 sends a binding NetEventPause or NetEventRestart through its
// ProtocolNetPnPEvent.
func (w *world) pnp6(b *binding6, code ndis.NetPnpEventCode) stepResult {
	w.enter6(b.life, pnpEv(code))
	b.pnp = &ndis.NetPnpEventNotification{}
	st := w.pnpEvent(b.open, code)
	if st == ndis.StatusPending {
		return stepPended
	}
	b.pnp = nil
	w.return6(b.life, pnpEv(code), st)
	return result(w.bindingPnPDone(b, code, st))
}

// bindingPnPDone ends a binding's pause or restart with status st (the
// event that ended it moved the binding to the state the catalogue says):
// a restart succeeds with NDIS_STATUS_SUCCESS; a pause always ends, and
// sends not yet back or receive indications not yet returned break it.
func (w *world) bindingPnPDone(b *binding6, code ndis.NetPnpEventCode, st ndis.Status) bool {
	if code != ndis.NetEventPause {
		return st == ndis.StatusSuccess
	}
	sends, recv := 0, 0
	for _, r := range w.six().nbls {
		for _, l := range r.sendPath {
			if l == b {
				sends++
			}
		}
		if r.holds(b) {
			recv++
		}
	}
	if sends > 0 || recv > 0 {
		w.report(rules.RulePauseWithOutstanding, "the pause of %s completed with %d sent NET_BUFFER_LIST(s) not yet back through ProtocolSendNetBufferListsComplete and %d received list(s) not returned with NdisReturnNetBufferLists; a binding is paused only when both are done", b.who(), sends, recv)
	}
	return true
}

// pnpCompleted is told by NdisCompleteNetPnPEvent that the protocol of
// binding o completed a pended ProtocolNetPnPEvent with status st.
func (w *world) pnpCompleted(o *openBlock, n *ndis.NetPnpEventNotification, st ndis.Status) {
	b := w.six().bindings[o]
	if b == nil || b.pnp == nil {
		return
	}
	b.pnp = nil
	code := n.NetPnPEvent.NetEvent
	w.enter6(b.life, ev6("NdisCompleteNetPnPEvent", "NetPnPEventNotification", n, "Status", st))
	ok := w.bindingPnPDone(b, code, st)
	w.stepDone(b.adapter, ok)
}
