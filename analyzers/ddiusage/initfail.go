package ddiusage

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/rules"
)

// This file checks the failing returns of a handler whose role must release
// what it acquired when it fails (rules.Role.ReleaseOnFailure:
// MiniportInitializeEx, for which NDIS calls no MiniportHaltEx): for each
// call in the handler that reaches the acquire DDI of one of the role's
// pairs (Catalogue.Pairs), every return that follows it, on a path that
// crosses no call reaching the release DDI, and that returns only failure
// statuses (every status it may return is known and none is
// NDIS_STATUS_SUCCESS), is reported (resource-not-released).
//
// What the pass leaves alone, to stay precise: the branch on which the
// acquiring call itself failed (its result tested against
// NDIS_STATUS_SUCCESS, or against nil for a DDI that returns what it
// allocated, or the value at its failure parameter tested as the
// catalogue's Companion.FailsWhen says); an acquisition whose failure the
// handler never tests that way (the pass cannot tell a failing return for
// the acquisition's own failure from a later one); a return whose status it cannot tell, or which may be
// NDIS_STATUS_SUCCESS; a handler with a deferred call that reaches the
// release (or that it cannot follow); a release in a call it cannot follow;
// acquisitions in function literals.

// checkFailureReleases reports the failing returns that keep a resource of
// a pair whose acquiring role must release on failure.
func (c *checker) checkFailureReleases() {
	if c.sts == nil {
		return
	}
	for _, h := range c.handlers() {
		if h.role.ReleaseOnFailure == "" || c.defersRelease(h.fn) {
			continue
		}
		for _, p := range c.api.Cat.Pairs {
			if p.In == h.role.Name {
				c.checkPairOnFailure(h, p)
			}
		}
	}
}

// defersRelease reports whether fn defers a call that reaches the release
// of any pair, or one the pass cannot follow: its failing returns may all
// release.
func (c *checker) defersRelease(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue
			}
			r := &reach{ddis: map[string][]token.Pos{}}
			c.call(r, &d.Call, d.Pos())
			if r.opaque {
				return true
			}
			for _, p := range c.api.Cat.Pairs {
				if _, ok := r.ddis[p.Release]; ok {
					return true
				}
			}
		}
	}
	return false
}

// checkPairOnFailure reports the acquisitions of pair p in handler h that a
// failing return keeps.
func (c *checker) checkPairOnFailure(h handler, p rules.Pair) {
	cross := c.crossing(h.fn, p.Release)
	for _, b := range h.fn.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || !c.reachesDefinitely(call, p.Acquire) {
				continue
			}
			failed := c.failedBranches(call, p.Acquire)
			if len(failed) == 0 {
				continue // the pass cannot tell where the acquisition failed
			}
			if ret := c.failingReturnAfter(call, b.Instrs[i+1:], p.Release, cross, failed); ret != nil {
				c.reportKeptOnFailure(h, p, call, ret)
			}
		}
	}
}

// reachesDefinitely reports whether call is a call of the DDI named ddi, or
// of a function that reaches it.
func (c *checker) reachesDefinitely(call *ssa.Call, ddi string) bool {
	r := &reach{ddis: map[string][]token.Pos{}}
	c.call(r, &call.Call, call.Pos())
	_, ok := r.ddis[ddi]
	return ok
}

// failingReturnAfter returns the first failing return that follows call
// (rest are the instructions after it in its block) on a path that crosses
// no block of cross and not the branch on which call failed, or nil.
func (c *checker) failingReturnAfter(call *ssa.Call, rest []ssa.Instruction, release string, cross, failed map[*ssa.BasicBlock]bool) *ssa.Return {
	for _, instr := range rest {
		if c.callReaches(instr, release) {
			return nil
		}
	}
	b := call.Block()
	if last, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
		if c.failing(last) != nil {
			return last
		}
		return nil
	}
	avoid := map[*ssa.BasicBlock]bool{}
	for _, m := range []map[*ssa.BasicBlock]bool{cross, failed} {
		for b := range m {
			avoid[b] = true
		}
	}
	for _, from := range b.Succs {
		for _, ret := range ssafunc.ReturnsAvoiding(from, avoid) {
			if c.failing(ret) != nil {
				return ret
			}
		}
	}
	return nil
}

// failedBranches returns the blocks a test of call's outcome branches to
// when the acquisition failed: a comparison of its result with
// NDIS_STATUS_SUCCESS or nil, or, for the acquire DDI itself, of the value
// its failure parameter holds after the call (the catalogue's
// Companion.FailsWhen: NULL at NdisMAllocateSharedMemory's VirtualAddress).
// None: the pass cannot tell where the acquisition failed.
func (c *checker) failedBranches(call *ssa.Call, acquire string) map[*ssa.BasicBlock]bool {
	out := map[*ssa.BasicBlock]bool{}
	for _, b := range call.Parent().Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if br, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if s := c.failedSucc(call, br); s >= 0 {
				out[b.Succs[s]] = true
			}
		}
	}
	if f := c.failureOf(acquire); f != nil && c.isDDICall(call, acquire) {
		if i := c.api.Cat.DDI(acquire).ParamIndex(f.Param); i >= 0 && i < len(call.Call.Args) {
			if _, br, succ := firstFailureTest(call, call.Call.Args[i]); br != nil {
				out[br.Block().Succs[succ]] = true
			}
		}
	}
	return out
}

// failureOf returns how a call of the DDI named ddi tells it failed, from
// the catalogue's companions, or nil.
func (c *checker) failureOf(ddi string) *rules.Failure {
	for _, x := range c.api.Cat.Companions {
		if x.DDI == ddi && x.FailsWhen != nil {
			return x.FailsWhen
		}
	}
	return nil
}

// isDDICall reports whether call calls the DDI named ddi itself.
func (c *checker) isDDICall(call *ssa.Call, ddi string) bool {
	d := c.ddiOf(&call.Call)
	return d != nil && d.Name == ddi
}

// failedSucc returns the successor of br taken when call failed, if br
// compares call's result with NDIS_STATUS_SUCCESS (the one success) or
// with nil (an allocation that returned nothing), or -1.
func (c *checker) failedSucc(call *ssa.Call, br *ssa.If) int {
	bin, ok := br.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return -1
	}
	for _, xy := range [][2]ssa.Value{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		k, ok := xy[1].(*ssa.Const)
		if !ok || !resultOf(xy[0], call) {
			continue
		}
		isNil := k.Value == nil
		if !isNil && !c.isSuccess(k) {
			return -1
		}
		// x == nil and x != SUCCESS hold when the call failed.
		if isNil == (bin.Op == token.EQL) {
			return 0
		}
		return 1
	}
	return -1
}

// isSuccess reports whether k is NDIS_STATUS_SUCCESS's value.
func (c *checker) isSuccess(k *ssa.Const) bool {
	s := c.api.StatusConst(rules.StatusSuccess)
	return s != nil && k.Value != nil && constant.Compare(k.Value, token.EQL, s.Val())
}

// resultOf reports whether v is call's result (or one of its results), or
// a load, after the call, of where the function stored it.
func resultOf(v ssa.Value, call *ssa.Call) bool {
	if v == call {
		return true
	}
	switch x := v.(type) {
	case *ssa.Extract:
		return x.Tuple == call
	case *ssa.UnOp:
		if x.Op != token.MUL || !follows(x, call) {
			return false
		}
		for _, r := range *call.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Val == call && sameAddr(st.Addr, x.X) {
				return true
			}
		}
	}
	return false
}

// failing returns the site of ret when every status ret may return is
// known and none is NDIS_STATUS_SUCCESS, or nil.
func (c *checker) failing(ret *ssa.Return) *statuses.Site {
	for _, s := range c.sts.Sites(ret.Parent()) {
		if s.Pos != ret.Pos() || len(s.Vals) == 0 {
			continue
		}
		for _, v := range s.Vals {
			if v.Name == "" || v.Name == rules.StatusSuccess {
				return nil
			}
		}
		return &s
	}
	return nil
}

// reportKeptOnFailure reports an acquisition a failing return keeps.
func (c *checker) reportKeptOnFailure(h handler, p rules.Pair, call *ssa.Call, ret *ssa.Return) {
	site := c.failing(ret)
	by := c.api.Cat.Role(p.By)
	related := append(c.related(h), analysis.RelatedInformation{Pos: ret.Pos(), Message: "returns " + statusNames(site) + " here without " + p.Release})
	c.report(rules.RuleResourceNotReleased, call.Pos(), related,
		"%s in the context of %s acquires what a failing return keeps: %s must release it with %s before it fails, since NDIS calls no %s then (%s)",
		p.Acquire, h.role.Callback, h.role.Callback, p.Release, by.Callback, h.role.Page)
}

// statusNames joins the statuses of a site ("NDIS_STATUS_FAILURE or
// NDIS_STATUS_RESOURCES").
func statusNames(s *statuses.Site) string {
	out := ""
	for i, v := range s.Vals {
		if i > 0 {
			out += " or "
		}
		out += v.Name
	}
	return out
}
