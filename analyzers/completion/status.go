package completion

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// class is what the pass knows of a status value.
type class uint8

// The classes.
const (
	// unknown: the value may be anything (a field, a parameter, a DDI that
	// pends, a mix of PENDING and other statuses).
	unknown class = iota
	// pending: NDIS_STATUS_PENDING on every way the value is made.
	pending
	// other: a known status other than NDIS_STATUS_PENDING on every way.
	other
)

// status is a status value as the pass knows it.
type status struct {
	class class
	// names are the NDIS names of the constants the value may be, sorted,
	// when it is made of constants only.
	names []string
	// via names a DDI or helper the value comes from.
	via string
}

// describe says what a status of class other is, for messages.
func (s status) describe() string {
	switch {
	case s.via != "":
		return "the status of " + s.via + " (never NDIS_STATUS_PENDING)"
	case len(s.names) > 0:
		return strings.Join(s.names, " or ")
	}
	return "a status other than NDIS_STATUS_PENDING"
}

// union joins the statuses of two ways of making one value.
func union(a, b status) status {
	if a.class == unknown || b.class == unknown || a.class != b.class {
		return status{}
	}
	u := status{class: a.class}
	if a.via != "" || b.via != "" {
		if a.via == b.via && len(a.names) == 0 && len(b.names) == 0 {
			u.via = a.via
		}
		return u
	}
	seen := map[string]bool{}
	for _, n := range append(append([]string(nil), a.names...), b.names...) {
		if n == "" {
			return u // a value no constant names
		}
		if !seen[n] {
			seen[n] = true
			u.names = append(u.names, n)
		}
	}
	sort.Strings(u.names)
	return u
}

// statusResult returns the NDIS_STATUS result of a return, or nil.
func (c *checker) statusResult(ret *ssa.Return) ssa.Value {
	for _, v := range ret.Results {
		if c.api.IsStatus(v.Type()) {
			return v
		}
	}
	return nil
}

// statusOf returns what the status v is: on the path of w when w is not
// nil (a phi takes the edge the path came by), else on every way
// (staticStatus, memoised). The statuses engine
// (analyzers/internal/statuses) lists the statuses a value may carry; this
// asks the stronger question a report needs, whether a
// value is known on every way, so it follows constants, phis, conversions,
// helpers of this package and DDIs (one that does not pend never returns
// NDIS_STATUS_PENDING) and nothing else.
func (c *checker) statusOf(v ssa.Value, w *walk, depth int) status {
	if w == nil {
		return c.staticStatus(v).st
	}
	if depth > depthLimit {
		return status{}
	}
	switch x := v.(type) {
	case *ssa.Const:
		return c.constStatus(x)
	case *ssa.Phi:
		return c.phiStatus(x, w, depth)
	case *ssa.ChangeType:
		return c.statusOf(x.X, w, depth+1)
	case *ssa.Convert:
		return c.statusOf(x.X, w, depth+1)
	case *ssa.Call:
		return c.callStatus(x.Common())
	}
	return status{}
}

// staticStatus is what statusOf says of v on every way: unknown when the
// operands it follows go deeper than depthLimit or around a cycle (a loop's
// phi), else the union of what its phis' edges are. Each value is
// classified once per pass: phis that share edges, or whose edges lead back
// to them, would otherwise be classified once per way of reaching them.
func (c *checker) staticStatus(v ssa.Value) *staticSt {
	if r, ok := c.staticMemo[v]; ok {
		if r == nil { // v is being classified: its operands lead back to it
			return &staticSt{height: depthLimit + 1}
		}
		return r
	}
	c.staticMemo[v] = nil
	r := &staticSt{}
	from := func(x ssa.Value) status {
		xr := c.staticStatus(x)
		r.height = max(r.height, min(xr.height+1, depthLimit+1))
		return xr.st
	}
	switch x := v.(type) {
	case *ssa.Const:
		r.st = c.constStatus(x)
	case *ssa.Phi:
		for i, e := range x.Edges {
			es := from(e)
			if i == 0 {
				r.st = es
			} else {
				r.st = union(r.st, es)
			}
		}
	case *ssa.ChangeType:
		r.st = from(x.X)
	case *ssa.Convert:
		r.st = from(x.X)
	case *ssa.Call:
		r.st = c.callStatus(x.Common())
	}
	if r.height > depthLimit {
		r.st = status{}
	}
	c.staticMemo[v] = r
	return r
}

// staticSt is what staticStatus learns of a value: its status, and the
// length of its longest chain of operands (more than depthLimit for a
// cycle).
type staticSt struct {
	st     status
	height int
}

// constStatus classifies an NDIS_STATUS constant.
func (c *checker) constStatus(x *ssa.Const) status {
	if x.Value == nil || !c.api.IsStatus(x.Type()) {
		return status{}
	}
	exact := x.Value.ExactString()
	name := c.sts.Name(exact)
	if p := c.api.StatusConst(rules.StatusPending); p != nil && p.Val().ExactString() == exact {
		return status{class: pending, names: []string{rules.StatusPending}}
	}
	if name == "" {
		return status{class: other} // a value no runtime constant has
	}
	return status{class: other, names: []string{name}}
}

// phiStatus classifies a phi on the path of w: the edge the path came by.
func (c *checker) phiStatus(x *ssa.Phi, w *walk, depth int) status {
	pred := w.predecessor(x.Block())
	for i, p := range x.Block().Preds {
		if p == pred && i < len(x.Edges) {
			return c.statusOf(x.Edges[i], w, depth+1)
		}
	}
	return status{}
}

// callStatus classifies the result of a call: a DDI that does not pend
// never returns NDIS_STATUS_PENDING; a helper of this package returns
// what all its returns do.
func (c *checker) callStatus(call *ssa.CallCommon) status {
	callee := call.StaticCallee()
	if callee == nil {
		return status{}
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := c.api.DDI(obj); d != nil {
			if d.Pends {
				return status{}
			}
			return status{class: other, via: d.Name}
		}
	}
	if callee.Blocks == nil {
		return status{}
	}
	if s, ok := c.statusMemo[callee]; ok {
		return s
	}
	c.statusMemo[callee] = status{} // recursion: unknown
	s := c.returns(callee)
	if s.via == "" && len(s.names) == 0 && s.class == other {
		s.via = helperName(callee)
	}
	c.statusMemo[callee] = s
	return s
}

// returns classifies what every return of fn returns.
func (c *checker) returns(fn *ssa.Function) status {
	var s status
	first := true
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		v := c.statusResult(ret)
		if v == nil {
			return status{}
		}
		rs := c.statusOf(v, nil, 0)
		if first {
			s, first = rs, false
		} else {
			s = union(s, rs)
		}
	}
	return s
}

// checkStatusArg reports a completing DDI called with NDIS_STATUS_PENDING as
// the request's final status (complete-with-pending).
func (c *checker) checkStatusArg(cp *completer, call *ssa.CallCommon, pos token.Pos) {
	if cp.status < 0 || cp.status >= len(call.Args) {
		return
	}
	if c.statusOf(call.Args[cp.status], nil, 0).class != pending {
		return
	}
	start, end := c.callRange(pos)
	c.report(rules.RuleCompleteWithPending, start, end, nil,
		"%s called with NDIS_STATUS_PENDING as the final status of the %s request: a completion passes any status but NDIS_STATUS_PENDING (%s)",
		cp.ddi.Name, cp.pair.role.Callback, cp.ddi.Page)
}
