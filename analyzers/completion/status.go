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
// nil (a phi takes the edge the path came by), else on every way. The
// statuses engine (analyzers/internal/statuses) lists the statuses a value
// may carry; this asks the stronger question a report needs, whether a
// value is known on every way, so it follows constants, phis, conversions,
// helpers of this package and DDIs (one that does not pend never returns
// NDIS_STATUS_PENDING) and nothing else.
func (c *checker) statusOf(v ssa.Value, w *walk, depth int) status {
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

// phiStatus classifies a phi: the edge the path came by, or every edge.
func (c *checker) phiStatus(x *ssa.Phi, w *walk, depth int) status {
	if w != nil {
		pred := w.predecessor(x.Block())
		for i, p := range x.Block().Preds {
			if p == pred && i < len(x.Edges) {
				return c.statusOf(x.Edges[i], w, depth+1)
			}
		}
		return status{}
	}
	var s status
	for i, e := range x.Edges {
		es := c.statusOf(e, nil, depth+1)
		if i == 0 {
			s = es
		} else {
			s = union(s, es)
		}
	}
	return s
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
