// Package statuses computes which NDIS_STATUS constants a function may
// return, at each of its returns: the constants themselves, through local
// variables and phis, through helpers (in other packages through facts), and
// NDIS_STATUS_PENDING from a DDI that may pend. It generalises
// summary.Pending from one status to all of them, for the checks of a
// role's return values against its page.
//
// Only what is known is listed: a status that comes from a parameter, a
// field, an interface call or arithmetic adds nothing (no report can come
// from what the analysis cannot tell).
package statuses

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
)

// Value is one status a return may carry.
type Value struct {
	// Exact is the constant's exact value ("259" for NDIS_STATUS_PENDING).
	Exact string
	// Via names where it comes from when it is not a constant of the
	// function itself: a helper ("helper newVc") or a DDI ("NdisClCloseCall").
	Via string
	// Pos is the call that brings it, when Via is set and the call is in
	// the package being analysed.
	Pos token.Pos
}

// Site is one return of a function and the statuses it may return, for the
// result at Index.
type Site struct {
	// Pos is the return statement (the closing brace for an implicit one).
	Pos   token.Pos
	Index int
	Vals  []Value
}

// Fact is the exported form of a function's status sets: for each result
// index, the exact values it may return (nil for results that are not
// NDIS_STATUS). Slices, not maps, so that facts are deterministic.
type Fact struct {
	Results [][]string
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Fact) String() string {
	var parts []string
	for _, r := range f.Results {
		if len(r) > 0 {
			parts = append(parts, strings.Join(r, ","))
		} else {
			parts = append(parts, "-")
		}
	}
	return "statuses{" + strings.Join(parts, "; ") + "}"
}

// Analysis computes status sets for the functions of one package.
type Analysis struct {
	pass    *analysis.Pass
	api     *ndisapi.API
	pending *types.Const
	memo    map[*ssa.Function]*funcSets
	busy    map[*ssa.Function]bool
}

// funcSets is what one function may return.
type funcSets struct {
	sites   []Site
	results [][]Value // per result index, the union over its returns
}

// New returns an Analysis for pass.
func New(pass *analysis.Pass, api *ndisapi.API) *Analysis {
	return &Analysis{pass: pass, api: api, pending: api.Status("StatusPending"),
		memo: map[*ssa.Function]*funcSets{}, busy: map[*ssa.Function]bool{}}
}

// Sites returns the returns of fn (a function with a body) with the
// statuses each may return.
func (a *Analysis) Sites(fn *ssa.Function) []Site {
	return a.of(fn).sites
}

// Pending returns the exact value of NDIS_STATUS_PENDING, or "".
func (a *Analysis) Pending() string {
	if a.pending == nil {
		return ""
	}
	return a.pending.Val().ExactString()
}

// of returns fn's sets, computing them once.
func (a *Analysis) of(fn *ssa.Function) *funcSets {
	if s, ok := a.memo[fn]; ok {
		return s
	}
	if a.busy[fn] {
		return &funcSets{} // recursion: the cycle adds nothing known
	}
	if fn.Blocks == nil {
		s := a.imported(fn)
		a.memo[fn] = s
		return s
	}
	a.busy[fn] = true
	s := a.compute(fn)
	delete(a.busy, fn)
	a.memo[fn] = s
	return s
}

// compute walks the returns of fn.
func (a *Analysis) compute(fn *ssa.Function) *funcSets {
	n := fn.Signature.Results().Len()
	s := &funcSets{results: make([][]Value, n)}
	for _, blk := range fn.Blocks {
		r, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for i, v := range r.Results {
			if !a.isStatus(v.Type()) {
				continue
			}
			vals := a.valuesOf(fn, v, map[ssa.Value]bool{})
			pos := r.Pos()
			if !pos.IsValid() {
				pos = endOf(fn)
			}
			s.sites = append(s.sites, Site{Pos: pos, Index: i, Vals: vals})
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

// imported reads the fact of a function of another package.
func (a *Analysis) imported(fn *ssa.Function) *funcSets {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return &funcSets{}
	}
	var f Fact
	if !a.pass.ImportObjectFact(obj, &f) {
		return &funcSets{}
	}
	s := &funcSets{results: make([][]Value, len(f.Results))}
	for i, r := range f.Results {
		for _, e := range r {
			s.results[i] = append(s.results[i], Value{Exact: e})
		}
	}
	return s
}

// Export exports the sets of the package's exported functions and methods.
func (a *Analysis) Export(fns []*ssa.Function) {
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != a.pass.Pkg || !obj.Exported() || fn.Blocks == nil {
			continue
		}
		s := a.of(fn)
		f := &Fact{Results: make([][]string, len(s.results))}
		known := false
		for i, r := range s.results {
			for _, v := range r {
				f.Results[i] = addExact(f.Results[i], v.Exact)
				known = true
			}
		}
		if known {
			a.pass.ExportObjectFact(obj, f)
		}
	}
}

// valuesOf returns the statuses v may hold.
func (a *Analysis) valuesOf(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool) []Value {
	if seen[v] {
		return nil
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && a.isStatus(v.Type()) {
			return []Value{{Exact: v.Value.ExactString()}}
		}
	case *ssa.Phi:
		var out []Value
		for _, e := range v.Edges {
			for _, x := range a.valuesOf(fn, e, seen) {
				out = addValue(out, x)
			}
		}
		return out
	case *ssa.ChangeType:
		return a.valuesOf(fn, v.X, seen)
	case *ssa.Convert:
		return a.valuesOf(fn, v.X, seen)
	case *ssa.Call:
		return a.callValues(v.Common(), 0, v.Pos())
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return a.callValues(c.Common(), v.Index, c.Pos())
		}
	case *ssa.UnOp:
		if alloc, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			return a.stored(fn, alloc, seen)
		}
	}
	return nil
}

// stored returns the statuses stored into a local whose address is taken:
// by the function itself, and by the closures it is captured by.
func (a *Analysis) stored(fn *ssa.Function, addr ssa.Value, seen map[ssa.Value]bool) []Value {
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
			for _, x := range a.valuesOf(ref.Parent(), ref.Val, seen) {
				out = addValue(out, x)
			}
		case *ssa.MakeClosure:
			out = a.storedByClosure(ref, addr, seen, out)
		}
	}
	return out
}

// storedByClosure adds the statuses a closure stores into the captured
// variable addr.
func (a *Analysis) storedByClosure(mc *ssa.MakeClosure, addr ssa.Value, seen map[ssa.Value]bool, out []Value) []Value {
	cl, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return out
	}
	for i, b := range mc.Bindings {
		if b != addr || i >= len(cl.FreeVars) || seen[cl.FreeVars[i]] {
			continue
		}
		seen[cl.FreeVars[i]] = true
		for _, x := range a.stored(cl, cl.FreeVars[i], seen) {
			out = addValue(out, x)
		}
	}
	return out
}

// callValues returns what result index of a static call may be.
func (a *Analysis) callValues(c *ssa.CallCommon, index int, pos token.Pos) []Value {
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := a.api.DDI(obj); d != nil {
			if d.Pends && a.pending != nil && index == 0 {
				return []Value{{Exact: a.Pending(), Via: d.Name, Pos: pos}}
			}
			return nil
		}
	}
	sets := a.of(callee)
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

// isStatus reports whether t is ndis.Status.
func (a *Analysis) isStatus(t types.Type) bool {
	if a.pending == nil {
		return false
	}
	return types.Identical(t, a.pending.Type())
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

// addExact adds e to a sorted set of exact values.
func addExact(xs []string, e string) []string {
	i := sort.SearchStrings(xs, e)
	if i < len(xs) && xs[i] == e {
		return xs
	}
	xs = append(xs, "")
	copy(xs[i+1:], xs[i:])
	xs[i] = e
	return xs
}
