package engine

import (
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// event is a DDI call or a callback's entry, as the edges it causes see
// it.
type event struct {
	// name is the DDI or role (the edges' By).
	name string
	// params are its parameters, in page order.
	params []rules.Param
	// arg returns the value of the parameter at index i, or nil.
	arg func(i int) ssa.Value
	// ret is the DDI call's result, nil for a callback.
	ret ssa.Value
	// pends is set for a DDI that may return NDIS_STATUS_PENDING: its
	// edges with no condition are taken when it does.
	pends bool
	// cause builds the cause of the edge taken.
	cause func(e *rules.Edge, l *life) *Cause
}

// condValue returns the value a condition tests, and the name of the
// constant it is when it is one.
func (ev *event) condValue(c *rules.Cond) (ssa.Value, string) {
	if c.Of == rules.CondReturn {
		if ev.ret == nil {
			return nil, ""
		}
		return ev.ret, ""
	}
	for i, p := range ev.params {
		if p.Name == c.Of {
			v := ev.arg(i)
			if v == nil {
				return nil, ""
			}
			return strip(v), ""
		}
	}
	return nil, ""
}

// pendingCond is the condition a pending DDI's unconditional edges are
// taken on.
var pendingCond = &rules.Cond{Of: rules.CondReturn, Op: "==", Values: []string{rules.StatusPending}}

// outcomes returns the possibilities after the event takes one of edges
// (all caused by it, leaving the object's state): one per edge, guarded by
// its condition, and an unknown one guarded by what no edge covers.
func (r *run) outcomes(l *life, ev *event, edges []*rules.Edge) []poss {
	type guarded struct {
		e *rules.Edge
		c *rules.Cond
	}
	var out []poss
	groups := map[ssa.Value][]guarded{}
	var order []ssa.Value
	for _, e := range edges {
		c := e.Cond
		switch {
		case e.WhenOpaque:
			out = append(out, r.to(l, ev, e, nil), poss{})
			continue
		case c == nil && ev.pends && ev.ret != nil:
			c = pendingCond
		case c == nil:
			out = append(out, r.to(l, ev, e, nil))
			continue
		}
		v, _ := ev.condValue(c)
		if v == nil {
			out = append(out, r.to(l, ev, e, nil), poss{})
			continue
		}
		if name := r.e.constName(v); name != "" {
			if c.Admits(name) {
				out = append(out, r.to(l, ev, e, nil))
			}
			continue
		}
		if _, ok := groups[v]; !ok {
			order = append(order, v)
		}
		groups[v] = append(groups[v], guarded{e, c})
	}
	for _, v := range order {
		g := groups[v]
		conds := make([]*rules.Cond, len(g))
		for i, x := range g {
			conds[i] = x.c
			out = append(out, r.to(l, ev, x.e, r.e.guardOf(v, x.c)))
		}
		if rest := r.e.uncovered(v, conds); rest != nil {
			out = append(out, poss{g: rest})
		}
	}
	if len(out) == 0 {
		out = append(out, poss{})
	}
	return out
}

// to returns the possibility an edge leads to.
func (r *run) to(l *life, ev *event, e *rules.Edge, g *guard) poss {
	return poss{state: e.To, dead: l.dead[e.To], g: g, cause: ev.cause(e, l)}
}

// uncovered returns the guard of the values of v no condition admits, or
// nil when they cover every value.
func (e *Engine) uncovered(v ssa.Value, conds []*rules.Cond) *guard {
	var named []string
	for _, c := range conds {
		for _, x := range c.Values {
			if !contains(named, x) {
				named = append(named, x)
			}
		}
	}
	admitted := func(name string) bool {
		for _, c := range conds {
			if c.Admits(name) {
				return true
			}
		}
		return false
	}
	var missing, covered []string
	for _, n := range named {
		if admitted(n) {
			covered = append(covered, n)
		} else {
			missing = append(missing, n)
		}
	}
	const other = "\x00other"
	switch {
	case !admitted(other):
		return e.guardOf(v, &rules.Cond{Op: "!=", Values: covered})
	case len(missing) > 0:
		return e.guardOf(v, &rules.Cond{Op: "==", Values: missing})
	}
	return nil
}

// seed returns the entry state of fn called as role: each object the
// role's edges move, in the states they lead to (or, for edges taken on the
// callback's result, in the states they leave and the one a pending result
// leads to), and the alias of the role's handle parameter to its context
// parameter.
func (e *Engine) seed(fn *ssa.Function, role *rules.Role) (State, map[string]string) {
	st, alias := State{}, map[string]string{}
	off := recvOffset(fn)
	r := &run{e: e, fn: fn, alias: alias, parents: map[key]key{}, vroots: map[string]bool{}}
	ev := &event{
		name:   role.Name,
		params: role.Params,
		arg: func(i int) ssa.Value {
			if i+off < len(fn.Params) {
				return fn.Params[i+off]
			}
			return nil
		},
		cause: func(ed *rules.Edge, l *life) *Cause {
			text := role.Callback
			if ed.When != "" && ed.Cond != nil && ed.Cond.Of != rules.CondReturn {
				text += " with " + ed.When
			}
			return &Cause{Pos: fn.Pos(), Text: text, Object: l.L.Object}
		},
	}
	for _, l := range e.m.byEvent[role.Name] {
		obj, h := objectParam(role.Params, l.L)
		if obj < 0 || obj+off >= len(fn.Params) {
			continue
		}
		root := "p" + strconv.Itoa(obj+off)
		if h >= 0 && h != obj {
			alias["p"+strconv.Itoa(h+off)] = root
		}
		r.set(st, key{path: root, kind: l.L.Handle}, l, r.entry(l, ev))
	}
	return st, alias
}

// objectParam returns the index of the role parameter that names the
// object of lifetime l (its context, else its handle; both [in]) and that
// of its handle parameter, -1 when there is none.
func objectParam(ps []rules.Param, l *rules.Lifetime) (obj, handle int) {
	obj, handle = -1, -1
	for i, p := range ps {
		if p.Dir != rules.In {
			continue
		}
		if p.Kind == l.Handle && handle < 0 {
			handle = i
		}
		if l.Context != rules.KindNone && p.Kind == l.Context && obj < 0 {
			obj = i
		}
	}
	if obj < 0 {
		obj = handle
	}
	return obj, handle
}

// entry returns the possibilities of an object of l when NDIS calls the
// callback of ev: the edges taken on entry (unconditional, or on a
// parameter) lead to their states; the edges taken on the callback's
// result leave their states, or lead to the state a pending result leads
// to (a completion may come before the callback returns).
func (r *run) entry(l *life, ev *event) []poss {
	var onEntry []*rules.Edge
	var out []poss
	for _, e := range l.edgesBy(ev.name) {
		if e.Cond == nil || e.Cond.Of != rules.CondReturn {
			onEntry = append(onEntry, e)
			continue
		}
		for _, s := range e.FromStates() {
			out = append(out, poss{state: s, dead: l.dead[s], cause: ev.cause(e, l)})
		}
		if e.Cond.Admits(rules.StatusPending) {
			out = append(out, r.to(l, ev, e, nil))
		}
	}
	if len(onEntry) > 0 {
		out = append(out, r.outcomes(l, ev, onEntry)...)
	}
	return dedupe(out)
}
