package completion

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// The walk enumerates the paths of one function from its entry to its
// returns, each loop body at most once (a path that would enter a block it
// already holds ends there), keeping the completions met on the way and
// the decisions taken on branch conditions, so that a second branch on the
// same condition goes the same way. Its cost is bounded: a function with
// more paths than the budget, or whose walk takes more work than its
// budget, is left unjudged (no report, no summary). The work is counted in
// units of what the walk does (a block entered, an event compared with
// those on the path, a write compared with a guard, an event copied into
// an outcome, a block of the path looked back at), and the budget grows
// with the function's size: workBase for any function, workPerInstr more
// for each of its instructions.
const (
	maxOutcomes  = 1 << 13
	workBase     = 1 << 16
	workPerInstr = 1 << 6
	maxWork      = 1 << 21
)

// event is one completion on a path: a call of a completing DDI, in the
// walked function or in a helper or work item a call there reaches.
type event struct {
	c   *completer
	key apath
	// at is the index on the path of the block the event is in (set when
	// the event is put on a path).
	at int
	// pos is the call in the walked function: the DDI, the helper, or the
	// DDI that queued the work item.
	pos token.Pos
	// via says how the completion is reached, for messages: "" for a
	// direct call, "in helper finish", "in the work item NdisQueueIoWorkItem
	// queues".
	via string
	// inner is the completing DDI call when it is in this package and not
	// pos itself; innerAt is its position as text, wherever it is.
	inner   token.Pos
	innerAt string
}

// sameRequest reports whether two events complete one request: the same
// pair, and the same access path.
func (e *event) sameRequest(f *event) bool {
	return e.c.pair == f.c.pair && e.key == f.key
}

// outcome is one path from the entry to a return.
type outcome struct {
	events []event
	ret    *ssa.Return
	// st is the status returned on the path, for a function that returns
	// one.
	st status
}

// funcResult is what the walk learned of one function.
type funcResult struct {
	fn       *ssa.Function
	outcomes []outcome
	// judged is true when every path was walked within the budget.
	judged bool
	// effects are the completions on every path to a return, by the
	// function's roots (its summary for callers).
	effects []effect
	// direct are the completing DDI calls of the function itself.
	direct []event
}

// walk is the state of one function's walk.
type walk struct {
	c            *checker
	fn           *ssa.Function
	res          *funcResult
	storedFields map[string]bool
	blockEvents  map[*ssa.BasicBlock][]event
	blockWrites  map[*ssa.BasicBlock][]string
	path         []*ssa.BasicBlock
	on           map[*ssa.BasicBlock]bool
	decided      map[string]bool
	// eq and ne are what decisions on comparisons with constants say of
	// an operand: equal to one constant, or to none of some.
	eq       map[string]string
	ne       map[string]map[string]bool
	events   []event
	writes   []pathMark
	branches []pathMark
	// conds caches what the walk reads of each branch condition (the same
	// on every path).
	conds map[*ssa.If]*cond
	// work is the work done so far, budget the most the walk may do.
	work, budget int
	// twice are the completed-twice findings of the walk, reported once
	// it ends within its budget.
	twice []twice
	// pends, when not nil, makes the walk one of pendingReturns: it
	// collects the returns that may return NDIS_STATUS_PENDING and no
	// outcomes.
	pends map[*ssa.Return]bool
}

// twice is a second completion of a request on a path, and the first.
type twice struct{ first, second event }

// cond is what a branch condition says, whatever the path: the memory it
// reads, whether it compares an operand (op) with a constant (k), and the
// key of the decision it takes otherwise.
type cond struct {
	reads     []string
	op, k     string
	isEq, cmp bool
	key       string
	neg       bool
}

// pathMark is something at an index of the path: the fields a block
// writes, or the fields a branch condition reads.
type pathMark struct {
	at     int
	fields []string
}

// walked returns fn's result, walking it on first use. A function being
// walked (recursion) and one without a body here have none.
func (c *checker) walked(fn *ssa.Function) *funcResult {
	if r, ok := c.funcs[fn]; ok {
		return r
	}
	if c.busy[fn] || fn.Blocks == nil {
		return &funcResult{fn: fn}
	}
	c.busy[fn] = true
	w := c.newWalk(fn)
	if w.mayComplete() {
		w.visit(fn.Blocks[0])
		w.res.effects = w.summarize()
		if w.res.judged {
			for i := range w.twice {
				c.reportTwice(fn, &w.twice[i].first, &w.twice[i].second)
			}
		}
	}
	delete(c.busy, fn)
	c.funcs[fn] = w.res
	return w.res
}

// newWalk prepares the walk of fn (which has a body).
func (c *checker) newWalk(fn *ssa.Function) *walk {
	w := &walk{
		c: c, fn: fn, res: &funcResult{fn: fn, judged: true},
		storedFields: storedFields(fn),
		blockEvents:  map[*ssa.BasicBlock][]event{},
		blockWrites:  map[*ssa.BasicBlock][]string{},
		on:           map[*ssa.BasicBlock]bool{},
		decided:      map[string]bool{},
		eq:           map[string]string{},
		ne:           map[string]map[string]bool{},
		conds:        map[*ssa.If]*cond{},
		budget:       workBase,
	}
	for _, b := range fn.Blocks {
		w.blockEvents[b] = w.eventsOf(b)
		w.blockWrites[b] = w.c.writesOf(b)
		w.budget += workPerInstr * len(b.Instrs)
	}
	w.budget = min(w.budget, maxWork)
	return w
}

// pendingReturns walks every path of fn, whether or not it completes
// anything, and returns the returns where NDIS_STATUS_PENDING may be
// returned on some path (mayPendOnPath), and whether the walk stayed within
// its budget. It reports nothing and is not memoised: checkNeverCompleted
// asks it only of a handler the status engine says may pend.
func (c *checker) pendingReturns(fn *ssa.Function) (map[*ssa.Return]bool, bool) {
	if fn.Blocks == nil || c.busy[fn] {
		return nil, false
	}
	c.busy[fn] = true
	defer delete(c.busy, fn)
	w := c.newWalk(fn)
	w.pends = map[*ssa.Return]bool{}
	w.visit(fn.Blocks[0])
	return w.pends, w.res.judged
}

// mayPendOnPath reports whether the status v may be NDIS_STATUS_PENDING on
// the walk's path: a comparison with a constant decided on the way says so
// first (after "if st == NDIS_STATUS_PENDING { ...; st = ... }" the
// fall-through edge carries a status that is not PENDING); then a constant,
// the edge of a phi the path came by, a conversion, and a call as the
// status engine sees it (a DDI that pends, a helper that may return
// PENDING). What the engine lists nothing for (a field, a parameter) adds
// nothing here either; what this does not follow (a captured variable, a
// tuple) is taken to pend, so the engine's answer stands.
func (w *walk) mayPendOnPath(v ssa.Value, depth int) bool {
	if depth > depthLimit {
		return true
	}
	p := w.c.api.StatusConst(rules.StatusPending)
	if p == nil {
		return true
	}
	pend := p.Val().ExactString()
	if _, isConst := v.(*ssa.Const); !isConst {
		k := w.valKey(v)
		if e, ok := w.eq[k]; ok {
			return e == pend
		}
		if w.ne[k][pend] {
			return false
		}
	}
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value != nil && x.Value.ExactString() == pend
	case *ssa.Phi:
		pred := w.predecessor(x.Block())
		for i, p := range x.Block().Preds {
			if p == pred && i < len(x.Edges) {
				return w.mayPendOnPath(x.Edges[i], depth+1)
			}
		}
		return true
	case *ssa.ChangeType:
		return w.mayPendOnPath(x.X, depth+1)
	case *ssa.Convert:
		return w.mayPendOnPath(x.X, depth+1)
	case *ssa.Call:
		return w.c.callMayPend(x.Common(), 0)
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return w.c.callMayPend(call.Common(), x.Index)
		}
		return true
	case *ssa.UnOp:
		if _, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			return true // a local set elsewhere: the engine follows its stores
		}
		return false
	}
	return false
}

// callMayPend reports whether result index of a call may be
// NDIS_STATUS_PENDING: for a DDI, whether it pends; for a helper of this
// package whose status is that result, whether a path of it returns PENDING
// (pendingReturns, memoised); otherwise what the status engine says.
func (c *checker) callMayPend(call *ssa.CallCommon, index int) bool {
	callee := call.StaticCallee()
	if callee == nil {
		return false // the engine lists nothing for a dynamic call
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := c.api.DDI(obj); d != nil {
			return d.Pends
		}
	}
	engine := len(c.sts.MayReturn(callee, rules.StatusPending)) > 0
	if !engine || callee.Blocks == nil || firstStatusResult(c, callee) != index {
		return engine
	}
	if v, ok := c.pendMemo[callee]; ok {
		return v
	}
	pends, judged := c.pendingReturns(callee)
	v := !judged || len(pends) > 0
	c.pendMemo[callee] = v
	return v
}

// firstStatusResult returns the index of fn's first NDIS_STATUS result (the
// one statusResult reads), or -1.
func firstStatusResult(c *checker, fn *ssa.Function) int {
	res := fn.Signature.Results()
	for i := 0; i < res.Len(); i++ {
		if c.api.IsStatus(res.At(i).Type()) {
			return i
		}
	}
	return -1
}

// mayComplete reports whether any block of the function has a completion.
func (w *walk) mayComplete() bool {
	for _, evs := range w.blockEvents {
		if len(evs) > 0 {
			return true
		}
	}
	return false
}

// exhausted reports whether the walk went over its budget; the function is
// then unjudged.
func (w *walk) exhausted() bool {
	if w.work > w.budget || len(w.res.outcomes) > maxOutcomes {
		w.res.judged = false
		return true
	}
	return false
}

// charge counts n units of work, and reports whether the walk is still
// within its budget.
func (w *walk) charge(n int) bool {
	w.work += n
	return !w.exhausted()
}

// visit walks on from block b.
func (w *walk) visit(b *ssa.BasicBlock) {
	if w.on[b] || !w.charge(1) {
		return
	}
	w.path = append(w.path, b)
	w.on[b] = true
	n, nw := len(w.events), len(w.writes)
	if ws := w.blockWrites[b]; len(ws) > 0 {
		w.writes = append(w.writes, pathMark{at: len(w.path) - 1, fields: ws})
	}
	for _, e := range w.blockEvents[b] {
		e.at = len(w.path) - 1
		w.add(e)
	}
	switch t := b.Instrs[len(b.Instrs)-1].(type) {
	case *ssa.Return:
		w.finish(t)
	case *ssa.If:
		w.branch(t, b)
	case *ssa.Panic:
		// the path does not return
	default:
		for _, s := range b.Succs {
			w.visit(s)
		}
	}
	w.events, w.writes = w.events[:n], w.writes[:nw]
	w.path = w.path[:len(w.path)-1]
	delete(w.on, b)
}

// branch follows an If: the way earlier decisions on the path say it
// goes, or both ways.
func (w *walk) branch(t *ssa.If, b *ssa.BasicBlock) {
	c := w.condOf(t)
	w.branches = append(w.branches, pathMark{at: len(w.path) - 1, fields: c.reads})
	defer func() { w.branches = w.branches[:len(w.branches)-1] }()
	if v, ok := w.knownCond(t.Cond, 0); ok {
		if v {
			w.visit(b.Succs[0])
		} else {
			w.visit(b.Succs[1])
		}
		return
	}
	if c.cmp {
		w.branchEq(c.op, c.k, c.isEq, b)
		return
	}
	key, neg := c.key, c.neg
	if v, ok := w.decided[key]; ok {
		if v != neg {
			w.visit(b.Succs[0])
		} else {
			w.visit(b.Succs[1])
		}
		return
	}
	for i, condTrue := range []bool{true, false} {
		w.decided[key] = condTrue != neg
		w.visit(b.Succs[i])
	}
	delete(w.decided, key)
}

// condOf returns what t's condition says, computing it on first use.
func (w *walk) condOf(t *ssa.If) *cond {
	if c := w.conds[t]; c != nil {
		return c
	}
	c := &cond{reads: w.c.readsOf(t.Cond)}
	if op, k, isEq, ok := w.eqCond(t.Cond); ok {
		c.op, c.k, c.isEq, c.cmp = op, k, isEq, true
	} else {
		c.key, c.neg = w.condKey(t.Cond)
	}
	w.conds[t] = c
	return c
}

// branchEq follows a comparison of operand op with the constant k
// (op == k when isEq, else op != k): an operand known equal to one
// constant is unequal to every other.
func (w *walk) branchEq(op, k string, isEq bool, b *ssa.BasicBlock) {
	equal, known := false, false
	if v, ok := w.eq[op]; ok {
		equal, known = v == k, true
	} else if w.ne[op][k] {
		equal, known = false, true
	}
	if known {
		if equal == isEq {
			w.visit(b.Succs[0])
		} else {
			w.visit(b.Succs[1])
		}
		return
	}
	for i, condTrue := range []bool{true, false} {
		if condTrue == isEq {
			w.eq[op] = k
			w.visit(b.Succs[i])
			delete(w.eq, op)
			continue
		}
		if w.ne[op] == nil {
			w.ne[op] = map[string]bool{}
		}
		w.ne[op][k] = true
		w.visit(b.Succs[i])
		delete(w.ne[op], k)
	}
}

// add puts a completion on the path, after reporting a second completion
// of the same request, unless a branch on the way to it may test what was
// written since the first: a guard ("if !v.completed") that the first
// completion, or a helper called since, may have set.
func (w *walk) add(e event) {
	if !w.charge(len(w.events)) {
		return // the function is left unjudged
	}
	for i := range w.events {
		if w.events[i].sameRequest(&e) && !w.guarded(w.events[i].at) {
			w.twice = append(w.twice, twice{first: w.events[i], second: e})
			break
		}
	}
	w.events = append(w.events, e)
}

// guarded reports whether a branch taken at or after path index from reads
// what the path writes from from on, before the branch. Over the budget,
// every completion is guarded: the function is left unjudged.
func (w *walk) guarded(from int) bool {
	if !w.charge(len(w.branches) * len(w.writes)) {
		return true
	}
	for _, br := range w.branches {
		if br.at < from {
			continue
		}
		for _, wr := range w.writes {
			if wr.at >= from && wr.at <= br.at && overlap(br.fields, wr.fields) {
				return true
			}
		}
	}
	return false
}

// finish records the path that ends at ret.
func (w *walk) finish(ret *ssa.Return) {
	if !w.charge(len(w.events)) {
		return
	}
	if w.pends != nil {
		if v := w.c.statusResult(ret); v != nil && w.mayPendOnPath(v, 0) {
			w.pends[ret] = true
		}
		return
	}
	o := outcome{events: append([]event(nil), w.events...), ret: ret}
	if v := w.c.statusResult(ret); v != nil {
		o.st = w.c.statusOf(v, w, 0)
	}
	w.res.outcomes = append(w.res.outcomes, o)
}

// predecessor returns the block the path entered b from, or nil.
func (w *walk) predecessor(b *ssa.BasicBlock) *ssa.BasicBlock {
	w.work += len(w.path) // checked at the next block entered
	for i := len(w.path) - 1; i > 0; i-- {
		if w.path[i] == b {
			return w.path[i-1]
		}
	}
	return nil
}
