package completion

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/rules"
)

// reportTwice reports the second completion of one request on a path
// (completed-twice).
func (c *checker) reportTwice(fn *ssa.Function, first, second *event) {
	if first.pos == second.pos {
		return // one call that completes twice: reported inside its callee
	}
	start, end := c.callRange(second.pos)
	related := []analysis.RelatedInformation{{Pos: first.pos, Message: "first completed here" + viaText(first)}}
	if second.inner.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: second.inner, Message: second.c.ddi.Name + " called here"})
	}
	c.report(rules.RuleCompletedTwice, start, end, related,
		"%s completes the %s request a second time on this path%s (first at line %d): a pended request is completed exactly once (%s)",
		second.c.ddi.Name, second.c.pair.role.Callback, viaText(second), c.pass.Fset.Position(first.pos).Line, second.c.ddi.Page)
}

// viaText says how an event reaches its completion, for messages.
func viaText(e *event) string {
	if e.via == "" {
		return ""
	}
	return " (" + e.via + ")"
}

// recvOffset is 1 for a method, whose receiver is its first SSA parameter.
func recvOffset(fn *ssa.Function) int {
	if fn.Signature.Recv() != nil {
		return 1
	}
	return 0
}

// requestOf returns the handler's parameter that identifies its request.
func (h *handler) requestOf() ssa.Value {
	i := h.pair.param + recvOffset(h.fn)
	if h.pair.param < 0 || i >= len(h.fn.Params) {
		return nil
	}
	return h.fn.Params[i]
}

// checkHandlers reports, in each handler, a completion of the request it
// received on a path where it returns a known status other than
// NDIS_STATUS_PENDING (completion-without-pending).
func (c *checker) checkHandlers(hs []*handler) {
	for _, h := range hs {
		req := h.requestOf()
		res := c.walked(h.fn)
		if req == nil || !res.judged {
			continue
		}
		for _, o := range res.outcomes {
			if o.st.class != other {
				continue
			}
			for i := range o.events {
				e := &o.events[i]
				if e.c.pair == h.pair && e.key.root == req {
					c.reportUnpended(h, e, o)
				}
			}
		}
	}
}

// reportUnpended reports one completion on a path that does not pend.
func (c *checker) reportUnpended(h *handler, e *event, o outcome) {
	start, end := c.callRange(e.pos)
	related := []analysis.RelatedInformation{{Pos: o.ret.Pos(), Message: funcName(h.fn) + " returns " + o.st.describe() + " here"}}
	if e.inner.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: e.inner, Message: e.c.ddi.Name + " called here"})
	}
	c.report(rules.RuleCompletionWithoutPending, start, end, related,
		"%s completes the %s request%s on a path where %s returns %s, not NDIS_STATUS_PENDING: NDIS takes that return as the request's completion (%s)",
		e.c.ddi.Name, h.pair.role.Callback, viaText(e), funcName(h.fn), o.st.describe(), e.c.ddi.Page)
}

// checkElsewhere reports the completing DDI of a role called anywhere in a
// package whose every handler of the role never returns
// NDIS_STATUS_PENDING: there is no pended request to complete
// (completion-without-pending). It needs every handler the package binds to
// the role to have its body here, one of them registered here, and each to
// return known statuses only.
func (c *checker) checkElsewhere(hs []*handler) {
	byPair := map[*pair][]*handler{}
	var order []*pair
	for _, h := range hs {
		if byPair[h.pair] == nil {
			order = append(order, h.pair)
		}
		byPair[h.pair] = append(byPair[h.pair], h)
	}
	for _, p := range order {
		if h := c.neverPends(p, byPair[p]); h != nil {
			c.reportElsewhere(p, h)
		}
	}
}

// neverPends returns a registered handler of p when every handler of p in
// the package returns known statuses other than NDIS_STATUS_PENDING, else
// nil.
func (c *checker) neverPends(p *pair, hs []*handler) *handler {
	for _, b := range c.front.Roles.Bindings {
		if b.Role == p.role && c.fnOf(b) == nil {
			return nil // a handler whose body the pass cannot see
		}
	}
	if c.opaqueRoleValue(p.role) {
		return nil // a handler the pass cannot name may be registered
	}
	var reg *handler
	for _, h := range hs {
		if c.returns(h.fn).class != other {
			return nil
		}
		if h.registered && reg == nil {
			reg = h
		}
	}
	return reg
}

// reportElsewhere reports every call of p's completing DDIs in the package.
func (c *checker) reportElsewhere(p *pair, h *handler) {
	st := c.returns(h.fn)
	for _, fn := range c.allFuncs() {
		for _, e := range c.walked(fn).direct {
			if e.c.pair != p {
				continue
			}
			start, end := c.callRange(e.pos)
			c.report(rules.RuleCompletionWithoutPending, start, end, []analysis.RelatedInformation{bindingInfo(h.b, funcName(h.fn))},
				"%s completes a %s request, but %s, this package's %s, never returns NDIS_STATUS_PENDING (it returns %s): there is no pended request to complete (%s)",
				e.c.ddi.Name, p.role.Callback, funcName(h.fn), p.role.Callback, st.describe(), e.c.ddi.Page)
		}
	}
}

// bindingInfo points at where a handler got its role.
func bindingInfo(b *rolebind.Binding, name string) analysis.RelatedInformation {
	msg := name + " is the " + b.Role.Callback + " handler"
	if b.Slot != "" {
		msg += " (" + b.Slot + ")"
	}
	return analysis.RelatedInformation{Pos: b.Pos, End: b.End, Message: msg}
}

// checkNeverCompleted reports a registered handler that may return
// NDIS_STATUS_PENDING when no completing DDI of its role is used in the
// package or in what it imports (pending-never-completed).
func (c *checker) checkNeverCompleted(hs []*handler, used *PackageFact) {
	if used.Unknown {
		return
	}
	uses := map[string]bool{}
	for _, u := range used.Uses {
		uses[u] = true
	}
	for _, h := range hs {
		if !h.registered || anyUsed(h.pair, uses) {
			continue
		}
		r, ok := c.pendingReturn(h.fn)
		if !ok {
			continue
		}
		related := []analysis.RelatedInformation{bindingInfo(h.b, funcName(h.fn))}
		via := ""
		if r.Via != "" {
			via = " (from " + r.Via + ")"
			if r.ViaPos.IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: r.ViaPos, Message: "NDIS_STATUS_PENDING may come from " + r.Via + " here"})
			}
		}
		start, end := c.returnRange(r.Pos)
		c.report(rules.RulePendingNeverCompleted, start, end, related,
			"%s may return NDIS_STATUS_PENDING here%s, but %s is used nowhere in this package or the packages it imports: the pended %s request is never completed (%s)",
			funcName(h.fn), via, h.pair.names(), h.pair.role.Callback, h.pair.role.Page)
	}
}

// pendingReturn returns the first return of fn where the status engine
// says NDIS_STATUS_PENDING may be returned and a path to it agrees: the
// engine joins every way a status is made, so "st := NdisOpenAdapterEx(...);
// if st == NDIS_STATUS_PENDING { wait; st = b.openStatus }; return st" may
// return PENDING to it, while no path does (pendingReturns decides the
// comparisons on the way). When fn's paths are too many to walk, the
// engine's first return stands.
func (c *checker) pendingReturn(fn *ssa.Function) (statuses.Return, bool) {
	rets := c.sts.MayReturn(fn, rules.StatusPending)
	if len(rets) == 0 || !rets[0].Pos.IsValid() {
		return statuses.Return{}, false
	}
	pends, judged := c.pendingReturns(fn)
	if !judged {
		return rets[0], true
	}
	for _, r := range rets {
		for ret := range pends {
			if ret.Pos() == r.Pos {
				return r, true
			}
		}
	}
	return statuses.Return{}, false
}

// anyUsed reports whether one of p's completing DDIs is in uses.
func anyUsed(p *pair, uses map[string]bool) bool {
	for _, cp := range p.by {
		if uses[cp.ddi.Name] {
			return true
		}
	}
	return false
}

// opaqueRoleValue reports whether the package has a value of the role's
// type that is not a function it names (a field, a variable, a parameter, a
// map or slice element, a call's result): a handler registered through it
// is one the pass cannot see.
func (c *checker) opaqueRoleValue(r *rules.Role) bool {
	for e, tv := range c.pass.TypesInfo.Types {
		if !tv.IsValue() || c.api.Role(tv.Type) != r {
			continue
		}
		if !c.namesFunc(e) {
			return true
		}
	}
	return false
}

// namesFunc reports whether e is a function it names: a function literal,
// a declared function or method value, or a conversion of one.
func (c *checker) namesFunc(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		_, ok := c.pass.TypesInfo.Uses[x].(*types.Func)
		return ok
	case *ast.SelectorExpr:
		if sel := c.pass.TypesInfo.Selections[x]; sel != nil {
			return sel.Kind() == types.MethodVal
		}
		_, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Func)
		return ok
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.namesFunc(x.Args[0])
		}
	}
	return false
}
