package ddiusage

import (
	"fmt"
	"go/constant"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// search follows the paths from one release call, forward, never round a
// loop (a back edge ends a path), and reports the calls on them that pass
// the released handle to a DDI that takes it. It reads the branches it
// can: a condition already decided on the path (the same SSA value
// tested twice, or tested on the way to the release), and a condition
// computed from constants the path chose (a flag set to true in one branch
// and false in the other, merged by a phi). A path the function's own
// branches make impossible is otherwise taken as possible.
type search struct {
	c      *checker
	takers map[string][]taker
	rel    taker
	call   *ssa.Call
	h      handle
	// seen are the (block, facts, killed) states visited; steps bounds
	// the work for one release.
	seen  map[string]bool
	steps int
}

// maxSteps bounds the blocks one search visits; past it the search stops
// (what it found so far is reported).
const maxSteps = 4000

// facts is what a path has decided: the value of conditions (true or
// false constants), and for each phi of the blocks it entered, the edge it
// came in by.
type facts struct {
	cond map[ssa.Value]bool
	phi  map[*ssa.Phi]ssa.Value
}

// with returns a copy of f with cond v decided as d.
func (f facts) with(v ssa.Value, d bool) facts {
	g := facts{cond: map[ssa.Value]bool{v: d}, phi: f.phi}
	for k, x := range f.cond {
		g.cond[k] = x
	}
	return g
}

// enter returns f with the phis of block s bound to the edges from pred.
func (f facts) enter(pred, s *ssa.BasicBlock) facts {
	idx := -1
	for i, p := range s.Preds {
		if p == pred {
			idx = i
		}
	}
	g := facts{cond: f.cond, phi: map[*ssa.Phi]ssa.Value{}}
	for k, x := range f.phi {
		g.phi[k] = x
	}
	for _, instr := range s.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if idx >= 0 && idx < len(phi.Edges) {
			g.phi[phi] = phi.Edges[idx]
		}
	}
	return g
}

// key is a canonical text of f, for the visited set.
func (f facts) key() string {
	var parts []string
	for v, d := range f.cond {
		parts = append(parts, fmt.Sprintf("c%s=%t", v.Name(), d))
	}
	for p, e := range f.phi {
		parts = append(parts, fmt.Sprintf("p%s=%s", p.Name(), e.Name()))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// seedFacts returns the conditions every path to b has decided: for each
// block on b's dominator chain with a single predecessor that branches,
// the branch it took.
func seedFacts(b *ssa.BasicBlock) facts {
	f := facts{cond: map[ssa.Value]bool{}, phi: map[*ssa.Phi]ssa.Value{}}
	for x := b; x != nil; x = x.Idom() {
		if len(x.Preds) != 1 {
			continue
		}
		p := x.Preds[0]
		if br, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If); ok && p.Succs[0] != p.Succs[1] {
			if _, known := f.cond[br.Cond]; !known {
				f.cond[br.Cond] = x == p.Succs[0]
			}
		}
	}
	return f
}

// from follows the path into block b from its i-th instruction.
func (s *search) from(b *ssa.BasicBlock, i int, f facts) {
	s.walk(b, i, f, false)
}

// walk visits block b from instruction i with facts f; killed says a store
// may have replaced what the handle's location holds.
func (s *search) walk(b *ssa.BasicBlock, i int, f facts, killed bool) {
	k := fmt.Sprintf("%d|%d|%t|%s", b.Index, i, killed, f.key())
	if s.seen[k] || s.steps > maxSteps {
		return
	}
	s.seen[k] = true
	s.steps++
	for _, instr := range b.Instrs[i:] {
		stop, kill := s.step(instr, killed)
		if stop {
			return
		}
		killed = killed || kill
	}
	s.next(b, f, killed)
}

// next follows b's successors that the facts allow, not round a loop.
func (s *search) next(b *ssa.BasicBlock, f facts, killed bool) {
	last := b.Instrs[len(b.Instrs)-1]
	if br, ok := last.(*ssa.If); ok {
		if d, known := f.eval(br.Cond); known {
			s.enter(b, b.Succs[boolIndex(d)], f, killed)
			return
		}
		s.enter(b, b.Succs[0], f.with(br.Cond, true), killed)
		s.enter(b, b.Succs[1], f.with(br.Cond, false), killed)
		return
	}
	for _, succ := range b.Succs {
		s.enter(b, succ, f, killed)
	}
}

// boolIndex is the successor an If takes for d.
func boolIndex(d bool) int {
	if d {
		return 0
	}
	return 1
}

// enter follows the edge from b to succ, unless it goes back round a loop.
func (s *search) enter(b, succ *ssa.BasicBlock, f facts, killed bool) {
	if succ.Dominates(b) {
		return // a back edge
	}
	s.walk(succ, 0, f.enter(b, succ), killed)
}

// step looks at one instruction on the path: it reports a DDI call that
// passes the handle (stop: a second release, whose own search goes on from
// there), and says whether the instruction may store to the handle's
// location.
func (s *search) step(instr ssa.Instruction, killed bool) (stop, kill bool) {
	switch x := instr.(type) {
	case *ssa.Call:
		if s.uses(&x.Call, x.Pos(), killed) {
			return true, false
		}
		return false, s.callKills(&x.Call)
	case *ssa.Defer:
		s.uses(&x.Call, x.Pos(), killed) // runs at the return, after the release
		return false, false
	case *ssa.Go:
		return false, true
	case *ssa.Store:
		return false, s.h.loc != nil && s.h.loc.mayAlias(locationOf(x.Addr), pointee(x.Addr.Type()))
	}
	return false, false
}

// uses reports the call if it passes the handle to a taker of the
// released pair, and says whether that taker is the release.
func (s *search) uses(call *ssa.CallCommon, pos token.Pos, killed bool) (release bool) {
	for _, t := range s.takers[s.c.ddiName(call)] {
		if t.pair != s.rel.pair || t.ref.Index >= len(call.Args) {
			continue
		}
		if s.h.matches(call.Args[t.ref.Index], killed) {
			s.report(t, pos)
			return t.release
		}
	}
	return false
}

// callKills reports whether a call may store to the handle's location: a
// DDI given a pointer that may point there (an out parameter: the
// re-acquisition), a function of the package or of another module (a
// helper may store anything), a call through a function value or an
// interface. The standard library and builtins store no handles.
func (s *search) callKills(call *ssa.CallCommon) bool {
	if s.h.loc == nil {
		return false
	}
	if s.c.ddiName(call) != "" {
		for _, a := range call.Args {
			if el := pointee(a.Type()); el != nil && s.h.loc.mayAlias(locationOf(a), el) {
				return true
			}
		}
		return false
	}
	if _, builtin := call.Value.(*ssa.Builtin); builtin {
		return false
	}
	callee := call.StaticCallee()
	return callee == nil || !isStdlib(callee)
}

// eval returns the value of a boolean condition the path has decided, and
// whether it could tell: a constant, a condition tested before, a phi the
// path entered by a known edge, its negation, or == / != of two such
// constants.
func (f facts) eval(v ssa.Value) (bool, bool) {
	if d, ok := f.cond[v]; ok {
		return d, true
	}
	k, ok := f.constOf(v, 0)
	if !ok || k.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(k), true
}

// maxEvalDepth bounds the recursion of constOf through phis and operators.
const maxEvalDepth = 8

// constOf returns the constant v has on the path, if it can tell.
func (f facts) constOf(v ssa.Value, depth int) (constant.Value, bool) {
	if depth > maxEvalDepth {
		return nil, false
	}
	if d, ok := f.cond[v]; ok {
		return constant.MakeBool(d), true
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			return nil, false
		}
		return x.Value, true
	case *ssa.Phi:
		if e, ok := f.phi[x]; ok {
			return f.constOf(e, depth+1)
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if k, ok := f.constOf(x.X, depth+1); ok && k.Kind() == constant.Bool {
				return constant.MakeBool(!constant.BoolVal(k)), true
			}
		}
	case *ssa.BinOp:
		return f.compare(x, depth)
	}
	return nil, false
}

// compare evaluates == and != of two constants the path knows.
func (f facts) compare(x *ssa.BinOp, depth int) (constant.Value, bool) {
	if x.Op != token.EQL && x.Op != token.NEQ {
		return nil, false
	}
	a, ok1 := f.constOf(x.X, depth+1)
	b, ok2 := f.constOf(x.Y, depth+1)
	if !ok1 || !ok2 || a.Kind() != b.Kind() {
		return nil, false
	}
	return constant.MakeBool(constant.Compare(a, x.Op, b)), true
}
