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
	if a.state != stRunning {
		return fmt.Errorf("Pause: %s is %s; NDIS pauses a running stack", a.who(), stateName("adapter", a.state))
	}
	op := &stackOp{kind: "pause", done: done}
	for _, b := range w.bindings(a) {
		if b.state == stRunning || b.state == stRestarting {
			op.steps = append(op.steps, func() stepResult { return w.pnp6(b, ndis.NetEventPause) })
		}
	}
	for i := len(a.filters) - 1; i >= 0; i-- {
		if m := a.filters[i]; m.state == stRunning {
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
		if m.state == stPaused {
			op.steps = append(op.steps, func() stepResult { return w.restartModule(m) })
		}
	}
	for _, b := range w.bindings(a) {
		if b.state == stPaused {
			op.steps = append(op.steps, func() stepResult { return w.pnp6(b, ndis.NetEventRestart) })
		}
	}
	a.op = op
	w.runOp(a)
	return nil
}

// pauseAdapter calls MiniportPause.
func (w *world) pauseAdapter(a *adapter6) stepResult {
	a.state = stPausing
	what := "MiniportPause of " + a.who()
	st := w.forward(reqKey{"pause6", a}, what, w.completer("MINIPORT_PAUSE", false), func() ndis.Status {
		return w.callStatus6("MINIPORT_PAUSE", a.drv, args(a.ctx, "MiniportPauseParameters"), func() ndis.Status {
			return a.drv.chars.PauseHandler(a.ctx, &ndis.MiniportPauseParameters{})
		})
	})
	if st == ndis.StatusPending {
		return stepPended
	}
	w.adapterPaused(a, "MiniportPause returned "+st.String())
	return stepOK
}

// adapterPaused ends a's pause: the adapter is Paused; sends it still
// holds and receive indications not yet returned break the pause.
func (w *world) adapterPaused(a *adapter6, how string) {
	a.state = stPaused
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
	w.adapterPaused(a, ddi+" was called")
	w.stepDone(a, true)
}

// restartAdapter calls MiniportRestart (a failed restart ends the stack's
// restart).
func (w *world) restartAdapter(a *adapter6) stepResult {
	a.state = stRestarting
	what := "MiniportRestart of " + a.who()
	st := w.forward(reqKey{"restart6", a}, what, w.completer("MINIPORT_RESTART", false), func() ndis.Status {
		return w.callStatus6("MINIPORT_RESTART", a.drv, args(a.ctx, "MiniportRestartParameters"), func() ndis.Status {
			return a.drv.chars.RestartHandler(a.ctx, &ndis.MiniportRestartParameters{})
		})
	})
	if st == ndis.StatusPending {
		return stepPended
	}
	return result(w.adapterRestarted(a, st))
}

// result is the step result of a layer's operation that ended.
func result(ok bool) stepResult {
	if ok {
		return stepOK
	}
	return stepFailed
}

// adapterRestarted ends a's restart with status st: Running on success,
// Paused otherwise.
func (w *world) adapterRestarted(a *adapter6, st ndis.Status) bool {
	if st == ndis.StatusSuccess {
		a.state = stRunning
		return true
	}
	a.state = stPaused
	return false
}

// MRestartComplete runs NdisMRestartComplete in the simulated NDIS.
func (w *world) MRestartComplete(miniportAdapterHandle ndis.Handle, status ndis.Status) {
	defer w.st.EnterDDI("NdisMRestartComplete", args(miniportAdapterHandle, status))()
	const ddi = "NdisMRestartComplete"
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.complete(reqKey{"restart6", a}, ddi, "MiniportRestart of "+a.who(), status) {
		return
	}
	w.stepDone(a, w.adapterRestarted(a, status))
}

// pnp6 sends a binding NetEventPause or NetEventRestart through its
// ProtocolNetPnPEvent.
func (w *world) pnp6(b *binding6, code ndis.NetPnpEventCode) stepResult {
	if code == ndis.NetEventPause {
		b.state = stPausing
	} else {
		b.state = stRestarting
	}
	b.pnp = &ndis.NetPnpEventNotification{}
	st := w.pnpEvent(b.open, code)
	if st == ndis.StatusPending {
		return stepPended
	}
	b.pnp = nil
	return result(w.bindingPnPDone(b, code, st))
}

// bindingPnPDone ends a binding's pause or restart with status st.
func (w *world) bindingPnPDone(b *binding6, code ndis.NetPnpEventCode, st ndis.Status) bool {
	if code != ndis.NetEventPause {
		if st == ndis.StatusSuccess {
			b.state = stRunning
			return true
		}
		b.state = stPaused
		return false
	}
	b.state = stPaused
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
	ok := w.bindingPnPDone(b, code, st)
	w.stepDone(b.adapter, ok)
}
