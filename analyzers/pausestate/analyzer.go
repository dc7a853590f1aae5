package pausestate

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
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
	pkg   *ssa.Package
	rep   *suppress.Reporter
	// allocators are the DDIs whose results are lists a driver originated
	// (every state's OnlyFrom).
	allocators map[string]bool
	// calls memoises each function's DDI calls, musts the DDIs each calls
	// on every path; busy guards recursion.
	calls map[*ssa.Function][]ddiCall
	musts map[*ssa.Function][]ddiCall
	busy  map[*ssa.Function]bool
	// reported keeps one report per call.
	reported map[token.Pos]bool
}

// ddiCall is a call in a function that calls a DDI: the DDI itself, or a
// helper of the package that calls it on every path.
type ddiCall struct {
	call  *ssa.Call
	block *ssa.BasicBlock
	index int
	ddi   *rules.DDI
	// helper is the function called when it is not the DDI, and inner the
	// call inside it that calls the DDI.
	helper *ssa.Function
	inner  token.Pos
	// alloc is the allocation (one of the allocators) whose result is the
	// list the DDI passes, with allocPos its call; "" when the list is no
	// allocation's result (through a helper: on some path).
	alloc    string
	allocPos token.Pos
	// handles are the objects the call names, by the kind of handle
	// parameter (adapter-handle: the MiniportAdapterHandle argument), as
	// places of this function (handleOf).
	handles map[rules.HandleKind]place
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed || front.API.Ndis == nil || len(front.API.Cat.States) == 0 {
		return nil, nil // the package does not use the runtime, or no state forbids anything
	}
	pkg := front.SSA()
	c := &checker{
		pass:       pass,
		front:      front,
		cat:        front.API.Cat,
		pkg:        pkg.Pkg,
		rep:        front.Reporter(pass, rules.RuleIDs(rules.PassPausestate)),
		allocators: map[string]bool{},
		calls:      map[*ssa.Function][]ddiCall{},
		musts:      map[*ssa.Function][]ddiCall{},
		busy:       map[*ssa.Function]bool{},
		reported:   map[token.Pos]bool{},
	}
	for _, m := range c.cat.States {
		for _, st := range m.States {
			for _, sd := range st.Forbidden {
				for _, a := range sd.OnlyFrom {
					c.allocators[a] = true
				}
			}
		}
	}
	roles := front.RoleFuncs()
	for _, fn := range pkg.SrcFuncs {
		calls := c.ddiCalls(fn)
		if len(calls) == 0 {
			continue
		}
		for _, r := range roles[fn] {
			for _, ref := range c.cat.StatesEnteredBy(r.Name) {
				switch {
				case unconditional(ref):
					c.checkHandler(fn, r, ref, calls)
				case ref.Entry.Cond == nil:
					c.checkBranches(fn, r, ref, calls)
				}
			}
		}
		c.checkAfter(calls)
	}
	c.rep.Finish()
	return nil, nil
}

// ddiCalls returns the static DDI calls of fn, and the calls of helpers of
// the package with the DDIs they call on every path, in block order.
func (c *checker) ddiCalls(fn *ssa.Function) []ddiCall {
	if out, ok := c.calls[fn]; ok {
		return out
	}
	var out []ddiCall
	for _, b := range fn.Blocks {
		for i, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			if d := c.ddiOf(call); d != nil {
				dc := ddiCall{call: call, block: b, index: i, ddi: d, handles: map[rules.HandleKind]place{}}
				for j, p := range d.Params {
					if p.Kind != rules.KindNone && j < len(call.Call.Args) {
						dc.handles[p.Kind] = placeOf(call.Call.Args[j])
					}
				}
				if alloc := c.allocation(call, d); alloc != nil {
					dc.alloc, dc.allocPos = c.ddiOf(alloc).Name, alloc.Pos()
				}
				out = append(out, dc)
				continue
			}
			callee := call.Call.StaticCallee()
			if callee == nil || callee.Pkg != c.pkg || callee.Blocks == nil {
				continue
			}
			for _, m := range c.mustCalls(callee) {
				hc := ddiCall{call: call, block: b, index: i, ddi: m.ddi, helper: callee, inner: m.call.Pos(), alloc: m.alloc, allocPos: m.allocPos, handles: map[rules.HandleKind]place{}}
				for k, pl := range m.handles {
					if caller, ok := pl.inCaller(callee, call); ok {
						hc.handles[k] = caller
					}
				}
				out = append(out, hc)
			}
		}
	}
	c.calls[fn] = out
	return out
}

// mustCalls returns the DDIs fn calls on every path from its entry to a
// return, one call each (the first in block order); a DDI's list counts as
// an allocation's only when every path passes such a call.
func (c *checker) mustCalls(fn *ssa.Function) []ddiCall {
	if out, ok := c.musts[fn]; ok {
		return out
	}
	if c.busy[fn] {
		return nil // recursion: the first call decides
	}
	c.busy[fn] = true
	defer delete(c.busy, fn)
	calls := c.ddiCalls(fn)
	var out []ddiCall
	done := map[string]bool{}
	for _, first := range calls {
		if done[first.ddi.Name] {
			continue
		}
		done[first.ddi.Name] = true
		all, allocated := map[*ssa.BasicBlock]bool{}, map[*ssa.BasicBlock]bool{}
		var alloc *ddiCall
		for i := range calls {
			if calls[i].ddi != first.ddi {
				continue
			}
			all[calls[i].block] = true
			if calls[i].alloc != "" {
				allocated[calls[i].block] = true
				if alloc == nil {
					alloc = &calls[i]
				}
			}
		}
		if !ssafunc.EveryPathCrosses(fn, all) {
			continue
		}
		m := first
		m.alloc, m.allocPos = "", token.NoPos
		if alloc != nil && ssafunc.EveryPathCrosses(fn, allocated) {
			m.alloc, m.allocPos = alloc.alloc, alloc.allocPos
		}
		out = append(out, m)
	}
	c.musts[fn] = out
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

// unconditional reports whether the transition of ref enters its state
// whatever the event's arguments and result: a role's handler then runs in
// the state from its start, and the state holds after a DDI's call. A
// transition on the result or on a status argument is not followed (the
// pass does not know them); one on an argument's value is checkBranches'.
func unconditional(ref rules.StateRef) bool {
	return ref.Entry.Cond == nil && ref.Entry.Value == nil
}

// checkHandler reports the forbidden calls in fn, the handler of role r,
// which runs in the state ref.
func (c *checker) checkHandler(fn *ssa.Function, r *rules.Role, ref rules.StateRef, calls []ddiCall) {
	for _, dc := range calls {
		sd := ref.State.ForbiddenDDI(dc.ddi.Name)
		if sd == nil {
			continue
		}
		if !originated(dc, sd) || !fromHandler(fn, r, dc) {
			continue
		}
		related := []analysis.RelatedInformation{{Pos: fn.Pos(), Message: fmt.Sprintf("%s runs while the %s is %s (%s)", r.Callback, object(ref), ref.State.Name, ref.Entry.Page())}}
		c.report(dc, sd, ref, "in "+r.Callback, related)
	}
}

// checkAfter reports the forbidden calls that every path from a DDI that
// enters a state reaches.
func (c *checker) checkAfter(calls []ddiCall) {
	for _, enter := range calls {
		for _, ref := range c.cat.StatesEnteredBy(enter.ddi.Name) {
			if !unconditional(ref) {
				continue
			}
			for _, dc := range calls {
				sd := ref.State.ForbiddenDDI(dc.ddi.Name)
				if sd == nil || dc.call == enter.call || !sameObject(enter, dc) || !mustReach(enter, dc) || !originated(dc, sd) {
					continue
				}
				pos, end := c.callRange(enter.call.Pos())
				related := []analysis.RelatedInformation{{Pos: pos, End: end, Message: fmt.Sprintf("%s puts the %s in the %s state here", c.subject(enter), object(ref), ref.State.Name)}}
				related = append(related, c.inside(enter)...)
				c.report(dc, sd, ref, "after "+c.subject(enter), related)
			}
		}
	}
}

// originated reports whether the call is forbidden for the list it passes:
// always, unless sd narrows it to lists the driver allocated, in which case
// the list must be the result of one of sd.OnlyFrom.
func originated(dc ddiCall, sd *rules.StateDDI) bool {
	return len(sd.OnlyFrom) == 0 || contains(sd.OnlyFrom, dc.alloc)
}

// allocation returns the call of an allocator whose result call, of the DDI
// d, passes as its list (at a parameter with a Handoff), or nil.
func (c *checker) allocation(call *ssa.Call, d *rules.DDI) *ssa.Call {
	for i, p := range d.Params {
		if p.Handoff == nil || i >= len(call.Call.Args) {
			continue
		}
		alloc, ok := strip(call.Call.Args[i]).(*ssa.Call)
		if !ok {
			continue
		}
		if a := c.ddiOf(alloc); a != nil && c.allocators[a.Name] {
			return alloc
		}
	}
	return nil
}

// subject names what a call does: the DDI, or the helper and the DDI it
// calls ("sendKeepAlive (through NdisFSendNetBufferLists)").
func (c *checker) subject(dc ddiCall) string {
	if dc.helper == nil {
		return dc.ddi.Name
	}
	return fmt.Sprintf("%s (through %s)", dc.helper.Name(), dc.ddi.Name)
}

// inside returns, for a helper's call, the call inside the helper.
func (c *checker) inside(dc ddiCall) []analysis.RelatedInformation {
	if dc.helper == nil || !dc.inner.IsValid() {
		return nil
	}
	pos, end := c.callRange(dc.inner)
	return []analysis.RelatedInformation{{Pos: pos, End: end, Message: fmt.Sprintf("inside %s, here", dc.helper.Name())}}
}

// report reports a forbidden call once.
func (c *checker) report(dc ddiCall, sd *rules.StateDDI, ref rules.StateRef, where string, related []analysis.RelatedInformation) {
	if c.reported[dc.call.Pos()] {
		return
	}
	c.reported[dc.call.Pos()] = true
	what := c.subject(dc)
	related = append(related, c.inside(dc)...)
	if len(sd.OnlyFrom) > 0 {
		what += " of a list the driver allocated"
		pos, end := c.callRange(dc.allocPos)
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
