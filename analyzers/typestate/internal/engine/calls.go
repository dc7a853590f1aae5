package engine

import (
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// call applies a call: a DDI's edges and uses, a helper of the package
// analysed from the caller's states, or an unknown call.
func (r *run) call(st State, c *ssa.CallCommon, instr *ssa.Call) {
	if d := r.e.ddiOf(c); d != nil {
		r.ddi(st, c, d, instr)
		return
	}
	callee := c.StaticCallee()
	if callee != nil && callee.Pkg == r.e.pkg && len(callee.Blocks) > 0 {
		r.helper(st, c, callee, instr)
		return
	}
	if callee != nil && r.e.external != nil {
		if r.externalUses(st, c, callee) {
			r.forgetGlobals(st)
			return
		}
	}
	r.unknown(st, c)
}

// keyOfValue returns the key of the object whose handle of kind k is the
// value v.
func (r *run) keyOfValue(v ssa.Value, k rules.HandleKind) (key, bool) {
	p, ok := r.e.valPath(v)
	if !ok {
		return key{}, false
	}
	return r.e.canon(p, k, r.alias), true
}

// keyOfLoc returns the key of the object whose handle of kind k is stored
// at address addr.
func (r *run) keyOfLoc(addr ssa.Value, k rules.HandleKind) (key, bool) {
	p, ok := r.e.locPath(addr)
	if !ok {
		return key{}, false
	}
	return r.e.canon(p, k, r.alias), true
}

// ddi applies a DDI call: its uses of handles, then its edges.
func (r *run) ddi(st State, c *ssa.CallCommon, d *rules.DDI, instr *ssa.Call) {
	r.uses(st, c, d)
	ev := &event{
		name:   d.Name,
		params: d.Params,
		arg: func(i int) ssa.Value {
			if i < len(c.Args) {
				return c.Args[i]
			}
			return nil
		},
		ret:   instr,
		pends: d.Pends && r.e.api.IsStatus(instr.Type()),
		cause: func(_ *rules.Edge, l *life) *Cause {
			return &Cause{Pos: c.Pos(), Text: d.Name, Object: l.L.Object}
		},
	}
	r.checkState(st, c, d)
	for _, l := range r.e.m.byEvent[d.Name] {
		k, create, ok := r.objectOf(c, d, l)
		if !ok {
			continue
		}
		cur, known := st[k][l]
		if create {
			// A new handle at the location: whatever was known of
			// the old one, in any lifetime, is gone.
			delete(st, k)
			cur, known = nil, false
		} else {
			r.checkBusy(st, c, d, l, k)
		}
		r.set(st, k, l, r.move(l, ev, cur, known))
		if create {
			r.noteParent(c, d, l, k)
		}
	}
}

// uses checks each handle the DDI takes against the object's states.
func (r *run) uses(st State, c *ssa.CallCommon, d *rules.DDI) {
	for i, p := range d.Params {
		if p.Dir != rules.In || !r.e.m.isHandleKind(p.Kind) || i >= len(c.Args) {
			continue
		}
		k, ok := r.keyOfValue(c.Args[i], p.Kind)
		if !ok {
			continue
		}
		for _, l := range r.e.m.byKind[p.Kind] {
			ps, known := st[k][l]
			if !known || l.L.Invalid == nil || !l.L.ForbidsUse(d) {
				continue
			}
			for _, q := range ps {
				if q.dead {
					r.report(Finding{Kind: UseAfter, Life: l.L, Pos: c.Pos(), At: c.Pos(), DDI: d, Param: p.Name, States: []string{q.state}, Cause: q.cause, key: k})
					break
				}
			}
		}
	}
}

// objectOf returns the key of the object of lifetime l a DDI call acts on:
// the handle it takes, else the handle it returns (a creation: the object
// is new), else its context; false when the call names none (a NULL
// optional handle).
func (r *run) objectOf(c *ssa.CallCommon, d *rules.DDI, l *life) (k key, create, ok bool) {
	arg := func(i int) ssa.Value {
		if i < len(c.Args) {
			return c.Args[i]
		}
		return nil
	}
	for i, p := range d.Params {
		if p.Kind == l.L.Handle && p.Dir == rules.In && arg(i) != nil {
			if r.e.constName(arg(i)) == "NULL" {
				return key{}, false, false
			}
			k, ok := r.keyOfValue(arg(i), p.Kind)
			return k, false, ok
		}
	}
	for i, p := range d.Params {
		if p.Kind == l.L.Handle && p.Dir != rules.In && arg(i) != nil {
			k, ok := r.keyOfLoc(arg(i), p.Kind)
			return k, true, ok
		}
	}
	for i, p := range d.Params {
		if l.L.Context != rules.KindNone && p.Kind == l.L.Context && p.Dir == rules.In && arg(i) != nil {
			path, ok := r.e.valPath(arg(i))
			if !ok {
				return key{}, false, false
			}
			if a, ok := r.alias[path]; ok {
				path = a
			}
			return key{path: path, kind: l.L.Handle}, false, true
		}
	}
	return key{}, false, false
}

// move returns an object's possibilities after the event: each possibility
// follows the edges of the event that leave its state (an unknown state,
// all of them); one that no edge leaves becomes unknown.
func (r *run) move(l *life, ev *event, cur []poss, known bool) []poss {
	all := l.edgesBy(ev.name)
	if !known {
		return r.outcomes(l, ev, all)
	}
	var out []poss
	for _, p := range cur {
		edges := all
		if p.state != "" {
			edges = l.edgesFrom(p.state, ev.name)
		}
		if len(edges) == 0 {
			out = append(out, poss{dead: p.dead, g: p.g})
			continue
		}
		for _, q := range r.outcomes(l, ev, edges) {
			if q.g == nil {
				q.g = p.g
			}
			out = append(out, q)
		}
	}
	return out
}

// checkState reports a DDI no edge allows in any state the object may be
// in: the possibilities of every lifetime with edges of the DDI (a VC whose
// creator is not known may be the client's or the call manager's) are
// alternatives, and the call is reported only when each live one is known
// and none is left by an edge of the DDI. A DDI that completes a request
// (the completion pairing is another rule's) or that ends the object (a
// delete, a close: the use of a dead handle is) is not checked here, nor a
// creation.
func (r *run) checkState(st State, c *ssa.CallCommon, d *rules.DDI) {
	if d.Completes != "" {
		return
	}
	var first *life
	var states []string
	var cause *Cause
	for _, l := range r.e.m.byEvent[d.Name] {
		k, create, ok := r.objectOf(c, d, l)
		if !ok || create || allKill(l.L, d.Name) {
			continue
		}
		for _, p := range st[k][l] {
			if p.dead {
				continue
			}
			if p.state == "" || len(l.edgesFrom(p.state, d.Name)) > 0 {
				return
			}
			if first == nil {
				first, cause = l, p.cause
			}
			if l == first && !contains(states, p.state) {
				states = append(states, p.state)
			}
		}
	}
	if first == nil {
		return
	}
	r.report(Finding{Kind: WrongState, Life: first.L, Pos: c.Pos(), At: c.Pos(), DDI: d, States: states, Cause: cause})
}

// checkBusy reports an edge with Busy taken while an object created with
// the object's handle, of a lifetime Busy names, may still be alive.
func (r *run) checkBusy(st State, c *ssa.CallCommon, d *rules.DDI, l *life, k key) {
	var busy []string
	for _, e := range l.edgesBy(d.Name) {
		busy = append(busy, e.Busy...)
	}
	if len(busy) == 0 {
		return
	}
	for child, parent := range r.parents {
		if parent != k {
			continue
		}
		for _, cl := range r.e.m.lives {
			if !contains(busy, cl.L.Object) {
				continue
			}
			for _, p := range st[child][cl] {
				if p.state != "" && !p.dead && p.state != cl.L.Initial {
					r.report(Finding{Kind: Busy, Life: l.L, Pos: c.Pos(), At: c.Pos(), DDI: d, States: []string{p.state}, Child: p.cause, ChildLife: cl.L})
					break
				}
			}
		}
	}
}

// noteParent records the object a created object was created with: the
// other handle the creating DDI takes.
func (r *run) noteParent(c *ssa.CallCommon, d *rules.DDI, l *life, child key) {
	for i, p := range d.Params {
		if p.Dir == rules.In && p.Kind != l.L.Handle && r.e.m.isHandleKind(p.Kind) && i < len(c.Args) {
			if pk, ok := r.keyOfValue(c.Args[i], p.Kind); ok {
				r.parents[child] = pk
				return
			}
		}
	}
}

// store applies a store: the objects under the location are forgotten,
// and so is the object whose handle field the location is, unless the
// value stored is that object's handle.
func (r *run) store(st State, x *ssa.Store) {
	dst, ok := r.e.locPath(x.Addr)
	if !ok {
		return
	}
	r.forgetUnder(st, dst)
	base, ref, ok := r.e.lastField(dst)
	if !ok {
		return
	}
	for k := range r.e.m.byKind {
		if !r.e.handleField(ref, k) {
			continue
		}
		dk := r.e.canon(dst, k, r.alias)
		if sk, ok := r.keyOfValue(x.Val, k); ok && sk == dk {
			continue
		}
		_ = base
		delete(st, dk)
	}
}

// unknown applies a call the engine does not follow: the objects reachable
// from its arguments are forgotten, and those of globals; a call of a
// function value forgets all. A function of the standard library changes
// nothing (it opens and closes no NDIS object, and does not store handles).
func (r *run) unknown(st State, c *ssa.CallCommon) {
	callee := c.StaticCallee()
	if callee != nil && isStd(callee) {
		return // the standard library opens and closes no NDIS object
	}
	if callee == nil && !c.IsInvoke() {
		for k := range st {
			delete(st, k)
		}
		return
	}
	vals := append([]ssa.Value(nil), c.Args...)
	if c.IsInvoke() {
		vals = append(vals, c.Value)
	}
	for _, v := range vals {
		if p, ok := r.e.valPath(v); ok {
			r.forgetUnder(st, p)
		}
		if p, ok := r.e.locPath(v); ok {
			r.forgetUnder(st, p)
		}
	}
	r.forgetGlobals(st)
}

// forgetGlobals forgets the objects whose handles are reached from globals.
func (r *run) forgetGlobals(st State) {
	for k := range st {
		if strings.HasPrefix(k.path, "g:") {
			delete(st, k)
		}
	}
}

// isStd reports whether fn is in the standard library (a package path
// whose first element has no dot).
func isStd(fn *ssa.Function) bool {
	if fn.Pkg == nil {
		return false
	}
	first, _, _ := strings.Cut(fn.Pkg.Pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

// binding maps a path of the caller to a root of the callee.
type binding struct {
	caller, callee string
}

// bindings returns how a call's arguments (and a closure's captured
// variables) map the caller's paths to the callee's roots.
func (r *run) bindings(c *ssa.CallCommon, callee *ssa.Function) []binding {
	var out []binding
	for i, a := range c.Args {
		root := "p" + strconv.Itoa(i)
		if p, ok := r.e.valPath(a); ok {
			out = append(out, binding{p, root})
		}
		if p, ok := r.e.locPath(a); ok && !isValueRoot(a) {
			out = append(out, binding{p, root + ".*"})
		}
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		for j, b := range mc.Bindings {
			root := "f" + strconv.Itoa(j)
			if p, ok := r.e.locPath(b); ok {
				out = append(out, binding{p, root + ".*"})
			} else if p, ok := r.e.valPath(b); ok {
				out = append(out, binding{p, root})
			}
		}
	}
	return out
}

// isValueRoot reports whether a's location path is its value path too
// (a local allocation: both are "v:NAME").
func isValueRoot(a ssa.Value) bool {
	_, ok := strip(a).(*ssa.Alloc)
	return ok
}

// helper applies a call of a function of the package: the callee is
// analysed from the caller's states mapped onto its parameters; what it
// finds that it does not find on its own is reported at the call; what is
// known when it returns comes back to the caller.
func (r *run) helper(st State, c *ssa.CallCommon, callee *ssa.Function, instr *ssa.Call) {
	if r.e.busy[callee] {
		r.unknown(st, c)
		return
	}
	binds := r.bindings(c, callee)
	entry := State{}
	passed := map[key]bool{}
	for k, o := range st {
		for _, b := range binds {
			if under(k.path, b.caller) {
				entry[key{path: b.callee + k.path[len(b.caller):], kind: k.kind}] = r.e.argGuards(o, c, callee)
				passed[k] = true
			}
		}
		if strings.HasPrefix(k.path, "g:") {
			entry[k] = r.e.argGuards(o, c, callee)
			passed[k] = true
		}
	}
	back := func(p string) (string, bool) {
		if strings.HasPrefix(p, "g:") {
			return p, true
		}
		for _, b := range binds {
			if under(p, b.callee) {
				return b.caller + p[len(b.callee):], true
			}
		}
		return "", false
	}
	res := r.e.analyze(callee, entry, nil)
	alone := r.e.analyze(callee, State{}, nil)
	r.helperFindings(c, callee, res, alone, back)
	for k := range passed {
		delete(st, k)
	}
	if res.exit == nil {
		return
	}
	for k, o := range res.exit {
		p, ok := back(k.path)
		if !ok {
			continue
		}
		for l, ps := range o {
			r.set(st, key{path: p, kind: k.kind}, l, r.e.calleeGuards(ps, callee, c, instr))
		}
	}
	for child, parent := range res.parents {
		cp, ok1 := back(child.path)
		pp, ok2 := back(parent.path)
		if ok1 && ok2 {
			r.parents[key{cp, child.kind}] = key{pp, parent.kind}
		}
	}
}

// helperFindings reports at the call the callee's findings from the
// caller's states that it does not have on its own.
func (r *run) helperFindings(c *ssa.CallCommon, callee *ssa.Function, res, alone *result, back func(string) (string, bool)) {
	own := map[string]bool{}
	for _, f := range alone.findings {
		own[f.id()] = true
	}
	for _, f := range res.findings {
		if own[f.id()] {
			continue
		}
		f.Via = append([]Step{{Pos: c.Pos(), Callee: callee}}, f.Via...)
		f.Pos = c.Pos()
		if p, ok := back(f.key.path); ok {
			f.key.path = p
		} else {
			f.key = key{}
		}
		r.report(f)
	}
}

// calleeGuards returns ps with the guards on the callee's own values
// moved to the caller: a guard on the value the callee returns (every
// return returns it as the only result) becomes a guard on the call's
// result; any other is dropped, as it means nothing to the caller.
func (e *Engine) calleeGuards(ps []poss, callee *ssa.Function, c *ssa.CallCommon, call *ssa.Call) []poss {
	ret := returned(callee)
	out := make([]poss, len(ps))
	for i, p := range ps {
		if p.g != nil && p.g.val.Parent() == callee {
			switch {
			case ret != nil && p.g.val == ret && call != nil:
				p.g = e.moved(p.g, call)
			case paramIndex(callee, p.g.val) >= 0 && paramIndex(callee, p.g.val) < len(c.Args):
				p.g = e.moved(p.g, strip(c.Args[paramIndex(callee, p.g.val)]))
			default:
				p.g = nil
			}
		}
		out[i] = p
	}
	return out
}

// argGuards returns an object's possibilities as the callee sees them: a
// guard on a value the call passes becomes a guard on the callee's
// parameter (a Status passed to a helper that tests it).
func (e *Engine) argGuards(o objState, c *ssa.CallCommon, callee *ssa.Function) objState {
	out := objState{}
	for l, ps := range o {
		next := make([]poss, len(ps))
		for i, p := range ps {
			if p.g != nil {
				for j, a := range c.Args {
					if strip(a) == p.g.val && j < len(callee.Params) {
						p.g = e.moved(p.g, callee.Params[j])
						break
					}
				}
			}
			next[i] = p
		}
		out[l] = next
	}
	return out
}

// paramIndex returns the index of v among fn's parameters, or -1.
func paramIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}

// returned returns the value every return of fn returns as its only
// result, or nil.
func returned(fn *ssa.Function) ssa.Value {
	var v ssa.Value
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if len(ret.Results) != 1 {
			return nil
		}
		x := strip(ret.Results[0])
		if v != nil && x != v {
			return nil
		}
		v = x
	}
	return v
}
