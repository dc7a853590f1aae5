package vclifetime

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

//go:embed doc.go
var doc string

// Analyzer checks the lifetime of CoNDIS VC handles.
var Analyzer = &analysis.Analyzer{
	Name:      rules.PassVclifetime,
	Doc:       passdoc.MustExtract(doc, rules.PassVclifetime),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/vclifetime",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer, statuses.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(summary.Fact), new(provFact)},
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	front *ndisfacts.Result
	api   *ndisapi.API
	ssa   *buildssa.SSA
	roles *rolebind.Result
	m     *model
	// owned are the role/status pairs this pass reports for the roles
	// pass (the registry's Owns of vc-delete-handler-pends).
	owned []rules.RoleStatus
	// sts is the shared status engine's result.
	sts      *statuses.Result
	sum      *summary.Builder
	prov     map[string]*FieldProv
	rep      *suppress.Reporter
	reported map[string]bool
	// candidates are handler reports kept until all callbacks are seen.
	candidates map[string]candidate
	// cbs are the client's callbacks; reach indexes the uses their
	// summaries reach in other functions, by the DDI call's position.
	cbs   []callback
	reach map[summary.SiteKey][]reached
	// dead are the uses of a handle after a close that completed
	// synchronously, to be judged in the callbacks that reach them.
	dead []deadUse
	// statusVals caches statusVal; completers closeCompleters.
	statusVals   map[string]string
	completers   map[string]bool
	completerFns map[*types.Func]bool
	// conds answers questions about condition lists; endWheres are the
	// DDI calls the role that ends a VC reaches with its context.
	conds     condMemo
	endWheres map[summary.SiteKey]bool
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
		front:      front,
		ssa:        front.SSA(),
		roles:      front.Roles,
		m:          newModel(api.Cat),
		sts:        statuses.Of(pass),
		rep:        front.Reporter(pass, rules.RuleIDs(rules.PassVclifetime)),
		reported:   map[string]bool{},
		candidates: map[string]candidate{},
	}
	c.sum = summary.NewBuilder(pass, api, c.ssa.SrcFuncs)
	if r := rules.LookupRule(rules.RuleVcDeleteHandlerPends); r != nil {
		c.owned = r.Owns
	}
	c.sum.Export(c.ssa.SrcFuncs)
	c.prov = c.provenance()
	c.checkHandlers()
	c.checkSequences()
	c.flush()
	c.rep.Finish()
	return nil, nil
}

// fnOf returns the SSA function of a role binding.
func (c *checker) fnOf(b *rolebind.Binding) *ssa.Function {
	if b.Lit != nil {
		for _, f := range c.ssa.SrcFuncs {
			if f.Syntax() == b.Lit {
				return f
			}
		}
		return nil
	}
	return c.ssa.Pkg.Prog.FuncValue(b.Fn)
}

// callAt returns the call expression whose opening parenthesis is at pos
// (SSA positions calls there), or nil.
func (c *checker) callAt(pos token.Pos) *ast.CallExpr { return c.front.CallAt(pos) }
