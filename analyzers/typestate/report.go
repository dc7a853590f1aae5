package typestate

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/analyzers/typestate/internal/engine"
	"github.com/ndislint/ndislint/rules"
)

// reporter turns the engine's findings into diagnostics.
type reporter struct {
	pass   *analysis.Pass
	front  *ndisfacts.Result
	rep    *suppress.Reporter
	owners []rules.StateOwner
}

// report reports one finding with the rule its lifetime maps it to, if
// any.
func (r *reporter) report(f engine.Finding) {
	rule, msg := r.describe(f)
	if rule == "" {
		return
	}
	end := token.NoPos
	if call := r.front.CallAt(f.Pos); call != nil {
		end = call.End()
	}
	pos := f.Pos
	if call := r.front.CallAt(f.Pos); call != nil {
		pos = call.Pos()
	}
	r.rep.Reportf(rule, pos, end, r.related(f), "%s", msg)
}

// describe returns the rule and message of a finding ("" when no rule of
// the pass reports it).
func (r *reporter) describe(f engine.Finding) (string, string) {
	rs := rules.TypestateRulesOf(f.Life.Object)
	what := r.subject(f)
	switch f.Kind {
	case engine.UseAfter:
		return rs.UseAfter, fmt.Sprintf("%s with %s after %s invalidated it", what, f.Param, causeText(f.Cause))
	case engine.WrongState:
		if r.owned(f) {
			return "", ""
		}
		return rs.State, fmt.Sprintf("%s on a %s in state %s%s; only %s allows it",
			what, f.Life.Object, strings.Join(f.States, " or "), after(f.Cause), allowed(f.Life, f.DDI.Name))
	case engine.Busy:
		return rs.Busy, fmt.Sprintf("%s while the %s that %s created with its handle may still be %s; end it first",
			what, f.ChildLife.Object, causeText(f.Child), strings.Join(f.States, " or "))
	}
	return "", ""
}

// owned reports whether another rule owns every state of a WrongState
// finding.
func (r *reporter) owned(f engine.Finding) bool {
	for _, s := range f.States {
		mine := true
		for _, o := range r.owners {
			if o.Object == f.Life.Object && o.State == s {
				mine = false
			}
		}
		if mine {
			return false
		}
	}
	return true
}

// subject names the call reported: the DDI, or the helper chain that
// reaches it ("closeAf calls NdisClCloseAddressFamily").
func (r *reporter) subject(f engine.Finding) string {
	if len(f.Via) == 0 {
		return f.DDI.Name
	}
	var names []string
	for _, s := range f.Via {
		names = append(names, r.funcName(s.Callee))
	}
	at := ""
	if f.AtText != "" {
		at = " (" + f.AtText + ")"
	}
	return fmt.Sprintf("%s, which calls %s%s", strings.Join(names, ", which calls "), f.DDI.Name, at)
}

// funcName names a function as the package being analysed spells it: its
// name, qualified by its package's name when it is another package's.
func (r *reporter) funcName(fn *ssa.Function) string {
	if fn.Pkg != nil && fn.Pkg.Pkg != r.pass.Pkg {
		return fn.Pkg.Pkg.Name() + "." + fn.Name()
	}
	return fn.Name()
}

// causeText names the event behind a state.
func causeText(c *engine.Cause) string {
	if c == nil {
		return "an earlier event"
	}
	return c.Text
}

// after is " (after EVENT)" for a known cause.
func after(c *engine.Cause) string {
	if c == nil {
		return ""
	}
	return " (after " + c.Text + ")"
}

// allowed lists the states some edge of the DDI leaves.
func allowed(l *rules.Lifetime, ddi string) string {
	var out []string
	for _, e := range l.EdgesBy(ddi) {
		for _, s := range e.FromStates() {
			if !contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return strings.Join(out, " or ")
}

// related returns the positions that explain a finding: the helper calls
// on the way, the event that put the object in its state, the creation of
// the object still alive.
func (r *reporter) related(f engine.Finding) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for i, s := range f.Via {
		next := f.DDI.Name
		if i+1 < len(f.Via) {
			next = f.Via[i+1].Callee.Name()
		}
		at := f.At
		if i+1 < len(f.Via) {
			at = f.Via[i+1].Pos
		}
		if at.IsValid() {
			out = append(out, analysis.RelatedInformation{Pos: at, Message: fmt.Sprintf("%s calls %s here", r.funcName(s.Callee), next)})
		}
	}
	if f.Cause != nil && f.Cause.Pos.IsValid() {
		out = append(out, analysis.RelatedInformation{Pos: f.Cause.Pos, Message: causeNote(f)})
	}
	if f.Child != nil && f.Child.Pos.IsValid() {
		out = append(out, analysis.RelatedInformation{Pos: f.Child.Pos, Message: fmt.Sprintf("%s creates the %s here", f.Child.Text, f.ChildLife.Object)})
	}
	return out
}

// causeNote says what the event behind the state did.
func causeNote(f engine.Finding) string {
	if f.Kind == engine.UseAfter {
		return fmt.Sprintf("%s invalidates the %s's handle here", f.Cause.Text, f.Life.Object)
	}
	return fmt.Sprintf("%s leaves the %s in state %s here", f.Cause.Text, f.Life.Object, strings.Join(f.States, " or "))
}

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
