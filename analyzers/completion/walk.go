package completion

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// The walk enumerates the paths of one function from its entry to its
// returns, each loop body at most once (a path that would enter a block it
// already holds ends there), keeping the completions met on the way and
// the decisions taken on branch conditions, so that a second branch on the
// same condition goes the same way. Its cost is bounded: a function with
// more paths than the budget is left unjudged (no report, no summary).
const (
	maxOutcomes = 4096
	maxSteps    = 200000
)

// event is one completion on a path: a call of a completing DDI, in the
// walked function or in a helper or work item a call there reaches.
type event struct {
	c   *completer
	key apath
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
	path         []*ssa.BasicBlock
	on           map[*ssa.BasicBlock]bool
	decided      map[string]bool
	events       []event
	steps        int
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
	w := &walk{
		c: c, fn: fn, res: &funcResult{fn: fn, judged: true},
		storedFields: storedFields(fn),
		blockEvents:  map[*ssa.BasicBlock][]event{},
		on:           map[*ssa.BasicBlock]bool{},
		decided:      map[string]bool{},
	}
	for _, b := range fn.Blocks {
		w.blockEvents[b] = w.eventsOf(b)
	}
	if w.mayComplete() {
		w.visit(fn.Blocks[0])
		w.res.effects = w.summarize()
	}
	delete(c.busy, fn)
	c.funcs[fn] = w.res
	return w.res
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
	if w.steps > maxSteps || len(w.res.outcomes) > maxOutcomes {
		w.res.judged = false
		return true
	}
	return false
}

// visit walks on from block b.
func (w *walk) visit(b *ssa.BasicBlock) {
	if w.exhausted() || w.on[b] {
		return
	}
	w.steps++
	w.path = append(w.path, b)
	w.on[b] = true
	n := len(w.events)
	for _, e := range w.blockEvents[b] {
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
	w.events = w.events[:n]
	w.path = w.path[:len(w.path)-1]
	delete(w.on, b)
}

// branch follows an If: the way an earlier decision on the same condition
// went, or both ways.
func (w *walk) branch(t *ssa.If, b *ssa.BasicBlock) {
	key, neg := w.condKey(t.Cond)
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

// add puts a completion on the path, after reporting a second completion
// of the same request.
func (w *walk) add(e event) {
	for i := range w.events {
		if w.events[i].sameRequest(&e) {
			w.c.reportTwice(w.fn, &w.events[i], &e)
			break
		}
	}
	w.events = append(w.events, e)
}

// finish records the path that ends at ret.
func (w *walk) finish(ret *ssa.Return) {
	o := outcome{events: append([]event(nil), w.events...), ret: ret}
	if v := w.c.statusResult(ret); v != nil {
		o.st = w.c.statusOf(v, w, 0)
	}
	w.res.outcomes = append(w.res.outcomes, o)
}

// predecessor returns the block the path entered b from, or nil.
func (w *walk) predecessor(b *ssa.BasicBlock) *ssa.BasicBlock {
	for i := len(w.path) - 1; i > 0; i-- {
		if w.path[i] == b {
			return w.path[i-1]
		}
	}
	return nil
}
