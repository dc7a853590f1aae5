package summary

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// Builder computes summaries for the functions of one package, using facts
// for imported ones.
type Builder struct {
	pass *analysis.Pass
	api  *ndisapi.API
	fns  []*ssa.Function
	memo map[*ssa.Function]*Summary
	busy map[*ssa.Function]bool
	doms map[*ssa.Function][]blockConds
	// routines are the routines stored with a handle NDIS later delivers
	// them through (a timer object), built on first use.
	routines *routineIndex
	// lists counts the condition lists made, to number them.
	lists int32
	// indexes are the functions' indexes, built on first use.
	indexes map[*ssa.Function]*Index
	// names caches the full names of called functions.
	names map[*types.Func]string
}

// cons returns the list c followed by tail, numbered.
func (b *Builder) cons(c Cond, tail *Conds) *Conds {
	b.lists++
	return &Conds{Head: c, Tail: tail, id: b.lists}
}

// NewBuilder returns a Builder for pass, whose source functions are fns.
func NewBuilder(pass *analysis.Pass, api *ndisapi.API, fns []*ssa.Function) *Builder {
	return &Builder{pass: pass, api: api, fns: fns, memo: map[*ssa.Function]*Summary{},
		busy: map[*ssa.Function]bool{}, doms: map[*ssa.Function][]blockConds{}, indexes: map[*ssa.Function]*Index{}}
}

// Of returns fn's summary: computed from its body when it has one, else from
// the fact its package exported, else empty.
func (b *Builder) Of(fn *ssa.Function) *Summary {
	if s, ok := b.memo[fn]; ok {
		return s
	}
	if b.busy[fn] {
		return &Summary{} // recursion: what the cycle adds is not known
	}
	if fn.Blocks == nil {
		s := b.imported(fn)
		b.memo[fn] = s
		return s
	}
	b.busy[fn] = true
	s := b.compute(fn)
	delete(b.busy, fn)
	b.memo[fn] = s
	return s
}

// imported reads the fact of a function from another package.
func (b *Builder) imported(fn *ssa.Function) *Summary {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return &Summary{}
	}
	var f Fact
	if b.pass.ImportObjectFact(obj, &f) {
		s := f.Summary
		return &s
	}
	return &Summary{}
}

// Export exports the summaries of the package's exported functions and
// methods as facts.
func (b *Builder) Export(fns []*ssa.Function) {
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != b.pass.Pkg || !obj.Exported() {
			continue // only exported functions can be called from other packages
		}
		s := b.Of(fn)
		if len(s.Uses) == 0 && len(s.Calls) == 0 {
			continue
		}
		f := &Fact{Summary: b.stripLocal(*s)}
		b.pass.ExportObjectFact(obj, f)
	}
}

// stripLocal drops the positions that mean nothing outside this package,
// and bounds what a fact keeps: MaxUses uses, MaxFactConds conditions each
// (the farther ones count as branches that could not be read).
func (b *Builder) stripLocal(s Summary) Summary {
	out := Summary{Calls: s.Calls}
	for _, u := range s.Uses {
		if len(out.Uses) >= MaxUses {
			break
		}
		u.Where, u.Pos, u.At = b.WhereOf(u), token.NoPos, token.NoPos
		if n := u.Conds.Len(); n > MaxFactConds {
			u.Conds = CondList(u.Conds.Slice()[:MaxFactConds]...)
			u.Opaque += n - MaxFactConds
		}
		out.Uses = append(out.Uses, u)
	}
	return out
}

// compute builds the summary of a function with a body.
func (b *Builder) compute(fn *ssa.Function) *Summary {
	x := b.Index(fn)
	s := &Summary{Uses: make([]Use, 0, len(x.DDICalls))}
	calls := map[string]bool{}
	bcs := b.blockConds(fn)
	for _, c := range x.Calls {
		if _, isGo := c.Instr.(*ssa.Go); isGo {
			continue
		}
		bc := bcs[c.Block]
		b.call(fn, s, c, site{bc.list, bc.opaque}, calls)
	}
	for c := range calls {
		s.Calls = append(s.Calls, c)
	}
	sortStrings(s.Calls)
	return s
}

// call records what one call contributes.
func (b *Builder) call(fn *ssa.Function, s *Summary, rec Call, at site, calls map[string]bool) {
	callee := rec.Callee
	if callee == nil {
		return
	}
	if rec.DDI != nil {
		b.ddiCall(fn, s, rec, at)
		return
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		calls[b.fullName(obj)] = true
	}
	sub := b.Of(callee)
	if len(sub.Uses) == 0 {
		return
	}
	b.fold(s, sub, callee, rec.Args, rec.Instr.Pos(), at, "")
}

// ddiCall records the VC-handle arguments of a DDI call, and follows the
// routines the DDI queues or delivers (a work item, a timer) with its
// context argument.
func (b *Builder) ddiCall(fn *ssa.Function, s *Summary, rec Call, at site) {
	d, pos := rec.DDI, rec.Instr.Pos()
	if !takesOwnContext(d) && vcHandles(d) <= 1 {
		// Only the VC-handle argument matters: the index has it.
		if rec.Handle.Param >= 0 && rec.Handle.PathOK {
			s.Uses = append(s.Uses, Use{DDI: d.Name, Param: d.Params[rec.Handle.Param].Name, Arg: rec.Handle.Path, Conds: at.conds, Opaque: at.opaque, Pos: pos, At: pos})
		}
		return
	}
	c := rec.Instr.Common()
	ctxArg := -1
	var routines []routine
	sig := c.Signature()
	for i, p := range d.Params {
		if i >= len(c.Args) {
			break
		}
		switch {
		case p.Kind == rules.KindVcHandle:
			path, ok := rec.Handle.Path, rec.Handle.PathOK
			if i != rec.Handle.Param {
				path, ok = PathOf(fn, c.Args[i])
			}
			if ok {
				s.Uses = append(s.Uses, Use{DDI: d.Name, Param: p.Name, Arg: path, Conds: at.conds, Opaque: at.opaque, Pos: pos, At: pos})
			}
		case p.Kind == rules.KindOwnContext:
			ctxArg = i
		case sig != nil && i < sig.Params().Len():
			if role := b.api.Role(sig.Params().At(i).Type()); role != nil {
				if r, ok := routineOf(fn, c.Args[i], role); ok {
					routines = append(routines, r)
				}
			}
		}
	}
	if ctxArg < 0 {
		return
	}
	if len(routines) == 0 && len(d.Delivers) > 0 {
		routines = b.delivered(fn, d, c)
	}
	for _, r := range routines {
		b.fold(s, b.Of(r.fn), r.fn, r.args(fn, ArgOf(fn, c.Args[ctxArg])), pos, at, "in the routine queued by "+d.Name+" at "+b.where(pos))
	}
}

// vcHandles counts a DDI's VC-handle parameters.
func vcHandles(d *rules.DDI) int {
	n := 0
	for _, p := range d.Params {
		if p.Kind == rules.KindVcHandle {
			n++
		}
	}
	return n
}

// takesOwnContext reports whether a DDI takes the caller's own context (to
// hand to a routine it queues or delivers).
func takesOwnContext(d *rules.DDI) bool {
	return ndisapi.ParamIndex(d.Params, rules.KindOwnContext) >= 0
}

// fold adds the uses of callee's summary to s, with callee's roots replaced
// by the caller's arguments and its conditions extended by those at the
// call. A use reached through a direct call is placed at that call (a
// helper is judged where each caller calls it); one in a routine queued for
// later keeps the routine's own position. At most MaxUses uses are folded
// from one call.
func (b *Builder) fold(s *Summary, sub *Summary, callee *ssa.Function, args []Arg, pos token.Pos, at site, later string) {
	memo := map[*Conds]mappedConds{}
	n := 0
	for _, u := range sub.Uses {
		if n >= MaxUses {
			return
		}
		arg, ok := mapPath(u.Arg, args)
		if !ok {
			continue
		}
		mc := b.mapList(u.Conds, args, at.conds, memo)
		if !mc.feasible {
			continue
		}
		nu := u
		nu.Arg = arg
		nu.Conds = mc.list
		nu.Opaque = u.Opaque + at.opaque + mc.dropped
		nu.Chain = append([]string{callee.Name()}, u.Chain...)
		if later == "" || nu.Pos == token.NoPos || !b.local(nu.Pos) {
			nu.Pos = pos
			nu.Foreign = true
		}
		if later != "" && nu.Later == "" {
			nu.Later = later
		}
		if add(s, nu) {
			n++
		}
	}
}

// local reports whether pos is in the package being analysed.
func (b *Builder) local(pos token.Pos) bool {
	for _, f := range b.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// WhereOf spells the position of a use's DDI call, "file:line:col".
func (b *Builder) WhereOf(u Use) string {
	if u.Where != "" {
		return u.Where
	}
	return b.where(u.At)
}

// where formats a position.
func (b *Builder) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return b.pass.Fset.Position(pos).String()
}

// fullName returns fn's full name, computed once.
func (b *Builder) fullName(fn *types.Func) string {
	name, ok := b.names[fn]
	if !ok {
		if b.names == nil {
			b.names = map[*types.Func]string{}
		}
		name = fn.FullName()
		b.names[fn] = name
	}
	return name
}

// add appends a folded use u unless the summary holds an equal folded use,
// and reports whether it did. (A function's own DDI calls are appended
// directly: each is its own use.)
func add(s *Summary, u Use) bool {
	k := useKey{ddi: u.DDI, site: u.Site(), arg: u.Arg, pos: u.Pos, conds: u.Conds}
	if s.seen == nil {
		s.seen = map[useKey]bool{}
	}
	if s.seen[k] {
		return false
	}
	s.seen[k] = true
	s.Uses = append(s.Uses, u)
	return true
}

// site is what holds at a call: the conditions read from the dominating
// branches and the number of branches that could not be read.
type site struct {
	conds  *Conds
	opaque int
}
