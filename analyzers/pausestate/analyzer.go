package pausestate

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

//go:embed doc.go
var doc string

// Analyzer checks sends and receive indications against the pause states
// of the catalogue.
var Analyzer = &analysis.Analyzer{
	Name:     rules.PassPausestate,
	Doc:      passdoc.MustExtract(doc, rules.PassPausestate),
	URL:      "https://github.com/ndislint/ndislint/tree/main/analyzers/pausestate",
	Requires: []*analysis.Analyzer{ndisfacts.Analyzer},
	Run:      run,
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	front *ndisfacts.Result
	cat   *rules.Catalogue
	rep   *suppress.Reporter
	// reported keeps one report per call.
	reported map[token.Pos]bool
}

// ddiCall is a call of a DDI in a function.
type ddiCall struct {
	call  *ssa.Call
	block *ssa.BasicBlock
	index int
	ddi   *rules.DDI
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed || front.API.Ndis == nil || len(front.API.Cat.States) == 0 {
		return nil, nil // the package does not use the runtime, or no state forbids anything
	}
	pkg := front.SSA()
	c := &checker{
		pass:     pass,
		front:    front,
		cat:      front.API.Cat,
		rep:      front.Reporter(pass, rules.RuleIDs(rules.PassPausestate)),
		reported: map[token.Pos]bool{},
	}
	roles := roleFuncs(front, pkg)
	for _, fn := range pkg.SrcFuncs {
		calls := c.ddiCalls(fn)
		if len(calls) == 0 {
			continue
		}
		for _, r := range roles[fn] {
			for _, ref := range c.cat.StatesEnteredBy(r.Name) {
				c.checkHandler(fn, r, ref, calls)
			}
		}
		c.checkAfter(calls)
	}
	c.rep.Finish()
	return nil, nil
}

// ddiCalls returns the static DDI calls of fn, in block order.
func (c *checker) ddiCalls(fn *ssa.Function) []ddiCall {
	var out []ddiCall
	for _, b := range fn.Blocks {
		for i, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			if d := c.ddiOf(call); d != nil {
				out = append(out, ddiCall{call: call, block: b, index: i, ddi: d})
			}
		}
	}
	return out
}

// ddiOf returns the DDI call calls, or nil.
func (c *checker) ddiOf(call *ssa.Call) *rules.DDI {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return nil
	}
	return c.front.API.DDI(obj)
}

// checkHandler reports the forbidden calls in fn, the handler of role r,
// which runs in the state ref.
func (c *checker) checkHandler(fn *ssa.Function, r *rules.Role, ref rules.StateRef, calls []ddiCall) {
	for _, dc := range calls {
		sd := ref.State.ForbiddenDDI(dc.ddi.Name)
		if sd == nil {
			continue
		}
		alloc, ok := c.originated(dc, sd)
		if !ok {
			continue
		}
		related := []analysis.RelatedInformation{{Pos: fn.Pos(), Message: fmt.Sprintf("%s runs while the %s is %s (%s)", r.Callback, object(ref), ref.State.Name, ref.Entry.Page())}}
		c.report(dc, sd, ref, "in "+r.Callback, related, alloc)
	}
}

// checkAfter reports the forbidden calls that every path from a DDI that
// enters a state reaches.
func (c *checker) checkAfter(calls []ddiCall) {
	for _, enter := range calls {
		for _, ref := range c.cat.StatesEnteredBy(enter.ddi.Name) {
			for _, dc := range calls {
				sd := ref.State.ForbiddenDDI(dc.ddi.Name)
				if sd == nil || !mustReach(enter, dc) {
					continue
				}
				alloc, ok := c.originated(dc, sd)
				if !ok {
					continue
				}
				pos, end := c.callRange(enter.call.Pos())
				related := []analysis.RelatedInformation{{Pos: pos, End: end, Message: fmt.Sprintf("%s puts the %s in the %s state here", enter.ddi.Name, object(ref), ref.State.Name)}}
				c.report(dc, sd, ref, "after "+enter.ddi.Name, related, alloc)
			}
		}
	}
}

// originated reports whether the call is forbidden for the list it passes:
// always, unless sd narrows it to lists the driver allocated, in which case
// the list must be the result of one of sd.OnlyFrom (returned as well).
func (c *checker) originated(dc ddiCall, sd *rules.StateDDI) (*ssa.Call, bool) {
	if len(sd.OnlyFrom) == 0 {
		return nil, true
	}
	for i, p := range dc.ddi.Params {
		if p.Handoff == nil || i >= len(dc.call.Call.Args) {
			continue
		}
		alloc, ok := strip(dc.call.Call.Args[i]).(*ssa.Call)
		if !ok {
			continue
		}
		if a := c.ddiOf(alloc); a != nil && contains(sd.OnlyFrom, a.Name) {
			return alloc, true
		}
	}
	return nil, false
}

// report reports a forbidden call once.
func (c *checker) report(dc ddiCall, sd *rules.StateDDI, ref rules.StateRef, where string, related []analysis.RelatedInformation, alloc *ssa.Call) {
	if c.reported[dc.call.Pos()] {
		return
	}
	c.reported[dc.call.Pos()] = true
	what := dc.ddi.Name
	if alloc != nil {
		what += " of a list the driver allocated"
		pos, end := c.callRange(alloc.Pos())
		related = append(related, analysis.RelatedInformation{Pos: pos, End: end, Message: "the list is allocated here"})
	}
	pos, end := c.callRange(dc.call.Pos())
	c.rep.Reportf(rules.RuleSendReceiveWhilePaused, pos, end, related, "%s while the %s is %s (%s); %s", what, object(ref), ref.State.Name, where, sd.Reason)
}

// callRange returns the range of the call whose parenthesis is at pos.
func (c *checker) callRange(pos token.Pos) (token.Pos, token.Pos) {
	if call := c.front.CallAt(pos); call != nil {
		return call.Pos(), call.End()
	}
	return pos, pos
}

// object names the state machine's object in words ("filter module").
func object(ref rules.StateRef) string { return strings.ReplaceAll(ref.Machine.Object, "-", " ") }

// strip returns v without the conversions that keep its identity.
func strip(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return v
		}
	}
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

// roleFuncs returns the roles of the package's functions, from the front
// end's role bindings.
func roleFuncs(front *ndisfacts.Result, pkg *buildssa.SSA) map[*ssa.Function][]*rules.Role {
	lits := map[any]*ssa.Function{}
	for _, f := range pkg.SrcFuncs {
		if f.Syntax() != nil {
			lits[f.Syntax()] = f
		}
	}
	out := map[*ssa.Function][]*rules.Role{}
	for _, b := range front.Roles.Bindings {
		var fn *ssa.Function
		if b.Lit != nil {
			fn = lits[b.Lit]
		} else if b.Fn != nil {
			fn = pkg.Pkg.Prog.FuncValue(b.Fn)
		}
		if fn == nil || hasRole(out[fn], b.Role) {
			continue
		}
		out[fn] = append(out[fn], b.Role)
	}
	return out
}

// hasRole reports whether rs holds r.
func hasRole(rs []*rules.Role, r *rules.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
