package vclifetime

import (
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
)

// valset is what the branches taken so far say of a call's result: the
// constants it may be (only), or the constants it may not be (!only). The
// union of two valsets is exact, so paths that merge lose nothing.
type valset struct {
	only bool
	vals []string // sorted, without duplicates
}

// may reports whether the result may equal val.
func (s valset) may(val string) bool {
	return containsSorted(s.vals, val) == s.only
}

// unknown reports whether nothing is known of the result.
func (s valset) unknown() bool { return !s.only && len(s.vals) == 0 }

// empty reports whether no value is left: the path is infeasible.
func (s valset) empty() bool { return s.only && len(s.vals) == 0 }

// refine returns s after a branch found "result == val" to be eq.
func (s valset) refine(val string, eq bool) valset {
	switch {
	case eq && s.may(val):
		return valset{only: true, vals: []string{val}}
	case eq:
		return valset{only: true}
	case s.only:
		return valset{only: true, vals: minus(s.vals, []string{val})}
	}
	return valset{vals: union(s.vals, []string{val})}
}

// union returns the values either allows.
func (s valset) union(o valset) valset {
	switch {
	case s.only && o.only:
		return valset{only: true, vals: union(s.vals, o.vals)}
	case !s.only && !o.only:
		return valset{vals: intersect(s.vals, o.vals)}
	case s.only:
		return valset{vals: minus(o.vals, s.vals)}
	}
	return valset{vals: minus(s.vals, o.vals)}
}

// equal reports whether s and o allow the same values.
func (s valset) equal(o valset) bool {
	if s.only != o.only || len(s.vals) != len(o.vals) {
		return false
	}
	for i := range s.vals {
		if s.vals[i] != o.vals[i] {
			return false
		}
	}
	return true
}

// mayOtherThan reports whether the result may be a value outside vals.
func (s valset) mayOtherThan(vals ...string) bool {
	if !s.only {
		return true
	}
	for _, v := range s.vals {
		if !contains(vals, v) {
			return true
		}
	}
	return false
}

// follow is one event whose consequences are followed forward through a
// function: a DDI call (the start), with what its result may be on each
// path.
type follow struct {
	start ssa.CallInstruction
	// block and at are the start's block index and position in it.
	block, at int32
	result    ssa.Value // start's value, nil when it has none
	// alive reports whether the event may still matter on a path where
	// the result is vals (the edge's condition may have been met).
	alive func(vals valset) bool
	// step is called for each instruction the event reaches (that can
	// matter to it); it returns false to stop following the event on that
	// path.
	step func(s *site, vals valset) bool
	// defs are the values that name the event's object (the handle, the
	// context it was loaded from): where the path reaches one of their
	// definitions again, a loop has moved to another object.
	defs []ssa.Value
	// again is set for an event about an object: where the path reaches
	// its start again (a loop), step sees it, for the object may be the
	// same (a handle that the loop does not redefine). Other events end
	// there: the next instance is followed on its own.
	again bool
	// group names the events that behave alike once nothing is known of
	// their results (the same check on the same handle), the zero group for
	// an event that reports at its own start and so stands alone. Of the
	// events of a group that reach a point with their results unknown, only
	// the most recent is followed on: every report the others could make
	// there, it makes too, at the same positions.
	group group
}

// group is a kind of check with the handle it follows.
type group struct {
	kind int
	h    handleKey
}

// The kinds of check whose events are grouped.
const (
	kindNone = iota
	kindDelete
	kindSetup
	kindSyncClose
)

// live is a follow on a path, with what its result may be there.
type live struct {
	f    int // index in the function's follows
	vals valset
}

// maxLive bounds the events followed at once at any point of a function, so
// that the cost stays linear in its size; past it the oldest are dropped
// (silence, never a report).
const maxLive = 16

// startAt is an event's start: its position in its block.
type startAt struct{ instr, f int }

// runFollows follows every event of fn forward in one dataflow over its
// blocks: each block is processed again only when what reaches it grows,
// and an event ends where its step says so, where its start is reached
// again (the next instance, followed on its own), where its object is
// redefined, or where no value of its result keeps it alive. The index
// gives the instructions that can change an event (calls, stores, returns:
// summary.Index.Events; with the definitions of the events' objects they
// are the only instructions looked at) and the blocks' branches.
func (c *checker) runFollows(fn *ssa.Function, fs []*follow, index *summary.Index) {
	if len(fs) == 0 {
		return
	}
	r := &flowRun{c: c, fn: fn, index: index, fs: fs, in: make([][]live, len(fn.Blocks)), queued: make([]bool, len(fn.Blocks))}
	starts := startsByBlock(fn, fs)
	points := pointsByBlock(fn, fs, index)
	for b := range fn.Blocks {
		if len(starts[b]) > 0 {
			r.enqueue(b)
		}
	}
	for len(r.queue) > 0 {
		b := r.queue[0]
		r.queue = r.queue[1:]
		r.queued[b] = false
		r.propagate(b, r.runBlock(b, starts[b], points(b)))
	}
}

// flowRun is the state of one runFollows, with buffers reused from block
// to block.
type flowRun struct {
	c      *checker
	fn     *ssa.Function
	index  *summary.Index
	site   site // the instruction at hand
	fs     []*follow
	in     [][]live // by block: the events alive at its start
	queued []bool
	queue  []int // block indexes
	// work, out and merged are scratch lists: the events going through a
	// block, those handed to one successor, a successor's merged list.
	work, out, merged []live
}

// enqueue queues block b unless it is queued.
func (r *flowRun) enqueue(b int) {
	if !r.queued[b] {
		r.queued[b] = true
		r.queue = append(r.queue, b)
	}
}

// push merges ls into what reaches block b, and queues it if that grew.
func (r *flowRun) push(b int, ls []live) {
	r.merged = mergeLive(r.fs, r.merged[:0], r.in[b], ls)
	if !sameEvents(r.in[b], r.merged) {
		r.in[b] = append(r.in[b][:0:0], r.merged...)
		r.enqueue(b)
	}
}

// startsByBlock returns the starts of the events in each block, in order.
func startsByBlock(fn *ssa.Function, fs []*follow) [][]startAt {
	out := make([][]startAt, len(fn.Blocks))
	for i, f := range fs {
		out[f.block] = append(out[f.block], startAt{instr: int(f.at), f: i})
	}
	for _, ss := range out {
		sort.SliceStable(ss, func(a, b int) bool { return ss[a].instr < ss[b].instr })
	}
	return out
}

// eventDef is the Kind of a point that defines a value naming an event's
// object.
const eventDef = 255

// pointsByBlock returns a function that gives, by block index, the
// instructions an event may react to, in block order: the index's events and
// the definitions of the values that name the events' objects.
func pointsByBlock(fn *ssa.Function, fs []*follow, index *summary.Index) func(b int) []summary.Event {
	defs := map[ssa.Instruction]bool{}
	var blocks []*ssa.BasicBlock
	for _, f := range fs {
		for _, d := range f.defs {
			if in, ok := d.(ssa.Instruction); ok && !defs[in] && in.Block() != nil && in.Parent() == fn {
				defs[in] = true
				blocks = append(blocks, in.Block())
			}
		}
	}
	if len(defs) == 0 {
		return index.Events
	}
	extra := map[*ssa.BasicBlock][]summary.Event{}
	positions(blocks, func(blk *ssa.BasicBlock, j int, instr ssa.Instruction) {
		if defs[instr] {
			extra[blk] = append(extra[blk], summary.Event{Pos: int32(j), Kind: eventDef})
		}
	})
	merged := map[int][]summary.Event{}
	for blk, es := range extra {
		merged[blk.Index] = mergeEvents(index.Events(blk.Index), es)
	}
	return func(b int) []summary.Event {
		if es, ok := merged[b]; ok {
			return es
		}
		return index.Events(b)
	}
}

// positions calls f for every instruction of blocks, each block once.
func positions(blocks []*ssa.BasicBlock, f func(blk *ssa.BasicBlock, j int, instr ssa.Instruction)) {
	done := map[*ssa.BasicBlock]bool{}
	for _, blk := range blocks {
		if done[blk] {
			continue
		}
		done[blk] = true
		for j, instr := range blk.Instrs {
			f(blk, j, instr)
		}
	}
}

// mergeEvents merges two lists of points in block order; a definition
// that is also an event (a call's result) is kept once, as the event.
func mergeEvents(a, b []summary.Event) []summary.Event {
	out := make([]summary.Event, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].Pos < b[j].Pos:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Pos < a[i].Pos:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// runBlock runs the events alive at block b's start through it, looking only
// at the instructions at points, starting the block's own events where
// their calls are, and returns those alive at its end (in r.work, valid
// until the next call).
func (r *flowRun) runBlock(b int, starts []startAt, points []summary.Event) []live {
	ls := append(r.work[:0], r.in[b]...)
	for _, p := range points {
		j := int(p.Pos)
		var instr ssa.Instruction
		switch p.Kind {
		case summary.EventCall:
			instr = r.index.Calls[p.Ref].Instr
		case summary.EventStore:
			instr = r.index.Stores[p.Ref].Instr
		case summary.EventReturn:
			instr = r.index.Returns[p.Ref]
		default:
			instr = r.fn.Blocks[b].Instrs[j]
		}
		if len(ls) > 0 {
			v, _ := instr.(ssa.Value)
			r.site = site{c: r.c, fn: r.fn, index: r.index, instr: instr, ev: p}
			kept := ls[:0]
			for _, l := range ls {
				f := r.fs[l.f]
				if instr == f.start && !f.again || (v != nil && isDef(f.defs, v)) || !f.step(&r.site, l.vals) {
					continue
				}
				kept = append(kept, l)
			}
			ls = kept
		}
		injected := false
		for len(starts) > 0 && starts[0].instr == j {
			ls = append(ls, live{f: starts[0].f})
			starts = starts[1:]
			injected = true
		}
		if injected {
			ls = normalize(r.fs, ls)
		}
	}
	r.work = ls
	return ls
}

// propagate hands the events alive at the end of block b to its successors,
// refined by the block's branch on their result.
func (r *flowRun) propagate(b int, ls []live) {
	if len(ls) == 0 {
		return
	}
	br := r.index.Branches[b]
	for si, succ := range r.index.Succs(b) {
		out := r.out[:0]
		for _, l := range ls {
			f := r.fs[l.f]
			vals := l.vals
			if br.X != nil && br.X == f.result {
				vals = vals.refine(br.Val, br.Eq == (si == 0))
			}
			if !vals.empty() && f.alive(vals) {
				out = append(out, live{f: l.f, vals: vals})
			}
		}
		r.out = out
		if len(out) > 0 {
			r.push(int(succ), out)
		}
	}
}

// laterUnknown reports whether ls has an event of group g whose result is
// unknown.
func laterUnknown(fs []*follow, ls []live, g group) bool {
	for _, l := range ls {
		if fs[l.f].group == g && l.vals.unknown() {
			return true
		}
	}
	return false
}

// mergeLive appends to dst the union of old and ls (each event once, its
// values the union of both), normalized: one event per group whose result
// is unknown, the maxLive most recent.
func mergeLive(fs []*follow, dst, old, ls []live) []live {
	out := append(dst, old...)
	for _, l := range ls {
		i := sort.Search(len(out), func(i int) bool { return out[i].f >= l.f })
		if i < len(out) && out[i].f == l.f {
			out[i].vals = out[i].vals.union(l.vals)
			continue
		}
		out = append(out, live{})
		copy(out[i+1:], out[i:])
		out[i] = l
	}
	return normalize(fs, out)
}

// sameEvents reports whether a and b hold the same events with the same
// values.
func sameEvents(a, b []live) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].f != b[i].f || !a[i].vals.equal(b[i].vals) {
			return false
		}
	}
	return true
}

// isDef reports whether v is one of defs.
func isDef(defs []ssa.Value, v ssa.Value) bool {
	for _, d := range defs {
		if d == v {
			return true
		}
	}
	return false
}

// normalize sorts the live events, keeps one per group among those whose
// result is unknown (the most recent), and the maxLive most recent events.
func normalize(fs []*follow, ls []live) []live {
	for i := 1; i < len(ls); i++ { // insertion sort: short, nearly sorted
		for j := i; j > 0 && ls[j].f < ls[j-1].f; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
	out := ls[:0]
	for i, l := range ls {
		if g := fs[l.f].group; g.kind != kindNone && l.vals.unknown() && laterUnknown(fs, ls[i+1:], g) {
			continue // a more recent event of the group stands for it
		}
		out = append(out, l)
	}
	if len(out) > maxLive {
		out = out[len(out)-maxLive:]
	}
	return out
}
