package ddiusage

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/rules"
)

// helperSite is where a helper's parameter reaches a DDI that takes a
// released pair's handle: the taker, and the DDI's call (in the helper or
// in a function of the package it calls).
type helperSite struct {
	t   taker
	pos token.Pos
	// block is the block of the summarised function that holds the call
	// (of the DDI, or of the helper through which it is reached).
	block *ssa.BasicBlock
}

// helperSummary is what a function of the package does with its
// parameters' handles, by parameter index: the releases it makes of the
// parameter on every path to a normal return (at most one site per pair),
// and every call that passes the parameter to a DDI that takes a released
// pair's handle, on some path (uses and releases, in block order).
type helperSummary struct {
	releases map[int][]helperSite
	uses     map[int][]helperSite
}

// helpers holds the summaries of one run: memoised, with the stack of
// functions being summarised so that a cycle gives its functions none.
type helpers struct {
	sums   map[*ssa.Function]*helperSummary
	onPath map[*ssa.Function]int
	stack  []*ssa.Function
	cyclic map[*ssa.Function]bool
	// writes is what each helper may write (helperWrites); writing the
	// helpers whose writes are being computed.
	writes  map[*ssa.Function]written
	writing map[*ssa.Function]bool
}

// helperState returns the run's helpers, made on first use.
func (c *checker) helperState() *helpers {
	if c.helpers == nil {
		c.helpers = &helpers{
			sums: map[*ssa.Function]*helperSummary{}, onPath: map[*ssa.Function]int{}, cyclic: map[*ssa.Function]bool{},
			writes: map[*ssa.Function]written{}, writing: map[*ssa.Function]bool{},
		}
	}
	return c.helpers
}

// isHelper reports whether callee is a function of the package with a body
// (a helper whose summary the pass computes).
func (c *checker) isHelper(callee *ssa.Function) bool {
	return callee != nil && callee.Pkg == c.ssa.Pkg && len(callee.Blocks) > 0
}

// helperOf returns the summary of the package function a call calls, or
// nil: not a helper of the package, recursive, or doing nothing with a
// handle.
func (c *checker) helperOf(call *ssa.CallCommon) (*ssa.Function, *helperSummary) {
	callee := call.StaticCallee()
	if c.isHelper(callee) {
		return callee, c.summary(callee)
	}
	if callee == nil || callee.Pkg == c.ssa.Pkg || callee.Parent() != nil || funcObject(callee) == nil {
		return nil, nil
	}
	for _, a := range call.Args {
		if _, ok := a.(*ssa.Const); ok {
			return nil, nil // the helper's branches on it are not in its fact
		}
	}
	return callee, c.importedSummary(callee)
}

// summary returns fn's summary, memoised. A function that is part of a
// cycle of static calls in the package (recursion, direct or mutual) has
// none (nil), nor does a function that passes no parameter to a taker.
func (c *checker) summary(fn *ssa.Function) *helperSummary {
	h := c.helperState()
	if s, done := h.sums[fn]; done {
		return s
	}
	if at, busy := h.onPath[fn]; busy {
		for _, g := range h.stack[at:] {
			h.cyclic[g] = true
		}
		return nil
	}
	h.onPath[fn] = len(h.stack)
	h.stack = append(h.stack, fn)
	s := c.summarise(fn)
	h.stack = h.stack[:len(h.stack)-1]
	delete(h.onPath, fn)
	if h.cyclic[fn] || len(s.uses) == 0 {
		s = nil
	}
	h.sums[fn] = s
	return s
}

// relKey is a parameter and a pair whose release on every path is being
// established.
type relKey struct {
	param int
	pair  *rules.Pair
}

// summarise computes fn's summary from its DDI calls and the summaries of
// the helpers it calls. A deferred call counts as a call in the block of
// its defer statement: it runs at every return after it.
func (c *checker) summarise(fn *ssa.Function) *helperSummary {
	if c.takers == nil {
		c.takers = c.takersByDDI()
	}
	params := map[ssa.Value]int{}
	for i, p := range fn.Params {
		params[p] = i
	}
	s := &helperSummary{releases: map[int][]helperSite{}, uses: map[int][]helperSite{}}
	relBlocks := map[relKey]map[*ssa.BasicBlock]bool{}
	relSite := map[relKey]helperSite{}
	var keys []relKey
	note := func(b *ssa.BasicBlock, arg ssa.Value, site helperSite, releases bool) {
		p, ok := params[ssafunc.Identity(arg)]
		if !ok {
			return
		}
		site.block = b
		s.uses[p] = append(s.uses[p], site)
		if !releases {
			return
		}
		k := relKey{p, site.t.pair}
		if relBlocks[k] == nil {
			relBlocks[k] = map[*ssa.BasicBlock]bool{}
			relSite[k] = site
			keys = append(keys, k)
		}
		relBlocks[k][b] = true
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var cc *ssa.CallCommon
			var pos token.Pos
			switch x := instr.(type) {
			case *ssa.Call:
				cc, pos = &x.Call, x.Pos()
			case *ssa.Defer:
				cc, pos = &x.Call, x.Pos()
			default:
				continue
			}
			for _, t := range c.takers[c.ddiName(cc)] {
				if t.ref.Index < len(cc.Args) {
					note(b, cc.Args[t.ref.Index], helperSite{t: t, pos: pos}, t.release)
				}
			}
			if callee, sub := c.helperOf(cc); sub != nil {
				live := liveBlocks(callee, cc.Args)
				for k := range cc.Args {
					for _, site := range liveSites(sub.uses[k], live) {
						note(b, cc.Args[k], site, false)
					}
					for _, site := range sub.releases[k] {
						note(b, cc.Args[k], site, true)
					}
				}
			}
		}
	}
	for _, k := range keys {
		if releasedOnEveryPath(fn, fn.Params[k.param], relBlocks[k]) {
			s.releases[k.param] = append(s.releases[k.param], relSite[k])
		}
	}
	return s
}

// releasedOnEveryPath reports whether every path from fn's entry to a
// return crosses one of the blocks in rel, the paths on which param is
// NULL apart (a branch on param == nil or param != nil: a NULL handle
// names nothing to release). A path that panics does not return.
func releasedOnEveryPath(fn *ssa.Function, param ssa.Value, rel map[*ssa.BasicBlock]bool) bool {
	seen := map[*ssa.BasicBlock]bool{}
	var avoids func(b *ssa.BasicBlock) bool
	avoids = func(b *ssa.BasicBlock) bool {
		if seen[b] || rel[b] {
			return false
		}
		seen[b] = true
		switch x := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			return true
		case *ssa.If:
			if nilSucc := ssafunc.NilBranch(x.Cond, param); nilSucc >= 0 {
				return avoids(b.Succs[1-nilSucc])
			}
		}
		for _, succ := range b.Succs {
			if avoids(succ) {
				return true
			}
		}
		return false
	}
	return len(fn.Blocks) > 0 && !avoids(fn.Blocks[0])
}

// helperName names a helper in a message: its name (qualified by its
// package's name when it is another package's), or "the function literal"
// for an anonymous function.
func (c *checker) helperName(fn *ssa.Function) string {
	switch {
	case fn.Parent() != nil:
		return "the function literal"
	case fn.Pkg != c.ssa.Pkg && fn.Object() != nil && fn.Object().Pkg() != nil && fn.Signature.Recv() == nil:
		return fn.Object().Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// liveBlocks returns the blocks of helper a call can reach when the
// branches on the parameters it passes constants to are decided by them
// (a flag argument false skips what the helper does only when it is
// true, a nil argument the branch on p != nil), from the helper's entry;
// nil when the call passes no constant (every block may run) or the
// helper is another package's. Only tests of the parameter itself are
// read: p, !p, p == c, p != c, p == nil, p != nil.
func liveBlocks(helper *ssa.Function, args []ssa.Value) map[*ssa.BasicBlock]bool {
	if len(helper.Blocks) == 0 {
		return nil // another package's: its fact is used only without constants
	}
	f := newFacts()
	var nils []ssa.Value
	for i, a := range args {
		k, ok := a.(*ssa.Const)
		if !ok || i >= len(helper.Params) {
			continue
		}
		if k.Value != nil {
			f.eq[exprKey(helper.Params[i], 0)] = k.Value
		} else if k.IsNil() {
			nils = append(nils, helper.Params[i])
		}
	}
	if len(f.eq) == 0 && len(nils) == 0 {
		return nil
	}
	live := map[*ssa.BasicBlock]bool{}
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		if live[b] {
			return
		}
		live[b] = true
		if br, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if d, known := f.eval(br.Cond); known {
				visit(b.Succs[boolIndex(d)])
				return
			}
			for _, p := range nils {
				if i := ssafunc.NilBranch(br.Cond, p); i >= 0 {
					visit(b.Succs[i])
					return
				}
			}
		}
		for _, succ := range b.Succs {
			visit(succ)
		}
	}
	visit(helper.Blocks[0])
	return live
}

// liveSites returns the sites in blocks live says may run (all for nil).
func liveSites(sites []helperSite, live map[*ssa.BasicBlock]bool) []helperSite {
	if live == nil {
		return sites
	}
	var out []helperSite
	for _, site := range sites {
		if live[site.block] {
			out = append(out, site)
		}
	}
	return out
}

// helperWrites returns what a call of fn may write, memoised: what its
// instructions write (released_writes.go), a call of another function of
// the package replaced by what that function writes; a function being
// summarised already (recursion) may write anything.
func (c *checker) helperWrites(fn *ssa.Function) written {
	if !c.isHelper(fn) {
		return written{all: true} // another package's: not followed
	}
	h := c.helperState()
	if w, done := h.writes[fn]; done {
		return w
	}
	if h.writing[fn] {
		return written{all: true}
	}
	h.writing[fn] = true
	var w written
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var x written
			switch call := instr.(type) {
			case *ssa.Call:
				x = c.callWritesVia(&call.Call)
			case *ssa.Defer:
				x = c.callWritesVia(&call.Call)
			default:
				x = c.writes(instr)
			}
			w.all = w.all || x.all
			w.addrs = append(w.addrs, x.addrs...)
		}
		if w.all {
			break
		}
	}
	if w.all {
		w.addrs = nil
	}
	delete(h.writing, fn)
	h.writes[fn] = w
	return w
}

// callWritesVia is callWrites with a call of the package's functions
// replaced by what the function writes.
func (c *checker) callWritesVia(call *ssa.CallCommon) written {
	if callee := call.StaticCallee(); c.isHelper(callee) && c.api.DDI(funcObject(callee)) == nil {
		return c.helperWrites(callee)
	}
	return c.callWrites(call)
}

// HandleUse is, in a Fact, what an exported function does with the handle
// at one of its parameters: the pair (by its acquire and release DDIs),
// the DDI and parameter that take it on some path (the first such call),
// and whether the function releases it on every path to a return.
type HandleUse struct {
	Param            int
	Acquire, Release string
	DDI, DDIParam    string
	Releases         bool
}

// handleUses returns the HandleUses of a summary: per parameter and pair,
// the first site, marked when the summary releases the parameter.
func handleUses(s *helperSummary, nparams int) []HandleUse {
	var out []HandleUse
	for k := 0; k < nparams; k++ {
		seen := map[*rules.Pair]bool{}
		for _, site := range s.uses[k] {
			p := site.t.pair
			if seen[p] {
				continue
			}
			seen[p] = true
			u := HandleUse{Param: k, Acquire: p.Acquire, Release: p.Release, DDI: site.t.ref.DDI, DDIParam: site.t.ref.Param}
			for _, r := range s.releases[k] {
				if r.t.pair == p {
					u.DDI, u.DDIParam, u.Releases = r.t.ref.DDI, r.t.ref.Param, true
				}
			}
			out = append(out, u)
		}
	}
	return out
}

// importedSummary returns the summary another package's function's fact
// gives (its sites have no position), or nil.
func (c *checker) importedSummary(fn *ssa.Function) *helperSummary {
	h := c.helperState()
	if s, done := h.sums[fn]; done {
		return s
	}
	h.sums[fn] = nil
	var f Fact
	if !c.pass.ImportObjectFact(funcObject(fn), &f) || len(f.Handles) == 0 {
		return nil
	}
	if c.takers == nil {
		c.takers = c.takersByDDI()
	}
	s := &helperSummary{releases: map[int][]helperSite{}, uses: map[int][]helperSite{}}
	for _, u := range f.Handles {
		for _, t := range c.takers[u.DDI] {
			if t.pair.Acquire != u.Acquire || t.pair.Release != u.Release || t.ref.Param != u.DDIParam {
				continue
			}
			site := helperSite{t: t}
			s.uses[u.Param] = append(s.uses[u.Param], site)
			if u.Releases && t.release {
				s.releases[u.Param] = append(s.releases[u.Param], site)
			}
			break
		}
	}
	if len(s.uses) == 0 {
		return nil
	}
	h.sums[fn] = s
	return s
}
