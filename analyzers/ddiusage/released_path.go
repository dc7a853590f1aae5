package ddiusage

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// search follows the paths from one release call, forward, never round a
// loop (a back edge ends a path), and reports the calls on them that pass
// the released handle to a DDI that takes it. It takes only the branches
// the path's facts allow (released_facts.go); a path the function's own
// branches make impossible in another way is taken as possible.
type search struct {
	c      *checker
	takers map[string][]taker
	rel    taker
	r      releaseAt
	h      handle
	// seen are the (block, facts, killed) states visited; steps bounds
	// the work for one release.
	seen  map[string]bool
	steps int
}

// maxSteps bounds the blocks one search visits; past it the search stops
// (what it found so far is reported).
const maxSteps = 4000

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
		if s.step(instr, killed) {
			return
		}
		w := s.c.writes(instr)
		killed = killed || s.h.killedBy(w)
		f = f.forgetWritten(w)
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
// passes the handle, and says whether to stop there (a second release,
// whose own search goes on from there).
func (s *search) step(instr ssa.Instruction, killed bool) bool {
	switch x := instr.(type) {
	case *ssa.Call:
		return s.uses(&x.Call, x.Pos(), killed)
	case *ssa.Defer:
		s.uses(&x.Call, x.Pos(), killed) // runs at the return, after the release
	}
	return false
}

// uses reports the call if it passes the handle to a taker of the
// released pair, directly or through a helper of the package, and says
// whether it releases the handle (on every path, for a helper).
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
	helper, sum := s.c.helperOf(call)
	if sum == nil {
		return false
	}
	live := liveBlocks(helper, call.Args)
	for k, arg := range call.Args {
		site, ok := s.siteOf(liveSites(sum.uses[k], live))
		if !ok || !s.h.matches(arg, killed) {
			continue
		}
		s.reportVia(helper, site, pos)
		_, release = s.siteOf(sum.releases[k])
		return release
	}
	return false
}

// siteOf returns the first of sites that takes the released pair's handle.
func (s *search) siteOf(sites []helperSite) (helperSite, bool) {
	for _, site := range sites {
		if site.t.pair == s.rel.pair {
			return site, true
		}
	}
	return helperSite{}, false
}
