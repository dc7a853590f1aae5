package statuses

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// funcSets is what one function may return.
type funcSets struct {
	sites   []Site
	results [][]Value // per result index, the union over its returns
}

// of returns fn's sets, computing them once. The caller holds r.mu.
func (r *Result) of(fn *ssa.Function) *funcSets {
	if s, ok := r.memo[fn]; ok {
		return s
	}
	if r.busy[fn] {
		return &funcSets{} // recursion: the cycle adds nothing known
	}
	if fn.Blocks == nil {
		s := r.imported(fn)
		r.memo[fn] = s
		return s
	}
	r.busy[fn] = true
	s := r.compute(fn)
	delete(r.busy, fn)
	r.memo[fn] = s
	return s
}

// compute walks the returns of fn.
func (r *Result) compute(fn *ssa.Function) *funcSets {
	s := &funcSets{results: make([][]Value, fn.Signature.Results().Len())}
	for _, blk := range fn.Blocks {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		pos := ret.Pos()
		if !pos.IsValid() {
			pos = endOf(fn)
		}
		for i, v := range ret.Results {
			if !r.api.IsStatus(v.Type()) {
				continue
			}
			vals := r.valuesOf(v, map[ssa.Value]bool{})
			s.sites = append(s.sites, Site{Pos: pos, At: r.where(pos), Index: i, Vals: vals})
			for _, x := range vals {
				s.results[i] = addValue(s.results[i], x)
			}
		}
	}
	return s
}

// endOf returns the position of fn's closing brace, where an implicit
// return is.
func endOf(fn *ssa.Function) token.Pos {
	if syn := fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return fn.Pos()
}

// where formats a position as file:line:column.
func (r *Result) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return r.pass.Fset.Position(pos).String()
}

// imported reads the Fact of a function of another package.
func (r *Result) imported(fn *ssa.Function) *funcSets {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return &funcSets{}
	}
	var f Fact
	if !r.pass.ImportObjectFact(obj.Origin(), &f) {
		return &funcSets{}
	}
	s := &funcSets{results: make([][]Value, fn.Signature.Results().Len())}
	for _, fs := range f.Returns {
		site := Site{At: fs.At, Index: fs.Index}
		for _, v := range fs.Values {
			x := Value{Exact: v.Exact, Name: r.names[v.Exact], Via: v.Via}
			site.Vals = addValue(site.Vals, x)
			if fs.Index < len(s.results) {
				s.results[fs.Index] = addValue(s.results[fs.Index], x)
			}
		}
		s.sites = append(s.sites, site)
	}
	return s
}

// export exports the Fact of each exported function and method of the
// package that may return a known status.
func (r *Result) export(fns []*ssa.Function) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != r.pass.Pkg || !obj.Exported() || fn.Blocks == nil {
			continue // other packages can name only exported functions
		}
		if f := factOf(r.of(fn)); f != nil {
			r.pass.ExportObjectFact(obj, f)
		}
	}
}

// exportsStatus reports whether the package declares an exported function
// or method with an NDIS_STATUS result: only those have facts to export,
// and a package without one needs no SSA for this engine.
func exportsStatus(pass *analysis.Pass, api *ndisapi.API) bool {
	for id, obj := range pass.TypesInfo.Defs {
		fn, ok := obj.(*types.Func)
		if !ok || id == nil || !fn.Exported() {
			continue
		}
		res := fn.Signature().Results()
		for i := 0; i < res.Len(); i++ {
			if api.IsStatus(res.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// valuesOf returns the statuses v may hold.
func (r *Result) valuesOf(v ssa.Value, seen map[ssa.Value]bool) []Value {
	if seen[v] {
		return nil
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && r.api.IsStatus(v.Type()) {
			return []Value{r.value(v.Value.ExactString())}
		}
	case *ssa.Phi:
		var out []Value
		for _, e := range v.Edges {
			for _, x := range r.valuesOf(e, seen) {
				out = addValue(out, x)
			}
		}
		return out
	case *ssa.ChangeType:
		return r.valuesOf(v.X, seen)
	case *ssa.Convert:
		return r.valuesOf(v.X, seen)
	case *ssa.Call:
		return r.callValues(v.Common(), 0, v.Pos())
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return r.callValues(c.Common(), v.Index, c.Pos())
		}
	case *ssa.UnOp:
		if alloc, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			return r.stored(alloc, seen)
		}
	}
	return nil
}

// value makes the Value of a constant of the function itself.
func (r *Result) value(exact string) Value {
	return Value{Exact: exact, Name: r.names[exact]}
}

// stored returns the statuses stored into a local whose address is taken:
// by the function itself, and by the closures it is captured by.
func (r *Result) stored(addr ssa.Value, seen map[ssa.Value]bool) []Value {
	var out []Value
	refs := addr.Referrers()
	if refs == nil {
		return nil
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != addr {
				continue
			}
			for _, x := range r.valuesOf(ref.Val, seen) {
				out = addValue(out, x)
			}
		case *ssa.MakeClosure:
			out = r.storedByClosure(ref, addr, seen, out)
		}
	}
	return out
}

// storedByClosure adds the statuses a closure stores into the captured
// variable addr.
func (r *Result) storedByClosure(mc *ssa.MakeClosure, addr ssa.Value, seen map[ssa.Value]bool, out []Value) []Value {
	cl, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return out
	}
	for i, b := range mc.Bindings {
		if b != addr || i >= len(cl.FreeVars) || seen[cl.FreeVars[i]] {
			continue
		}
		seen[cl.FreeVars[i]] = true
		for _, x := range r.stored(cl.FreeVars[i], seen) {
			out = addValue(out, x)
		}
	}
	return out
}

// callValues returns what result index of a static call may be: a DDI's
// NDIS_STATUS_PENDING when the catalogue says it pends, a helper's statuses
// from its body or its Fact.
func (r *Result) callValues(c *ssa.CallCommon, index int, pos token.Pos) []Value {
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := r.api.DDI(obj); d != nil {
			return r.ddiValues(d, index, pos)
		}
	}
	sets := r.of(callee)
	if index >= len(sets.results) {
		return nil
	}
	var out []Value
	for _, x := range sets.results[index] {
		if x.Via == "" {
			x.Via = "helper " + callee.Name()
		}
		x.Pos = pos
		out = addValue(out, x)
	}
	return out
}

// ddiValues returns what result index of a call of DDI d may be that the
// analysis knows: NDIS_STATUS_PENDING from a DDI that pends.
func (r *Result) ddiValues(d *rules.DDI, index int, pos token.Pos) []Value {
	pending := r.api.StatusConst(rules.StatusPending)
	if !d.Pends || pending == nil || index != 0 {
		return nil
	}
	x := r.value(pending.Val().ExactString())
	x.Via, x.Pos = d.Name, pos
	return []Value{x}
}

// addValue adds x to a set of values unless one with the same value and
// origin is there.
func addValue(xs []Value, x Value) []Value {
	for _, y := range xs {
		if y.Exact == x.Exact && y.Via == x.Via {
			return xs
		}
	}
	return append(xs, x)
}
