package irql

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// fnAnalysis is the analysis of one function body: a forward data flow
// over its blocks to a fixed point, then one more walk that reports and
// builds the summary.
type fnAnalysis struct {
	c   *checker
	fn  *ssa.Function
	ent *entryInfo
	// vals are the IRQL values of IRQL-typed SSA values; current maps
	// the results of a query DDI (KeGetCurrentIrql) to its name.
	vals    map[ssa.Value]val
	current map[ssa.Value]string
	in      map[*ssa.BasicBlock]*state
	// final is set for the reporting walk.
	final    bool
	findings []finding
	max, min *irqlsum.Req
	exits    []*state
	// pageableDone: a raise in pageable code was reported already.
	pageableDone bool
	// takes are the caller-visible locks acquired anywhere in the body.
	takes map[string]bool
	// retEntry and retOther count the returns whose IRQL result is, and
	// is not surely, the IRQL the function was called at.
	retEntry, retOther int
	// sameBroken is the first return where a same contract is shown false.
	sameBroken token.Pos
}

// maxIterations bounds the fixed point per block.
const maxIterations = 64

// analyze returns fn's result, computing it once.
func (c *checker) analyze(fn *ssa.Function) *result {
	if r, ok := c.memo[fn]; ok {
		return r
	}
	if c.busy[fn] || len(fn.Blocks) == 0 {
		return &result{sum: irqlsum.Summary{Exit: irqlsum.Exit{Kind: irqlsum.ExitSame}}}
	}
	c.busy[fn] = true
	fa := &fnAnalysis{c: c, fn: fn, ent: c.entries[fn], vals: map[ssa.Value]val{}, current: map[ssa.Value]string{}, in: map[*ssa.BasicBlock]*state{}, takes: map[string]bool{}}
	if fa.ent == nil {
		fa.ent = &entryInfo{hi: rules.HighLevel}
	}
	r := fa.run()
	delete(c.busy, fn)
	c.memo[fn] = r
	return r
}

// run computes the fixed point, then reports and summarises.
func (fa *fnAnalysis) run() *result {
	init := &state{cur: entryVal, eLo: fa.ent.lo, eHi: fa.ent.hi, saved: map[string]val{}}
	init.loWhy, init.hiWhy = fa.ent.why, fa.ent.why
	fa.in[fa.fn.Blocks[0]] = init
	if !fa.fixpoint() {
		// Too many rounds: say nothing, and let callers stop tracking.
		return &result{sum: irqlsum.Summary{Exit: irqlsum.Exit{Kind: irqlsum.ExitUnknown}}}
	}
	fa.final = true
	for _, b := range fa.fn.Blocks {
		if st := fa.in[b]; st != nil {
			fa.block(b, st.clone())
		}
	}
	return &result{sum: fa.summary(), findings: fa.findings}
}

// fixpoint iterates the blocks until their entry states are stable; false
// when it gives up.
func (fa *fnAnalysis) fixpoint() bool {
	work := []*ssa.BasicBlock{fa.fn.Blocks[0]}
	queued := map[*ssa.BasicBlock]bool{fa.fn.Blocks[0]: true}
	budget := maxIterations * (len(fa.fn.Blocks) + 1)
	for len(work) > 0 {
		if budget--; budget < 0 {
			return false
		}
		b := work[0]
		work = work[1:]
		queued[b] = false
		out := fa.block(b, fa.in[b].clone())
		for i, succ := range b.Succs {
			st := fa.edge(b, i, out)
			if st == nil {
				continue
			}
			old := fa.in[succ]
			if old != nil {
				st = joinStates(old, st)
				if sameState(old, st) {
					continue
				}
			}
			fa.in[succ] = st
			if !queued[succ] {
				queued[succ] = true
				work = append(work, succ)
			}
		}
	}
	return true
}

// block runs the instructions of b from st and returns the state at its
// end.
func (fa *fnAnalysis) block(b *ssa.BasicBlock, st *state) *state {
	for _, instr := range b.Instrs {
		fa.instr(st, instr)
	}
	return st
}

// instr applies one instruction.
func (fa *fnAnalysis) instr(st *state, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Phi:
		if fa.isIrql(in.Type()) {
			v := val{}
			for _, e := range in.Edges {
				v = joinOrFirst(v, fa.irqlOf(e))
			}
			fa.setVal(in, v)
		}
	case *ssa.UnOp:
		if in.Op.String() == "*" && fa.isIrql(in.Type()) {
			fa.setVal(in, fa.load(st, in.X))
		}
	case *ssa.Store:
		fa.forgetStored(st, in.Addr)
		if fa.isIrql(in.Val.Type()) {
			if k, ok := keyOf(fa.fn, in.Addr); ok {
				st.saved[k] = fa.irqlOf(in.Val)
			}
		}
	case *ssa.Call:
		fa.call(st, &in.Call, in.Pos(), in)
	case *ssa.Defer:
		if !st.deferLost {
			st.defers = append(st.defers, in)
		}
	case *ssa.RunDefers:
		fa.runDefers(st)
	case *ssa.Return:
		if fa.final {
			fa.exit(st, in)
		}
	}
}

// runDefers applies the pending deferred calls, last first.
func (fa *fnAnalysis) runDefers(st *state) {
	if st.deferLost {
		st.cur, st.lost = unknownVal, true
		return
	}
	ds := st.defers
	st.defers = nil
	for i := len(ds) - 1; i >= 0; i-- {
		pos := ds[i].Call.Pos() // the deferred call's parenthesis, as for a call
		if !pos.IsValid() {
			pos = ds[i].Pos()
		}
		fa.call(st, &ds[i].Call, pos, nil)
	}
}

// load returns the IRQL stored at the location ptr points to.
func (fa *fnAnalysis) load(st *state, ptr ssa.Value) val {
	k, ok := keyOf(fa.fn, ptr)
	if !ok {
		return unknownVal
	}
	if v, ok := st.saved[k]; ok {
		return v
	}
	if _, _, rooted := splitRoot(k); rooted {
		return val{param: k}
	}
	return unknownVal
}

// joinOrFirst joins w into v, where an empty v means nothing yet.
func joinOrFirst(v, w val) val {
	if v.empty() {
		return w
	}
	return join(v, w)
}

// setVal records the IRQL value of an SSA value, joined with what earlier
// rounds found.
func (fa *fnAnalysis) setVal(v ssa.Value, x val) {
	if old, ok := fa.vals[v]; ok && !fa.final {
		x = join(old, x)
	}
	fa.vals[v] = x
}

// irqlOf returns the abstract value of an IRQL-typed SSA value.
func (fa *fnAnalysis) irqlOf(v ssa.Value) val {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			return absVal(0)
		}
		if n, ok := constUint(x); ok {
			if n > 255 {
				return unknownVal
			}
			return absVal(level(n))
		}
		return unknownVal
	case *ssa.Parameter:
		for i, p := range fa.fn.Params {
			if p == x {
				return val{param: "$" + itoa(i)}
			}
		}
	case *ssa.ChangeType:
		return fa.irqlOf(x.X)
	case *ssa.Convert:
		return fa.irqlOf(x.X)
	}
	if w, ok := fa.vals[v]; ok {
		return w
	}
	return unknownVal
}

// isIrql reports whether t is wdm.Irql.
func (fa *fnAnalysis) isIrql(t types.Type) bool {
	return fa.c.irqlType != nil && types.Identical(t, fa.c.irqlType)
}

// edge returns the state on the i-th edge out of b, refined by the
// branch condition; nil when the edge cannot be taken.
func (fa *fnAnalysis) edge(b *ssa.BasicBlock, i int, out *state) *state {
	st := out.clone()
	if len(b.Instrs) == 0 {
		return st
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return st
	}
	if by, set := fa.flagSet(iff.Cond, i == 0); set {
		// NDIS called the function at DISPATCH_LEVEL on this edge
		// (dispatch-irql-tracking); the flag clear says nothing.
		if !refineEntry(st, rules.DispatchLevel, cause{pos: iff.Pos(), text: "the test of " + by, kind: boundCheck}) {
			return nil
		}
		return st
	}
	lo, hi, at, by, ok := fa.condRange(iff.Cond, i == 0)
	if !ok || at != st.cur {
		return st // not a test of the IRQL, or the IRQL changed since it was read
	}
	if !refine(st, lo, hi, cause{pos: iff.Pos(), text: "the test of " + by, kind: boundCheck}) {
		return nil
	}
	return st
}

// refineEntry narrows st to paths where the function was called at level
// l (a dispatch-level flag says so): the entry range, and the current IRQL
// while it is still the entry IRQL. False when no path is left.
func refineEntry(st *state, l level, why cause) bool {
	if st.eLo > l || st.eHi < l {
		return false
	}
	if st.cur.entry {
		return refine(st, l, l, why)
	}
	if st.eLo < l {
		st.eLo, st.loWhy = l, why
	}
	if st.eHi > l {
		st.eHi, st.hiWhy = l, why
	}
	return true
}

// flagSet reports whether, on the edge where cond is want, a dispatch-level
// flag of the function's role is known set (flags & F != 0 true, flags & F
// == 0 false, flags & F == F true, flags & F != F false, also through a
// negation), and names the test for messages.
func (fa *fnAnalysis) flagSet(cond ssa.Value, want bool) (string, bool) {
	if len(fa.ent.flags) == 0 {
		return "", false
	}
	for {
		u, ok := cond.(*ssa.UnOp)
		if !ok || u.Op != token.NOT {
			break
		}
		cond, want = u.X, !want
	}
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) {
		return "", false
	}
	x, y := bin.X, bin.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, y = y, x
	}
	k, isConst := y.(*ssa.Const)
	and, isAnd := x.(*ssa.BinOp)
	if !isConst || !isAnd || and.Op != token.AND {
		return "", false
	}
	p, m := and.X, and.Y
	if _, isConst := p.(*ssa.Const); isConst {
		p, m = m, p
	}
	mask, isConst := m.(*ssa.Const)
	if !isConst {
		return "", false
	}
	f := fa.flagOf(p)
	mv, ok1 := constUint(mask)
	kv, ok2 := constUint(k)
	if f == nil || !ok1 || !ok2 || mv != uint64(f.Value) {
		return "", false
	}
	var setWhen bool // the value of the comparison when the flag is set
	switch kv {
	case 0:
		setWhen = bin.Op == token.NEQ
	case mv:
		setWhen = bin.Op == token.EQL
	default:
		return "", false
	}
	if want != setWhen {
		return "", false
	}
	return f.Param + " & " + f.Flag, true
}

// flagOf returns the dispatch-level flag v carries: v is (a conversion of)
// a flags parameter of the function's role.
func (fa *fnAnalysis) flagOf(v ssa.Value) *rules.FlagCond {
	switch x := v.(type) {
	case *ssa.ChangeType:
		return fa.flagOf(x.X)
	case *ssa.Convert:
		return fa.flagOf(x.X)
	case *ssa.Parameter:
		for i, p := range fa.fn.Params {
			if p == x {
				return fa.ent.flags[i]
			}
		}
	}
	return nil
}

// refine narrows st to paths where the current IRQL is in [lo, hi]; false
// when no path is left.
func refine(st *state, lo, hi level, why cause) bool {
	v := st.cur
	if v.unknown || v.param != "" {
		return true
	}
	if v.entry {
		nlo, nhi := max(st.eLo, lo), min(st.eHi, hi)
		if nlo > nhi {
			v.entry = false
		} else {
			if nlo > st.eLo {
				st.eLo, st.loWhy = nlo, why
			}
			if nhi < st.eHi {
				st.eHi, st.hiWhy = nhi, why
			}
		}
	}
	if v.abs {
		nlo, nhi := max(v.lo, lo), min(v.hi, hi)
		if nlo > nhi {
			v.abs = false
		} else {
			v.lo, v.hi = nlo, nhi
		}
	}
	if v.empty() {
		return false
	}
	st.cur = v
	return true
}

// condRange returns the range of the current IRQL on the edge where cond
// is want, when cond compares a query DDI's result with a constant, the
// IRQL that call read, and the DDI's name.
func (fa *fnAnalysis) condRange(cond ssa.Value, want bool) (lo, hi level, at val, by string, ok bool) {
	bin, isBin := cond.(*ssa.BinOp)
	if !isBin {
		return 0, 0, val{}, "", false
	}
	x, y, op := bin.X, bin.Y, bin.Op
	if fa.queried(y) != "" {
		x, y, op = y, x, mirror(op)
	}
	c, isConst := y.(*ssa.Const)
	by = fa.queried(x)
	if by == "" || !isConst {
		return 0, 0, val{}, "", false
	}
	n, isInt := constUint(c)
	if !isInt || n > uint64(rules.HighLevel) {
		return 0, 0, val{}, "", false
	}
	lo, hi, ok = opRange(op, level(n), want)
	return lo, hi, fa.irqlOf(x), by, ok
}

// queried returns the name of the query DDI (KeGetCurrentIrql) whose
// result v is (or converts), or "".
func (fa *fnAnalysis) queried(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.ChangeType:
		return fa.queried(x.X)
	case *ssa.Convert:
		return fa.queried(x.X)
	}
	return fa.current[v]
}

// returnPos is the position of a return: the return statement, or the
// closing brace of the body for an implicit return.
func (fa *fnAnalysis) returnPos(r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	if fa.ent.decl != nil && fa.ent.decl.Body != nil {
		return fa.ent.decl.Body.Rbrace
	}
	if syn := fa.fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return fa.fn.Pos()
}
