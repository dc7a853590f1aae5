// Package vclifetime defines an Analyzer that checks the lifetime of CoNDIS
// VC handles in clients, above all the rule of the
// ProtocolClCloseCallComplete page: once ProtocolClCloseCallComplete runs
// for a VC the call manager created, the client's NdisVcHandle for it is
// dead.
//
// See doc.go for the rules and what the pass cannot see.
package vclifetime

import (
	"go/ast"
	"go/token"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"

	"github.com/ndislint/ndislint/rules"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
)

// Analyzer checks the lifetime of CoNDIS VC handles.
var Analyzer = &analysis.Analyzer{
	Name:      passName,
	Doc:       doc,
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/vclifetime",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(summary.Fact), new(provFact)},
}

// checker holds one run's state.
type checker struct {
	pass     *analysis.Pass
	api      *ndisapi.API
	ssa      *buildssa.SSA
	roles    *rolebind.Result
	sum      *summary.Builder
	prov     map[string]*FieldProv
	rep      *suppress.Reporter
	reported map[string]bool
	// candidates are handler reports kept until all callbacks are seen.
	candidates map[string]candidate
	calls      map[token.Pos]*ast.CallExpr // by Lparen, built on first use
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed {
		return nil, nil // the package does not use the runtime
	}
	api := front.API
	c := &checker{
		pass:       pass,
		api:        api,
		ssa:        front.SSA(),
		roles:      front.Roles,
		sum:        summary.NewBuilder(pass, api),
		rep:        front.Reporter(pass, rules.RuleIDs(passName)),
		reported:   map[string]bool{},
		candidates: map[string]candidate{},
	}
	c.prov = c.provenance()
	c.sum.Export(c.ssa.SrcFuncs)
	c.checkHandlers()
	c.checkSequences()
	c.rep.Finish()
	return nil, nil
}

// fnOf returns the SSA function of a role binding.
func (c *checker) fnOf(b *rolebind.Binding) *ssa.Function {
	if b.Lit != nil {
		for _, f := range c.allFuncs() {
			if f.Syntax() == b.Lit {
				return f
			}
		}
		return nil
	}
	return c.ssa.Pkg.Prog.FuncValue(b.Fn)
}

// allFuncs returns the package's functions and, recursively, their function
// literals.
func (c *checker) allFuncs() []*ssa.Function {
	var out []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		out = append(out, f)
		for _, a := range f.AnonFuncs {
			add(a)
		}
	}
	for _, f := range c.ssa.SrcFuncs {
		if f.Parent() == nil {
			add(f)
		}
	}
	return out
}

// passName is the analyzer's name, also the Pass of its rules in package rules.
const passName = "vclifetime"

// callAt returns the call expression whose opening parenthesis is at pos (SSA
// positions calls there), or nil.
func (c *checker) callAt(pos token.Pos) *ast.CallExpr {
	if c.calls == nil {
		c.calls = map[token.Pos]*ast.CallExpr{}
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					c.calls[call.Lparen] = call
				}
				return true
			})
		}
	}
	return c.calls[pos]
}
