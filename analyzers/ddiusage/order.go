package ddiusage

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// This file checks the catalogue's orders (rules.Order): in a handler of
// one of an order's roles, a call of the order's DDI on a path from the
// handler's entry on which no call that may reach the earlier DDI (After)
// ran. The check is path-sensitive within each function and follows the
// package's static calls: a helper's call of the DDI counts when the
// helper is called on such a path and the DDI call is on such a path from
// the helper's entry.
//
// A call "may reach" the earlier DDI (and so ends the paths the pass
// follows) when it is that DDI, a function of the package that may reach
// it (directly, in a deferred call, through a goroutine or a function value
// it passes), another package's function whose fact says it reaches it or
// makes calls the pass cannot follow, a call through a function value or an
// interface method, a goroutine that may reach it, or any call that is
// passed a function that may reach it (a work item, a callback). So the
// pass stays silent wherever the earlier call might have happened first.

// orderSite is a call of an order's DDI reached on a path without the
// earlier DDI: its position and the calls (outermost first) through which
// the handler reaches it.
type orderSite struct {
	pos token.Pos
	via []token.Pos
}

// orderWalk checks one order in one package; its memos hold across the
// package's handlers.
type orderWalk struct {
	c *checker
	o *rules.Order
	// sites memoises orderWalk.sites; crossing memoises fnCrosses.
	memo     map[*ssa.Function][]orderSite
	crossing map[*ssa.Function]bool
}

// checkOrders reports, for each order of the catalogue and each handler of
// one of its roles, the calls of its DDI on a path without the earlier
// DDI.
func (c *checker) checkOrders() {
	hs := c.handlers()
	for i := range c.api.Cat.Orders {
		o := &c.api.Cat.Orders[i]
		w := &orderWalk{c: c, o: o, memo: map[*ssa.Function][]orderSite{}, crossing: map[*ssa.Function]bool{}}
		for _, h := range hs {
			if !o.Binds(h.role.Name) {
				continue
			}
			for _, s := range w.sites(h.fn) {
				c.reportOrder(o, h, s)
			}
		}
	}
}

// reportOrder reports the call at s in handler h's context.
func (c *checker) reportOrder(o *rules.Order, h handler, s orderSite) {
	related := c.related(h)
	for _, p := range s.via {
		related = append(related, analysis.RelatedInformation{Pos: p, Message: h.role.Callback + " reaches " + o.DDI + " through this call"})
	}
	page, sentence := rules.SplitReason(o.Reason)
	c.report(rules.RuleDDIOrder, s.pos, related,
		"%s is called in the context of %s on a path where %s has not called %s yet: %s (%s)",
		o.DDI, h.role.Callback, h.role.Callback, o.After, sentence, page)
}

// sites returns the calls of the order's DDI that fn's code (or the code
// it calls) makes on a path from fn's entry without a call that may reach
// the earlier DDI. A function being walked (recursion) contributes none.
func (w *orderWalk) sites(fn *ssa.Function) []orderSite {
	if s, ok := w.memo[fn]; ok {
		return s
	}
	w.memo[fn] = nil
	var out []orderSite
	clean := w.cleanBlocks(fn)
	for _, b := range fn.Blocks {
		if !clean[b] {
			continue
		}
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				out = append(out, w.callSites(call)...)
			}
			if w.crosses(instr, false) {
				break
			}
		}
	}
	w.memo[fn] = out
	return out
}

// cleanBlocks returns the blocks of fn entered on some path from its entry
// that crosses no call that may reach the earlier DDI.
func (w *orderWalk) cleanBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	clean := map[*ssa.BasicBlock]bool{}
	if len(fn.Blocks) == 0 {
		return clean
	}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if clean[b] {
			continue
		}
		clean[b] = true
		if !w.blockCrosses(b) {
			work = append(work, b.Succs...)
		}
	}
	return clean
}

// blockCrosses reports whether an instruction of b may reach the earlier
// DDI before b ends.
func (w *orderWalk) blockCrosses(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		if w.crosses(instr, false) {
			return true
		}
	}
	return false
}

// callSites returns the calls of the order's DDI that call makes, once
// reached on a clean path: the call itself when it is the DDI; another
// package's function whose fact says it reaches the DDI, and neither the
// earlier DDI nor a call the pass cannot follow (the order inside it is
// unknown: silent); the sites of a function of the package.
func (w *orderWalk) callSites(call *ssa.Call) []orderSite {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := w.c.api.DDI(obj); d != nil {
			if d.Name == w.o.DDI {
				return []orderSite{{pos: call.Pos()}}
			}
			return nil
		}
		if callee.Pkg != w.c.ssa.Pkg && callee.Parent() == nil {
			var f Fact
			if w.c.pass.ImportObjectFact(obj, &f) && !f.Opaque && slices.Contains(f.DDIs, w.o.DDI) && !slices.Contains(f.DDIs, w.o.After) {
				return []orderSite{{pos: call.Pos()}}
			}
			return nil
		}
	}
	if callee.Pkg != w.c.ssa.Pkg && callee.Parent() == nil {
		return nil
	}
	var out []orderSite
	for _, s := range w.sites(callee) {
		out = append(out, orderSite{pos: s.pos, via: append([]token.Pos{call.Pos()}, s.via...)})
	}
	return out
}

// crosses reports whether instr may reach the earlier DDI: a call or a
// goroutine (and, with deferred, a deferred call) that may.
func (w *orderWalk) crosses(instr ssa.Instruction, deferred bool) bool {
	switch x := instr.(type) {
	case *ssa.Call:
		return w.callCrosses(&x.Call)
	case *ssa.Go:
		return w.callCrosses(&x.Call)
	case *ssa.Defer:
		return deferred && w.callCrosses(&x.Call)
	}
	return false
}

// callCrosses reports whether a call may reach the earlier DDI: it is
// passed a function that may, it cannot be followed, or its callee may.
func (w *orderWalk) callCrosses(cc *ssa.CallCommon) bool {
	for _, a := range cc.Args {
		if fv := funcValue(a); fv != nil && w.funcCrosses(fv) {
			return true
		}
	}
	callee := cc.StaticCallee()
	if callee == nil {
		_, builtin := cc.Value.(*ssa.Builtin)
		return !builtin
	}
	return w.funcCrosses(callee)
}

// funcCrosses reports whether a call of fn may reach the earlier DDI: fn
// is that DDI, another package's function whose fact says it reaches it or
// is opaque, or a function of the package that may.
func (w *orderWalk) funcCrosses(fn *ssa.Function) bool {
	if obj, ok := fn.Object().(*types.Func); ok {
		if d := w.c.api.DDI(obj); d != nil {
			return d.Name == w.o.After
		}
		if fn.Pkg != w.c.ssa.Pkg && fn.Parent() == nil {
			var f Fact
			return w.c.pass.ImportObjectFact(obj, &f) && (f.Opaque || slices.Contains(f.DDIs, w.o.After))
		}
	}
	if fn.Pkg != w.c.ssa.Pkg && fn.Parent() == nil {
		return false
	}
	return w.fnCrosses(fn)
}

// fnCrosses reports whether a call of fn may reach the earlier DDI before
// it returns (its deferred calls included), memoised; a function being
// walked (recursion) contributes nothing more.
func (w *orderWalk) fnCrosses(fn *ssa.Function) bool {
	if v, ok := w.crossing[fn]; ok {
		return v
	}
	w.crossing[fn] = false
	v := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if w.crosses(instr, true) {
				v = true
			}
		}
	}
	w.crossing[fn] = v
	return v
}

// funcValue returns the function a value stands for when it is a function
// or a closure, or nil.
func funcValue(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.Function:
		return x
	case *ssa.MakeClosure:
		fn, _ := x.Fn.(*ssa.Function)
		return fn
	}
	return nil
}
