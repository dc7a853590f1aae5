package nblown

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

//go:embed doc.go
var doc string

// Analyzer checks that a NET_BUFFER_LIST is not used after a DDI handed it
// to NDIS or released it.
var Analyzer = &analysis.Analyzer{
	Name:      rules.PassNblown,
	Doc:       passdoc.MustExtract(doc, rules.PassNblown),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/nblown",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(Fact)},
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	front *ndisfacts.Result
	cat   *rules.Catalogue
	pkg   *ssa.Package
	rep   *suppress.Reporter
	// sums memoises each local function's parameter handoffs; busy guards
	// recursion.
	sums map[*ssa.Function]map[int]*ParamHandoff
	busy map[*ssa.Function]bool
	// nodes indexes the selector and star expressions of the package by the
	// position SSA gives their instructions.
	nodes map[token.Pos]ast.Node
	// reported keeps one report per touch.
	reported map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed || front.API.Ndis == nil || !hasHandoffs(front.API.Cat) {
		return nil, nil // the package does not use the runtime, or nothing hands lists off
	}
	pkg := front.SSA()
	c := &checker{
		pass:     pass,
		front:    front,
		cat:      front.API.Cat,
		pkg:      pkg.Pkg,
		rep:      front.Reporter(pass, rules.RuleIDs(rules.PassNblown)),
		sums:     map[*ssa.Function]map[int]*ParamHandoff{},
		busy:     map[*ssa.Function]bool{},
		reported: map[token.Pos]bool{},
	}
	for _, fn := range pkg.SrcFuncs {
		c.checkFunc(fn)
	}
	c.exportFacts(pkg.SrcFuncs)
	c.rep.Finish()
	return nil, nil
}

// hasHandoffs reports whether some DDI of the catalogue hands lists off.
func hasHandoffs(cat *rules.Catalogue) bool {
	for i := range cat.DDIs {
		for _, p := range cat.DDIs[i].Params {
			if p.Handoff != nil {
				return true
			}
		}
	}
	return false
}

// checkFunc reports the touches after each handoff in fn.
func (c *checker) checkFunc(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for i, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			for _, h := range c.handoffsAt(call) {
				for _, t := range touchesAfter(b, i, h.nbl, c.isDDI) {
					c.report(h, t)
				}
			}
		}
	}
}

// exportFacts exports the parameter handoffs of the package's exported
// functions and methods.
func (c *checker) exportFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Parent() != nil {
			continue
		}
		if f := factOf(c.summary(fn)); f != nil {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// isDDI reports whether a call is a static call of a DDI.
func (c *checker) isDDI(com *ssa.CallCommon) bool {
	callee := com.StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	return ok && c.front.API.DDI(obj) != nil
}
