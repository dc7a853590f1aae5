package engine

import (
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// run is one analysis of a function from one entry state.
type run struct {
	e  *Engine
	fn *ssa.Function
	// alias maps a root to the root it names the same object as (a
	// callback's handle parameter to its context parameter).
	alias map[string]string
	// parents maps an object created with another object's handle to it.
	parents map[key]key
	// vroots are the "v:" roots some key has had: the values whose
	// redefinition (a loop) forgets the objects under them.
	vroots map[string]bool
	// collect is set in the last pass, which records findings.
	collect bool
	found   map[string]Finding
	order   []string
}

// maxPasses bounds the passes over a function's blocks; a function whose
// states do not settle by then (it cannot happen with finite lifetimes, but
// the bound keeps the cost linear whatever happens) is left unreported.
const maxPasses = 64

// analyze runs the dataflow over fn from entry (memoised).
func (e *Engine) analyze(fn *ssa.Function, entry State, alias map[string]string) *result {
	mk := memoKey(entry, alias)
	if res, ok := e.memo[fn][mk]; ok {
		return res
	}
	if e.memo[fn] == nil {
		e.memo[fn] = map[string]*result{}
	}
	res := &result{}
	if len(fn.Blocks) > 0 && !e.busy[fn] {
		e.busy[fn] = true
		res = e.flow(fn, entry, alias)
		delete(e.busy, fn)
	}
	e.memo[fn][mk] = res
	return res
}

// memoKey renders an entry state and alias map canonically.
func memoKey(entry State, alias map[string]string) string {
	var as []string
	for k, v := range alias {
		as = append(as, k+"="+v)
	}
	sort.Strings(as)
	return entry.String() + "\x00" + strings.Join(as, ",")
}

// flow computes the fixpoint of fn's states, then collects its findings
// and exit state in one last pass.
func (e *Engine) flow(fn *ssa.Function, entry State, alias map[string]string) *result {
	r := &run{e: e, fn: fn, alias: alias, parents: map[key]key{}, vroots: map[string]bool{}, found: map[string]Finding{}}
	rpo := reversePostorder(fn)
	n := len(fn.Blocks)
	reached := make([]bool, n)
	outs := make([][]State, n)
	reached[0] = true
	stable := false
	for pass := 0; pass < maxPasses && !stable; pass++ {
		stable = true
		for _, b := range rpo {
			if !reached[b.Index] {
				continue
			}
			o := r.block(b, r.in(b, entry, reached, outs))
			for i, s := range b.Succs {
				if outs[b.Index] == nil || !equal(outs[b.Index][i], o[i]) {
					stable = false
				}
				reached[s.Index] = true
			}
			outs[b.Index] = o
		}
	}
	if !stable {
		return &result{}
	}
	r.collect = true
	res := &result{parents: r.parents}
	for _, b := range rpo {
		if !reached[b.Index] {
			continue
		}
		st := r.in(b, entry, reached, outs).clone()
		for _, instr := range b.Instrs {
			r.step(st, instr)
		}
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if res.exit == nil {
				res.exit = st
			} else {
				res.exit = join(res.exit, st)
			}
		}
	}
	for _, id := range r.order {
		res.findings = append(res.findings, r.found[id])
	}
	return res
}

// in returns the state at the start of b: the entry state for the entry
// block, else the join of what its reached predecessors pass it.
func (r *run) in(b *ssa.BasicBlock, entry State, reached []bool, outs [][]State) State {
	if b.Index == 0 {
		return entry
	}
	var st State
	for _, p := range b.Preds {
		if !reached[p.Index] || outs[p.Index] == nil {
			continue
		}
		for i, s := range p.Succs {
			if s != b {
				continue
			}
			if st == nil {
				st = outs[p.Index][i]
			} else {
				st = join(st, outs[p.Index][i])
			}
		}
	}
	if st == nil {
		return State{}
	}
	return st
}

// block runs b's instructions from in and returns the state passed to
// each successor (refined by the branch at its end).
func (r *run) block(b *ssa.BasicBlock, in State) []State {
	st := in.clone()
	for _, instr := range b.Instrs {
		r.step(st, instr)
	}
	outs := make([]State, len(b.Succs))
	if len(b.Succs) == 2 {
		if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			outs[0], outs[1] = r.branch(st, iff.Cond, true), r.branch(st, iff.Cond, false)
			return outs
		}
	}
	for i := range outs {
		outs[i] = st
	}
	return outs
}

// step applies one instruction.
func (r *run) step(st State, instr ssa.Instruction) {
	if v, ok := instr.(ssa.Value); ok && len(r.vroots) > 0 {
		if root := "v:" + r.e.name(v); r.vroots[root] {
			r.forgetUnder(st, root)
		}
	}
	switch x := instr.(type) {
	case *ssa.Call:
		r.call(st, x.Common(), x)
	case *ssa.Go:
		r.unknown(st, x.Common())
	case *ssa.Store:
		r.store(st, x)
	}
}

// forgetUnder forgets the objects whose path is p or under it.
func (r *run) forgetUnder(st State, p string) {
	for k := range st {
		if under(k.path, p) {
			delete(st, k)
		}
	}
}

// set records an object's possibilities, noting its root.
func (r *run) set(st State, k key, l *life, ps []poss) {
	if strings.HasPrefix(k.path, "v:") {
		root := k.path
		if i := strings.IndexByte(root, '.'); i >= 0 {
			root = root[:i]
		}
		r.vroots[root] = true
	}
	st.set(k, l, ps)
}

// report records a finding in the last pass.
func (r *run) report(f Finding) {
	if !r.collect {
		return
	}
	if _, dup := r.found[f.id()]; dup {
		return
	}
	r.found[f.id()] = f
	r.order = append(r.order, f.id())
}

// branch returns st on the branch of a condition that is taken when the
// condition is taken (a status compared with a constant drops the
// possibilities the comparison excludes).
func (r *run) branch(st State, cond ssa.Value, taken bool) State {
	v, name, eq, ok := r.comparison(cond)
	if !ok {
		return r.opaqueBranch(st, cond)
	}
	if !taken {
		eq = !eq
	}
	out := st.clone()
	for k, o := range out {
		for l, ps := range o {
			var kept []poss
			changed := false
			for _, p := range ps {
				if p.g == nil || p.g.val != v {
					kept = append(kept, p)
					continue
				}
				changed = true
				if g, ok := r.e.refine(p.g, name, eq); ok {
					p.g = g
					kept = append(kept, p)
				}
			}
			if changed {
				out.set(k, l, kept)
			}
		}
	}
	return out
}

// opaqueBranch returns st on either branch of a condition the engine cannot
// read: the possibilities guarded by a value the condition tests (a status
// passed to a method or a helper, IsError) become unknown, since the branch
// may exclude any of them.
func (r *run) opaqueBranch(st State, cond ssa.Value) State {
	tested := map[ssa.Value]bool{}
	operands(cond, tested, 0)
	var out State
	for k, o := range st {
		for l, ps := range o {
			changed := false
			next := make([]poss, len(ps))
			for i, p := range ps {
				if p.g != nil && tested[p.g.val] {
					p = poss{dead: false}
					changed = true
				}
				next[i] = p
			}
			if changed {
				if out == nil {
					out = st.clone()
				}
				out.set(k, l, next)
			}
		}
	}
	if out == nil {
		return st
	}
	return out
}

// maxOperandDepth bounds the walk of a condition's operands.
const maxOperandDepth = 4

// operands adds to seen the values a condition is computed from, a few
// instructions deep.
func operands(v ssa.Value, seen map[ssa.Value]bool, depth int) {
	if v == nil || seen[v] || depth > maxOperandDepth {
		return
	}
	seen[v] = true
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return
	}
	var ops []*ssa.Value
	for _, op := range instr.Operands(ops) {
		if op != nil {
			operands(*op, seen, depth+1)
		}
	}
}

// comparison reads cond as "v == name" (eq) or "v != name" (!eq), name a
// status constant or NULL.
func (r *run) comparison(cond ssa.Value) (v ssa.Value, name string, eq, ok bool) {
	neg := false
	for {
		u, isNot := cond.(*ssa.UnOp)
		if !isNot || u.Op != token.NOT {
			break
		}
		neg, cond = !neg, u.X
	}
	bin, isBin := cond.(*ssa.BinOp)
	if !isBin || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, "", false, false
	}
	x, y := bin.X, bin.Y
	if r.e.constName(x) != "" {
		x, y = y, x
	}
	name = r.e.constName(y)
	if name == "" || r.e.constName(x) != "" {
		return nil, "", false, false
	}
	return strip(x), name, (bin.Op == token.EQL) != neg, true
}

// reversePostorder returns fn's blocks in reverse postorder from the entry.
func reversePostorder(fn *ssa.Function) []*ssa.BasicBlock {
	seen := make([]bool, len(fn.Blocks))
	var post []*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		seen[b.Index] = true
		for _, s := range b.Succs {
			if !seen[s.Index] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	visit(fn.Blocks[0])
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}
