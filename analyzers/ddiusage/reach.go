package ddiusage

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

// Fact is what an exported function of an analysed package reaches, for
// the packages that call it: the DDIs it calls, directly or through the
// functions it calls, whether it makes a call the pass cannot follow, and
// what it does with the handles at its parameters (bad-handle).
type Fact struct {
	DDIs   []string
	Opaque bool
	// Handles are what the function does with the handles at its
	// parameters, for bad-handle (released_helpers.go).
	Handles []HandleUse
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Fact) String() string {
	s := "reaches(" + strings.Join(f.DDIs, ", ") + ")"
	if f.Opaque {
		s += " opaque"
	}
	for _, u := range f.Handles {
		verb := "uses"
		if u.Releases {
			verb = "releases"
		}
		s += fmt.Sprintf(" %s(param %d: %s's %s)", verb, u.Param, u.DDI, u.DDIParam)
	}
	return s
}

// reach is what one function reaches: each DDI with the positions in this
// package where a path to it leaves the package's code (the DDI's calls,
// or the calls of another package's functions that reach it), in order,
// and whether some call cannot be followed.
type reach struct {
	ddis   map[string][]token.Pos
	opaque bool
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	front *ndisfacts.Result
	api   *ndisapi.API
	rep   *suppress.Reporter
	ssa   *buildssa.SSA
	// sts tells the statuses each return may carry.
	sts *statuses.Result
	// bySyntax finds the SSA function of a function literal.
	bySyntax map[ast.Node]*ssa.Function
	memo     map[*ssa.Function]*reach
	busy     map[*ssa.Function]bool
	reported map[string]bool
	// takers are the DDI parameters that take released pairs' handles
	// (takersByDDI), helpers the summaries of the package's functions
	// (released_helpers.go); both made on first use.
	takers  map[string][]taker
	helpers *helpers
}

// newChecker prepares a run.
func newChecker(pass *analysis.Pass, front *ndisfacts.Result) *checker {
	c := &checker{
		pass: pass, front: front, api: front.API,
		rep:      front.Reporter(pass, rules.RuleIDs(rules.PassDDIUsage)),
		ssa:      front.SSA(),
		sts:      statuses.Of(pass),
		bySyntax: map[ast.Node]*ssa.Function{},
		memo:     map[*ssa.Function]*reach{},
		busy:     map[*ssa.Function]bool{},
		reported: map[string]bool{},
	}
	for _, fn := range c.ssa.SrcFuncs {
		if s := fn.Syntax(); s != nil {
			c.bySyntax[s] = fn
		}
	}
	return c
}

// reached returns what fn reaches, memoised; a function being walked
// (recursion) contributes nothing more.
func (c *checker) reached(fn *ssa.Function) *reach {
	if r := c.memo[fn]; r != nil {
		return r
	}
	r := &reach{ddis: map[string][]token.Pos{}}
	if c.busy[fn] {
		return r
	}
	c.busy[fn] = true
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Call:
				c.call(r, &x.Call, x.Pos())
			case *ssa.Defer:
				c.call(r, &x.Call, x.Pos())
			}
		}
	}
	delete(c.busy, fn)
	c.memo[fn] = r
	return r
}

// call adds what one call reaches to r.
func (c *checker) call(r *reach, cc *ssa.CallCommon, pos token.Pos) {
	callee := cc.StaticCallee()
	if callee == nil {
		if _, builtin := cc.Value.(*ssa.Builtin); !builtin {
			r.opaque = true
		}
		return
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := c.api.DDI(obj); d != nil {
			add(r, d.Name, pos)
			return
		}
		if callee.Pkg != c.ssa.Pkg && callee.Parent() == nil {
			var f Fact
			if c.pass.ImportObjectFact(obj, &f) {
				for _, n := range f.DDIs {
					add(r, n, pos)
				}
				r.opaque = r.opaque || f.Opaque
			}
			return
		}
	}
	if callee.Pkg != c.ssa.Pkg && callee.Parent() == nil {
		return // a function of a package with no fact: it reaches no DDI
	}
	sub := c.reached(callee)
	for n, ps := range sub.ddis {
		for _, p := range ps {
			add(r, n, p)
		}
	}
	r.opaque = r.opaque || sub.opaque
}

// add records a DDI reached at pos, keeping the positions sorted and
// unique.
func add(r *reach, name string, pos token.Pos) {
	ps := r.ddis[name]
	i := sort.Search(len(ps), func(i int) bool { return ps[i] >= pos })
	if i < len(ps) && ps[i] == pos {
		return
	}
	r.ddis[name] = append(ps[:i], append([]token.Pos{pos}, ps[i:]...)...)
}

// exportFacts exports what each exported function and method reaches.
func (c *checker) exportFacts() {
	for _, fn := range c.ssa.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Parent() != nil {
			continue
		}
		r := c.reached(fn)
		if len(r.ddis) == 0 && !r.opaque {
			continue
		}
		f := &Fact{DDIs: sortedNames(r), Opaque: r.opaque}
		if s := c.summary(fn); s != nil {
			f.Handles = handleUses(s, len(fn.Params))
		}
		c.pass.ExportObjectFact(obj, f)
	}
}

// sortedNames returns the DDIs of r by name.
func sortedNames(r *reach) []string {
	names := make([]string, 0, len(r.ddis))
	for n := range r.ddis {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// byPosition returns the DDIs of r in order of their first position (then
// by name).
func byPosition(r *reach) []string {
	names := sortedNames(r)
	sort.SliceStable(names, func(i, j int) bool { return r.ddis[names[i]][0] < r.ddis[names[j]][0] })
	return names
}

// report reports once per rule, position and message.
func (c *checker) report(rule string, pos token.Pos, related []analysis.RelatedInformation, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := fmt.Sprintf("%s|%d|%s", rule, pos, msg)
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	end := pos
	if call := c.front.CallAt(pos); call != nil {
		pos, end = call.Pos(), call.End()
	}
	c.rep.Reportf(rule, pos, end, related, "%s", msg)
}

// funcObject returns the declared function of an SSA function, or nil.
func funcObject(fn *ssa.Function) *types.Func {
	obj, _ := fn.Object().(*types.Func)
	return obj
}
