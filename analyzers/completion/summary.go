package completion

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
)

// effect is a completion a function makes on every path to its returns,
// of the request one of its roots (a parameter or free variable) names:
// what a caller learns of it.
type effect struct {
	// ddi is the completing DDI's NDIS name.
	ddi string
	// root and chain are the request's access path in the function.
	root  int
	chain string
	// pos is the DDI call when it is in this package; at is its position
	// as text; via says how the function reaches it ("" when it calls the
	// DDI itself).
	pos token.Pos
	at  string
	via string
}

// summarize returns the completions the function makes on every path that
// returns: one effect per request, for requests its roots name. A function
// the walk could not judge, or with no path that returns, has none.
func (w *walk) summarize() []effect {
	res := w.res
	if !res.judged || len(res.outcomes) == 0 {
		return nil
	}
	type seen struct {
		ef  effect
		min int
	}
	var order []string
	all := map[string]*seen{}
	for i, o := range res.outcomes {
		count := map[string]int{}
		for _, e := range o.events {
			root := rootIndex(w.fn, e.key.root)
			if root < 0 {
				continue
			}
			k := fmt.Sprintf("%s|%d|%s", e.c.ddi.Name, root, e.key.chain)
			count[k]++
			if i == 0 && all[k] == nil {
				all[k] = &seen{ef: effect{ddi: e.c.ddi.Name, root: root, chain: e.key.chain, pos: innerPos(e), at: e.innerAt, via: e.via}, min: 1 << 30}
				order = append(order, k)
			}
		}
		for k, s := range all {
			if count[k] < s.min {
				s.min = count[k]
			}
		}
	}
	var out []effect
	for _, k := range order {
		if all[k].min >= 1 {
			out = append(out, all[k].ef)
		}
	}
	return out
}

// innerPos is the position of an event's completing DDI call.
func innerPos(e event) token.Pos {
	if e.inner.IsValid() {
		return e.inner
	}
	if e.via == "" {
		return e.pos
	}
	return token.NoPos
}

// effectsOf returns fn's effects: from its walk for a function of this
// package, from its Fact for an exported function of another.
func (c *checker) effectsOf(fn *ssa.Function) []effect {
	if fn.Blocks != nil {
		return c.walked(fn).effects
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	var f FuncFact
	if !c.pass.ImportObjectFact(obj.Origin(), &f) {
		return nil
	}
	var out []effect
	for _, fe := range f.Effects {
		out = append(out, effect{ddi: fe.DDI, root: fe.Root, chain: fe.Chain, at: fe.At, via: fe.Via})
	}
	return out
}

// FuncFact is exported for an exported function or method that completes
// a request on every path to its returns: the completing DDI and the
// parameter (and fields) that name the request, so that callers in other
// packages see the completion.
type FuncFact struct {
	Effects []FactEffect
}

// FactEffect is one completion of a FuncFact.
type FactEffect struct {
	// DDI is the completing DDI's NDIS name.
	DDI string
	// Root is the parameter's index (a method's receiver is 0), Chain the
	// fields taken from it (".ndisVcHandle").
	Root  int
	Chain string
	// At is the DDI call's position; Via how the function reaches it.
	At, Via string
}

// AFact marks FuncFact as an analysis fact.
func (*FuncFact) AFact() {}

// String prints the fact for analysistest's fact expectations:
// completes(NdisCmMakeCallComplete p0.ndisVcHandle).
func (f *FuncFact) String() string {
	var parts []string
	for _, e := range f.Effects {
		parts = append(parts, fmt.Sprintf("%s p%d%s", e.DDI, e.Root, e.Chain))
	}
	return "completes(" + strings.Join(parts, ", ") + ")"
}

// exportFuncFacts exports the FuncFact of every exported function and
// method of the package that completes a request.
func (c *checker) exportFuncFacts() {
	for _, fn := range c.ssa.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != c.pass.Pkg || !obj.Exported() {
			continue
		}
		effs := c.walked(fn).effects
		if len(effs) == 0 {
			continue
		}
		f := &FuncFact{}
		for _, e := range effs {
			f.Effects = append(f.Effects, FactEffect{DDI: e.ddi, Root: e.root, Chain: e.chain, At: e.at, Via: e.via})
		}
		c.pass.ExportObjectFact(obj, f)
	}
}

// PackageFact says which completing DDIs a package and the packages it
// imports use (call, or take as a value): pending-never-completed holds a
// handler's pended request against it.
type PackageFact struct {
	// Uses are the NDIS names, sorted.
	Uses []string
	// Unknown is true when an imported package that may use the runtime
	// has no fact: then no completion can be ruled out.
	Unknown bool
}

// AFact marks PackageFact as an analysis fact.
func (*PackageFact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *PackageFact) String() string {
	s := "uses(" + strings.Join(f.Uses, ", ") + ")"
	if f.Unknown {
		s += " and unknown"
	}
	return s
}

// exportPackageFact computes and exports the package's PackageFact, and
// returns it.
func (c *checker) exportPackageFact() *PackageFact {
	uses := map[string]bool{}
	for _, obj := range c.pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok {
			if d := c.api.DDI(fn); d != nil && d.Completes != "" {
				uses[d.Name] = true
			}
		}
	}
	f := &PackageFact{}
	for _, imp := range c.pass.Pkg.Imports() {
		var g PackageFact
		switch {
		case c.pass.ImportPackageFact(imp, &g):
			for _, u := range g.Uses {
				uses[u] = true
			}
			f.Unknown = f.Unknown || g.Unknown
		case mayUseRuntime(imp, map[*types.Package]bool{}):
			f.Unknown = true
		}
	}
	for u := range uses {
		f.Uses = append(f.Uses, u)
	}
	sort.Strings(f.Uses)
	c.pass.ExportPackageFact(f)
	return f
}

// mayUseRuntime reports whether a package without a PackageFact may call
// the runtime's DDIs: it imports ndis, directly or not, and is not the
// runtime itself (whose DDIs are the catalogue's, not a driver's uses).
func mayUseRuntime(p *types.Package, seen map[*types.Package]bool) bool {
	if seen[p] || ndisapi.IsRuntime(p.Path()) {
		return false
	}
	seen[p] = true
	for _, imp := range p.Imports() {
		if imp.Path() == ndisapi.NdisPath || mayUseRuntime(imp, seen) {
			return true
		}
	}
	return false
}
