package summary

import (
	"go/token"
	"go/types"
	"strings"

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
	memo map[*ssa.Function]*Summary
	busy map[*ssa.Function]bool
}

// NewBuilder returns a Builder for pass.
func NewBuilder(pass *analysis.Pass, api *ndisapi.API) *Builder {
	return &Builder{pass: pass, api: api, memo: map[*ssa.Function]*Summary{}, busy: map[*ssa.Function]bool{}}
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
		f := &Fact{Summary: stripLocal(*s)}
		b.pass.ExportObjectFact(obj, f)
	}
}

// stripLocal drops the positions that mean nothing outside this package.
func stripLocal(s Summary) Summary {
	out := Summary{Calls: s.Calls}
	for _, u := range s.Uses {
		u.Pos = token.NoPos
		out.Uses = append(out.Uses, u)
	}
	return out
}

// compute builds the summary of a function with a body.
func (b *Builder) compute(fn *ssa.Function) *Summary {
	s := &Summary{}
	calls := map[string]bool{}
	for _, blk := range fn.Blocks {
		conds, opaque := domConds(fn, blk)
		for _, instr := range blk.Instrs {
			switch in := instr.(type) {
			case ssa.CallInstruction:
				if _, isGo := in.(*ssa.Go); isGo {
					continue
				}
				b.call(fn, s, in.Common(), in.Pos(), site{conds, opaque}, calls)
			}
		}
	}
	for c := range calls {
		s.Calls = append(s.Calls, c)
	}
	sortStrings(s.Calls)
	return s
}

// call records what one call contributes.
func (b *Builder) call(fn *ssa.Function, s *Summary, c *ssa.CallCommon, pos token.Pos, conds site, calls map[string]bool) {
	callee := c.StaticCallee()
	if callee == nil {
		return
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := b.api.DDI(obj); d != nil {
			b.ddiCall(fn, s, d, c, pos, conds)
			return
		}
		calls[obj.FullName()] = true
	}
	sub := b.Of(callee)
	args := c.Args
	if len(callee.FreeVars) > 0 {
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			args = append(append([]ssa.Value(nil), c.Args...), mc.Bindings...)
		}
	}
	b.fold(fn, s, sub, callee, args, pos, conds, "")
}

// ddiCall records the VC-handle arguments of a DDI call, and follows a
// routine the DDI queues (a work item) with its context argument.
func (b *Builder) ddiCall(fn *ssa.Function, s *Summary, d *rules.DDI, c *ssa.CallCommon, pos token.Pos, conds site) {
	var routine *ssa.Function
	ctxArg := -1
	for i, p := range d.Params {
		if i >= len(c.Args) {
			break
		}
		switch {
		case p.Kind == rules.KindVcHandle:
			if path, ok := PathOf(fn, c.Args[i]); ok {
				add(s, Use{DDI: d.Name, Param: p.Name, Arg: path, Conds: conds.conds, Opaque: conds.opaque, Pos: pos, Where: b.where(pos)})
			}
		case p.Kind == rules.KindOwnContext:
			ctxArg = i
		case b.api.Cat.RoleByGo(strings.TrimPrefix(p.GoType, "ndis.")) != nil:
			routine = funcValue(c.Args[i])
		}
	}
	if routine != nil && ctxArg >= 0 {
		sub := b.Of(routine)
		args := make([]ssa.Value, len(routine.Params))
		if len(args) > 0 {
			args[0] = c.Args[ctxArg]
		}
		b.fold(fn, s, sub, routine, args, pos, conds, "in the routine queued by "+d.Name+" at "+b.where(pos))
	}
}

// funcValue resolves a function-valued SSA operand.
func funcValue(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		return f
	case *ssa.ChangeType:
		return funcValue(v.X)
	case *ssa.Convert:
		return funcValue(v.X)
	}
	return nil
}

// fold adds the uses of callee's summary to s, with callee's roots replaced
// by the caller's arguments.
func (b *Builder) fold(fn *ssa.Function, s *Summary, sub *Summary, callee *ssa.Function, args []ssa.Value, pos token.Pos, conds site, later string) {
	for _, u := range sub.Uses {
		arg, ok := mapPath(fn, u.Arg, args)
		if !ok {
			continue
		}
		nc, dropped, feasible := mapConds(fn, u.Conds, args)
		if !feasible {
			continue
		}
		nu := u
		nu.Arg = arg
		nu.Conds = append(append([]Cond(nil), conds.conds...), nc...)
		nu.Opaque = u.Opaque + conds.opaque + dropped
		nu.Chain = append([]string{callee.Name()}, u.Chain...)
		if nu.Pos == token.NoPos || !b.local(nu.Pos) {
			nu.Pos = pos
			nu.Foreign = true
		}
		if later != "" && nu.Later == "" {
			nu.Later = later
		}
		add(s, nu)
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

// where formats a position.
func (b *Builder) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return b.pass.Fset.Position(pos).String()
}

// add appends u unless the summary is full or holds an equal use.
func add(s *Summary, u Use) {
	if len(s.Uses) >= MaxUses {
		return
	}
	for _, v := range s.Uses {
		if v.DDI == u.DDI && v.Arg == u.Arg && v.Where == u.Where && v.Pos == u.Pos && condsEqual(v.Conds, u.Conds) {
			return
		}
	}
	s.Uses = append(s.Uses, u)
}

func condsEqual(a, b []Cond) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// site is what holds at a call: the conditions read from the dominating
// branches and the number of branches that could not be read.
type site struct {
	conds  []Cond
	opaque int
}
